// The runtime entry file: from a start script, then `main`, then common names. It must lie inside the
// project and exist, except a compiled entry under the build's outDir, which may not be built yet:
// then its source (src/server.ts for dist/server.js) must exist. TypeScript sources map to outDir.
import path from 'node:path';
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import type { BuildFact } from './facts.js';
import type { PackageJson } from './package-json.js';
import { extensionOf, insideProject, withExtension } from './paths.js';
import { fileFromScript } from './start-script.js';
import type { TypeScriptLayout } from './typescript.js';

export interface EntryResult {
  entry?: string;
  sourceEntry?: string;
}

/** Scripts that may start the app in production, in the order they are consulted. */
const START_SCRIPTS = ['start', 'start:prod', 'serve'];
const COMMON_NAMES = ['server', 'app', 'index', 'main'];
const COMMON_DIRS = ['', 'src/'];
const SCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
/** Compiled extension for each TypeScript source extension. */
const COMPILED: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };
/** Possible source extensions for each compiled extension. */
const SOURCES: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

interface Context {
  fs: ProjectFs;
  ts: TypeScriptLayout;
  build: BuildFact | undefined;
  warnings: string[];
}

export async function detectEntry(
  fs: ProjectFs,
  pkg: PackageJson,
  ts: TypeScriptLayout,
  build: BuildFact | undefined,
  warnings: string[],
): Promise<EntryResult> {
  const ctx: Context = { fs, ts, build, warnings };
  for (const name of START_SCRIPTS) {
    const command = pkg.scripts[name];
    const file = command === undefined ? undefined : fileFromScript(command, pkg.scripts, new Set([name]));
    if (file === undefined || file === '.' || file === './') continue;
    const found = await resolveCandidate(ctx, file, `scripts.${name}`);
    if (found) return found;
  }
  if (pkg.main !== undefined) {
    const found = await resolveCandidate(ctx, pkg.main, 'package.json main');
    if (found) return found;
  }
  for (const dir of COMMON_DIRS) {
    for (const name of COMMON_NAMES) {
      for (const ext of SCRIPT_EXTENSIONS) {
        if (await isFile(fs, `${dir}${name}${ext}`)) return fromExisting(ctx, `${dir}${name}${ext}`);
      }
    }
  }
  return {};
}

async function resolveCandidate(ctx: Context, written: string, origin: string): Promise<EntryResult | undefined> {
  const file = insideProject(written);
  if (file === undefined) {
    ctx.warnings.push(`${origin} names "${printable(written)}", which is outside the project: ignored`);
    return undefined;
  }
  const outDir = ctx.build?.outDir;
  const isBuildOutput = outDir !== undefined && file.startsWith(`${outDir}/`);
  const existing = await existingScript(ctx.fs, file);
  if (existing && !isBuildOutput) return fromExisting(ctx, existing);

  // Build output (built locally or not yet): its source is what exists in a clean checkout.
  if (isBuildOutput) {
    const compiled = existing ?? (extensionOf(file) === '' ? `${file}.js` : file);
    const source = await sourceOf(ctx, compiled, outDir);
    if (source) return { entry: compiled, sourceEntry: source };
    if (existing) return { entry: existing };
  }
  ctx.warnings.push(`${origin} names ${printable(file)}, which does not exist`);
  return undefined;
}

/** An existing file: a TypeScript source becomes its compiled path when there is a build. */
function fromExisting(ctx: Context, file: string): EntryResult {
  const compiledExt = COMPILED[extensionOf(file)];
  if (compiledExt === undefined) return { entry: file };
  if (!ctx.build) {
    ctx.warnings.push(`the entry ${file} is TypeScript and there is no build script: Node runs it only with type stripping (Node >= 22.18)`);
    return { entry: file };
  }
  const rootDir = ctx.ts.rootDir ?? (file.startsWith('src/') ? 'src' : '.');
  const relative = rootDir === '.' ? file : path.posix.relative(rootDir, file);
  if (relative.startsWith('..')) return { entry: file };
  return { entry: withExtension(path.posix.join(ctx.build.outDir, relative), compiledExt), sourceEntry: file };
}

/** The source file that compiles to `compiled` (dist/server.js <- src/server.ts), if it exists. */
async function sourceOf(ctx: Context, compiled: string, outDir: string): Promise<string | undefined> {
  const relative = compiled.slice(outDir.length + 1);
  const roots = ctx.ts.rootDir !== undefined ? [ctx.ts.rootDir] : ['src', '.'];
  for (const root of roots) {
    for (const ext of SOURCES[extensionOf(compiled)] ?? []) {
      const candidate = withExtension(root === '.' ? relative : `${root}/${relative}`, ext);
      if (await isFile(ctx.fs, candidate)) return candidate;
    }
  }
  return undefined;
}

/** `node server` runs server.js; `node lib` runs lib/index.js. */
async function existingScript(fs: ProjectFs, file: string): Promise<string | undefined> {
  if (await isFile(fs, file)) return file;
  if (extensionOf(file) !== '') return undefined;
  for (const candidate of [...SCRIPT_EXTENSIONS.map((ext) => file + ext), `${file}/index.js`]) {
    if (await isFile(fs, candidate)) return candidate;
  }
  return undefined;
}

/** A file, not a directory: ProjectFs.list answers [] for a file and the entries of a directory. */
async function isFile(fs: ProjectFs, file: string): Promise<boolean> {
  return (await fs.exists(file)) && (await fs.list(file)).length === 0;
}
