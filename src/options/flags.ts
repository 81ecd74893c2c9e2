// generate's flags, declared once as data, in the order of the prompts, the summary and --help:
// what parsing and --help need. `Flags`, the values a run starts from, is derived from this table
// (flag-spec.ts); what each option does beyond parsing (validation, prompt, summary row, write-back)
// is declared by concern under declarations/ and joined to these in declarations.ts.
import { SHUTDOWN_CHOICES } from '../shutdown/choose.js';
import { ENGINE_CLIS } from '../core/engine-cli.js';
import type { FlagSpecs, FlagValues } from './flag-spec.js';

export const BASES = ['alpine', 'slim', 'distroless', 'dhi'] as const;
export type Base = (typeof BASES)[number];
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;

export const DEFAULT_PORT = 3000;
export const DEFAULT_BUILD_TIMEOUT_SECONDS = 15 * 60;
export const DEFAULT_START_TIMEOUT_SECONDS = 60;
export const DEFAULT_BASE: Base = 'alpine';

export const FLAGS = {
  worker: { flag: 'worker', type: 'boolean', describe: 'A background worker: no EXPOSE, no HEALTHCHECK' },
  packageManager: { flag: 'package-manager', type: 'choice', choices: PACKAGE_MANAGERS, describe: 'Package manager (default: from the lockfile)' },
  allowNoLockfile: { flag: 'allow-no-lockfile', type: 'boolean', describe: 'Accept a non-reproducible install when there is no lockfile' },
  build: { flag: 'build', type: 'boolean', describe: 'Run the build script in a build stage (--no-build to turn off)' },
  entry: { flag: 'entry', type: 'string', describe: 'Short for --start "node <file>": runtime entry file, relative to [dir] (e.g. dist/server.js)' },
  /** What the container runs, parsed into exec form (no shell operators). */
  start: { flag: 'start', type: 'string', describe: 'The command the container runs, e.g. "node dist/server.js" (exec form; no &&, |, ; or $(...))' },
  /** Where to write the Dockerfile, relative to [dir]. */
  dockerfile: { flag: 'dockerfile', type: 'string', describe: 'Where to write the Dockerfile, relative to [dir] (default: Dockerfile)' },
  port: { flag: 'port', type: 'string', describe: 'Port the app listens on (1-65535)' },
  healthcheckPath: { flag: 'healthcheck-path', type: 'string', describe: 'HTTP path for HEALTHCHECK (e.g. /health); --no-healthcheck for none' },
  /** The negative half of --healthcheck-path: false when --no-healthcheck was given (hidden from --help). */
  healthcheck: { flag: 'healthcheck', type: 'boolean' },
  /** undefined = preload unless the app handles SIGTERM itself. */
  shutdown: { flag: 'shutdown', type: 'choice', choices: SHUTDOWN_CHOICES, describe: 'Graceful shutdown of an app that owns its server: preload our module (default, no code edit), wired (two lines to paste), app (it handles SIGTERM itself)' },
  writableDirs: { flag: 'writable-dir', type: 'list', describe: 'Directory the app writes to, owned by uid 1000 (repeatable)' },
  native: { flag: 'native', type: 'boolean', describe: 'Native modules need a compiler in the build stage (--no-native to turn off)' },
  base: { flag: 'base', type: 'choice', choices: BASES, describe: 'Base image flavour (slim = Debian, for glibc-only native modules; distroless = no shell, no package manager; dhi = Docker Hardened Images, Alpine, no shell, needs docker login dhi.io)' },
  node: { flag: 'node', type: 'string', describe: 'Node version or semver range (default: engines.node/.nvmrc, else newest LTS)' },
  npmRegistry: { flag: 'npm-registry', type: 'string', describe: 'Private npm registry URL; the token is passed only as a BuildKit secret' },
  registryMirror: { flag: 'registry-mirror', type: 'string', describe: 'Docker Hub mirror URL to resolve the digest against' },
  baseImage: { flag: 'base-image', type: 'string', describe: 'Another repository hosting node images (e.g. registry.example.com/node)' },
  runtimeImage: { flag: 'runtime-image', type: 'string', describe: 'With --base distroless or dhi: another repository hosting that node image (default gcr.io/distroless/nodejs<major>-debian13, dhi.io/node)' },
  digest: { flag: 'digest', type: 'string', describe: 'Use this image index digest (sha256:...) as given' },
  offline: { flag: 'offline', type: 'boolean', default: false, describe: 'No network: use the cache, then the shipped snapshot' },
  fallback: { flag: 'fallback', type: 'boolean', default: true, describe: 'Fall back to cache/snapshot when the registry is unreachable (--no-fallback: exit 4)' },
  kubernetes: { flag: 'kubernetes', type: 'boolean', describe: 'Also write k8s/: a Pod Security "restricted" Deployment, a Service and kustomization.yaml (kubectl apply -k k8s/)' },
  kubernetesImage: { flag: 'kubernetes-image', type: 'string', describe: 'The image k8s/ deploys, pinned by digest: <registry>/<name>[:tag]@sha256:<digest> (implies --kubernetes; without it kustomization.yaml has a placeholder)' },
  yes: { flag: 'yes', alias: 'y', type: 'boolean', default: false, describe: 'Accept detected values and defaults; never prompt' },
  force: { flag: 'force', type: 'boolean', default: false, describe: 'Overwrite changed files without asking' },
  dryRun: { flag: 'dry-run', type: 'boolean', default: false, describe: 'Write nothing; report what would change' },
  json: { flag: 'json', type: 'boolean', default: false, describe: 'Print one JSON object on stdout (human text stays on stderr)' },
  /** undefined: not given (an interactive run asks after writing, when an engine answers). */
  verify: { flag: 'verify', type: 'boolean', describe: 'After writing, build and run the image on your engine (docker CLI, DOCKER_HOST) and check it; exit 5 if it fails' },
  engine: { flag: 'engine', type: 'choice', choices: ENGINE_CLIS, describe: 'With --verify: the engine CLI that builds and runs it, docker (default; DOCKER_HOST) or podman (rootless or not; builds with --format docker to keep HEALTHCHECK)' },
  keepImage: { flag: 'keep-image', type: 'boolean', describe: 'With --verify: keep the image it built (<name>:verify-<id>)' },
  buildTimeout: { flag: 'build-timeout', type: 'string', describe: `With --verify: seconds the image build may take (default ${DEFAULT_BUILD_TIMEOUT_SECONDS})` },
  startTimeout: { flag: 'start-timeout', type: 'string', describe: `With --verify: seconds the app gets to start and answer (default ${DEFAULT_START_TIMEOUT_SECONDS})` },
  envFile: { flag: 'run-env-file', type: 'string', describe: 'Run-time variables (NAME=value lines, e.g. .env): compose.yaml reads it as env_file and --verify runs with it; never part of the image' },
  buildArgs: { flag: 'build-arg', type: 'list', describe: 'A public variable the build step reads (e.g. NEXT_PUBLIC_API_URL), as ARG in the build stage; its value comes from docker build --build-arg NAME (repeatable; never a secret: it stays in docker history)' },
  buildSecrets: { flag: 'build-secret', type: 'list', describe: 'A secret the build step reads as $NAME, mounted only for the build step (docker build --secret id=NAME,env=NAME; never in a layer or history; repeatable)' },
} as const satisfies FlagSpecs;

/** What the user said on the command line, before validation; undefined = not given, so detection or a prompt fills it. */
export type Flags = FlagValues<typeof FLAGS>;

/** Prompt answers use the flags' own keys and shapes. */
export type Answers = Partial<Flags>;

/** Every key a declaration exists for (the positional dir is the command's, not an option). */
export type OptionKey = keyof typeof FLAGS;
