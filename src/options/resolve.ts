// The one typed options object every run ends in, and the single merge that builds it:
// flag > prompt answer > detected fact > default. The interactive and the scripted path both go
// through resolveOptions, so they cannot drift apart.
import type { Flags } from '../cli/args.js';
import type { BuildFact, Framework, ModuleSystem, PackageManagerName, ProjectFacts } from '../detect/facts.js';
import { UsageError } from '../errors.js';
import * as v from './validate.js';

export type { PackageManagerName } from '../detect/facts.js';
export type Base = 'alpine' | 'slim';

export const DEFAULT_PORT = 3000;

/** What the prompts may fill in; the same keys a flag can give. */
export interface Answers {
  worker?: boolean;
  entry?: string;
  port?: string;
  packageManager?: PackageManagerName;
  native?: boolean;
  build?: boolean;
  writableDirs?: string[];
  /** A path, or false for no health check. */
  healthcheckPath?: string | false;
  base?: Base;
  allowNoLockfile?: boolean;
}

export interface PrivateRegistry {
  /** Default registry for unscoped packages, when it is not the public one. */
  url?: string;
  scopes: { scope: string; url: string }[];
}

export interface Options {
  /** Runtime entry, relative posix path (compiled output for a build). */
  entry: string;
  /** Where the entry's source lives; the graceful-shutdown module is written next to it. */
  sourceEntry: string;
  worker: boolean;
  /** Undefined for workers. */
  port?: number;
  healthcheckPath?: string;
  nodeRange?: string;
  packageManager: { name: PackageManagerName; version?: string; lockfile?: string; yarnBerry: boolean };
  native: boolean;
  build?: BuildFact;
  registry?: PrivateRegistry;
  writableDirs: string[];
  base: Base;
  framework: Framework;
  moduleSystem: ModuleSystem;
  image: { registryMirror?: string; baseImage?: string; digest?: string; offline: boolean; noFallback: boolean };
  allowNoLockfile: boolean;
  force: boolean;
  dryRun: boolean;
  json: boolean;
}

export function resolveOptions(flags: Flags, facts: ProjectFacts, answers: Answers = {}): Options {
  const worker = flags.worker ?? answers.worker ?? facts.likelyWorker ?? false;
  const buildWanted = flags.build ?? answers.build ?? facts.build !== undefined;
  if (buildWanted && !facts.build) {
    throw new UsageError('--build was given but package.json has no "build" script: add one or pass --no-build');
  }
  const build = buildWanted ? facts.build : undefined;

  const entryInput = flags.entry ?? answers.entry ?? facts.entry;
  if (entryInput === undefined) {
    throw new UsageError('could not detect the entry file (no "start" script or "main"): pass --entry <file>');
  }
  const entry = v.projectPath(entryInput, '--entry');
  if (!/\.(c|m)?js$/.test(entry)) {
    throw new UsageError(`--entry must be a JavaScript file Node runs (.js, .mjs, .cjs), got "${entry}"${build ? '' : ' (TypeScript needs a build step: pass --build)'}`);
  }

  const pmName = flags.packageManager ?? answers.packageManager ?? facts.packageManager.name;
  const pmFact = facts.packageManager.name === pmName ? facts.packageManager : { name: pmName };
  const allowNoLockfile = flags.allowNoLockfile ?? answers.allowNoLockfile ?? false;
  if (!pmFact.lockfile && !allowNoLockfile) {
    throw new UsageError(
      `no lockfile for ${pmName}: run "${LOCK_COMMAND[pmName]}" and commit the lockfile (or pass --allow-no-lockfile for a non-reproducible install)`,
    );
  }

  const healthInput = flags.healthcheck === false ? false : (flags.healthcheckPath ?? answers.healthcheckPath ?? facts.healthcheckPath);
  const registry = privateRegistry(flags.npmRegistry, facts);
  const writableDirs = unique((flags.writableDirs ?? answers.writableDirs ?? []).map((d) => v.projectPath(d, '--writable-dir')));

  return {
    entry,
    sourceEntry: sourceEntryFor(entry, facts, build),
    worker,
    port: worker ? undefined : v.port(flags.port ?? answers.port ?? facts.port ?? DEFAULT_PORT),
    healthcheckPath: worker || healthInput === false || healthInput === undefined ? undefined : v.healthPath(healthInput),
    nodeRange: flags.node !== undefined ? v.nodeRange(flags.node) : facts.nodeRange !== undefined ? v.nodeRange(facts.nodeRange, facts.nodeRangeSource ?? 'engines.node') : undefined,
    packageManager: {
      name: pmName,
      version: pmFact.version !== undefined ? v.packageManagerVersion(pmFact.version) : undefined,
      lockfile: pmFact.lockfile,
      yarnBerry: pmName === 'yarn' && (pmFact.yarnBerry ?? false),
    },
    native: flags.native ?? answers.native ?? facts.native,
    build,
    registry,
    writableDirs,
    base: flags.base ?? answers.base ?? 'alpine',
    framework: facts.framework,
    moduleSystem: facts.moduleSystem,
    image: {
      registryMirror: flags.registryMirror !== undefined ? v.httpUrl(flags.registryMirror, '--registry-mirror') : undefined,
      baseImage: flags.baseImage !== undefined ? v.imageRepository(flags.baseImage) : undefined,
      digest: flags.digest !== undefined ? v.digest(flags.digest) : undefined,
      offline: flags.offline,
      noFallback: !flags.fallback,
    },
    allowNoLockfile,
    force: flags.force,
    dryRun: flags.dryRun,
    json: flags.json,
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

/** The source file behind the runtime entry: detection knows it; a flag-given compiled entry maps back to src/. */
function sourceEntryFor(entry: string, facts: ProjectFacts, build: BuildFact | undefined): string {
  if (entry === facts.entry && facts.sourceEntry) return v.projectPath(facts.sourceEntry, 'source entry');
  if (build && facts.typescript && entry.startsWith(`${build.outDir}/`)) {
    return `src/${entry.slice(build.outDir.length + 1)}`.replace(/\.(c|m)?js$/, (_m, k: string | undefined) => `.${k ?? ''}ts`);
  }
  return entry;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
