// Loads the CLI's own CommonJS bundle files (dist/) with V8's code cache, on every supported Node.
//
// Compiling the bundle was the largest item of a start-up profile, and Node 20 has no compile
// cache (module.enableCompileCache is 22.1+; on Node 26 it gave less than this does, measured with
// `npm run bench`). So each bundle file is compiled with vm.Script and the code V8 produced for it,
// including the functions compiled while the command ran, is saved when the process exits and
// handed back to V8 on the next run.
//
// What keeps a cache from running the wrong code: V8 accepts cached data only for the same V8
// version, flags and source length, so the key must also name the content: the cache folder is
// named by a hash of every bundle file's name and content, computed by the build, so a new build
// (a new release, a rebuilt checkout) gets a new folder. Data V8 rejects (another Node, other
// flags, a damaged file) is compiled afresh and replaced. The cache is an optimisation: a read or
// write that fails is ignored, never reported.
import type * as NodeFs from 'node:fs';
import type * as NodeVm from 'node:vm';

export interface BundleLoaderDeps {
  /** The bundle's folder (dist/). */
  dir: string;
  /** Where compiled code is kept; undefined: no cache. */
  cacheDir: string | undefined;
  fs: Pick<typeof NodeFs, 'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync'>;
  vm: Pick<typeof NodeVm, 'Script'>;
  /** require() for everything that is not a bundle file: Node's own modules. */
  nativeRequire: (id: string) => unknown;
  /** Makes temporary file names unique between processes writing the same cache. */
  pid: number;
}

export interface BundleLoader {
  /** Runs a bundle file (once) and returns its exports. */
  load(name: string): unknown;
  /** Writes the cache of every file compiled without usable cached data; returns how many were written. */
  saveCache(): number;
}

// Bundle files are esbuild's output names, always required as "./<name>.js".
const BUNDLE_FILE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.js$/;

interface Module {
  exports: unknown;
}

export function createBundleLoader(deps: BundleLoaderDeps): BundleLoader {
  const { dir, cacheDir, fs, vm } = deps;
  const modules = new Map<string, Module>();
  const uncached: { script: NodeVm.Script; cacheFile: string }[] = [];

  const readCache = (cacheFile: string | undefined): Buffer | undefined => {
    if (!cacheFile) return undefined;
    try {
      return fs.readFileSync(cacheFile);
    } catch {
      return undefined;
    }
  };

  const requireFrom = (id: string): unknown => (id.startsWith('./') ? load(id.slice(2)) : deps.nativeRequire(id));

  function load(name: string): unknown {
    const loaded = modules.get(name);
    if (loaded) return loaded.exports;
    if (!BUNDLE_FILE.test(name)) throw new Error(`not a bundle file name: ${JSON.stringify(name)}`);
    const filename = `${dir}/${name}`;
    const cacheFile = cacheDir ? `${cacheDir}/${name}.cache` : undefined;
    const cachedData = readCache(cacheFile);
    // Each file is a function expression, the wrapper Node gives a CommonJS module put around the
    // code by the build: compiled as read, with no second copy of the text (which cost one more
    // garbage collection, measured 6-11 ms under load).
    const source = fs.readFileSync(filename, 'utf8');
    const script = new vm.Script(source, { filename, cachedData });
    if (cacheFile && (!cachedData || script.cachedDataRejected)) uncached.push({ script, cacheFile });
    const module: Module = { exports: {} };
    modules.set(name, module);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, requireFrom, module, filename, dir);
    return module.exports;
  }

  function saveCache(): number {
    if (!cacheDir || uncached.length === 0) return 0;
    let written = 0;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      for (const { script, cacheFile } of uncached.splice(0)) {
        // Written aside and renamed, so a run reading the cache meanwhile sees a whole file or none.
        const partial = `${cacheFile}.${deps.pid}.tmp`;
        try {
          fs.writeFileSync(partial, script.createCachedData());
          fs.renameSync(partial, cacheFile);
          written += 1;
        } catch {
          fs.rmSync(partial, { force: true });
        }
      }
    } catch {
      // No cache folder (read-only home, no permission): run uncached, as before.
    }
    return written;
  }

  return { load, saveCache };
}
