// Which Node options a production container keeps. Kept: options that change how the server runs
// (source maps, heap size, warnings, preloads the image holds). Dropped with a warning: development
// options (--watch, --inspect*) and --env-file (the .env never enters the image; configuration comes
// from the runtime environment). Refused: options that mean Node runs no server script (-e, -p, --test).
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';
import { insideProject } from '../paths.js';
import { safeWord } from './safe-value.js';

export interface NodeFlags {
  /** The options to keep, in order, as separate words. */
  kept: string[];
  /** Index of the first word after the options (the script), or words.length. */
  next: number;
  /** A TypeScript loader preload (`-r ts-node/register`, `--import tsx`) that was removed. */
  typeScriptLoader?: string;
}

export interface FlagContext {
  source: string;
  productionDependencies: string[];
  warnings: string[];
}

/** Options kept as they are (bare or `--x=value`). */
const KEEP = new Set([
  '--enable-source-maps', '--no-warnings', '--no-deprecation', '--trace-warnings', '--trace-deprecation',
  '--throw-deprecation', '--trace-uncaught', '--max-old-space-size', '--max-semi-space-size', '--stack-size',
  '--stack-trace-limit', '--unhandled-rejections', '--disable-warning', '--dns-result-order', '--use-openssl-ca',
  '--use-bundled-ca', '--heapsnapshot-signal', '--report-on-signal', '--report-uncaught-exception',
  '--experimental-strip-types', '--no-experimental-strip-types', '--experimental-transform-types',
  '--experimental-vm-modules', '--experimental-specifier-resolution', '--preserve-symlinks',
  '--preserve-symlinks-main', '--frozen-intrinsics', '--disallow-code-generation-from-strings',
  '--no-addons', '--secure-heap', '--title', '-C', '--conditions', '--input-type',
]);
/** Kept options that take the next word as their value when written without "=". */
const KEEP_WITH_VALUE = new Set(['--title', '-C', '--conditions', '--disable-warning', '--stack-trace-limit']);
/** Options whose value must be a whole number. */
const NUMERIC = new Set(['--max-old-space-size', '--max-semi-space-size', '--stack-size', '--stack-trace-limit']);
/** Preloads: their value is a file or package the image must hold. */
const PRELOADS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
/** Development options, dropped; the set says which take a separate value. */
const DEVELOPMENT = new Set(['--watch', '--watch-path', '--watch-preserve-output', '--watch-kill-signal', '--inspect', '--inspect-brk', '--inspect-wait', '--inspect-port', '--inspect-publish-uid', '--debug-port', '--cpu-prof', '--heap-prof']);
const DEVELOPMENT_WITH_VALUE = new Set(['--watch-path', '--inspect-port', '--watch-kill-signal', '--inspect-publish-uid', '--debug-port']);
const ENV_FILE = new Set(['--env-file', '--env-file-if-exists']);
/** Options after which Node runs no script file. */
const NO_SCRIPT = new Set(['-e', '--eval', '-p', '--print', '--test', '-c', '--check', '-i', '--interactive', '-v', '--version', '-h', '--help', '--run']);
/** Preloads that run TypeScript through a devDependency; handled by the TypeScript rule instead. */
const TYPESCRIPT_LOADERS = ['ts-node/register', 'ts-node/esm', 'ts-node/register/transpile-only', 'tsx', 'tsx/cjs', 'tsx/esm', '@swc-node/register', '@esbuild-kit/cjs-loader', '@esbuild-kit/esm-loader'];

/** Reads the options that follow `node` at `start`. */
export function readNodeFlags(words: string[], start: number, ctx: FlagContext): NodeFlags {
  const kept: string[] = [];
  let typeScriptLoader: string | undefined;
  let i = start;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') return { kept, next: i + 1, typeScriptLoader };
    if (!word.startsWith('-') || word === '-') break;
    const eq = word.indexOf('=');
    const name = eq === -1 ? word : word.slice(0, eq);
    const inline = eq === -1 ? undefined : word.slice(eq + 1);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const value = words[i + 1];
      if (value === undefined) throw new UsageError(`${ctx.source}: node ${name} needs a value`);
      i++;
      return value;
    };
    if (NO_SCRIPT.has(name)) {
      throw new UsageError(`${ctx.source} runs "node ${printable(word)}", which runs no server script: pass --start "node <file>"`);
    }
    if (ENV_FILE.has(name)) {
      const file = takeValue();
      ctx.warnings.push(`${ctx.source}: dropped ${name} ${printable(file)}: the .env file never enters the image; set configuration in the runtime environment (compose.yaml environment:, your orchestrator's secrets)`);
    } else if (DEVELOPMENT.has(name)) {
      const value = DEVELOPMENT_WITH_VALUE.has(name) ? takeValue() : inline;
      ctx.warnings.push(`${ctx.source}: dropped ${name}${value === undefined ? '' : ` ${printable(value)}`}, a development option`);
    } else if (PRELOADS.has(name)) {
      const value = takeValue();
      if (TYPESCRIPT_LOADERS.includes(value)) typeScriptLoader = value;
      else {
        const preload = keepPreload(name, value, ctx);
        if (preload) kept.push(...preload);
      }
    } else if (KEEP.has(name)) {
      if (inline === undefined && KEEP_WITH_VALUE.has(name)) kept.push(name, safeWord(takeValue(), ctx.source));
      else {
        if (NUMERIC.has(name) && (inline === undefined || !/^\d+$/.test(inline))) {
          throw new UsageError(`${ctx.source}: ${name} must be written ${name}=<whole number>, got "${printable(word)}"`);
        }
        kept.push(safeWord(word, ctx.source));
      }
    } else if (name.startsWith('--')) {
      ctx.warnings.push(`${ctx.source}: kept the Node option ${printable(word)}, which this tool does not know; check that it belongs in production`);
      kept.push(safeWord(word, ctx.source));
    } else {
      throw new UsageError(`${ctx.source}: unknown short Node option "${printable(word)}": pass --start "<command>" written with long options`);
    }
  }
  return { kept, next: i, typeScriptLoader };
}

/** A preload the runtime holds: a project file, or a package that is a production dependency. */
function keepPreload(name: string, value: string, ctx: FlagContext): string[] | undefined {
  if (value.startsWith('./') || value.startsWith('../') || value.startsWith('/')) {
    const file = insideProject(value);
    if (file === undefined) throw new UsageError(`${ctx.source}: node ${name} ${printable(value)} is outside the project`);
    return [name, `./${safeWord(file, ctx.source)}`];
  }
  const pkg = packageOf(value);
  if (ctx.productionDependencies.includes(pkg)) {
    if (value === 'dotenv/config') ctx.warnings.push(`${ctx.source}: kept ${name} dotenv/config, but the .env file never enters the image, so it loads nothing there; set configuration in the runtime environment`);
    return [name, safeWord(value, ctx.source)];
  }
  ctx.warnings.push(`${ctx.source}: dropped ${name} ${printable(value)}: ${printable(pkg)} is not a production dependency, so the image does not install it`);
  return undefined;
}

/** "dotenv/config" -> "dotenv", "@scope/pkg/register" -> "@scope/pkg". */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
