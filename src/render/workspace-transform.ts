// The workspace transform: a recipe plans a workspace package as if it were alone (paths relative to
// the package); this re-roots that plan at the workspace root, which becomes the build context and
// /app. Every package manifest goes in before the install (the root lockfile names them all), the
// install takes the package's closure per manager (render/package-manager.ts), the workspace
// packages it depends on are copied and built first, in dependency order, and the runtime copies
// are the recipe's own, moved under the package directory. The command runs in /app/<package dir>,
// so the recipe's command, commandScript and writable paths stay as they are (relative to the package).
import { UsageError } from '../errors.js';
import type { Options } from '../options/options.js';
import type { WorkspaceOptions } from '../options/workspace.js';
import type { BuildInstruction, Copy, RecipePlan } from '../recipes/types.js';
import { DEPLOY_DIR, workspaceInstall } from './package-manager.js';

export function workspaceTransform(plan: RecipePlan, ws: WorkspaceOptions, pm: Options['packageManager']): RecipePlan {
  const install = workspaceInstall(pm, ws);
  const dir = ws.packageDir;
  const inPackage = (p: string) => (p === '.' ? dir : `${dir}/${p}`);
  const deploys = install.deploy !== undefined;
  const runtimeDeps = ws.dependencies.filter((d) => !d.devOnly);
  const needsDeps = plan.productionDependencies && plan.runtimeCopies.some((c) => c.from === 'deps');
  const ownBuild = plan.buildSteps.length > 0;
  if (!deploys && plan.commandScript?.startsWith('node_modules/')) {
    throw new UsageError(
      `${plan.label} inside a ${ws.manager} workspace runs ${plan.commandScript}, which the workspace install may hoist to the root node_modules: not supported yet (a pnpm workspace deploys the package with its own node_modules); pass --start "node <file>" naming a file of the package`,
    );
  }

  const runtimeCopies = plan.runtimeCopies.flatMap((copy): Copy[] => {
    if (copy.from === 'deps') {
      if (copy.src !== 'node_modules') throw new Error(`workspace transform: a copy from the deps stage must be node_modules, got ${copy.src}`);
      if (deploys) return [{ from: 'build', src: `${DEPLOY_DIR}/node_modules`, dest: inPackage('node_modules') }];
      // The deps stage's /app: the root node_modules, the package's own and the closure's manifests.
      return [{ from: 'deps', src: '.', dest: '.' }, ...runtimeDeps.map((d): Copy => ({ from: d.builds ? 'build' : 'context', src: d.dir }))];
    }
    const dest = copy.dest ?? copy.src;
    return [{ from: copy.from, src: inPackage(copy.src), dest: copy.mirrorsWorkspaceRoot ? dest : inPackage(dest) }];
  });

  // The build stage: the workspace packages the build or the runtime needs, built in dependency order.
  const prepare: BuildInstruction[] = [];
  for (const dep of ws.dependencies) {
    const forRuntime = !dep.devOnly && (dep.builds || deploys);
    if (!ownBuild && !(forRuntime && (needsDeps || dep.builds))) continue;
    prepare.push({ copy: `${dep.dir} ${dep.dir}` });
    if (dep.builds) prepare.push({ run: `${install.runIn(dep.dir, dep.name, 'build')} && rm -rf ${dep.dir}/node_modules` });
  }
  // pnpm deploy copies the workspace deps' files: after they are built, before the package's own sources.
  if (deploys && needsDeps) prepare.push({ install: install.deploy as string });
  if (ownBuild) prepare.push({ copy: `${dir} ${dir}` }, { workdir: `/app/${dir}` });

  const closure = new Set([dir, ...runtimeDeps.map((d) => d.dir)]);
  const turboPrune = ws.turboVersion === undefined ? undefined : { version: ws.turboVersion, packageName: ws.packageName };
  return {
    ...plan,
    runtimeCopies,
    installInputs: plan.installInputs.map((input) => (input.installRoot ? input : { ...input, path: inPackage(input.path) })),
    workspace: {
      dir,
      rootFiles: install.config,
      manifestDirs: ws.packageDirs,
      productionInstall: install.productionInstall === undefined || !needsDeps ? undefined : `${install.productionInstall} \\\n    && mkdir -p node_modules`,
      // Pruned by turbo, the other packages never reach the stage.
      pruneDirs: deploys || turboPrune ? [] : ws.packageDirs.filter((d) => !closure.has(d)),
      fullInstall: install.fullInstall,
      prepare,
      note: turboPrune ? TURBO_PRUNE_NOTE(turboPrune.version) : ws.monorepoTool ? MONOREPO_NOTE[ws.monorepoTool] : undefined,
      ...(turboPrune ? { turboPrune } : {}),
    },
  };
}

const TURBO_PRUNE_NOTE = (version: string) =>
  `turbo.json and turbo ${version} in the lockfile: \`turbo prune --docker\` gives the installs the pruned lockfile and this package's closure of manifests, so a change in another package does not rerun them; each package is built with its own "build" script, in dependency order, without the Turborepo cache`;

const MONOREPO_NOTE = {
  turbo: 'turbo.json found: each package is built with its own "build" script through the package manager, in dependency order (what `turbo run build --filter` would run), without the Turborepo cache; `turbo prune` is used only in a pnpm or npm workspace whose lockfile pins turbo and whose root package.json names its packageManager',
  nx: 'nx.json found: each package is built with its own "build" script through the package manager, in dependency order; Nx targets defined only in project.json are not run',
} as const;
