// Where tsc writes what it compiles, by tsc 5's own rules: below outDir, each file keeps its path
// relative to rootDir; rootDir is the explicit compilerOptions.rootDir, else the longest common
// directory of the non-declaration input files that `files`/`include`/`exclude` select. Defaults as
// tsc's: include `**/*` when there are no files and no include; exclude node_modules,
// bower_components, jspm_packages and outDir. (TypeScript 6 stops with TS5011 instead of inferring
// when the inferred root is not the config's directory; when it builds, the rule is the same.)
// Limit: files pulled in only by imports from outside `include` (e.g. `import '../package.json'`)
// widen tsc's root too; they are not followed here, and the build-stage check catches the difference.
import path from 'node:path/posix';
import type { ProjectFs } from '../core/project-fs.js';
import { readTsConfig, type TsConfig } from './typescript-config.js';

export interface TsOutput {
  config: TsConfig;
  /** Project-relative directory tsc writes to ('.'-relative sources beside themselves when no outDir). */
  outDir?: string;
  /** Project-relative rootDir; `inferred` when tsc would compute it from the input files. */
  rootDir: string;
  inferred: boolean;
  /** How many input files the inference saw (0 when rootDir is explicit). */
  inputs: number;
}

const DEFAULT_EXCLUDES = ['node_modules', 'bower_components', 'jspm_packages'];
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];
/** Compiled extension for each source extension. */
const COMPILED: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs', '.js': '.js', '.jsx': '.js', '.mjs': '.mjs', '.cjs': '.cjs' };
/** A walk stops here: a project this large is not guessed at, the root falls back to the config's directory. */
const MAX_ENTRIES = 20_000;

/** The output layout of the tsc build driven by `configFile`, or undefined when that file does not exist. */
export async function typeScriptOutput(fs: ProjectFs, configFile: string, warnings: string[]): Promise<TsOutput | undefined> {
  const config = await readTsConfig(fs, configFile, warnings);
  if (config === undefined) return undefined;
  const base = { config, ...(config.outDir !== undefined ? { outDir: config.outDir } : {}) };
  if (config.rootDir !== undefined) return { ...base, rootDir: config.rootDir, inferred: false, inputs: 0 };
  const inputs = await inputFiles(fs, config);
  const configDir = path.dirname(configFile);
  return { ...base, rootDir: inputs.length > 0 ? commonDirectory(inputs) : configDir, inferred: true, inputs: inputs.length };
}

/** Where tsc writes `source` (src/main.ts -> dist/main.js), or undefined when it lies outside rootDir. */
export function compiledPath(output: Pick<TsOutput, 'outDir' | 'rootDir'>, source: string): string | undefined {
  const relative = output.rootDir === '.' ? source : path.relative(output.rootDir, source);
  if (relative.startsWith('..')) return undefined;
  const ext = path.extname(source);
  const compiled = COMPILED[ext] === undefined ? relative : relative.slice(0, -ext.length) + COMPILED[ext];
  if (output.outDir === undefined) return output.rootDir === '.' ? compiled : path.join(output.rootDir, compiled);
  return path.join(output.outDir, compiled);
}

/** The source file that compiles to `compiled` (the inverse of compiledPath), if it exists. */
export async function sourceOfCompiled(fs: ProjectFs, output: Pick<TsOutput, 'outDir' | 'rootDir'>, compiled: string): Promise<string | undefined> {
  const relative = output.outDir === undefined ? compiled : path.relative(output.outDir, compiled);
  if (relative.startsWith('..')) return undefined;
  const ext = path.extname(relative);
  const stem = ext === '' ? relative : relative.slice(0, -ext.length);
  for (const [sourceExt, compiledExt] of Object.entries(COMPILED)) {
    if (ext !== '' && compiledExt !== ext) continue;
    const candidate = path.join(output.rootDir, stem + sourceExt);
    if ((await fs.exists(candidate)) && (await fs.list(candidate)).length === 0) return candidate;
  }
  return undefined;
}

/** The non-declaration files tsc compiles: `files` plus what `include` matches, minus `exclude`. */
export async function inputFiles(fs: ProjectFs, config: TsConfig): Promise<string[]> {
  const configDir = path.dirname(config.file);
  const extensions = config.allowJs ? [...TS_EXTENSIONS, ...JS_EXTENSIONS] : TS_EXTENSIONS;
  const isInput = (file: string) => extensions.includes(path.extname(file)) && !/\.d\.[mc]?ts$/.test(file);
  const explicit = (config.files ?? []).filter(isInput);
  const include = config.include ?? (config.files === undefined ? [path.join(configDir, '**/*')] : []);
  if (include.length === 0) return explicit;
  const includes = include.map((p) => patternRegex(asDirectoryPattern(p)));
  const excludes = [...(config.exclude ?? [...DEFAULT_EXCLUDES.map((d) => path.join(configDir, d)), ...(config.outDir !== undefined ? [config.outDir] : [])])].map((p) => patternRegex(p, true));
  const found = new Set(explicit);
  let budget = MAX_ENTRIES;
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.list(dir)).sort()) {
      if (--budget < 0) return;
      // Wildcards never match names that start with a dot (tsc skips them), nor node_modules unless named.
      if (name.startsWith('.')) continue;
      const file = dir === '.' ? name : `${dir}/${name}`;
      if (excludes.some((re) => re.test(file))) continue;
      if ((await fs.list(file)).length > 0) {
        if (DEFAULT_EXCLUDES.includes(name)) continue;
        await walk(file);
      } else if (isInput(file) && includes.some((re) => re.test(file))) found.add(file);
    }
  };
  await walk(configDir);
  return [...found].sort();
}

/** The longest common directory of the files' directories. */
export function commonDirectory(files: string[]): string {
  const dirs = files.map((f) => path.dirname(f).split('/'));
  const first = dirs[0] ?? ['.'];
  let length = first.length;
  for (const dir of dirs) {
    let i = 0;
    while (i < length && i < dir.length && dir[i] === first[i]) i++;
    length = i;
  }
  const common = first.slice(0, length).join('/');
  return common === '' ? '.' : common;
}

/** `src` (no wildcard, no extension in the last segment) means the directory: `src/**\/*`. */
function asDirectoryPattern(pattern: string): string {
  const last = pattern.split('/').pop() ?? '';
  return /[*?]/.test(last) || path.extname(last) !== '' ? pattern : `${pattern}/**/*`;
}

/** A tsc wildcard pattern as a regex over project-relative paths; `prefix`: also match everything below a match (exclude). */
function patternRegex(pattern: string, prefix = false): RegExp {
  const normalised = path.normalize(pattern).replace(/^\.\//, '');
  if (normalised === '.') return prefix ? /^/ : /^$/;
  const body = normalised
    .split('/')
    .map((segment) => (segment === '**' ? '(?:[^/]+/)*' : `${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}/`))
    .join('')
    .replace(/\/$/, '')
    .replace(/\(\?:\[\^\/\]\+\/\)\*$/, '.*');
  return new RegExp(`^${body}${prefix ? '(?:/.*)?' : ''}$`);
}
