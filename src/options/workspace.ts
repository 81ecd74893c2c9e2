// The workspace facts a Dockerfile is rendered from, validated once: every directory and package
// name lands in COPY and RUN lines, and they come from project files and directory listings.
// Also refuses what the tool cannot install right: a manager other than the workspace's, and
// yarn 1, which has no way to install one workspace's production dependencies only.
import type { WorkspaceFact } from '../detect/workspace.js';
import type { PackageManagerName } from '../detect/facts.js';
import { UsageError } from '../errors.js';
import { isExactVersion, printable } from '../core/validate.js';

export interface WorkspaceOptions {
  manager: PackageManagerName;
  /** From [dir] to the root, posix ("../.."). */
  root: string;
  /** [dir] relative to the root ("apps/api"). */
  packageDir: string;
  packageName: string;
  /** Every workspace package directory: their manifests go in before the install. */
  packageDirs: string[];
  /** Workspace dependencies in build order. */
  dependencies: { name: string; dir: string; devOnly: boolean; builds: boolean }[];
  monorepoTool?: 'turbo' | 'nx';
  /** The turbo version the lockfile pins: the build prunes the workspace with `turbo prune` at it. */
  turboVersion?: string;
}

const DIR = /^[A-Za-z0-9._@+-]+(\/[A-Za-z0-9._@+-]+)*$/;
const NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function workspaceOptions(fact: WorkspaceFact, pm: { name: PackageManagerName; yarnBerry: boolean }): WorkspaceOptions {
  if (pm.name !== fact.manager) {
    throw new UsageError(`${fact.root} is a ${fact.manager} workspace (${fact.declaredIn}): it cannot be installed with ${pm.name}`);
  }
  if (pm.name === 'yarn' && !pm.yarnBerry) {
    throw new UsageError(
      `${fact.root} is a yarn 1 workspace: yarn 1 cannot install one workspace's production dependencies only (no "workspaces focus"; --production installs every workspace's), so the image would hold the other packages' dependencies. Use yarn 2+ or npm workspaces`,
    );
  }
  const dir = (value: string) => {
    if (!DIR.test(value) || value.split('/').some((s) => s === '.' || s === '..')) {
      throw new UsageError(`workspace package directory "${printable(value)}" cannot be written into a Dockerfile: use letters, digits, ".", "_", "-", "@" and "+"`);
    }
    return value;
  };
  const name = (value: string) => {
    if (!NAME.test(value)) throw new UsageError(`workspace package name "${printable(value)}" is not a valid npm package name`);
    return value;
  };
  const options: WorkspaceOptions = {
    manager: fact.manager,
    root: fact.root,
    packageDir: dir(fact.packageDir),
    packageName: name(fact.packageName),
    packageDirs: fact.packages.map((p) => dir(p.dir)),
    dependencies: fact.dependencies.map((d) => ({ name: name(d.name), dir: dir(d.dir), devOnly: d.devOnly, builds: d.builds })),
  };
  if (fact.monorepoTool) options.monorepoTool = fact.monorepoTool;
  if (fact.turboVersion !== undefined) {
    if (!isExactVersion(fact.turboVersion)) throw new UsageError(`turbo version "${printable(fact.turboVersion)}" in the lockfile is not an exact version`);
    options.turboVersion = fact.turboVersion;
  }
  return options;
}
