// Which package manager installs this project: the `packageManager` field (Corepack's
// "name@exact-version") wins, else the lockfile present. Yarn 2+ ("berry") is told apart from
// classic because their install commands differ.
import * as semver from '../core/semver.js';
import type { ProjectFs } from '../core/project-fs.js';
import { printable } from '../core/validate.js';
import type { PackageManagerFact, PackageManagerName } from './facts.js';
import type { PackageJson } from './package-json.js';

/** Lockfiles in the order they are preferred when several exist (npm uses a shrinkwrap over a lock). */
const LOCKFILES: { file: string; manager: PackageManagerName }[] = [
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
  { file: 'package-lock.json', manager: 'npm' },
  { file: 'pnpm-lock.yaml', manager: 'pnpm' },
  { file: 'yarn.lock', manager: 'yarn' },
];

const UNSUPPORTED_LOCKFILES = ['bun.lock', 'bun.lockb', 'deno.lock'];
/** How many parent directories are searched for a workspace root (packages/group/app is 3). */
const MAX_WORKSPACE_DEPTH = 3;

export interface PackageManagerResult {
  fact: PackageManagerFact;
  warnings: string[];
}

export async function detectPackageManager(fs: ProjectFs, pkg: PackageJson): Promise<PackageManagerResult> {
  const warnings: string[] = [];
  const present: typeof LOCKFILES = [];
  for (const lock of LOCKFILES) if (await fs.exists(lock.file)) present.push(lock);

  const declared =
    pkg.packageManager !== undefined || pkg.devEnginesPackageManager === undefined
      ? parsePackageManagerField(pkg.packageManager, warnings)
      : parsePackageManagerField(pkg.devEnginesPackageManager, warnings, 'devEngines.packageManager');
  let name: PackageManagerName;
  let lockfile: string | undefined;
  if (declared) {
    name = declared.name;
    lockfile = present.find((l) => l.manager === name)?.file;
    const others = present.filter((l) => l.manager !== name).map((l) => l.file);
    if (!lockfile && others.length > 0) {
      warnings.push(`package.json says packageManager ${name} but only ${others.join(', ')} exists: the install will have no ${name} lockfile`);
    }
  } else {
    const managers = [...new Set(present.map((l) => l.manager))];
    name = present[0]?.manager ?? 'npm';
    lockfile = present[0]?.file;
    if (managers.length > 1) {
      warnings.push(`lockfiles of several package managers found (${present.map((l) => l.file).join(', ')}): using ${name}; pass --package-manager to choose`);
    }
  }
  if (!lockfile) {
    for (const file of UNSUPPORTED_LOCKFILES) {
      if (await fs.exists(file)) warnings.push(`${file} found: only npm, pnpm and yarn are supported; pass --package-manager`);
    }
    const root = await workspaceRootLockfile(fs);
    if (root) {
      warnings.push(`this looks like a package inside a workspace whose lockfile is ${root}: the image is built from this directory alone, which has no lockfile (workspaces are not supported yet)`);
    }
  }

  const fact: PackageManagerFact = { name };
  if (declared?.version) fact.version = declared.version;
  if (lockfile) fact.lockfile = lockfile;
  if (name === 'yarn') fact.yarnBerry = await isYarnBerry(fs, declared?.version, lockfile);
  return { fact, warnings };
}

/** "pnpm@9.15.9+sha512.abc" -> { name: "pnpm", version: "9.15.9" }; anything else warns. */
export function parsePackageManagerField(
  value: string | undefined,
  warnings: string[],
  field = 'packageManager',
): { name: PackageManagerName; version?: string } | undefined {
  if (value === undefined) return undefined;
  const match = /^(npm|pnpm|yarn)@([^+\s]+)(?:\+\S+)?$/.exec(value);
  if (!match) {
    warnings.push(`ignoring package.json ${field} "${printable(value)}": expected npm, pnpm or yarn as name@version`);
    return undefined;
  }
  const name = match[1] as PackageManagerName;
  const version = match[2] ?? '';
  if (!semver.valid(version)) {
    warnings.push(`package.json ${field} "${printable(value)}" has no exact version: the image installs this tool's default ${name} version`);
    return { name };
  }
  return { name, version };
}

/** A lockfile in a parent directory that is a workspace root (workspaces field or pnpm-workspace.yaml). */
async function workspaceRootLockfile(fs: ProjectFs): Promise<string | undefined> {
  for (let up = '../'; up.length <= MAX_WORKSPACE_DEPTH * 3; up += '../') {
    const lock = await firstExisting(fs, LOCKFILES.map((l) => up + l.file));
    if (lock === undefined) continue;
    const manifest = await fs.read(`${up}package.json`).catch(() => undefined);
    const declaresWorkspaces = manifest !== undefined && /"workspaces"\s*:/.test(manifest);
    if (declaresWorkspaces || (await fs.exists(`${up}pnpm-workspace.yaml`))) return lock;
    return undefined;
  }
  return undefined;
}

async function firstExisting(fs: ProjectFs, files: string[]): Promise<string | undefined> {
  for (const file of files) if (await fs.exists(file)) return file;
  return undefined;
}

async function isYarnBerry(fs: ProjectFs, version: string | undefined, lockfile: string | undefined): Promise<boolean> {
  if (version !== undefined) return semver.major(version) >= 2;
  if (await fs.exists('.yarnrc.yml')) return true;
  if (lockfile === 'yarn.lock') {
    // Berry lockfiles are YAML with a __metadata block; classic ones start "# yarn lockfile v1".
    const head = ((await fs.read('yarn.lock')) ?? '').slice(0, 2000);
    return /^__metadata:/m.test(head);
  }
  return false;
}
