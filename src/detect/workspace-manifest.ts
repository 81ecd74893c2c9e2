// What workspace detection reads from each package.json of a workspace: name, version, scripts,
// its dependency maps and (at the root) the `workspaces` patterns. Values are project input: odd
// types are ignored, and a malformed file is one usage error naming it.
import type { ProjectFs } from '../core/project-fs.js';
import { isRecord, parseManifest, stringRecord } from './package-json.js';

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
  const raw = parseManifest(text, shown);
  const manifest: WorkspaceManifest = {
    scripts: stringRecord(raw.scripts),
    dependencies: stringRecord(raw.dependencies),
    optionalDependencies: stringRecord(raw.optionalDependencies),
    devDependencies: stringRecord(raw.devDependencies),
  };
  if (typeof raw.name === 'string' && raw.name !== '') manifest.name = raw.name;
  if (typeof raw.version === 'string' && raw.version !== '') manifest.version = raw.version;
  if (typeof raw.packageManager === 'string') manifest.packageManager = raw.packageManager;
  if (Array.isArray(raw.workspaces)) manifest.workspaces = raw.workspaces;
  else if (isRecord(raw.workspaces)) manifest.workspaces = Array.isArray(raw.workspaces.packages) ? raw.workspaces.packages : [];
  return manifest;
}
