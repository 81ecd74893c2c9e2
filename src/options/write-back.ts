// A resolved run written back as arguments, derived from the option declarations: the printed
// non-interactive command (every choice, plus how this run resolved the image) and the Dockerfile's
// Regenerate line (every setup choice). Both depend only on the resolved options and the recipe's plan, so a run of
// either command resolves the same options and writes the same files, this line included.
import path from 'node:path';
import { OPTION_LIST } from './declarations.js';
import type { Options } from './options.js';
import type { RecipePlan } from '../recipes/types.js';

export const COMMAND_NAME = 'create-secure-node-docker';

/** The arguments of every setup choice (what the files are), in declaration order. */
export function setupArgs(options: Options, plan: RecipePlan): string[] {
  return OPTION_LIST.flatMap((d) => (d.writeBack?.kind === 'setup' ? d.writeBack.args(options, plan) : []));
}

function runArgs(options: Options, plan: RecipePlan): string[] {
  return OPTION_LIST.flatMap((d) => (d.writeBack?.kind === 'run' ? d.writeBack.args(options, plan) : []));
}

/** `npx create-secure-node-docker --force --yes <every setup choice>`, run in the project directory. */
export function regenerateCommand(options: Options, plan: RecipePlan): string {
  return commandLine(['--force', '--yes', ...setupArgs(options, plan)]);
}

/** The flags that reproduce an interactive run's choices in a script, from `cwd`. */
export function equivalentCommand(options: Options, plan: RecipePlan, root: string, cwd: string): string {
  const dir = path.relative(cwd, root);
  return commandLine([...(dir === '' ? [] : [dir]), '--yes', ...setupArgs(options, plan), ...runArgs(options, plan)]);
}

function commandLine(args: string[]): string {
  return [`npx ${COMMAND_NAME}`, ...args.map(shellWord)].join(' ');
}

/** One argument as a POSIX shell word: bare when it is plainly safe, else single-quoted. */
export function shellWord(arg: string): string {
  if (/^[A-Za-z0-9._@+=:/,-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
