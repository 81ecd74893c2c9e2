// Reads package.json into a small, typed shape. A missing or malformed manifest is a usage error
// (exit 2) with one line that names the file; odd field types are ignored rather than trusted.
import { UsageError } from '../errors.js';
import type { ProjectFs } from '../core/project-fs.js';

export interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  packageManager?: string;
  /** npm's `devEngines.packageManager` ({ name, version }) as "name@version", when packageManager is absent. */
  devEnginesPackageManager?: string;
  gypfile?: boolean;
  enginesNode?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export async function readPackageJson(fs: ProjectFs, dir: string): Promise<PackageJson> {
  const text = await fs.read('package.json');
  if (text === undefined) {
    throw new UsageError(`no package.json in ${dir}: run this in a Node.js project root (or pass [dir])`);
  }
  const raw = parseManifest(text, fileIn(dir));
  const engines = isRecord(raw.engines) ? raw.engines : {};
  const devEngines = isRecord(raw.devEngines) && isRecord(raw.devEngines.packageManager) ? raw.devEngines.packageManager : {};
  const devName = stringOrUndefined(devEngines.name);
  const devVersion = stringOrUndefined(devEngines.version);
  return {
    name: stringOrUndefined(raw.name),
    main: stringOrUndefined(raw.main),
    type: stringOrUndefined(raw.type),
    packageManager: stringOrUndefined(raw.packageManager),
    devEnginesPackageManager: devName === undefined ? undefined : `${devName}@${devVersion ?? '*'}`,
    gypfile: raw.gypfile === true,
    enginesNode: stringOrUndefined(engines.node),
    scripts: stringRecord(raw.scripts),
    dependencies: stringRecord(raw.dependencies),
    devDependencies: stringRecord(raw.devDependencies),
  };
}

/** A package.json's text -> its top-level object; malformed JSON or a non-object is one UsageError naming `shown`. */
export function parseManifest(text: string, shown: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${shown} is not valid JSON: ${oneLine(reason)}`);
  }
  if (!isRecord(raw)) throw new UsageError(`${shown} must contain a JSON object`);
  return raw;
}

/** Every dependency name, production first. */
export function allDependencyNames(pkg: PackageJson): string[] {
  return [...new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileIn(dir: string): string {
  return dir === '.' ? 'package.json' : `${dir.replace(/\/+$/, '')}/package.json`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}
