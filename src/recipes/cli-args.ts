// The arguments a start script hands a framework's own CLI: `next start -p 4000` -> ['start', '-p', '4000'].
// Only a plain command is read (optionally after VAR=value or cross-env prefixes, or npx); a script with
// shell operators is refused, since exec form has no shell to run them.
import { UsageError } from '../errors.js';
import { printable } from '../core/validate.js';

const SHELL = /[;&|<>`$()\\'"*?\n]/;
const SAFE_ARG = /^[A-Za-z0-9._/:=@+,-]+$/;

/** The arguments after `bin`, or undefined when the script does not start with it. */
export function cliArgs(script: string, bin: string, label: string): string[] | undefined {
  const tokens = script.trim().split(/\s+/);
  let i = 0;
  const isPrefix = (t: string | undefined) => t !== undefined && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t) || t === 'cross-env' || t === 'npx');
  while (isPrefix(tokens[i])) i++;
  if (tokens[i] !== bin) return undefined;
  if (SHELL.test(script)) throw new UsageError(`${label}: scripts.start "${printable(script)}" uses shell syntax an exec-form CMD cannot run; make it a plain "${bin} ..." command`);
  const args = tokens.slice(i + 1);
  const bad = args.find((a) => !SAFE_ARG.test(a));
  if (bad !== undefined) throw new UsageError(`${label}: scripts.start argument "${printable(bad)}" may contain only letters, digits and . _ / : = @ + , -`);
  return args;
}

/** The value of `-p 4000`, `--port 4000` or `--port=4000` in args (first of the names given). */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    const [name = '', inline] = arg.split('=', 2);
    if (!names.includes(name)) continue;
    return inline ?? args[i + 1];
  }
  return undefined;
}
