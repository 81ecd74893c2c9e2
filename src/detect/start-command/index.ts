// The start command: what the container runs after dumb-init, derived from package.json or given
// with --start / --entry. Pure: files are read through the injected `read`, nothing touches process.
//
// API
//   deriveStartCommand(ctx, order = START_SCRIPT_ORDER): Promise<StartCommand | undefined>
//     Consults scripts start, start:prod, serve, prod (then `main`); follows `npm run x` / `npm start` /
//     `yarn x` / `pnpm [run] x` chains (arguments after `--` are passed on); strips NAME=value,
//     `cross-env` and `env` prefixes into env (NODE_ENV is left out, a non-production value warns);
//     moves steps before the last `&&`/`;` into buildSteps (database migrations are dropped with a
//     warning: a release step); drops `| pino-pretty`; keeps production Node options and drops
//     --watch/--inspect*/--env-file with a warning (node-flags.ts); runs package binaries through
//     their JS file (package-binary.ts), else node_modules/.bin/<bin>; replaces pm2 / pm2-runtime by
//     the one script its ecosystem file names; runs tsx / ts-node / `node -r ts-node/register` starts
//     as the build's compiled file when ctx.build is given, else with Node's type stripping
//     (minNode "22.18.0"). Development commands (nodemon, next dev, vite, tsx watch, nest start...)
//     fall through to the next script; when none is left: UsageError. Undefined: no script, no main.
//   parseStartFlag(text, ctx?): Promise<StartCommand>    --start "<command>", one command, no operators
//   parseEntryFlag(file, ctx?): Promise<StartCommand>    --entry <file> == --start "node <file>"
//   binsFromNpmLockfile(text): LockfileBins              package-lock v2/v3 packages[...].bin
//   filesNodeTries(script): string[]                     "dist/main" -> dist/main, dist/main.js, ... (runtime-stage check)
//   START_SCRIPT_ORDER, TYPE_STRIPPING_MIN_NODE
// Every failure is a UsageError (exit 2) with one line naming the file and field or the flag.
// Every word, env value and build step that comes out matches a narrow character set (safe-value.ts):
// letters, digits and . _ @ + - / = : , % (build steps also single spaces); anything else is refused.
export type { StartCommand, StartContext } from './types.js';
export type { LockfileBins, PackageBinary } from './package-binary.js';
export { deriveStartCommand, START_SCRIPT_ORDER } from './derive.js';
export { parseEntryFlag, parseStartFlag } from './start-flag.js';
export { binsFromNpmLockfile } from './package-binary.js';
export { filesNodeTries } from './script-files.js';
export { TYPE_STRIPPING_MIN_NODE } from './typescript-start.js';
