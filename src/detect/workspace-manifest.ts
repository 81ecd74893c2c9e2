// What workspace detection reads from each package.json of a workspace: name, version, scripts,
// its dependency maps and (at the root) the `workspaces` patterns. Values are project input: odd
// types are ignored, and a malformed file is one usage error naming it.
import { UsageError } from '../errors.js';
import type { ProjectFs } from '../write/project-fs.js';
import { isRecord } from './package-json.js';

export interface WorkspaceManifest {
  name?: string;
  version?: string;
  /** Corepack's `packageManager` ("yarn@4.9.2"), as written. */
  packageManager?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** `workspaces` as an array, or the `packages` of its object form; undefined when absent. */
  workspaces?: unknown[];
}

/** The manifest at `dir/package.json` of `fs` (named `shown` in messages), or undefined when missing. */
export async function readWorkspaceManifest(fs: ProjectFs, dir: string, shown: string): Promise<WorkspaceManifest | undefined> {
  const text = await fs.read(dir === '.' ? 'package.json' : `${dir}/package.json`);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${shown} is not valid JSON: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}`);
  }
  if (!isRecord(raw)) throw new UsageError(`${shown} must contain a JSON object`);
  const manifest: WorkspaceManifest = {
    scripts: strings(raw.scripts),
    dependencies: strings(raw.dependencies),
    optionalDependencies: strings(raw.optionalDependencies),
    devDependencies: strings(raw.devDependencies),
  };
  if (typeof raw.name === 'string' && raw.name !== '') manifest.name = raw.name;
  if (typeof raw.version === 'string' && raw.version !== '') manifest.version = raw.version;
  if (typeof raw.packageManager === 'string') manifest.packageManager = raw.packageManager;
  if (Array.isArray(raw.workspaces)) manifest.workspaces = raw.workspaces;
  else if (isRecord(raw.workspaces)) manifest.workspaces = Array.isArray(raw.workspaces.packages) ? raw.workspaces.packages : [];
  return manifest;
}

function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') out[key] = entry;
  return out;
}
