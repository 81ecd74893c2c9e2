// Start-up time is measured, so the generate path must not load what only check and update need:
// the built bin is spawned with a module-resolution hook that records every dist/ file it loads,
// and the files loaded for generate contain neither dockerfile-ast nor yaml (nor the verify step),
// while check's do.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../support/cli-harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/create-secure-node-docker.js');
// Marks of each library in the minified bundle (class and function names that survive minifying).
const DOCKERFILE_AST = 'DockerfileParser';
const YAML = 'LineCounter';
// The question only the verify step asks (src/cli/verify-step.ts).
const VERIFY = 'Build and try it now?';

const cleanups: (() => Promise<void>)[] = [];
let dir = '';
let hook = '';
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
  const copy = await copyFixture('express-cjs');
  cleanups.push(copy.cleanup);
  dir = copy.dir;
  // The hook appends to a file synchronously: the hooks run on their own thread, whose stderr reaches the
  // parent through the main thread, so lines written just before the bin's process.exit could be lost
  // (CI saw check's dockerfile-ast chunk missing under load).
  await writeFile(path.join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/dist/')) appendFileSync(process.env.LOADED_LOG, `${new URL(r.url).pathname}\\n`); return r; }\n");
  hook = path.join(dir, 'register.mjs');
  await writeFile(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${path.join(dir, 'hooks.mjs')}`)});\n`);
});
afterAll(() => Promise.all(cleanups.map((c) => c())));

let runs = 0;
function loadedFiles(args: string[]): Promise<string[]> {
  const log = path.join(dir, `loaded-${runs++}.log`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', hook, BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_CACHE_HOME: path.join(dir, '.cache'), LOADED_LOG: log }, timeout: 30_000 }, (error) => {
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
    expect(generate.some((f) => f.endsWith('/dist/cli.js'))).toBe(true);
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
