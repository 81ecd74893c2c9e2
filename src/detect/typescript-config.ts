// One tsconfig as tsc reads it: the file and everything it `extends` (relative files, or a package
// in node_modules), merged the way tsc merges them. compilerOptions merge key by key, nearest file
// first; `files`, `include` and `exclude` are taken whole from the nearest file that has them. Every
// path is made project-relative against the file that declares it, as tsc resolves it.
import path from 'node:path/posix';
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import { parseJsonc } from './jsonc.js';
import { isRecord } from './package-json.js';
import { insideProject } from './paths.js';

export interface TsConfig {
  /** The config file tsc was pointed at (tsconfig.json, tsconfig.build.json). */
  file: string;
  /** Project-relative outDir, when some file in the chain sets it; which file did. */
  outDir?: string;
  outDirFrom?: string;
  /** Project-relative rootDir, when set explicitly. */
  rootDir?: string;
  allowJs: boolean;
  /** Project-relative patterns; undefined when no file in the chain sets them. */
  files?: string[];
  include?: string[];
  exclude?: string[];
}

const MAX_EXTENDS = 8;

/** The merged config, or undefined when `file` does not exist. Problems become warnings, never throws for a bad chain link. */
export async function readTsConfig(fs: ProjectFs, file: string, warnings: string[]): Promise<TsConfig | undefined> {
  const config: TsConfig = { file, allowJs: false };
  const seen = new Set<string>();
  let allowJs: boolean | undefined;
  // Depth first, nearest first: in `extends: [A, B]` B's whole chain beats A's, and the file beats both.
  const stack: string[] = [file];
  let first = true;
  while (stack.length > 0 && seen.size < MAX_EXTENDS) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const json = await readJson(fs, current, warnings);
    if (json === undefined) {
      if (first) return undefined;
      continue;
    }
    first = false;
    const dir = path.dirname(current);
    const at = (p: string) => insideProject(path.join(dir, p));
    const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (config.outDir === undefined && typeof options.outDir === 'string') {
      const outDir = at(options.outDir);
      if (outDir !== undefined) {
        config.outDir = outDir;
        config.outDirFrom = current;
      }
    }
    if (config.rootDir === undefined && typeof options.rootDir === 'string') config.rootDir = at(options.rootDir) ?? '.';
    if (allowJs === undefined && typeof options.allowJs === 'boolean') allowJs = options.allowJs;
    for (const key of ['files', 'include', 'exclude'] as const) {
      if (config[key] === undefined && Array.isArray(json[key])) {
        config[key] = (json[key] as unknown[]).filter((p): p is string => typeof p === 'string').flatMap((p) => at(p) ?? []);
      }
    }
    const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === 'string') : [];
    for (const target of parents) {
      const resolved = await resolveExtends(fs, dir, target, current, warnings);
      if (resolved !== undefined) stack.push(resolved);
    }
  }
  config.allowJs = allowJs ?? false;
  return config;
}

/** A relative `extends` resolves against the declaring file; a bare one names a package in node_modules. */
async function resolveExtends(fs: ProjectFs, dir: string, target: string, from: string, warnings: string[]): Promise<string | undefined> {
  if (target.startsWith('.') || target.startsWith('/')) {
    const joined = target.startsWith('/') ? undefined : insideProject(path.join(dir, target));
    if (joined === undefined) {
      warnings.push(`${from} extends "${printable(target)}", which is outside the project: its settings are not read`);
      return undefined;
    }
    return joined.endsWith('.json') || (await fs.exists(joined)) ? joined : `${joined}.json`;
  }
  const name = /^(@[^/]+\/[^/]+|[^/]+)(?:\/(.*))?$/.exec(target);
  const base = name ? insideProject(`node_modules/${name[1]}`) : undefined;
  if (!name || base === undefined) return undefined;
  let candidate: string;
  if (name[2] !== undefined) candidate = name[2].endsWith('.json') ? `${base}/${name[2]}` : `${base}/${name[2]}.json`;
  else {
    const manifest = await readJson(fs, `${base}/package.json`, []);
    candidate = manifest && typeof manifest.tsconfig === 'string' ? path.join(base, manifest.tsconfig) : `${base}/tsconfig.json`;
  }
  if (await fs.exists(candidate)) return candidate;
  warnings.push(`${from} extends "${printable(target)}", which is not installed here (${candidate}): its outDir/rootDir, if any, are not known; run npm install to read it`);
  return undefined;
}

async function readJson(fs: ProjectFs, file: string, warnings: string[]): Promise<Record<string, unknown> | undefined> {
  const text = await fs.read(file);
  if (text === undefined) return undefined;
  try {
    const parsed = parseJsonc(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch (error) {
    const reason = printable(error instanceof Error ? error.message : String(error));
    warnings.push(`could not read ${file} (${reason}): pass --start "node <built file>" if the build output is not where expected`);
    return undefined;
  }
}
