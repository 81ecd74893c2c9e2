// Which workspace packages a package depends on, transitively, in build order (each after the ones
// it depends on). A dependency is a workspace package when its spec says so (`workspace:` for pnpm
// and yarn) or, for npm and yarn, when a workspace package of that name satisfies the range, the
// way those managers link it. pnpm links plain ranges only with link-workspace-packages, which is
// off by default, so for pnpm only `workspace:` counts.
import * as semver from '../core/semver.js';
import type { PackageManagerName, WorkspaceDependency, WorkspacePackage } from './facts.js';


export function resolveWorkspaceDependencies(
  self: WorkspacePackage,
  packages: readonly WorkspacePackage[],
  manager: PackageManagerName,
): WorkspaceDependency[] {
  const byName = new Map(packages.filter((p) => p.name !== undefined).map((p) => [p.name as string, p]));
  const order: WorkspaceDependency[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const prodReached = new Set<string>();

  const visit = (pkg: WorkspacePackage, viaProd: boolean) => {
    for (const { target, prod } of workspaceEdges(pkg, byName, manager)) {
      const name = target.name as string;
      const isProd = viaProd && prod;
      const newlyProd = isProd && !prodReached.has(name);
      if (isProd) prodReached.add(name);
      if (state.get(name) === 'done') {
        // Seen through a dev edge first: walk again so its own deps are marked production too.
        if (newlyProd) visit(target, true);
        continue;
      }
      if (state.get(name) === 'visiting' || target === self) continue; // a cycle: each is built once
      state.set(name, 'visiting');
      visit(target, isProd);
      state.set(name, 'done');
      order.push({ name, dir: target.dir, devOnly: false, builds: target.manifest.scripts.build !== undefined });
    }
  };
  visit(self, true);
  return order.map((dep) => ({ ...dep, devOnly: !prodReached.has(dep.name) }));
}

function workspaceEdges(
  pkg: WorkspacePackage,
  byName: ReadonlyMap<string, WorkspacePackage>,
  manager: PackageManagerName,
): { target: WorkspacePackage; prod: boolean }[] {
  const { dependencies, optionalDependencies, devDependencies } = pkg.manifest;
  const edges: { target: WorkspacePackage; prod: boolean }[] = [];
  const add = (deps: Record<string, string>, prod: boolean) => {
    for (const [name, spec] of Object.entries(deps)) {
      const target = byName.get(workspaceName(name, spec));
      if (target && linksToWorkspace(spec, target, manager)) edges.push({ target, prod });
    }
  };
  add(dependencies, true);
  add(optionalDependencies, true);
  add(devDependencies, false);
  return edges;
}

/** "workspace:@scope/real@^1" aliases another workspace package; otherwise the key is the name. */
function workspaceName(key: string, spec: string): string {
  const alias = /^workspace:((?:@[^/@]+\/)?[^@]+)@/.exec(spec);
  return alias?.[1] ?? key;
}

function linksToWorkspace(spec: string, target: WorkspacePackage, manager: PackageManagerName): boolean {
  if (spec.startsWith('workspace:')) return true;
  if (manager === 'pnpm') return false;
  if (spec === '*' || spec === '') return true;
  const version = target.manifest.version;
  return version !== undefined && semver.isValidRange(spec) && semver.satisfies(version, spec, { includePrerelease: true });
}
