// detectWorkspace: is [dir] one package of an npm, pnpm or yarn workspace, and if so which root,
// lockfile, package and workspace dependencies. Pure over the injected ProjectFs (rooted at [dir]);
// it looks upward through ancestorFs, never past the repository root (.git) or `maxLevels`.
import { UsageError } from '../errors.js';
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import type { PackageManagerName, WorkspaceFact, WorkspacePackage } from './facts.js';
import { turboPinnedByNpmLockfile, turboPinnedByPnpmLockfile } from './turbo-pin.js';
import { resolveWorkspaceDependencies } from './workspace-dependencies.js';
import { ancestorFs } from './workspace-fs.js';
import { expandPatterns, matches, parsePattern, type WorkspacePattern } from './workspace-globs.js';
import { readWorkspaceManifest } from './workspace-manifest.js';
import { readTopLevelList } from './yaml-list.js';

export type { MonorepoTool, WorkspaceDependency, WorkspaceFact, WorkspacePackage } from './facts.js';


export interface WorkspaceSearch {
  /** The absolute path of [dir] split into segments (["work", "repo", "apps", "api"]): names the levels walked up. */
  dirSegments: readonly string[];
}

const LOCKFILES: { file: string; manager: PackageManagerName }[] = [
  { file: 'pnpm-lock.yaml', manager: 'pnpm' },
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
  { file: 'package-lock.json', manager: 'npm' },
  { file: 'yarn.lock', manager: 'yarn' },
];

/**
 * The workspace [dir] belongs to, or undefined when it belongs to none (a plain app, or [dir] is the
 * workspace root itself). Throws UsageError for a root it cannot read right: a malformed manifest,
 * an unsupported pattern, or [dir] inside a root's tree but not one of its packages.
 */
export async function detectWorkspace(fs: ProjectFs, search: WorkspaceSearch): Promise<WorkspaceFact | undefined> {
  for (let level = 1; level <= search.dirSegments.length; level++) {
    const rootFs = ancestorFs(fs, level);
    const declared = await readDeclaration(rootFs, level);
    if (declared) return describe(rootFs, level, declared, search);
    if (await rootFs.exists('.git')) return undefined;
  }
  return undefined;
}

interface Declaration {
  declaredIn: WorkspaceFact['declaredIn'];
  patterns: WorkspacePattern[];
}

async function readDeclaration(rootFs: ProjectFs, level: number): Promise<Declaration | undefined> {
  const where = `${'../'.repeat(level)}`;
  const yaml = await rootFs.read('pnpm-workspace.yaml');
  if (yaml !== undefined) {
    const list = readTopLevelList(yaml, 'packages');
    if (!list.ok) throw new UsageError(`cannot read ${where}pnpm-workspace.yaml: ${list.reason}`);
    return { declaredIn: 'pnpm-workspace.yaml', patterns: checkedPatterns(list.items, `${where}pnpm-workspace.yaml`) };
  }
  const manifest = await readWorkspaceManifest(rootFs, '.', `${where}package.json`);
  if (manifest?.workspaces === undefined) return undefined;
  const items = manifest.workspaces.map((item) => {
    if (typeof item !== 'string') throw new UsageError(`${where}package.json "workspaces" must list strings`);
    return item;
  });
  return { declaredIn: 'package.json workspaces', patterns: checkedPatterns(items, `${where}package.json workspaces`) };
}

function checkedPatterns(items: readonly string[], source: string): WorkspacePattern[] {
  return items.map((item) => {
    const parsed = parsePattern(item);
    if (typeof parsed === 'string') throw new UsageError(`${source}: cannot use pattern "${printable(item)}": ${parsed}`);
    return parsed;
  });
}

async function describe(rootFs: ProjectFs, level: number, declared: Declaration, search: WorkspaceSearch): Promise<WorkspaceFact> {
  const root = '../'.repeat(level).slice(0, -1);
  const packageDir = search.dirSegments.slice(-level).join('/');
  const included = declared.patterns.filter((p) => !p.exclude);
  const excluded = declared.patterns.filter((p) => p.exclude);
  const path = packageDir.split('/');
  if (!included.some((p) => matches(p.segments, path)) || excluded.some((p) => matches(p.segments, path))) {
    throw new UsageError(
      `${packageDir} is inside the workspace at ${root} but not one of its packages (${declared.declaredIn}): add it there, or run this in a workspace package`,
    );
  }
  const lockfile = await firstExisting(rootFs, LOCKFILES);
  const manager = declared.declaredIn === 'pnpm-workspace.yaml' ? 'pnpm' : await managerOf(rootFs, root, lockfile?.manager);
  const packages: WorkspacePackage[] = [];
  for (const dir of await expandPatterns(rootFs, declared.patterns)) {
    const manifest = await readWorkspaceManifest(rootFs, dir, `${root}/${dir}/package.json`);
    if (manifest) packages.push({ dir, manifest, ...(manifest.name === undefined ? {} : { name: manifest.name }) });
  }
  const self = packages.find((p) => p.dir === packageDir);
  if (!self?.name) throw new UsageError(`${packageDir}/package.json has no "name": workspace packages are installed by name`);
  const fact: WorkspaceFact = {
    manager,
    root,
    declaredIn: declared.declaredIn,
    packageDir,
    packageName: self.name,
    packages,
    dependencies: resolveWorkspaceDependencies(self, packages, manager),
  };
  if (lockfile) fact.lockfile = lockfile.file;
  if (await rootFs.exists('turbo.json')) {
    fact.monorepoTool = 'turbo';
    const pinned = await pinnedTurbo(rootFs, root, manager, lockfile?.file);
    if (pinned !== undefined) fact.turboVersion = pinned;
  } else if (await rootFs.exists('nx.json')) fact.monorepoTool = 'nx';
  return fact;
}

/**
 * The turbo version `turbo prune` can run at: pinned by the root's pnpm-lock.yaml or package-lock.json,
 * and the root package.json names its packageManager, without which turbo 2 refuses to prune.
 */
async function pinnedTurbo(rootFs: ProjectFs, root: string, manager: PackageManagerName, lockfile: string | undefined): Promise<string | undefined> {
  const read = manager === 'pnpm' && lockfile === 'pnpm-lock.yaml' ? turboPinnedByPnpmLockfile : manager === 'npm' && lockfile === 'package-lock.json' ? turboPinnedByNpmLockfile : undefined;
  if (read === undefined || lockfile === undefined) return undefined;
  if ((await readWorkspaceManifest(rootFs, '.', `${root}/package.json`))?.packageManager === undefined) return undefined;
  return read((await rootFs.read(lockfile)) ?? '');
}

async function firstExisting(fs: ProjectFs, locks: typeof LOCKFILES): Promise<(typeof LOCKFILES)[number] | undefined> {
  for (const lock of locks) if (await fs.exists(lock.file)) return lock;
  return undefined;
}

/** npm or yarn for a package.json `workspaces` root: `packageManager` first, then the lockfile, else npm. */
async function managerOf(rootFs: ProjectFs, root: string, fromLockfile: PackageManagerName | undefined): Promise<PackageManagerName> {
  const field = (await readWorkspaceManifest(rootFs, '.', `${root}/package.json`))?.packageManager;
  const declared = /^(npm|pnpm|yarn)@/.exec(field ?? '')?.[1] as PackageManagerName | undefined;
  return declared ?? fromLockfile ?? 'npm';
}
