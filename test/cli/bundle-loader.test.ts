// The bundle loader with real files in a temporary folder and Node's real vm.Script (wrapped only to
// record whether V8 took the cached data): modules run once and see each other, a cache written by
// one run is taken by the next, and a damaged or unwritable cache changes nothing but the speed.
// Each loader of a test reads its own copy of the bundle folder: V8 keeps the scripts compiled in
// this process by source and file name, and a second compile of the same file here would be served
// from there without looking at the cached data (as a new process would).
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundleLoader } from '../../src/cli/bundle-loader.js';

let root = '';
let dist = '';
let cacheDir = '';
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'csnd-loader-'));
  dist = path.join(root, 'dist');
  cacheDir = path.join(root, 'cache', 'build-1');
  fs.mkdirSync(dist);
  // A main chunk that requires a shared chunk twice (through another chunk) and a Node module, each
  // file wrapped as the build wraps it.
  const write = (name: string, code: string) => fs.writeFileSync(path.join(dist, name), `(function (exports, require, module, __filename, __dirname) { ${code}\n})`);
  write('main-AAAA.js', 'const s = require("./chunk-BBBB.js"); const o = require("./other-CCCC.js"); const p = require("node:path"); exports.run = () => [s.count(), o.again(), p.basename(__filename), require("node:path").basename(__dirname).startsWith("dist-")];\n');
  write('chunk-BBBB.js', 'let n = 0; globalThis.__loads = (globalThis.__loads ?? 0) + 1; exports.count = () => ++n;\n');
  write('other-CCCC.js', 'const s = require("./chunk-BBBB.js"); module.exports = { again: () => s.count() };\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** vm with a Script that records, for each file compiled, whether cached data was given and taken. */
function recordingVm() {
  const compiled: { file: string; given: boolean; rejected: boolean | undefined }[] = [];
  class Script extends vm.Script {
    constructor(source: string, options: vm.ScriptOptions) {
      super(source, options);
      compiled.push({ file: path.basename(options.filename ?? ''), given: options.cachedData !== undefined, rejected: this.cachedDataRejected });
    }
  }
  return { vm: { Script }, compiled };
}

let copies = 0;
function loader(options: { cacheDir?: string; vm?: { Script: typeof vm.Script } } = {}) {
  const dir = path.join(root, `dist-${copies++}`);
  fs.cpSync(dist, dir, { recursive: true });
  return createBundleLoader({
    dir,
    cacheDir: 'cacheDir' in options ? options.cacheDir : cacheDir,
    fs,
    vm: options.vm ?? vm,
    nativeRequire: (id) => (id === 'node:path' ? path : undefined),
    pid: process.pid,
  });
}

const runMain = (l: ReturnType<typeof loader>) => (l.load('main-AAAA.js') as { run(): unknown[] }).run();

describe('bundle loader: modules', () => {
  it('runs each file once: two requires of a chunk share its state; Node modules come from nativeRequire', () => {
    (globalThis as { __loads?: number }).__loads = 0;
    expect(runMain(loader({ cacheDir: undefined }))).toEqual([1, 2, 'main-AAAA.js', true]);
    expect((globalThis as { __loads?: number }).__loads).toBe(1);
  });

  it('refuses a name that is not a bundle file (no path out of dist/)', () => {
    const l = loader();
    for (const name of ['../secret.js', 'a/b.js', 'main.mjs', '.js', '']) expect(() => l.load(name)).toThrow(/not a bundle file name/);
  });
});

describe('bundle loader: code cache', () => {
  it('saves the compiled code of every file it loaded, and the next process takes it without compiling anew', () => {
    const first = recordingVm();
    const a = loader({ vm: first.vm });
    runMain(a);
    expect(first.compiled.every((c) => !c.given)).toBe(true);
    expect(a.saveCache()).toBe(3);
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['chunk-BBBB.js.cache', 'main-AAAA.js.cache', 'other-CCCC.js.cache']);

    const second = recordingVm();
    const b = loader({ vm: second.vm });
    expect(runMain(b)).toEqual([1, 2, 'main-AAAA.js', true]);
    expect(second.compiled).toEqual([
      { file: 'main-AAAA.js', given: true, rejected: false },
      { file: 'chunk-BBBB.js', given: true, rejected: false },
      { file: 'other-CCCC.js', given: true, rejected: false },
    ]);
    // Nothing to write: the cache was taken whole.
    expect(b.saveCache()).toBe(0);
  });

  it('a damaged cache file is rejected by V8, the code runs the same, and the file is replaced', () => {
    const a = loader();
    runMain(a);
    a.saveCache();
    const cacheFile = path.join(cacheDir, 'main-AAAA.js.cache');
    const good = fs.readFileSync(cacheFile);
    fs.writeFileSync(cacheFile, Buffer.alloc(good.length, 0x5a)); // same length, other bytes
    fs.writeFileSync(path.join(cacheDir, 'chunk-BBBB.js.cache'), good.subarray(0, 10)); // truncated

    const second = recordingVm();
    const b = loader({ vm: second.vm });
    expect(runMain(b)).toEqual([1, 2, 'main-AAAA.js', true]);
    expect(second.compiled.filter((c) => c.rejected).map((c) => c.file).sort()).toEqual(['chunk-BBBB.js', 'main-AAAA.js']);
    expect(b.saveCache()).toBe(2);

    const third = recordingVm();
    runMain(loader({ vm: third.vm }));
    expect(third.compiled.every((c) => c.given && c.rejected === false)).toBe(true);
  });

  it('an unwritable cache folder is no error: the run is just uncached, and leaves no partial files', () => {
    fs.writeFileSync(path.join(root, 'cache'), 'a file where the cache folder would be');
    const a = loader();
    expect(runMain(a)).toEqual([1, 2, 'main-AAAA.js', true]);
    expect(a.saveCache()).toBe(0);
    expect(fs.readdirSync(root).filter((f) => !f.startsWith('dist')).sort()).toEqual(['cache']);
  });

  it('without a cache folder (NODE_DISABLE_COMPILE_CACHE) nothing is read or written', () => {
    const first = recordingVm();
    const a = loader({ cacheDir: undefined, vm: first.vm });
    runMain(a);
    expect(a.saveCache()).toBe(0);
    expect(first.compiled.every((c) => !c.given)).toBe(true);
    expect(fs.existsSync(path.join(root, 'cache'))).toBe(false);
  });

  it('writes whole files only: no temporary file is left beside the cache', () => {
    const a = loader();
    runMain(a);
    a.saveCache();
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
