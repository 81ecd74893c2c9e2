// The built bin's code cache (src/cli/bundle-loader.ts), across real processes: the first run
// saves the compiled bundle in the user's cache folder, later runs take it (V8 accepts it: the files
// are not rewritten), and a damaged or unwritable cache, or NODE_DISABLE_COMPILE_CACHE, changes
// nothing a user sees. Each case runs a dry run whose report is compared with an uncached one.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, type Spawned } from '../support/built-bin.js';
import { copyFixture } from '../support/cli-harness.js';


let dir = '';
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  assertBuilt();
  const copy = await copyFixture('express-cjs');
  cleanups.push(copy.cleanup);
  dir = copy.dir;
});
afterAll(() => Promise.all(cleanups.map((c) => c())));

function dryRun(env: Record<string, string>): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--yes', '--offline', '--dry-run', '--json'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The one build folder under <cacheHome>/create-secure-node-docker/code-cache/<node>-<arch>/. */
async function cacheFiles(cacheHome: string): Promise<string[]> {
  const versions = path.join(cacheHome, 'create-secure-node-docker/code-cache');
  const nodeDir = `${process.version}-${process.arch}`;
  expect(await readdir(versions)).toEqual([nodeDir]);
  const builds = await readdir(path.join(versions, nodeDir));
  expect(builds).toHaveLength(1);
  expect(builds[0]).toMatch(/^[0-9a-f]{16}$/);
  const folder = path.join(versions, nodeDir, String(builds[0]));
  return (await readdir(folder)).sort().map((f) => path.join(folder, f));
}

let uncached: Spawned;
describe('bin: code cache', () => {
  it('NODE_DISABLE_COMPILE_CACHE=1: no cache folder is made', async () => {
    const cacheHome = path.join(dir, '.cache-off');
    uncached = await dryRun({ XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(uncached.code).toBe(0);
    expect(JSON.parse(uncached.stdout).files.map((f: { path: string }) => f.path)).toContain('Dockerfile');
    expect(existsSync(cacheHome)).toBe(false);
  });

  it('the first run saves the bundle it loaded; the next run takes it as it is; the output is the same', async () => {
    const cacheHome = path.join(dir, '.cache-a');
    const first = await dryRun({ XDG_CACHE_HOME: cacheHome });
    expect(first).toEqual(uncached);
    const files = await cacheFiles(cacheHome);
    const names = files.map((f) => path.basename(f));
    expect(names.some((n) => /^main-\w+\.js\.cache$/.test(n))).toBe(true);
    expect(names.some((n) => /^generate-\w+\.js\.cache$/.test(n))).toBe(true);
    // A dry run does not load check's code, so check's chunk has no cache yet.
    expect(names.some((n) => n.startsWith('check-'))).toBe(false);
    const before = await Promise.all(files.map((f) => stat(f)));

    const second = await dryRun({ XDG_CACHE_HOME: cacheHome });
    expect(second).toEqual(uncached);
    const after = await Promise.all(files.map((f) => stat(f)));
    // Rewritten only when V8 rejects the data: same inode and time, so V8 took every file.
    expect(after.map((s) => [s.ino, s.mtimeMs])).toEqual(before.map((s) => [s.ino, s.mtimeMs]));
    expect(await cacheFiles(cacheHome)).toEqual(files);
  });

  it('damaged cache files (same length, other bytes) are rejected and replaced; the output is the same', async () => {
    const cacheHome = path.join(dir, '.cache-b');
    await dryRun({ XDG_CACHE_HOME: cacheHome });
    const files = await cacheFiles(cacheHome);
    const good = await Promise.all(files.map((f) => readFile(f)));
    const garbage = good.map((data) => Buffer.alloc(data.length, 0x5a));
    await Promise.all(files.map((f, i) => writeFile(f, garbage[i] ?? '')));

    expect(await dryRun({ XDG_CACHE_HOME: cacheHome })).toEqual(uncached);
    const replaced = await Promise.all(files.map((f) => readFile(f)));
    for (const [i, data] of replaced.entries()) expect(data.equals(garbage[i] ?? Buffer.alloc(0))).toBe(false);
  });

  it('a cache folder that cannot be made (XDG_CACHE_HOME is a file) is no error', async () => {
    const cacheHome = path.join(dir, '.cache-file');
    await writeFile(cacheHome, 'not a folder');
    expect(await dryRun({ XDG_CACHE_HOME: cacheHome })).toEqual(uncached);
    expect(await readFile(cacheHome, 'utf8')).toBe('not a folder');
  });
});
