// The --start and --entry flags: the command written by hand, parsed into exec form with the same
// rules and validation as a package.json script, except that it is one command (no && or ;).
import { UsageError } from '../../errors.js';
import { projectPath } from '../../core/validate.js';
import { interpretText, type Run } from './interpret.js';
import type { StartCommand, StartContext } from './types.js';

const NO_PROJECT: StartContext = {
  pkg: { scripts: {}, dependencies: {}, devDependencies: {} },
  lockfileBins: new Map(),
  read: () => Promise.resolve(undefined),
};

/** `--start "<command>"`. Without `ctx`, package binaries and `npm run x` cannot be resolved. */
export async function parseStartFlag(text: string, ctx: StartContext = NO_PROJECT): Promise<StartCommand> {
  if (text.trim() === '') throw new UsageError('--start needs a command, e.g. --start "node server.js"');
  const run: Run = { ctx, warnings: [], seen: new Set() };
  const found = await interpretText(text, '--start', run, false);
  return { ...found, warnings: run.warnings, origin: '--start' };
}

/** `--entry <file>`: the short form of `--start "node <file>"`. */
export async function parseEntryFlag(file: string, ctx: StartContext = NO_PROJECT): Promise<StartCommand> {
  const checked = projectPath(file, '--entry');
  const run: Run = { ctx, warnings: [], seen: new Set() };
  const found = await interpretText(`node ${checked}`, '--entry', run, false);
  return { ...found, warnings: run.warnings, origin: '--entry' };
}
