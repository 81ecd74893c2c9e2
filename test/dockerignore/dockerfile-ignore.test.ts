// Why a workspace package's ignore rules go into the root .dockerignore (issue 12), proven on the
// real engine: with a Dockerfile in apps/api given by -f, Docker Engine 20.10's BuildKit honours
// apps/api/Dockerfile.dockerignore and then does NOT read the root .dockerignore at all, while the
// legacy builder (DOCKER_BUILDKIT=0) never reads the per-Dockerfile file. Only the root file works
// with both. Skipped without an engine (see docker-context.test.ts); under E2E=1 the engine starts here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineForE2e } from '../e2e/rig/test-engine.js';

const stopEngine = await engineForE2e();
afterAll(stopEngine, 120_000);

const cli = process.env.E2E_DOCKER_CLI ?? 'docker';
const engine = process.env.DOCKER_HOST ? spawnSync(cli, ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }) : undefined;
const skipReason = !process.env.DOCKER_HOST ? 'DOCKER_HOST is not set' : engine?.status !== 0 ? `the engine does not answer: ${engine?.stderr.trim()}` : '';
if (skipReason) console.warn(`skipping the Dockerfile.dockerignore test: ${skipReason}`);

describe.skipIf(skipReason !== '')('<Dockerfile>.dockerignore next to a Dockerfile given with -f', () => {
  const work = skipReason ? '' : mkdtempSync(path.join(tmpdir(), 'dockerfile-ignore-'));
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A workspace-shaped context: root .dockerignore drops root-only.txt, apps/api/Dockerfile.dockerignore drops api-only.txt. */
  const context = () => {
    const dir = mkdtempSync(path.join(work, 'ctx-'));
    mkdirSync(path.join(dir, 'apps/api'), { recursive: true });
    for (const file of ['keep.txt', 'root-only.txt', 'api-only.txt']) writeFileSync(path.join(dir, file), 'x\n');
    writeFileSync(path.join(dir, '.dockerignore'), 'root-only.txt\n');
    writeFileSync(path.join(dir, 'apps/api/Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n');
    writeFileSync(path.join(dir, 'apps/api/Dockerfile.dockerignore'), 'api-only.txt\n');
    return dir;
  };
  const listed = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();

  it('BuildKit (Engine 20.10): the per-Dockerfile file is honoured and the root .dockerignore is not read', () => {
    const dir = context();
    const out = `${dir}-out`;
    const build = spawnSync(cli, ['build', '-q', '-f', 'apps/api/Dockerfile', '--output', `type=local,dest=${out}`, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '1' } });
    expect(build.status, build.stderr).toBe(0);
    expect(listed(path.join(out, 'ctx'))).toEqual(['keep.txt', 'root-only.txt']);
  });

  it('legacy builder: only the root .dockerignore is read', () => {
    const dir = context();
    const tag = `e2e/dockerfile-ignore-${process.pid}:legacy`;
    const out = `${dir}-out`;
    try {
      const build = spawnSync(cli, ['build', '-q', '-f', 'apps/api/Dockerfile', '-t', tag, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' } });
      expect(build.status, build.stderr).toBe(0);
      const id = spawnSync(cli, ['create', tag, 'none'], { encoding: 'utf8' }).stdout.trim();
      expect(id).not.toBe('');
      expect(spawnSync(cli, ['cp', `${id}:/ctx`, out], { encoding: 'utf8' }).status).toBe(0);
      spawnSync(cli, ['rm', id]);
      expect(listed(out)).toEqual(['api-only.txt', 'keep.txt']);
    } finally {
      spawnSync(cli, ['image', 'rm', '-f', tag]);
    }
  });
});
