// Finds the file a start script runs: `node server.js`, `NODE_ENV=production node
// --enable-source-maps dist/x.js`, `npm run build && node dist/x.js`, `tsx watch src/x.ts`.
// Returns the path as written (not yet checked), or undefined when the command runs no file.

/** Commands that take a script file as their first non-option argument. */
const RUNNERS = new Set(['node', 'nodemon', 'node-dev', 'tsx', 'ts-node', 'ts-node-dev', 'ts-node-esm']);
/** Prefixes that run the rest of the line as a command. */
const WRAPPERS = new Set(['cross-env', 'env', 'exec', 'dumb-init']);
/** Runner subcommands that come before the file (`tsx watch src/x.ts`). */
const SUBCOMMANDS = new Set(['watch']);
/** Node options whose value is the next word when written without "=". */
const NODE_OPTIONS_WITH_VALUE = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--env-file-if-exists',
  '--title', '-C', '--conditions', '--watch-path', '--inspect-port', '--input-type', '--redirect-warnings',
  '--openssl-config',
]);
/** The same for nodemon, tsx and ts-node. */
const RUNNER_OPTIONS_WITH_VALUE = new Set([
  '-r', '--require', '--import', '--tsconfig', '-P', '--project', '-w', '--watch', '-e', '--ext', '-x', '--exec',
  '-i', '--ignore', '--env-file',
]);
/** Options that mean there is no file to run. */
const NO_FILE = new Set(['-e', '--eval', '-p', '--print', '-v', '--version', '-h', '--help']);

/**
 * `scripts` lets a command that runs another script (`npm run serve`, `yarn serve`, `pnpm serve`)
 * be followed to that script's command.
 */
export function fileFromScript(command: string, scripts: Record<string, string> = {}, seen = new Set<string>()): string | undefined {
  // The last command of a chain is the one that keeps running (`npm run build && node dist/x.js`).
  const segments = command.split(/&&|\|\||;|\|/).map((s) => s.trim()).filter(Boolean).reverse();
  for (const segment of segments) {
    const tokens = words(segment);
    const file = fileFromCommand(tokens);
    if (file !== undefined) return file;
    const called = calledScript(tokens);
    const next = called === undefined || seen.has(called) ? undefined : scripts[called];
    if (called !== undefined && next !== undefined) {
      seen.add(called);
      return fileFromScript(next, scripts, seen);
    }
  }
  return undefined;
}

/** The script a package manager command runs: `npm run x`, `npm start`, `yarn x`, `pnpm run x`. */
function calledScript(tokens: string[]): string | undefined {
  const [tool, first, second] = tokens;
  if (tool !== 'npm' && tool !== 'pnpm' && tool !== 'yarn') return undefined;
  if (first === 'run' || first === 'run-script') return second;
  if (first === 'start') return 'start';
  // yarn and pnpm run a script by its bare name; npm needs "run".
  return tool !== 'npm' && first !== undefined && !first.startsWith('-') ? first : undefined;
}

function fileFromCommand(tokens: string[]): string | undefined {
  let i = 0;
  for (;;) {
    const token = tokens[i];
    if (token === undefined) return undefined;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(token) || WRAPPERS.has(token)) i++;
    else break;
  }
  const runner = (tokens[i] ?? '').replace(/^.*\//, '');
  if (!RUNNERS.has(runner)) return undefined;
  const isNode = runner === 'node';
  for (i++; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') return tokens[i + 1];
    if (token.startsWith('-')) {
      if (isNode && NO_FILE.has(token)) return undefined;
      const withValue = isNode ? NODE_OPTIONS_WITH_VALUE : RUNNER_OPTIONS_WITH_VALUE;
      if (!token.includes('=') && withValue.has(token)) i++;
      continue;
    }
    if (!isNode && SUBCOMMANDS.has(token)) continue;
    return token;
  }
  return undefined;
}

/** Splits a shell command into words, removing simple single or double quotes. */
function words(segment: string): string[] {
  const out: string[] = [];
  for (const match of segment.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    out.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return out;
}
