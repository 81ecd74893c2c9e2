// Start-up time is measured, so the generate path must not load what only check and update need:
// the built bin is spawned with a preload that records every dist/ file read through fs.readFileSync
// (how the bundle loader, src/cli/bundle-loader.ts, and Node's own require read a file), and the
// files loaded for generate contain neither dockerfile-ast nor yaml (nor the verify step), while
// check's do. Nor may it load Node's fs/promises, readline or stream modules: a preload writes
// process.moduleLoadList (every internal module Node loaded) when the process exits. An ES import
// of node:fs or node:fs/promises, or reading process.stdin when it is /dev/null, loads fs/promises,
// and on Node 22+ readline and the REPL history with it; process.stdout or process.stderr loads the
// stream modules; all for a run that never uses them.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT } from '../support/built-bin.js';
import { copyFixture } from '../support/cli-harness.js';

// Marks of each library in the minified bundle (class and function names that survive minifying).
const DOCKERFILE_AST = 'DockerfileParser';
const YAML = 'LineCounter';
// The question only the verify step asks (src/cli/verify-step.ts).
const VERIFY = 'Build and try it now?';
// The CI's copy of the current LTS (bench/cli-startup.mjs uses the same one), when it is there.
const LTS_NODE = '/var/cache/create-secure-node-docker-ci/node-lts/package/bin/node';

const cleanups: (() => Promise<void>)[] = [];
let dir = '';
let hook = '';
let moduleListPreload = '';
beforeAll(async () => {
  assertBuilt();
  const copy = await copyFixture('express-cjs');
  cleanups.push(copy.cleanup);
  dir = copy.dir;
  // The log is appended to synchronously, so lines written just before the bin's exit are not lost.
  hook = path.join(dir, 'log-reads.cjs');
  await writeFile(hook, "const fs = require('node:fs');\nconst read = fs.readFileSync;\nfs.readFileSync = function (file, ...rest) { if (typeof file === 'string' && file.includes('/dist/')) fs.appendFileSync(process.env.LOADED_LOG, `${file}\\n`); return read.call(this, file, ...rest); };\n");
  moduleListPreload = path.join(dir, 'module-list.cjs');
  // Not `import ... from 'node:fs'`: that import itself loads fs/promises (see the top of this file).
  await writeFile(moduleListPreload, "process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(process.env.MODULE_LIST, process.moduleLoadList.join('\\n')));\n");
});
afterAll(() => Promise.all(cleanups.map((c) => c())));

let runs = 0;
function loadedFiles(args: string[]): Promise<string[]> {
  const log = path.join(dir, `loaded-${runs++}.log`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--require', hook, BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_CACHE_HOME: path.join(dir, '.cache'), LOADED_LOG: log }, timeout: 30_000 }, (error) => {
      // A run killed by the timeout would list only what it loaded so far: fail instead of reading that.
      if (error?.killed) return reject(new Error(`${args.join(' ')} timed out`));
      readFile(log, 'utf8').then((text) => resolve([...new Set(text.split('\n').filter(Boolean))]), reject);
    });
  });
}

async function contains(files: string[], mark: string): Promise<boolean> {
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return texts.some((t) => t.includes(mark));
}

describe('bundle: check and update code loads only for those commands', () => {
  it('generate (--yes --offline --dry-run) loads neither dockerfile-ast nor yaml; check loads both', async () => {
    const generate = await loadedFiles(['--yes', '--offline', '--dry-run']);
    expect(generate.some((f) => /\/dist\/main-\w+\.js$/.test(f))).toBe(true);
    expect(await contains(generate, DOCKERFILE_AST)).toBe(false);
    expect(await contains(generate, YAML)).toBe(false);
    // --verify's code too: it is in the bundle, but a run that cannot verify does not load it.
    const dist = (await import('node:fs')).readdirSync(path.join(ROOT, 'dist')).map((f) => path.join(ROOT, 'dist', f));
    expect(await contains(dist, VERIFY)).toBe(true);
    expect(await contains(generate, VERIFY)).toBe(false);
    const check = await loadedFiles(['check']);
    expect(await contains(check, DOCKERFILE_AST)).toBe(true);
    expect(await contains(check, YAML)).toBe(true);
  });
});

/** The internal modules a dry run loaded, stdin /dev/null and stdout and stderr pipes (as in CI or a script). */
function modulesLoaded(node: string): Promise<string[]> {
  const list = path.join(dir, `modules-${runs++}.txt`);
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CACHE_HOME: path.join(dir, '.cache'), MODULE_LIST: list };
    const child = spawn(node, ['--require', moduleListPreload, BIN, '--yes', '--offline', '--dry-run'], { cwd: dir, env, timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the dry run exited ${code}`));
      // The run itself happened and its report reached the pipe.
      if (!stderr.includes('Dry run: nothing was written.')) return reject(new Error(`no report on stderr: ${stderr}`));
      readFile(list, 'utf8').then((text) => resolve(text.split('\n')), reject);
    });
  });
}

const nodes = [process.execPath, ...(existsSync(LTS_NODE) ? [LTS_NODE] : [])];

describe('bundle: a generate dry run loads no fs/promises, readline or streams', () => {
  it.each(nodes)('%s', async (node) => {
    const loaded = await modulesLoaded(node);
    // The run itself happened: the modules every generate run needs are listed.
    expect(loaded).toContain('NativeModule path/posix');
    for (const module of ['fs/promises', 'internal/fs/promises', 'internal/readline/interface', 'stream', 'internal/streams/readable']) {
      expect(loaded).not.toContain(`NativeModule ${module}`);
    }
  });
});
