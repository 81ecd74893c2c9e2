// Command-line flags -> a partial, not yet validated options object. Strict: an unknown flag is a
// usage error. Help and version text are returned, never printed, so the shell decides where they go.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import type { Base, PackageManagerName } from '../options/resolve.js';

/** What the user said on the command line; undefined = not given (detection or a prompt fills it). */
export interface Flags {
  dir?: string;
  yes: boolean;
  entry?: string;
  port?: string;
  worker?: boolean;
  node?: string;
  packageManager?: PackageManagerName;
  native?: boolean;
  build?: boolean;
  npmRegistry?: string;
  writableDirs?: string[];
  healthcheckPath?: string;
  /** false when --no-healthcheck was given. */
  healthcheck?: boolean;
  base?: Base;
  registryMirror?: string;
  baseImage?: string;
  digest?: string;
  offline: boolean;
  fallback: boolean;
  allowNoLockfile?: boolean;
  force: boolean;
  dryRun: boolean;
  json: boolean;
}

export type ParsedArgs = { kind: 'run'; flags: Flags } | { kind: 'output'; text: string };

export const EXIT_CODES_HELP = `Exit codes:
  0    done (or nothing to change)
  1    unexpected failure
  2    invalid input or usage (bad flag value, undetectable fact, malformed package.json)
  3    refused to overwrite a changed file (pass --force, or run interactively)
  4    base image could not be resolved to a digest
  130  cancelled`;

const EXAMPLES: [string, string][] = [
  ['$0', 'Detect everything in the current directory and ask about the rest'],
  ['$0 ./api --yes', 'Non-interactive: detected values and defaults, no prompts'],
  [
    '$0 --yes --entry dist/server.js --port 8080 --writable-dir uploads',
    'Scripted run with explicit values',
  ],
  ['$0 --yes --offline --dry-run --json', 'Show what would be written, without network or writes'],
  ['$0 --yes --registry-mirror https://mirror.example.com', 'Resolve the digest through a Docker Hub mirror'],
];

export function parseArgs(argv: string[], meta: { version: string; width: number }): ParsedArgs {
  let output = '';
  let failure: string | undefined;
  const parser = yargs()
    .scriptName('create-secure-node-docker')
    .usage(
      '$0 [dir] [options]\n\nGenerate a secure, digest-pinned Docker setup (Dockerfile, .dockerignore, compose.yaml,\nREADME.Docker.md, graceful-shutdown module) for the Node.js app in [dir] (default: the current directory).',
    )
    .command('$0 [dir]', false)
    .positional('dir', { type: 'string', describe: 'The app directory (default: current directory)' })
    .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'Accept detected values and defaults; never prompt' })
    .option('entry', { type: 'string', describe: 'Runtime entry file, relative to [dir] (e.g. dist/server.js)' })
    .option('port', { type: 'string', describe: 'Port the app listens on (1-65535)' })
    .option('worker', { type: 'boolean', describe: 'A background worker: no EXPOSE, no HEALTHCHECK' })
    .option('node', { type: 'string', describe: 'Node version or semver range (default: engines.node/.nvmrc, else newest LTS)' })
    .option('package-manager', { choices: ['npm', 'pnpm', 'yarn'] as const, describe: 'Package manager (default: from the lockfile)' })
    .option('native', { type: 'boolean', describe: 'Native modules need a compiler in the build stage (--no-native to turn off)' })
    .option('build', { type: 'boolean', describe: 'Run the build script in a build stage (--no-build to turn off)' })
    .option('npm-registry', { type: 'string', describe: 'Private npm registry URL; the token is passed only as a BuildKit secret' })
    .option('writable-dir', { type: 'string', array: true, describe: 'Directory the app writes to, owned by uid 1000 (repeatable)' })
    .option('healthcheck-path', { type: 'string', describe: 'HTTP path for HEALTHCHECK (e.g. /health); --no-healthcheck for none' })
    .option('healthcheck', { type: 'boolean', hidden: true })
    .option('base', { choices: ['alpine', 'slim'] as const, describe: 'Base image flavour (slim = Debian, for glibc-only native modules)' })
    .option('registry-mirror', { type: 'string', describe: 'Docker Hub mirror URL to resolve the digest against' })
    .option('base-image', { type: 'string', describe: 'Another repository hosting node images (e.g. registry.example.com/node)' })
    .option('digest', { type: 'string', describe: 'Use this image index digest (sha256:...) as given' })
    .option('offline', { type: 'boolean', default: false, describe: 'No network: use the cache, then the shipped snapshot' })
    .option('fallback', { type: 'boolean', default: true, describe: 'Fall back to cache/snapshot when the registry is unreachable (--no-fallback: exit 4)' })
    .option('allow-no-lockfile', { type: 'boolean', describe: 'Accept a non-reproducible install when there is no lockfile' })
    .option('force', { type: 'boolean', default: false, describe: 'Overwrite changed files without asking' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Write nothing; report what would change' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object on stdout (human text stays on stderr)' })
    .example(EXAMPLES)
    .epilogue(EXIT_CODES_HELP)
    .version(meta.version)
    .help()
    .alias('h', 'help')
    .strict()
    .parserConfiguration({ 'camel-case-expansion': true, 'boolean-negation': true, 'duplicate-arguments-array': true })
    .wrap(Math.min(100, meta.width))
    .exitProcess(false)
    .fail((message, error) => {
      failure = message || error?.message || 'invalid arguments';
    });

  const parsed = parser.parseSync(argv, {}, (_error, _argv, text) => {
    output = text;
  });
  if (failure !== undefined) throw new UsageError(`${failure} (see --help)`);
  if (output) return { kind: 'output', text: output };

  const positional = parsed._ as (string | number)[];
  if (positional.length > 0) throw new UsageError(`unexpected argument: ${String(positional[0])} (see --help)`);
  return { kind: 'run', flags: toFlags(parsed as unknown as Record<string, unknown>) };
}

function toFlags(a: Record<string, unknown>): Flags {
  const single = (name: string): string | undefined => {
    const value = a[name];
    if (Array.isArray(value)) throw new UsageError(`--${kebab(name)} was given more than once`);
    return value === undefined ? undefined : String(value);
  };
  const bool = (name: string): boolean | undefined => {
    const value = a[name];
    if (Array.isArray(value)) throw new UsageError(`--${kebab(name)} was given more than once`);
    return value as boolean | undefined;
  };
  return {
    dir: single('dir'),
    yes: bool('yes') ?? false,
    entry: single('entry'),
    port: single('port'),
    worker: bool('worker'),
    node: single('node'),
    packageManager: single('packageManager') as PackageManagerName | undefined,
    native: bool('native'),
    build: bool('build'),
    npmRegistry: single('npmRegistry'),
    writableDirs: (a.writableDir as string[] | undefined)?.map(String),
    healthcheckPath: single('healthcheckPath'),
    healthcheck: bool('healthcheck'),
    base: single('base') as Base | undefined,
    registryMirror: single('registryMirror'),
    baseImage: single('baseImage'),
    digest: single('digest'),
    offline: bool('offline') ?? false,
    fallback: bool('fallback') ?? true,
    allowNoLockfile: bool('allowNoLockfile'),
    force: bool('force') ?? false,
    dryRun: bool('dryRun') ?? false,
    json: bool('json') ?? false,
  };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
