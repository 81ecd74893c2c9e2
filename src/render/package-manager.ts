// How each package manager installs, per the docker-node and Snyk guidance: from the lockfile only,
// production dependencies for the runtime, with a BuildKit cache mount so a source-only change does
// not re-run the install. Pure data; the Dockerfile template arranges it.
import type { Options } from '../options/options.js';
import type { WorkspaceOptions } from '../options/workspace.js';

export interface InstallCommands {
  /** Files to COPY before installing (manifest first, then lockfile and package-manager config). */
  manifests: string[];
  /** Installs pnpm/yarn at the project's exact version; undefined for npm (it ships in the image). */
  packageManagerInstall?: string;
  productionInstall: string;
  fullInstall: string;
  cacheTarget: string;
  /**
   * BuildKit shares a cache mount between stages that build in parallel (deps and build both install);
   * "locked" makes the second wait for the first. Only for caches that concurrent writers corrupt.
   */
  cacheSharing?: 'locked';
  runBuild: (script: string) => string;
  /** Notes for the summary (e.g. a default version used because packageManager was missing). */
  warnings: string[];
}

/**
 * How one package of a workspace installs from the workspace root, per manager. Proven by hand per
 * manager on Docker Engine 20.10 (and in test/e2e/workspace-images.test.ts):
 *   npm   `npm ci --omit=dev --workspace <dir>` with the root lockfile: links only that workspace
 *         and its workspace deps, hoists only their production deps.
 *   pnpm  10 refuses a plain `pnpm deploy` (ERR_PNPM_DEPLOY_NONINJECTED_WORKSPACE) unless the
 *         workspace sets inject-workspace-packages; `--legacy` deploys any workspace. Deploy copies the
 *         workspace deps' files, so it runs after they are built and before the package's own sources.
 *   yarn  2+: `yarn workspaces focus <name> --production`. yarn 1 is refused in options/workspace.ts.
 */
export interface WorkspaceInstall {
  /** Root files besides package.json and the lockfile that the install reads. */
  config: string[];
  /** npm and yarn: the production install of the package's closure (deps stage). pnpm deploys instead. */
  productionInstall: string | undefined;
  /** The build stage's install (pnpm: only the package and what it depends on). */
  fullInstall: string;
  /** pnpm: the package's production closure, workspace deps copied in, into DEPLOY_DIR. */
  deploy: string | undefined;
  /** A workspace package's script, run from the root. */
  runIn: (dir: string, name: string, script: string) => string;
}

/** Where `pnpm deploy` writes the package's production closure in the build stage. */
export const DEPLOY_DIR = '/out';

export function workspaceInstall(pm: Options['packageManager'], ws: Pick<WorkspaceOptions, 'manager' | 'packageDir' | 'packageName'>): WorkspaceInstall {
  const locked = pm.lockfile !== undefined;
  switch (ws.manager) {
    case 'npm': {
      const ci = locked ? 'npm ci' : 'npm install';
      return {
        config: [],
        productionInstall: `${ci} --omit=dev --workspace ${ws.packageDir} --no-audit --no-fund`,
        fullInstall: `${ci} --no-audit --no-fund`,
        deploy: undefined,
        runIn: (dir, _name, script) => `npm run ${script} --workspace ${dir}`,
      };
    }
    case 'pnpm':
      return {
        config: ['pnpm-workspace.yaml'],
        productionInstall: undefined,
        fullInstall: `pnpm install ${locked ? '--frozen-lockfile' : '--no-frozen-lockfile'} --filter "${ws.packageName}..."`,
        deploy: `pnpm deploy --legacy --prod --filter ${ws.packageName} ${DEPLOY_DIR}`,
        runIn: (_dir, name, script) => `pnpm --filter ${name} run ${script}`,
      };
    case 'yarn':
      return {
        config: ['.yarnrc.ym[l]'],
        productionInstall: `${YARN_ENV} yarn workspaces focus ${ws.packageName} --production`,
        fullInstall: `${YARN_ENV} yarn install --immutable`,
        deploy: undefined,
        runIn: (_dir, name, script) => `yarn workspace ${name} run ${script}`,
      };
  }
}

// Yarn 2+ is published as @yarnpkg/cli-dist; Node >= 25 images have no corepack to fetch it.
// node-modules linker: the runtime stage copies node_modules, not a Plug'n'Play cache.
const YARN_ENV = 'YARN_NODE_LINKER=node-modules YARN_ENABLE_GLOBAL_CACHE=false YARN_CACHE_FOLDER=/root/.yarn/berry/cache';

/** Used when package.json has no "packageManager" field: recent, exact, and reported as a warning. */
export const FALLBACK_VERSIONS = { pnpm: '9.15.9', yarnClassic: '1.22.22', yarnBerry: '4.9.2' } as const;

export function installCommands(options: Pick<Options, 'packageManager'>): InstallCommands {
  const commands = managerCommands(options.packageManager);
  // An app without production dependencies gets no node_modules from a production install, and
  // the runtime stage's COPY --from=deps would fail on the missing folder.
  return { ...commands, productionInstall: `${commands.productionInstall} \\\n    && mkdir -p node_modules` };
}

function managerCommands(pm: Options['packageManager']): InstallCommands {
  const lock = pm.lockfile ? [pm.lockfile] : [];
  const warnings: string[] = [];
  const exactVersion = (fallback: string) => {
    if (pm.version) return pm.version;
    warnings.push(
      `package.json has no "packageManager" field: installing ${pm.name}@${fallback} in the build; add "packageManager": "${pm.name}@<version>" to pin your own`,
    );
    return fallback;
  };

  switch (pm.name) {
    case 'npm': {
      const ci = pm.lockfile ? 'npm ci' : 'npm install';
      return {
        manifests: ['package.json', ...lock],
        productionInstall: `${ci} --omit=dev --no-audit --no-fund`,
        fullInstall: `${ci} --no-audit --no-fund`,
        cacheTarget: '/root/.npm',
        runBuild: (script) => `npm run ${script}`,
        warnings,
      };
    }
    case 'pnpm': {
      const version = exactVersion(FALLBACK_VERSIONS.pnpm);
      const frozen = pm.lockfile ? '--frozen-lockfile' : '--no-frozen-lockfile';
      return {
        manifests: ['package.json', ...lock],
        packageManagerInstall: `npm install -g pnpm@${version}`,
        productionInstall: `pnpm install ${frozen} --prod`,
        fullInstall: `pnpm install ${frozen}`,
        cacheTarget: '/root/.local/share/pnpm/store',
        runBuild: (script) => `pnpm run ${script}`,
        warnings,
      };
    }
    case 'yarn': {
      if (pm.yarnBerry) {
        const version = exactVersion(FALLBACK_VERSIONS.yarnBerry);
        const env = YARN_ENV;
        return {
          // ".yarnrc.ym[l]" matches the file when it exists and is skipped when it does not.
          manifests: ['package.json', ...lock, '.yarnrc.ym[l]'],
          packageManagerInstall: `npm install -g @yarnpkg/cli-dist@${version}`,
          productionInstall: `${env} yarn workspaces focus --all --production`,
          fullInstall: `${env} yarn install --immutable`,
          cacheTarget: '/root/.yarn/berry/cache',
          runBuild: (script) => `yarn run ${script}`,
          warnings,
        };
      }
      const version = exactVersion(FALLBACK_VERSIONS.yarnClassic);
      const frozen = pm.lockfile ? '--frozen-lockfile' : '--no-lockfile';
      return {
        manifests: ['package.json', ...lock],
        // Images before Node 26 already ship a yarn 1.x binary; --force replaces it with the pinned one.
        packageManagerInstall: `npm install -g --force yarn@${version}`,
        productionInstall: `yarn install ${frozen} --production --non-interactive`,
        fullInstall: `yarn install ${frozen} --non-interactive`,
        cacheTarget: '/usr/local/share/.cache/yarn',
        // yarn 1's cache is not safe for two installs at once: one fails with ENOENT on a
        // .yarn-tarball.tgz the other is moving into place.
        cacheSharing: 'locked',
        runBuild: (script) => `yarn run ${script}`,
        warnings,
      };
    }
  }
}
