// The built bin, spawned the way scripts run it: no TTY, stdin closed, real files. Exit codes,
// one-line errors without stack traces, one JSON object on stdout, nothing half-written.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT, type Spawned } from '../support/built-bin.js';
import { copyFixture, readText } from '../support/cli-harness.js';
import { registryBinaryStatus, startRegistry } from '../support/registry.js';
import { pushNodeImageIndex } from '../support/registry-push.js';

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: cacheHome, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

let cacheHome = '';
const cleanups: (() => Promise<void>)[] = [];
async function fixture(name: string) {
  const copy = await copyFixture(name);
  cleanups.push(copy.cleanup);
  return copy.dir;
}

beforeAll(async () => {
  assertBuilt();
  const scratch = await copyFixture('worker');
  cleanups.push(scratch.cleanup);
  cacheHome = path.join(scratch.dir, '.cache-home'); // an empty image cache: offline runs use the snapshot
});
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

function expectOneLineError(result: Spawned, code: number, pattern: RegExp) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^create-secure-node-docker: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('bin: conventions', () => {
  it('--help prints usage, examples and exit codes on stdout', async () => {
    const result = await run(['--help'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--writable-dir');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toMatch(/4 +base image could not be resolved/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await run(['--version'], ROOT);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('an unknown flag is exit 2 with one line', async () => {
    expectOneLineError(await run(['--frobnicate'], ROOT), 2, /Unknown argument: frobnicate/);
  });
});

describe('bin: bad input', () => {
  it.each([
    [['--port', '0'], /--port must be from 1 to 65535/],
    [['--port', '65536'], /--port must be from 1 to 65535/],
    [['--port', 'abc'], /--port must be a whole number/],
    [['--entry', '../escape.js'], /inside the project/],
    [['--entry', 'missing.js'], /missing.js does not exist/],
    [['--entry', 'server.js"; rm -rf /'], /only letters/],
    [['--writable-dir', 'a\nRUN id'], /only letters/],
    [['--digest', 'sha256:nothex'], /64 lowercase hex/],
  ])('%j: exit 2, one line, nothing written', async (args, pattern) => {
    const dir = await fixture('express-cjs');
    const before = (await readdir(dir)).sort();
    expectOneLineError(await run(['--yes', '--offline', ...args], dir), 2, pattern);
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('malformed package.json names the file', async () => {
    const dir = await fixture('express-cjs');
    await writeFile(path.join(dir, 'package.json'), '{ "name": "x", ');
    expectOneLineError(await run(['--yes', '--offline'], dir), 2, /package\.json/);
  });

  it('a directory that does not exist', async () => {
    expectOneLineError(await run(['no/such/dir', '--yes', '--offline'], ROOT), 2, /not a directory/);
  });

  it('a path the tool must write that is a directory: exit 2, nothing written', async () => {
    const dir = await fixture('express-cjs');
    await mkdir(path.join(dir, 'compose.yaml'));
    const result = await run(['--yes', '--offline', '--force'], dir);
    expectOneLineError(result, 2, /compose\.yaml/);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });
});

describe('bin: scripted runs', () => {
  it('--json --dry-run prints exactly one JSON object and writes nothing', async () => {
    const dir = await fixture('fastify-esm');
    const result = await run(['--yes', '--offline', '--dry-run', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      files: { path: string; action: string }[];
      image: { ref: string; version: string; digest: string; source: string };
      recipe: { id: string; label: string; command: string[]; shutdown: string };
      warnings: string[];
      build: { context: string; dockerfile: string };
    };
    expect(Object.keys(report).sort()).toEqual(['build', 'files', 'image', 'recipe', 'warnings', 'written']);
    expect(report.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(report.recipe).toEqual({ id: 'node', label: 'Node.js', command: ['node', 'src/index.js'], shutdown: 'preload' });
    expect(report.files.map((f) => f.path)).toEqual(['Dockerfile', '.dockerignore', 'compose.yaml', 'README.Docker.md', 'graceful-shutdown.cjs']);
    expect(report.files.every((f) => f.action === 'create')).toBe(true);
    expect(report.image.source).toBe('snapshot');
    expect(report.image.ref).toBe(`node:${report.image.version}-alpine3.24@${report.image.digest}`);
    expect(report.warnings.join(' ')).toMatch(/snapshot/);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });

  it('without a TTY and without --yes it does not wait for input', async () => {
    const dir = await fixture('express-cjs');
    const result = await run(['--offline'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(await readText(dir, 'Dockerfile')).toContain('CMD ["dumb-init","node","--require","./graceful-shutdown.cjs","server.js"]');
  });

  it('a second identical run reports every file unchanged', async () => {
    const dir = await fixture('express-cjs');
    expect((await run(['--yes', '--offline'], dir)).code).toBe(0);
    const again = await run(['--yes', '--offline', '--json'], dir);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { files: { action: string }[] };
    expect(report.files.map((f) => f.action)).toEqual(Array(5).fill('unchanged'));
  });

  it('refuses to overwrite a changed file (exit 3, nothing written) unless --force', async () => {
    const dir = await fixture('existing-files');
    const before = await readText(dir, 'Dockerfile');
    const preview = await run(['--yes', '--offline', '--dry-run', '--force'], dir);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toMatch(/^-CMD npm start$/m);
    expect(preview.stderr).toMatch(/^\+USER 1000:1000$/m);
    expect(await readText(dir, 'Dockerfile')).toBe(before);

    const refused = await run(['--yes', '--offline'], dir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/Refusing to overwrite Dockerfile/);
    expect(await readText(dir, 'Dockerfile')).toBe(before);
    expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);

    const forced = await run(['--yes', '--offline', '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readText(dir, 'Dockerfile')).toContain('USER 1000:1000');
    const ignore = await readText(dir, '.dockerignore');
    expect(ignore).toContain('tmp/'); // the user's own line stays
    expect(ignore).toContain('**/.npmrc');
    expect(forced.stderr).toMatch(/!\.npmrc/);
  });

  it('an unreachable registry with --no-fallback is exit 4', async () => {
    const port = await closedPort();
    const dir = await fixture('express-cjs');
    const result = await run(['--yes', '--no-fallback', '--registry-mirror', `http://127.0.0.1:${port}`], dir);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });
});

describe('bin: against a real registry (docker-registry on 127.0.0.1)', () => {
  const status = registryBinaryStatus(); // prints why when it skips; under CI a missing binary throws

  it.skipIf(!status.available)('the bundled CLI pins the digest the mirror serves (source: registry)', async () => {
    const registry = await startRegistry();
    try {
      const pushed = await pushNodeImageIndex(registry, {
        repository: 'library/node',
        nodeVersion: '26.7.1',
        tags: ['26.7.1-alpine3.24', '26.7.1-alpine', '26-alpine', 'lts-alpine'],
      });
      const dir = await fixture('express-cjs');
      const result = await run(['--yes', '--json', '--no-fallback', '--registry-mirror', registry.url], dir);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { image: { ref: string; source: string; digest: string } };
      expect(report.image).toMatchObject({ source: 'registry', digest: pushed.indexDigest, ref: `node:26.7.1-alpine3.24@${pushed.indexDigest}` });
      expect(await readText(dir, 'Dockerfile')).toContain(`FROM node:26.7.1-alpine3.24@${pushed.indexDigest} AS base`);
    } finally {
      await registry.stop();
    }
  });
});

/** A port nothing listens on: bound once to learn a free number, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
