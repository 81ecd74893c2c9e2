// Commands that run a development server or a watcher. A production container must not run them,
// so the derivation falls through to the next production script, and --start refuses them.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';

/** Thrown for a development command; deriveStartCommand catches it to try the next script. */
export class DevelopmentCommandError extends UsageError {
  constructor(
    readonly source: string,
    readonly command: string,
    readonly why: string,
  ) {
    super(
      source === '--start'
        ? `--start "${printable(command)}" is ${why}, not a production start: give the command that serves in production (e.g. --start "node server.js")`
        : `${source} runs "${printable(command)}", ${why}: pass --start "<command>" with the production start (e.g. --start "node server.js")`,
    );
    this.name = 'DevelopmentCommandError';
  }
}

/** Binaries that are development tools whatever their arguments. */
const ALWAYS: Record<string, string> = {
  nodemon: 'a file watcher for development',
  'ts-node-dev': 'a file watcher for development',
  'node-dev': 'a file watcher for development',
  'webpack-dev-server': 'a development server',
  'react-scripts': 'the Create React App development tooling',
  'vue-cli-service': 'the Vue CLI development tooling',
  concurrently: 'several processes at once (one process per container)',
  'npm-run-all': 'several scripts at once',
  'run-p': 'several scripts at once',
};

/** Binaries whose first argument (or its absence) makes them development servers. */
const SUBCOMMANDS: Record<string, (string | undefined)[]> = {
  next: ['dev'],
  vite: [undefined, 'dev', 'serve'],
  nuxt: ['dev'],
  nuxi: ['dev'],
  astro: ['dev'],
  remix: ['dev'],
  'react-router': ['dev'],
  tsx: ['watch'],
  webpack: ['serve'],
  parcel: [undefined, 'serve', 'watch'],
  ng: ['serve'],
  'svelte-kit': ['dev'],
};

/** Binaries that are development tools with a watch option. */
const WATCH_OPTION = new Set(['fastify', 'nest', 'tsc', 'tsx', 'ts-node']);

/** The reason `words` (binary first) is a development command, or undefined. */
export function developmentReason(words: string[]): string | undefined {
  const [bin = '', first] = words;
  const always = ALWAYS[bin];
  if (always !== undefined) return always;
  const sub = SUBCOMMANDS[bin];
  const firstArg = first !== undefined && !first.startsWith('-') ? first : undefined;
  if (sub?.includes(firstArg)) return 'a development server';
  if (WATCH_OPTION.has(bin) && words.some((w) => w === '-w' || w === '--watch' || w.startsWith('--watch='))) {
    return 'a file watcher for development';
  }
  if (bin === 'nest' && firstArg === 'start') {
    return 'the Nest CLI, which compiles at start with devDependencies the image does not install (the production start is "node dist/main")';
  }
  return undefined;
}
