// Whether an app already handles SIGTERM itself: read its source entry and the local files it
// imports (relative specifiers only, at most MAX_FILES files), cheaply, with regular expressions.
// What counts: a process.on/once/addListener/prependListener('SIGTERM', ...), Nest's
// enableShutdownHooks(), or an import of a library whose job is exactly that. An import of our own
// module (./graceful-shutdown.js) means the app is already wired.
import path from 'node:path/posix';
import type { ProjectFs } from '../core/project-fs.js';

export type OwnHandler =
  /** The app imports our graceful-shutdown module: it was wired by hand. */
  | { kind: 'wired'; file: string }
  /** The app handles SIGTERM itself: `what` names how, for the one line the report prints. */
  | { kind: 'app'; file: string; what: string };

const MAX_FILES = 40;
const MAX_BYTES = 512 * 1024;

/** Libraries that install a SIGTERM handler (or are one), by import name. */
const SHUTDOWN_LIBRARIES = ['close-with-grace', '@godaddy/terminus', 'http-terminator', 'lightship', 'http-graceful-shutdown', '@moebius/http-graceful-shutdown', 'fastify-graceful-shutdown', 'async-exit-hook', 'exit-hook', 'death', 'node-graceful-shutdown'];

const SIGNAL_LISTENER = /\bprocess\s*\.\s*(?:on|once|addListener|prependListener|prependOnceListener)\s*\(\s*['"`]SIGTERM['"`]/;
const NEST_SHUTDOWN_HOOKS = /\.\s*enableShutdownHooks\s*\(/;
const OUR_MODULE = /^\.{1,2}\/(?:.*\/)?graceful-shutdown(?:\.[cm]?[jt]s)?$/;
const SPECIFIER = /(?:\brequire\s*\(|\bimport\s*\(|\bfrom|^\s*import)\s*['"]([^'"\n]+)['"]/gm;
const SOURCE_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx', '/index.js', '/index.ts', '/index.mjs', '/index.cjs'];

/** The first own handler found from `entry` on, or undefined when the app leaves SIGTERM alone. */
export async function findOwnHandler(fs: ProjectFs, entry: string): Promise<OwnHandler | undefined> {
  const queue = [path.normalize(entry)];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_FILES) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readText(fs, file);
    if (text === undefined || text.length > MAX_BYTES) continue;
    const code = withoutComments(text);
    if (SIGNAL_LISTENER.test(code)) return { kind: 'app', file, what: "a process.on('SIGTERM') handler" };
    if (NEST_SHUTDOWN_HOOKS.test(code)) return { kind: 'app', file, what: "Nest's enableShutdownHooks()" };
    for (const specifier of specifiersOf(code)) {
      if (OUR_MODULE.test(specifier)) return { kind: 'wired', file };
      const library = SHUTDOWN_LIBRARIES.find((name) => specifier === name || specifier.startsWith(`${name}/`));
      if (library) return { kind: 'app', file, what: library };
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = path.join(path.dirname(file), specifier);
        if (target.startsWith('../') || target.startsWith('node_modules/')) continue;
        const local = await resolveLocal(fs, target);
        if (local !== undefined) queue.push(local);
      }
    }
  }
  return undefined;
}

function specifiersOf(code: string): string[] {
  return [...code.matchAll(SPECIFIER)].map((m) => m[1] ?? '');
}

/** The file a relative import names: as written, with a source extension, or the .ts behind a .js. */
async function resolveLocal(fs: ProjectFs, target: string): Promise<string | undefined> {
  const candidates = [...SOURCE_EXTENSIONS.map((ext) => target + ext), target.replace(/\.(c|m)?js$/, (_m, k: string | undefined) => `.${k ?? ''}ts`)];
  for (const candidate of candidates) {
    if (/\.json$/.test(candidate)) return undefined;
    if ((await readText(fs, candidate)) !== undefined) return candidate;
  }
  return undefined;
}

/** A file's text, or undefined when it is missing or not a file (a directory named like the import). */
async function readText(fs: ProjectFs, file: string): Promise<string | undefined> {
  try {
    return await fs.read(file);
  } catch {
    return undefined;
  }
}

/** Block comments and whole-line // comments removed, so commented-out handlers do not count. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}
