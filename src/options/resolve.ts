// The one typed options object every run ends in, and the single merge that builds it:
// flag > prompt answer > detected fact > default. The interactive and the scripted path both go
// through resolveOptions, so they cannot drift apart.
import type { BuildFact, PackageManagerName, ProjectFacts } from '../detect/facts.js';
import { COMPOSE_FILE } from '../detect/existing.js';
import { UsageError } from '../errors.js';
import type { RecipePlan } from '../recipes/types.js';
import { DEFAULT_BASE, DEFAULT_BUILD_TIMEOUT_SECONDS, DEFAULT_PORT, DEFAULT_START_TIMEOUT_SECONDS } from './flags.js';
import type { Answers, Flags } from './flags.js';
import type { Options, PrivateRegistry } from './options.js';
import { validateFacts } from './validate-facts.js';
import * as v from '../core/validate.js';
import { workspaceOptions } from './workspace.js';
import { layoutOf } from './layout.js';
import { buildVariables } from './build-variables.js';

export type { Answers, Flags } from './flags.js';
export type { Base, Options, PackageManagerName, PrivateRegistry } from './options.js';
export { DEFAULT_PORT } from './flags.js';

/** The build the options use: the detected one unless --no-build (or the answer) says otherwise. */
export function chosenBuild(flags: Flags, facts: Pick<ProjectFacts, 'build'>, answers: Answers = {}): BuildFact | undefined {
  const buildWanted = mergeGiven(flags, answers).build ?? facts.build !== undefined;
  if (buildWanted && !facts.build) {
    throw new UsageError('--build was given but package.json has no "build" script: add one or pass --no-build');
  }
  return buildWanted ? facts.build : undefined;
}

/** The plan (recipePlan) decides what runs and stays the one place that says it; the options hold the user's choices. */
export function resolveOptions(flags: Flags, facts: ProjectFacts, answers: Answers, plan: RecipePlan): Options {
  // Facts read from the project pass the same validators as flags before anything uses them.
  validateFacts(facts);
  const given = mergeGiven(flags, answers);
  const worker = given.worker ?? facts.likelyWorker ?? false;
  const build = chosenBuild(flags, facts, answers);
  if (plan.shutdown.kind === 'wired') v.projectPath(plan.shutdown.sourceEntry, 'source entry');

  const pmName = given.packageManager ?? facts.packageManager.name;
  const pmFact = facts.packageManager.name === pmName ? facts.packageManager : { name: pmName };
  const allowNoLockfile = given.allowNoLockfile ?? false;
  if (!pmFact.lockfile && !allowNoLockfile) {
    throw new UsageError(
      `no lockfile for ${pmName}: run "${LOCK_COMMAND[pmName]}" and commit the lockfile (or pass --allow-no-lockfile for a non-reproducible install)`,
    );
  }

  const healthInput = given.healthcheck === false ? false : (given.healthcheckPath ?? plan.healthcheckPath ?? facts.healthcheckPath);
  const registry = privateRegistry(flags.npmRegistry, facts);
  const writableDirs = unique((given.writableDirs ?? []).map((d) => v.projectPath(d, '--writable-dir')));
  if (flags.verify && flags.dryRun) throw new UsageError('--verify builds the written files: drop --dry-run');
  const base = given.base ?? DEFAULT_BASE;
  const shellLess = base === 'distroless' || base === 'dhi';
  if (flags.runtimeImage !== undefined && !shellLess) throw new UsageError('--runtime-image applies only to --base distroless or dhi');
  // Both of dhi's stages come from one repository (dhi.io/node, or --runtime-image's copy of it).
  if (base === 'dhi' && flags.baseImage !== undefined) {
    throw new UsageError('--base dhi takes its build and runtime images from dhi.io/node: use --runtime-image <repository> for a copy of it, not --base-image');
  }
  // The workspace transform has no shell-less runtime stage yet; refused here, before any registry lookup.
  if (shellLess && facts.workspace) throw new UsageError(`--base ${base} is not supported for a workspace package yet: use --base alpine or slim`);
  if (given.kubernetes === false && given.kubernetesImage !== undefined) throw new UsageError('--kubernetes-image sets the image of k8s/: drop --no-kubernetes');

  const packageManager = {
    name: pmName,
    version: pmFact.version !== undefined ? v.packageManagerVersion(pmFact.version) : undefined,
    lockfile: pmFact.lockfile,
    yarnBerry: pmName === 'yarn' && (pmFact.yarnBerry ?? false),
  };
  const workspace = facts.workspace ? workspaceOptions(facts.workspace, packageManager) : undefined;
  const dockerfile = flags.dockerfile !== undefined ? v.projectPath(flags.dockerfile, '--dockerfile') : 'Dockerfile';

  return {
    ...(workspace ? { workspace } : {}),
    dockerfile,
    layout: layoutOf(dockerfile, workspace),
    worker,
    port: worker ? undefined : v.port(given.port ?? plan.port ?? facts.port ?? DEFAULT_PORT),
    ...(healthInput === false ? { noHealthcheck: true as const } : {}),
    healthcheckPath: worker || healthInput === false || healthInput === undefined ? undefined : v.healthPath(healthInput),
    nodeRange: flags.node !== undefined ? v.nodeRange(flags.node) : facts.nodeRange !== undefined ? v.nodeRange(facts.nodeRange, facts.nodeRangeSource ?? 'engines.node') : undefined,
    packageManager,
    native: given.native ?? facts.native,
    build,
    registry,
    writableDirs,
    ...(given.shutdown !== undefined ? { shutdown: given.shutdown } : {}),
    base,
    framework: facts.framework,
    moduleSystem: facts.moduleSystem,
    image: {
      registryMirror: flags.registryMirror !== undefined ? v.registryMirror(flags.registryMirror) : undefined,
      baseImage: flags.baseImage !== undefined ? v.imageRepository(flags.baseImage) : undefined,
      runtimeImage: flags.runtimeImage !== undefined ? v.imageRepository(flags.runtimeImage, '--runtime-image') : undefined,
      digest: flags.digest !== undefined ? v.digest(flags.digest) : undefined,
      offline: flags.offline,
      noFallback: !flags.fallback,
    },
    install: { env: facts.install.env },
    ...(flags.envFile !== undefined ? { envFile: v.projectPath(flags.envFile, '--run-env-file') } : {}),
    buildVariables: buildVariables(flags, plan.buildSteps.length > 0),
    userComposeFile: facts.existing.composeFile !== undefined && facts.existing.composeFile !== COMPOSE_FILE ? facts.existing.composeFile : undefined,
    allowNoLockfile,
    force: flags.force,
    dryRun: flags.dryRun,
    json: flags.json,
    kubernetes: given.kubernetes ?? given.kubernetesImage !== undefined,
    ...(given.kubernetesImage !== undefined ? { kubernetesImage: v.pinnedImage(given.kubernetesImage, '--kubernetes-image') } : {}),
    verify: {
      requested: flags.verify,
      engine: flags.engine ?? 'docker',
      keepImage: flags.keepImage ?? false,
      buildTimeoutSeconds: flags.buildTimeout !== undefined ? v.seconds(flags.buildTimeout, '--build-timeout') : DEFAULT_BUILD_TIMEOUT_SECONDS,
      startTimeoutSeconds: flags.startTimeout !== undefined ? v.seconds(flags.startTimeout, '--start-timeout') : DEFAULT_START_TIMEOUT_SECONDS,
    },
  };
}

const LOCK_COMMAND: Record<PackageManagerName, string> = {
  npm: 'npm install --package-lock-only',
  pnpm: 'pnpm install --lockfile-only',
  yarn: 'yarn install',
};

function privateRegistry(flag: string | undefined, facts: ProjectFacts): PrivateRegistry | undefined {
  const fromNpmrc = (value: string, where: string) => {
    if (value.includes('${')) {
      throw new UsageError(`${where} takes its URL from an environment variable ("${v.printable(value)}"): pass --npm-registry <url>`);
    }
    return v.httpUrl(value, where);
  };
  const scopes = (facts.registry?.scopes ?? []).map((s) => ({
    scope: scopeName(s.scope),
    url: fromNpmrc(s.url, `${facts.registry?.source ?? '.npmrc'} ${s.scope}:registry`),
  }));
  const url = flag !== undefined ? v.httpUrl(flag, '--npm-registry') : facts.registry?.url !== undefined ? fromNpmrc(facts.registry.url, `${facts.registry.source ?? '.npmrc'} registry`) : undefined;
  // A token with neither a registry nor a scope is for private packages on the public registry:
  // the install still needs the secret.
  if (url === undefined && scopes.length === 0 && !facts.registry?.hasToken) return undefined;
  return { url, scopes };
}

function scopeName(scope: string): string {
  const name = scope.startsWith('@') ? scope : `@${scope}`;
  if (!/^@[a-z0-9][a-z0-9._-]*$/.test(name)) throw new UsageError(`.npmrc has an invalid scope name "${v.printable(scope)}"`);
  return name;
}

/** A flag wins over an answer; an answer fills what no flag gave. */
export function mergeGiven(flags: Flags, answers: Answers): Answers {
  const given: Answers = { ...answers };
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) (given as Record<string, unknown>)[key] = value;
  return given;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
