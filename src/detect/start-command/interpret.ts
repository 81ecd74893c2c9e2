// Interprets one command (a script's text or --start) into what the container runs: env prefixes
// into env, `npm run x` chains followed, pre-steps into build steps, node options filtered, package
// binaries run through their JS file, pm2 and TypeScript runners replaced by what Node runs itself.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';
import { insideProject } from '../paths.js';
import { DevelopmentCommandError, developmentReason } from './development.js';
import { readNodeFlags } from './node-flags.js';
import { providerOf, resolveBinary } from './package-binary.js';
import { fromPm2, PM2_WARNING } from './pm2.js';
import { safeEnv, safeStep, safeWord } from './safe-value.js';
import { tokenize } from './tokenize.js';
import type { Interpreted, StartContext } from './types.js';
import { decideTypeScript } from './typescript-start.js';

export interface Run {
  ctx: StartContext;
  warnings: string[];
  /** Scripts already followed, against `npm run a` -> `npm run a` loops. */
  seen: Set<string>;
}

/** Log prettifiers a script pipes into; the container logs raw JSON to stdout instead. */
const PRETTIFIERS = new Set(['pino-pretty', 'pino-colada', 'bunyan', 'roarr']);
/** Pre-steps that migrate a database: a release step, never part of the image build. */
const MIGRATION = /\b(migrate|db:migrate|migration:run)\b/;
const RUNNERS_TS = new Set(['tsx', 'ts-node', 'ts-node-esm']);
/** tsx / ts-node options that take a value. */
const TS_RUNNER_WITH_VALUE = new Set(['--tsconfig', '-P', '--project', '-r', '--require', '--import', '-O', '--compiler-options', '--env-file', '-C', '--compiler']);

/** `allowSteps`: a package.json script may chain steps with && and ;, --start may not. */
export async function interpretText(text: string, source: string, run: Run, allowSteps: boolean): Promise<Interpreted> {
  const { steps, pipedTo } = tokenize(text, source, allowSteps);
  if (pipedTo !== undefined) {
    if (!PRETTIFIERS.has(pipedTo[0] ?? '')) throw new UsageError(`${source} pipes into "${printable(pipedTo.join(' '))}", which needs a shell: pass --start "<command>"`);
    run.warnings.push(`${source}: dropped "| ${printable(pipedTo.join(' '))}": the container logs to stdout as the app writes them; prettify when reading logs`);
  }
  const last = steps[steps.length - 1];
  if (last === undefined) throw new UsageError(`${source} is empty`);
  const buildSteps: string[] = [];
  for (const step of steps.slice(0, -1)) {
    if (MIGRATION.test(step.text)) {
      run.warnings.push(`${source}: "${printable(step.text)}" migrates a database; it does not run at build time or start: run it as a release step (see README.Docker.md)`);
    } else buildSteps.push(safeStep(step.text, source));
  }
  const result = await interpretWords(last.words, source, run);
  return { ...result, buildSteps: [...buildSteps, ...result.buildSteps] };
}

async function interpretWords(all: string[], source: string, run: Run): Promise<Interpreted> {
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < all.length; i++) {
    const word = all[i] ?? '';
    const assignment = /^([^=\s]+)=(.*)$/.exec(word);
    if (assignment && !word.startsWith('-')) addEnv(env, assignment[1] ?? '', assignment[2] ?? '', source, run);
    else if (word === 'cross-env' || word === 'cross-env-shell' || word === 'env') {
      if ((all[i + 1] ?? '').startsWith('-')) throw new UsageError(`${source}: "${printable(word)} ${printable(all[i + 1] ?? '')}" is not supported: pass --start "<command>"`);
    } else break;
  }
  const words = all.slice(i);
  const bin = (words[0] ?? '').replace(/^(\.\/)?node_modules\/\.bin\//, '');
  if (bin === '') throw new UsageError(`${source} sets variables but runs no command`);
  const found = await interpretCommand(bin, words.slice(1), source, run);
  return { ...found, env: { ...env, ...found.env } };
}

async function interpretCommand(bin: string, args: string[], source: string, run: Run): Promise<Interpreted> {
  const reason = developmentReason([bin, ...args]);
  if (reason !== undefined) throw new DevelopmentCommandError(source, [bin, ...args].join(' '), reason);
  if (bin === 'node') return fromNode(args, source, run);
  const called = calledScript(bin, args);
  if (called !== undefined) return followScript(called.name, called.extra, source, run);
  if (bin === 'npx' || (bin === 'npm' && args[0] === 'exec')) {
    const rest = (bin === 'npx' ? args : args.slice(1)).filter((w) => w !== '--' && w !== '--no-install' && w !== '--no');
    if (rest[0]?.startsWith('-')) throw new UsageError(`${source}: "${bin} ${printable(rest[0])}" is not supported: pass --start "<command>"`);
    return interpretCommand(rest[0] ?? '', rest.slice(1), source, run);
  }
  if (bin === 'dotenv' || bin === 'dotenvx') {
    // dotenv-cli / dotenvx: load a .env file, then run the command after "--" (or after `run`).
    const at = args.indexOf('--');
    if (at === -1) throw new UsageError(`${source}: "${bin}" without "--" before the command is not supported: pass --start "<command>"`);
    run.warnings.push(`${source}: dropped "${bin} ${args.slice(0, at).join(' ')}": the .env file never enters the image; set configuration in the runtime environment`);
    return interpretWords(args.slice(at + 1), source, run);
  }
  if (bin === 'pm2' || bin === 'pm2-runtime' || bin === 'pm2-docker') {
    run.warnings.push(`${source}: ${PM2_WARNING}`);
    const words = await fromPm2(args, run.ctx.read, source);
    const first = words[0] ?? '';
    const isCommand = first === 'npm' || first === 'yarn' || first === 'pnpm' || first === 'node';
    return interpretWords(isCommand ? words : ['node', ...words], source, run);
  }
  if (RUNNERS_TS.has(bin)) return fromTypeScriptRunner(bin, args, source, run);
  return fromPackageBinary(bin, args, source, run);
}

/** `runner`: the TypeScript runner the script used instead of node, if any. */
async function fromNode(args: string[], source: string, run: Run, runner?: string): Promise<Interpreted> {
  const flags = readNodeFlags(args, 0, {
    source,
    productionDependencies: Object.keys(run.ctx.pkg.dependencies),
    warnings: run.warnings,
  });
  // `node .` runs the package's main (index.js without one).
  const named = args[flags.next];
  const written = named === '.' || named === './' ? (run.ctx.pkg.main ?? 'index.js') : named;
  if (written === undefined) throw new UsageError(`${source} runs node without a script file: pass --start "node <file>"`);
  // Checked as written: insideProject would turn a backslash into a separator.
  const file = insideProject(safeWord(written, source));
  if (file === undefined) throw new UsageError(`${source} runs ${printable(written)}, which is outside the project`);
  const via = runner ?? (flags.typeScriptLoader === undefined ? 'node' : `node with ${flags.typeScriptLoader}`);
  const ts = decideTypeScript(safeWord(file, source), via, run.ctx.build, source);
  if (ts.warning) run.warnings.push(ts.warning);
  const rest = args.slice(flags.next + 1).map((w) => safeWord(w, source));
  return { argv: ['node', ...flags.kept, ts.script, ...rest], script: ts.script, env: {}, buildSteps: [], ...(ts.minNode ? { minNode: ts.minNode } : {}) };
}

async function fromTypeScriptRunner(bin: string, args: string[], source: string, run: Run): Promise<Interpreted> {
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i] ?? '';
    if (!word.startsWith('-')) break;
    if (word.startsWith('--env-file')) run.warnings.push(`${source}: dropped ${bin}'s ${printable(word)}: the .env file never enters the image`);
    if (!word.includes('=') && TS_RUNNER_WITH_VALUE.has(word)) i++;
  }
  const written = args[i];
  if (written === undefined) throw new UsageError(`${source} runs ${bin} without a file: pass --start "node <file>"`);
  return fromNode([written, ...args.slice(i + 1)], source, run, bin);
}

async function fromPackageBinary(bin: string, args: string[], source: string, run: Run): Promise<Interpreted> {
  const { pkg, lockfileBins, read } = run.ctx;
  safeWord(bin, source);
  const provider = providerOf(bin, lockfileBins, [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
  if (provider === undefined) {
    throw new UsageError(`${source} runs "${printable(bin)}", which no dependency provides: pass --start "<command>"`);
  }
  if (pkg.dependencies[provider] === undefined) {
    throw new UsageError(`${source} runs "${bin}" from ${provider}, which is not in dependencies, so the runtime image does not install it: move ${provider} to dependencies or pass --start "<command>"`);
  }
  const binary = await resolveBinary(bin, provider, lockfileBins, read);
  const rest = args.map((w) => safeWord(w, source));
  if (binary.file === undefined) {
    run.warnings.push(`${source}: the lockfile does not say which file ${bin} is; the container runs node_modules/.bin/${bin} (Node options cannot be passed to it)`);
    return { argv: [`node_modules/.bin/${bin}`, ...rest], packageBinary: binary, env: {}, buildSteps: [] };
  }
  const file = safeWord(binary.file, source);
  return { argv: ['node', file, ...rest], script: file, packageBinary: binary, env: {}, buildSteps: [] };
}

async function followScript(name: string, extra: string[], source: string, run: Run): Promise<Interpreted> {
  const text = run.ctx.pkg.scripts[name];
  if (text === undefined) throw new UsageError(`${source} runs the script "${printable(name)}", which package.json does not have`);
  if (run.seen.has(name)) throw new UsageError(`${source}: the scripts call each other in a loop (${[...run.seen, name].join(' -> ')})`);
  run.seen.add(name);
  const found = await interpretText(text, `package.json scripts.${name}`, run, true);
  return { ...found, argv: [...found.argv, ...extra.map((w) => safeWord(w, source))] };
}

/** `npm run x -- a`, `npm start`, `yarn x a`, `pnpm run x a`: the script and the arguments passed to it. */
function calledScript(bin: string, args: string[]): { name: string; extra: string[] } | undefined {
  if (bin !== 'npm' && bin !== 'pnpm' && bin !== 'yarn') return undefined;
  const [first, second] = args;
  let name: string | undefined;
  let rest: string[];
  if (first === 'run' || first === 'run-script') [name, rest] = [second, args.slice(2)];
  else if (first === 'start') [name, rest] = ['start', args.slice(1)];
  else if (bin !== 'npm' && first !== undefined && !first.startsWith('-')) [name, rest] = [first, args.slice(1)];
  else return undefined;
  if (name === undefined) return undefined;
  // npm needs "--" before arguments for the script; yarn and pnpm pass them on (and drop a leading "--").
  const extra = rest[0] === '--' ? rest.slice(1) : bin === 'npm' ? [] : rest;
  return { name, extra };
}

function addEnv(env: Record<string, string>, name: string, value: string, source: string, run: Run): void {
  const [key, val] = safeEnv(name, value, source);
  if (key === 'NODE_ENV') {
    if (val !== 'production') run.warnings.push(`${source} sets NODE_ENV=${val}; the image runs with NODE_ENV=production`);
    return;
  }
  env[key] = val;
}
