// `npm init secure-node-docker` and `npx create-secure-node-docker` against a real registry: the
// packed tarball is published to Verdaccio (no uplinks), and both commands install it from there
// and run it on a fixture, exactly as a user's npm would. Needs E2E=1 (the rig's Verdaccio).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './rig/fixture-workspace.js';
import { startVerdaccio, type Verdaccio } from './rig/verdaccio.js';

const E2E = process.env.E2E === '1';
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Report {
  files: { path: string; action: string }[];
  image: { ref: string; source: string };
}

describe.skipIf(!E2E)('published package: npm init and npx install it from a registry and run it', () => {
  let verdaccio: Verdaccio;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    verdaccio = await startVerdaccio();
    work = mkdtempSync(path.join(tmpdir(), 'e2e-npm-init-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    await verdaccio.publish(path.join(work, tarball));
    // A user's npm pointed at the registry: its own config and an empty cache, so nothing local is used.
    const userconfig = path.join(work, 'user.npmrc');
    writeFileSync(userconfig, `registry=${verdaccio.url}\n//127.0.0.1:${verdaccio.port}/:_authToken=${verdaccio.token}\n`);
    env = { ...process.env, npm_config_userconfig: userconfig, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
  }, 300_000);

  afterAll(async () => {
    await verdaccio?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function runIn(command: string[], name: string): Promise<Report & { dir: string }> {
    const dir = path.join(work, name);
    cpSync(path.join(FIXTURES_DIR, 'express-cjs'), dir, { recursive: true });
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(command[0]!, command.slice(1), { cwd: dir, env, timeout: 120_000 }, (error, out, err) =>
        error ? reject(new Error(`${command.join(' ')} failed: ${err}`)) : resolve(out),
      );
    });
    // npm init may print its own banner first; our --json object is the last line.
    const json = stdout.trim().split('\n').pop() ?? '';
    return { dir, ...(JSON.parse(json) as Report) };
  }

  it('npm init secure-node-docker runs the published create-secure-node-docker', async () => {
    const report = await runIn(['npm', 'init', '--yes', 'secure-node-docker', '--', '--yes', '--offline', '--dry-run', '--json'], 'via-npm-init');
    expect(report.files.find((f) => f.path === 'Dockerfile')?.action).toBe('create');
    expect(report.image.ref).toMatch(/^node:\d+\.\d+\.\d+-alpine\d+\.\d+@sha256:[0-9a-f]{64}$/);
  });

  it('npx create-secure-node-docker writes the files', async () => {
    const report = await runIn(['npx', '--yes', 'create-secure-node-docker', '--yes', '--offline', '--json'], 'via-npx');
    expect(report.files.map((f) => f.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    expect(execFileSync('cat', [path.join(report.dir, 'Dockerfile')], { encoding: 'utf8' })).toContain('USER 1000:1000');
  });
});
