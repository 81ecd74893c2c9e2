// The Dockerfile values for one package of a workspace, built from the workspace root: which
// manifests go in before the install, the install that takes only this package's production
// dependencies and its workspace dependencies, the workspace packages built first (in dependency
// order) and what the runtime stage copies. Proven by hand per manager on Docker Engine 20.10:
//   npm   `npm ci --omit=dev --workspace <dir>` with the root lockfile: links only that workspace
//         and its workspace deps, hoists only their production deps.
//   pnpm  10 refuses a plain `pnpm deploy` (ERR_PNPM_DEPLOY_NONINJECTED_WORKSPACE) unless the
//         workspace sets inject-workspace-packages; `--legacy` deploys any workspace. Deploy copies the
//         workspace deps' files, so it runs after they are built and before the package's own sources.
//   yarn  2+: `yarn workspaces focus <name> --production`. yarn 1 is refused in options/workspace.ts.
import type { Options } from '../options/resolve.js';
import type { WorkspaceOptions } from '../options/workspace.js';
import { installPlan } from './package-manager.js';

export interface WorkspaceView {
  rootManifests: string;
  packageManifests: string[];
  /** npm and yarn: the production install in the deps stage (pnpm deploys in the build stage instead). */
  productionInstall: string | false;
  /** Packages outside the closure whose manifests the deps stage drops before the runtime copies it. */
  pruneDirs: string | false;
  fullInstall: string;
  depBuilds: { dir: string; command: string }[];
  /** pnpm: the deploy of the package's production closure into /out. */
  deploy: string | false;
  /** Workspace deps the runtime holds: from the build stage when built, else from the context. */
  runtimeDeps: { dir: string; fromBuild: boolean }[];
  packageDir: string;
  buildStage: boolean;
  ownBuild: { command: string; outDir: string } | false;
  workdir: string;
  monorepoNote: string | false;
}

const YARN_ENV = 'YARN_NODE_LINKER=node-modules YARN_ENABLE_GLOBAL_CACHE=false YARN_CACHE_FOLDER=/root/.yarn/berry/cache';

export function workspaceView(options: Options, ws: WorkspaceOptions): WorkspaceView {
  const plan = installPlan(options);
  const lock = options.packageManager.lockfile ? [options.packageManager.lockfile] : [];
  const closure = new Set([ws.packageDir, ...ws.dependencies.filter((d) => !d.devOnly).map((d) => d.dir)]);
  const pruned = ws.packageDirs.filter((dir) => !closure.has(dir));
  const builtDeps = ws.dependencies.filter((d) => d.builds);
  const commands = managerCommands(ws, options.packageManager.lockfile !== undefined);
  const ownBuild = options.build ? { command: commands.run(ws.packageDir, ws.packageName, options.build.script), outDir: options.build.outDir } : false;
  const pnpm = ws.manager === 'pnpm';
  return {
    rootManifests: [...(plan.manifests.includes('package.json') ? ['package.json'] : []), ...lock, ...commands.config].join(' '),
    packageManifests: ws.packageDirs,
    productionInstall: pnpm ? false : `${commands.production} \\\n    && mkdir -p node_modules`,
    pruneDirs: !pnpm && pruned.length > 0 ? pruned.join(' ') : false,
    fullInstall: commands.full,
    depBuilds: builtDeps.map((d) => ({ dir: d.dir, command: commands.run(d.dir, d.name, 'build') })),
    deploy: pnpm ? `pnpm deploy --legacy --prod --filter ${ws.packageName} /out` : false,
    runtimeDeps: ws.dependencies.filter((d) => !d.devOnly).map((d) => ({ dir: d.dir, fromBuild: d.builds })),
    packageDir: ws.packageDir,
    buildStage: pnpm || builtDeps.length > 0 || ownBuild !== false,
    ownBuild,
    workdir: `/app/${ws.packageDir}`,
    monorepoNote: ws.monorepoTool ? MONOREPO_NOTE[ws.monorepoTool] : false,
  };
}

const MONOREPO_NOTE = {
  turbo: 'turbo.json found: each package is built with its own "build" script through the package manager, in dependency order (what `turbo run build --filter` would run), without the Turborepo cache',
  nx: 'nx.json found: each package is built with its own "build" script through the package manager, in dependency order; Nx targets defined only in project.json are not run',
} as const;

function managerCommands(ws: WorkspaceOptions, locked: boolean) {
  switch (ws.manager) {
    case 'npm': {
      const ci = locked ? 'npm ci' : 'npm install';
      return {
        config: [],
        production: `${ci} --omit=dev --workspace ${ws.packageDir} --no-audit --no-fund`,
        full: `${ci} --no-audit --no-fund`,
        run: (dir: string, _name: string, script: string) => `npm run ${script} --workspace ${dir}`,
      };
    }
    case 'pnpm':
      return {
        config: ['pnpm-workspace.yaml'],
        production: '',
        full: `pnpm install ${locked ? '--frozen-lockfile' : '--no-frozen-lockfile'} --filter "${ws.packageName}..."`,
        run: (_dir: string, name: string, script: string) => `pnpm --filter ${name} run ${script}`,
      };
    case 'yarn':
      return {
        config: ['.yarnrc.ym[l]'],
        production: `${YARN_ENV} yarn workspaces focus ${ws.packageName} --production`,
        full: `${YARN_ENV} yarn install --immutable`,
        run: (_dir: string, name: string, script: string) => `yarn workspace ${name} run ${script}`,
      };
  }
}
