// Every option, declared once: flag, type, default, validation, prompt, summary row and how a run
// writes it back as arguments. The order is the order of the prompts, the summary and --help.
// Adding an option = one entry here (and its key in flags.ts / its use in resolve.ts).
import type { PackageManagerName } from '../detect/facts.js';
import { SHUTDOWN_CHOICES } from '../shutdown/choose.js';
import { UsageError } from '../errors.js';
import { ENGINE_CLIS } from '../core/engine-cli.js';
import type { OptionDeclarations } from './declaration.js';
import type { Base } from './flags.js';
import { promptCheck, splitList } from './question.js';
import * as v from '../core/validate.js';
import { variableName } from './build-variables.js';

export const DEFAULT_PORT = 3000;
export const DEFAULT_BUILD_TIMEOUT_SECONDS = 15 * 60;
export const DEFAULT_START_TIMEOUT_SECONDS = 60;
export const DEFAULT_BASE: Base = 'alpine';
const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;

export const OPTIONS: OptionDeclarations = {
  worker: {
    flag: 'worker',
    type: 'boolean',
    describe: 'A background worker: no EXPOSE, no HEALTHCHECK',
    async prompt({ given, facts, ask }) {
      if (given.worker !== undefined) return {};
      const kind = await ask({
        type: 'select',
        name: 'kind',
        message: 'What kind of app is this?',
        default: facts.likelyWorker ? 'worker' : 'web',
        choices: [
          { name: 'Web app (listens on a port)', value: 'web' },
          { name: 'Worker (no port, no health check)', value: 'worker' },
        ],
      });
      return { worker: kind === 'worker' };
    },
    summary: (o) => ['kind', o.worker ? 'worker (no port)' : `web app on port ${o.port}`],
    writeBack: { kind: 'setup', args: (o) => [o.worker ? '--worker' : '--no-worker'] },
  },
  packageManager: {
    flag: 'package-manager',
    type: 'choice',
    choices: PACKAGE_MANAGERS,
    describe: 'Package manager (default: from the lockfile)',
    async prompt({ given, facts, ask }) {
      if (facts.packageManager.lockfile || given.packageManager !== undefined) return {};
      const name = await ask({
        type: 'select',
        name: 'packageManager',
        message: 'No lockfile found. Which package manager does this project use?',
        default: facts.packageManager.name,
        choices: PACKAGE_MANAGERS.map((pm) => ({ name: pm, value: pm })),
      });
      return { packageManager: name as PackageManagerName };
    },
    summary: (o) => ['package manager', `${o.packageManager.name}${o.packageManager.lockfile ? ` (${o.packageManager.lockfile})` : ' (no lockfile)'}`],
    writeBack: { kind: 'setup', args: (o) => ['--package-manager', o.packageManager.name] },
  },
  allowNoLockfile: {
    flag: 'allow-no-lockfile',
    type: 'boolean',
    describe: 'Accept a non-reproducible install when there is no lockfile',
    async prompt({ given, facts, ask }) {
      if (facts.packageManager.lockfile || given.allowNoLockfile !== undefined) return {};
      const allow = (await ask({
        type: 'confirm',
        name: 'allowNoLockfile',
        message: 'Without a lockfile, builds are not reproducible. Generate anyway? (better: create a lockfile first)',
        default: false,
      })) as boolean;
      if (!allow) throw new UsageError('no lockfile: create one (e.g. "npm install --package-lock-only") and run again');
      return { allowNoLockfile: true };
    },
    writeBack: { kind: 'setup', args: (o) => (o.allowNoLockfile ? ['--allow-no-lockfile'] : []) },
  },
  build: {
    flag: 'build',
    type: 'boolean',
    describe: 'Run the build script in a build stage (--no-build to turn off)',
    async prompt({ given, facts, ask }) {
      if (given.build !== undefined || !facts.build) return {};
      return { build: (await ask({ type: 'confirm', name: 'build', message: `Run "${facts.build.script}" in a build stage?`, default: true })) as boolean };
    },
    summary: (o) => ['build step', o.build ? `${o.build.script} -> ${o.build.outDir}/` : 'none'],
    writeBack: { kind: 'setup', args: (o) => [o.build ? '--build' : '--no-build'] },
  },
  entry: {
    flag: 'entry',
    type: 'string',
    describe: 'Short for --start "node <file>": runtime entry file, relative to [dir] (e.g. dist/server.js)',
    validate: (value, where) => v.projectPath(value, where),
    summary: (o) => ['entry', o.entry],
    writeBack: { kind: 'setup', args: (o) => (runsEntry(o) ? ['--entry', o.entry] : []) },
  },
  start: {
    flag: 'start',
    type: 'string',
    describe: 'The command the container runs, e.g. "node dist/server.js" (exec form; no &&, |, ; or $(...))',
    // Asked instead of an entry file: the recipe's command is the default, so Enter keeps it.
    async prompt({ given, ask, plan }) {
      if (given.start !== undefined || given.entry !== undefined) return {};
      const planned = (await plan()).command.join(' ');
      const start = (await ask({
        type: 'input',
        name: 'start',
        message: 'Command the container runs',
        default: planned,
        validate: (value) => (value.trim() === '' ? 'start: a command is required (e.g. node dist/server.js)' : true),
      })) as string;
      return start.trim() === planned ? {} : { start: start.trim() };
    },
    summary: (o) => ['command', o.command.join(' ')],
    writeBack: { kind: 'setup', args: (o) => (runsEntry(o) ? [] : ['--start', o.command.join(' ')]) },
  },
  dockerfile: {
    flag: 'dockerfile',
    type: 'string',
    describe: 'Where to write the Dockerfile, relative to [dir] (default: Dockerfile)',
    validate: (value, where) => v.projectPath(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.dockerfile === 'Dockerfile' ? [] : ['--dockerfile', o.dockerfile]) },
  },
  port: {
    flag: 'port',
    type: 'string',
    describe: 'Port the app listens on (1-65535)',
    validate: (value, where) => v.port(value, where),
    async prompt({ given, facts, ask, plan }) {
      if (given.worker || given.port !== undefined) return {};
      const port = await ask({
        type: 'input',
        name: 'port',
        message: 'Port the app listens on',
        default: String((await plan()).port ?? facts.port ?? DEFAULT_PORT),
        validate: promptCheck((value) => v.port(value, 'port')),
      });
      return { port: port as string };
    },
    writeBack: { kind: 'setup', args: (o) => (o.port === undefined ? [] : ['--port', String(o.port)]) },
  },
  healthcheckPath: {
    flag: 'healthcheck-path',
    type: 'string',
    describe: 'HTTP path for HEALTHCHECK (e.g. /health); --no-healthcheck for none',
    validate: (value, where) => v.healthPath(value, where),
    async prompt({ given, facts, ask, plan }) {
      if (given.worker || given.healthcheckPath !== undefined || given.healthcheck !== undefined) return {};
      const path = (await ask({
        type: 'input',
        name: 'healthcheckPath',
        message: 'Health check path (leave empty to check that the port answers HTTP at all)',
        default: (await plan()).healthcheckPath ?? facts.healthcheckPath ?? '',
        validate: promptCheck((value) => (value === '' ? value : v.healthPath(value))),
      })) as string;
      return path === '' ? {} : { healthcheckPath: path };
    },
    summary: (o) => ['health check', o.healthcheckPath ?? (o.noHealthcheck || o.worker ? 'none' : 'any HTTP answer on /')],
    writeBack: {
      kind: 'setup',
      args: (o) => (o.worker ? [] : o.healthcheckPath ? ['--healthcheck-path', o.healthcheckPath] : o.noHealthcheck ? ['--no-healthcheck'] : []),
    },
  },
  healthcheck: {
    // The negative half of --healthcheck-path: --no-healthcheck. Written back by healthcheckPath.
    flag: 'healthcheck',
    type: 'boolean',
  },
  shutdown: {
    flag: 'shutdown',
    type: 'choice',
    choices: SHUTDOWN_CHOICES,
    describe: 'Graceful shutdown of an app that owns its server: preload our module (default, no code edit), wired (two lines to paste), app (it handles SIGTERM itself)',
    summary: (o) => ['graceful shutdown', o.shutdown ?? 'preload (unless the app handles SIGTERM itself)'],
    writeBack: { kind: 'setup', args: (o) => (o.shutdown === undefined ? [] : ['--shutdown', o.shutdown]) },
  },
  writableDirs: {
    flag: 'writable-dir',
    type: 'list',
    describe: 'Directory the app writes to, owned by uid 1000 (repeatable)',
    validate: (value, where) => v.projectPath(value, where),
    async prompt({ given, ask, plan }) {
      if (given.writableDirs !== undefined) return {};
      // What the recipe makes writable itself (.next/cache) is always writable: the question asks for more.
      const own = (await plan()).writablePaths;
      const dirs = (await ask({
        type: 'input',
        name: 'writableDirs',
        message: `${own.length > 0 ? `Other directories the app writes to (${own.join(', ')} already writable)` : 'Directories the app writes to'}, comma-separated (everything else stays read-only)`,
        default: '',
        validate: promptCheck((value) => splitList(value).map((d) => v.projectPath(d, 'directory'))),
      })) as string;
      return { writableDirs: splitList(dirs) };
    },
    summary: (o) => ['writable dirs', o.writableDirs.join(', ') || 'none (read-only app files)'],
    writeBack: { kind: 'setup', args: (o) => o.writableDirs.flatMap((d) => ['--writable-dir', d]) },
  },
  native: {
    flag: 'native',
    type: 'boolean',
    describe: 'Native modules need a compiler in the build stage (--no-native to turn off)',
    async prompt({ given, facts, ask }) {
      if (given.native !== undefined) return {};
      const why = facts.nativeReasons.length > 0 ? ` (found: ${facts.nativeReasons.join(', ')})` : '';
      return { native: (await ask({ type: 'confirm', name: 'native', message: `Does it build native modules${why}?`, default: facts.native })) as boolean };
    },
    summary: (o, facts) => ['native modules', o.native ? `yes${facts.nativeReasons.length ? ` (${facts.nativeReasons.join(', ')})` : ''}` : 'no'],
    writeBack: { kind: 'setup', args: (o) => [o.native ? '--native' : '--no-native'] },
  },
  base: {
    flag: 'base',
    type: 'choice',
    choices: ['alpine', 'slim', 'distroless', 'dhi'],
    describe: 'Base image flavour (slim = Debian, for glibc-only native modules; distroless = no shell, no package manager; dhi = Docker Hardened Images, Alpine, no shell, needs docker login dhi.io)',
    async prompt({ given, ask }) {
      if (given.base !== undefined) return {};
      const base = await ask({
        type: 'select',
        name: 'base',
        message: 'Runtime image',
        default: DEFAULT_BASE,
        choices: [
          { name: 'Alpine (small; musl libc)', value: 'alpine' },
          { name: 'Debian slim (glibc, for native modules that need it)', value: 'slim' },
          { name: 'Distroless (glibc; no shell, no package manager, uid 65532)', value: 'distroless' },
          { name: 'Docker Hardened Images (Alpine, musl; no shell, no npm, uid 1000; needs docker login dhi.io)', value: 'dhi' },
        ],
      });
      return { base: base as Base };
    },
    summary: (o) => ['base', o.base],
    writeBack: { kind: 'setup', args: (o) => (o.base === DEFAULT_BASE ? [] : ['--base', o.base]) },
  },
  node: {
    flag: 'node',
    type: 'string',
    describe: 'Node version or semver range (default: engines.node/.nvmrc, else newest LTS)',
    validate: (value, where) => v.nodeRange(value, where),
    summary: (o) => ['node', o.nodeRange ?? 'newest LTS'],
    writeBack: { kind: 'setup', args: (o) => (o.nodeRange === undefined ? [] : ['--node', o.nodeRange]) },
  },
  npmRegistry: {
    flag: 'npm-registry',
    type: 'string',
    describe: 'Private npm registry URL; the token is passed only as a BuildKit secret',
    validate: (value, where) => v.httpUrl(value, where),
    summary: (o, facts) => [
      'private registry',
      o.registry ? `yes (token only as a build secret${facts.registry?.hasToken ? '; a token is in .npmrc, it is not copied' : ''})` : 'no',
    ],
    writeBack: { kind: 'setup', args: (o) => (o.registry?.url ? ['--npm-registry', o.registry.url] : []) },
  },
  registryMirror: {
    flag: 'registry-mirror',
    type: 'string',
    describe: 'Docker Hub mirror URL to resolve the digest against',
    validate: (value, where) => v.registryMirror(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.image.registryMirror ? ['--registry-mirror', o.image.registryMirror] : []) },
  },
  baseImage: {
    flag: 'base-image',
    type: 'string',
    describe: 'Another repository hosting node images (e.g. registry.example.com/node)',
    validate: (value, where) => v.imageRepository(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.image.baseImage ? ['--base-image', o.image.baseImage] : []) },
  },
  runtimeImage: {
    flag: 'runtime-image',
    type: 'string',
    describe: 'With --base distroless or dhi: another repository hosting that node image (default gcr.io/distroless/nodejs<major>-debian13, dhi.io/node)',
    validate: (value, where) => v.imageRepository(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.image.runtimeImage ? ['--runtime-image', o.image.runtimeImage] : []) },
  },
  digest: {
    flag: 'digest',
    type: 'string',
    describe: 'Use this image index digest (sha256:...) as given',
    validate: (value, where) => v.digest(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.image.digest ? ['--digest', o.image.digest] : []) },
  },
  offline: {
    flag: 'offline',
    type: 'boolean',
    default: false,
    describe: 'No network: use the cache, then the shipped snapshot',
    writeBack: { kind: 'run', args: (o) => (o.image.offline ? ['--offline'] : []) },
  },
  fallback: {
    flag: 'fallback',
    type: 'boolean',
    default: true,
    describe: 'Fall back to cache/snapshot when the registry is unreachable (--no-fallback: exit 4)',
    writeBack: { kind: 'run', args: (o) => (o.image.noFallback ? ['--no-fallback'] : []) },
  },
  kubernetes: {
    flag: 'kubernetes',
    type: 'boolean',
    describe: 'Also write k8s/: a Pod Security "restricted" Deployment, a Service and kustomization.yaml (kubectl apply -k k8s/)',
    async prompt({ given, ask }) {
      if (given.kubernetes !== undefined || given.kubernetesImage !== undefined) return {};
      return { kubernetes: (await ask({ type: 'confirm', name: 'kubernetes', message: 'Also write Kubernetes manifests (k8s/)?', default: false })) as boolean };
    },
    summary: (o) => ['kubernetes', o.kubernetes ? `k8s/ (Deployment, Service, kustomization.yaml), image ${o.kubernetesImage ?? 'a placeholder to pin in kustomization.yaml'}` : 'no'],
    writeBack: { kind: 'setup', args: (o) => (o.kubernetes ? ['--kubernetes'] : []) },
  },
  kubernetesImage: {
    flag: 'kubernetes-image',
    type: 'string',
    describe: 'The image k8s/ deploys, pinned by digest: <registry>/<name>[:tag]@sha256:<digest> (implies --kubernetes; without it kustomization.yaml has a placeholder)',
    validate: (value, where) => v.pinnedImage(value, where),
    async prompt({ given, ask }) {
      if (given.kubernetes !== true || given.kubernetesImage !== undefined) return {};
      const image = (await ask({
        type: 'input',
        name: 'kubernetesImage',
        message: 'Image the manifests deploy, pinned by digest (<registry>/<name>@sha256:...; leave empty for a placeholder to set later)',
        default: '',
        validate: promptCheck((value) => (value.trim() === '' ? value : v.pinnedImage(value.trim(), 'image'))),
      })) as string;
      return image.trim() === '' ? {} : { kubernetesImage: image.trim() };
    },
    writeBack: { kind: 'setup', args: (o) => (o.kubernetesImage === undefined ? [] : ['--kubernetes-image', o.kubernetesImage]) },
  },
  yes: { flag: 'yes', alias: 'y', type: 'boolean', default: false, describe: 'Accept detected values and defaults; never prompt' },
  force: { flag: 'force', type: 'boolean', default: false, describe: 'Overwrite changed files without asking' },
  dryRun: { flag: 'dry-run', type: 'boolean', default: false, describe: 'Write nothing; report what would change' },
  json: { flag: 'json', type: 'boolean', default: false, describe: 'Print one JSON object on stdout (human text stays on stderr)' },
  // Asked after writing ("Build and try it now?", cli/commands/generate.ts), not with the prompts above.
  verify: {
    flag: 'verify',
    type: 'boolean',
    describe: 'After writing, build and run the image on your engine (docker CLI, DOCKER_HOST) and check it; exit 5 if it fails',
    writeBack: { kind: 'run', args: (o) => (o.verify.requested === undefined ? [] : [o.verify.requested ? '--verify' : '--no-verify']) },
  },
  engine: {
    flag: 'engine',
    type: 'choice',
    choices: ENGINE_CLIS,
    describe: 'With --verify: the engine CLI that builds and runs it, docker (default; DOCKER_HOST) or podman (rootless or not; builds with --format docker to keep HEALTHCHECK)',
    writeBack: { kind: 'run', args: (o) => (o.verify.engine === 'docker' ? [] : ['--engine', o.verify.engine]) },
  },
  keepImage: {
    flag: 'keep-image',
    type: 'boolean',
    describe: 'With --verify: keep the image it built (<name>:verify-<id>)',
    writeBack: { kind: 'run', args: (o) => (o.verify.keepImage ? ['--keep-image'] : []) },
  },
  buildTimeout: {
    flag: 'build-timeout',
    type: 'string',
    describe: `With --verify: seconds the image build may take (default ${DEFAULT_BUILD_TIMEOUT_SECONDS})`,
    validate: (value, where) => v.seconds(value, where),
    writeBack: { kind: 'run', args: (o) => (o.verify.buildTimeoutSeconds === DEFAULT_BUILD_TIMEOUT_SECONDS ? [] : ['--build-timeout', String(o.verify.buildTimeoutSeconds)]) },
  },
  startTimeout: {
    flag: 'start-timeout',
    type: 'string',
    describe: `With --verify: seconds the app gets to start and answer (default ${DEFAULT_START_TIMEOUT_SECONDS})`,
    validate: (value, where) => v.seconds(value, where),
    writeBack: { kind: 'run', args: (o) => (o.verify.startTimeoutSeconds === DEFAULT_START_TIMEOUT_SECONDS ? [] : ['--start-timeout', String(o.verify.startTimeoutSeconds)]) },
  },
  envFile: {
    flag: 'run-env-file',
    type: 'string',
    describe: 'Run-time variables (NAME=value lines, e.g. .env): compose.yaml reads it as env_file and --verify runs with it; never part of the image',
    validate: (value, where) => v.projectPath(value, where),
    writeBack: { kind: 'setup', args: (o) => (o.envFile === undefined ? [] : ['--run-env-file', o.envFile]) },
  },
  buildArgs: {
    flag: 'build-arg',
    type: 'list',
    describe: 'A public variable the build step reads (e.g. NEXT_PUBLIC_API_URL), as ARG in the build stage; its value comes from docker build --build-arg NAME (repeatable; never a secret: it stays in docker history)',
    validate: (value, where) => variableName(value, where),
    summary: (o) => ['build variables', [...o.buildVariables.args.map((n) => `${n} (arg)`), ...o.buildVariables.secrets.map((n) => `${n} (secret)`)].join(', ') || 'none'],
    writeBack: { kind: 'setup', args: (o) => o.buildVariables.args.flatMap((n) => ['--build-arg', n]) },
  },
  buildSecrets: {
    flag: 'build-secret',
    type: 'list',
    describe: 'A secret the build step reads as $NAME, mounted only for the build step (docker build --secret id=NAME,env=NAME; never in a layer or history; repeatable)',
    validate: (value, where) => variableName(value, where),
    writeBack: { kind: 'setup', args: (o) => o.buildVariables.secrets.flatMap((n) => ['--build-secret', n]) },
  },
};

/** The command is `node <entry>`: --entry says it; anything else needs --start. */
function runsEntry(o: { command: string[]; entry: string }): boolean {
  return o.command.length === 2 && o.command[0] === 'node' && o.command[1] === o.entry;
}

export const OPTION_LIST = Object.values(OPTIONS) as readonly (typeof OPTIONS)[keyof typeof OPTIONS][];
