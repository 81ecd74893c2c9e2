// How each package manager installs, per the docker-node and Snyk guidance: from the lockfile only,
// production dependencies for the runtime, with a BuildKit cache mount so a source-only change does
// not re-run the install. Pure data; the Dockerfile template arranges it.
import type { Options } from '../options/options.js';

export interface InstallPlan {
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

/** Used when package.json has no "packageManager" field: recent, exact, and reported as a warning. */
export const FALLBACK_VERSIONS = { pnpm: '9.15.9', yarnClassic: '1.22.22', yarnBerry: '4.9.2' } as const;

export function installPlan(options: Pick<Options, 'packageManager'>): InstallPlan {
  const plan = packageManagerPlan(options.packageManager);
  // An app without production dependencies gets no node_modules from a production install, and
  // the runtime stage's COPY --from=deps would fail on the missing folder.
  return { ...plan, productionInstall: `${plan.productionInstall} \\\n    && mkdir -p node_modules` };
}

function packageManagerPlan(pm: Options['packageManager']): InstallPlan {
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
        // Yarn 2+ is published as @yarnpkg/cli-dist; Node >= 25 images have no corepack to fetch it.
        // node-modules linker: the runtime stage copies node_modules, not a Plug'n'Play cache.
        const env = `YARN_NODE_LINKER=node-modules YARN_ENABLE_GLOBAL_CACHE=false YARN_CACHE_FOLDER=/root/.yarn/berry/cache`;
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
