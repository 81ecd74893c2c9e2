// dist/cli.js, what the bin runs: the main chunk of the bundle, loaded through the code-cache loader
// (bundle-loader.ts), runs the CLI. The shell of that loader: the environment and
// the process's exit are read here. scripts/build.mjs compiles this file on its own (CommonJS, no
// code cache of its own: it is small) and defines __MAIN_CHUNK__ as the main chunk's file name and
// __BUILD_ID__ as a hash of every bundle file's name and content.
import { defaultCacheDir } from '../image/cache.js';
import { createBundleLoader } from './bundle-loader.js';

declare const __MAIN_CHUNK__: string;
declare const __BUILD_ID__: string;

const { createRequire } = process.getBuiltinModule('node:module');

/**
 * In the user's cache folder, the image cache's (never in the project), one folder per Node build
 * and bundle build. NODE_DISABLE_COMPILE_CACHE (Node's own switch for its compile cache) turns this
 * one off too.
 */
function codeCacheDir(): string | undefined {
  const base = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : defaultCacheDir(process.env);
  return base && `${base}/code-cache/${process.version}-${process.arch}/${__BUILD_ID__}`;
}

const loader = createBundleLoader({
  dir: __dirname,
  cacheDir: codeCacheDir(),
  fs: process.getBuiltinModule('node:fs'),
  vm: process.getBuiltinModule('node:vm'),
  nativeRequire: createRequire(__filename),
  pid: process.pid,
});
process.on('exit', () => loader.saveCache());

const { run } = loader.load(__MAIN_CHUNK__) as { run(argv: string[]): Promise<number> };
void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
