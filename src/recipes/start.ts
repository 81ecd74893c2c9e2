// The start command a recipe runs: the one given with --start/--entry, else the one package.json
// describes (start-command parser), else the entry file detection found by its common names.
import { deriveStartCommand, binsFromNpmLockfile, parseEntryFlag, type StartCommand, type StartContext } from '../detect/start-command/index.js';
import { UsageError } from '../errors.js';
import type { RecipeContext } from './types.js';

/** What the start-command parser needs, from what a recipe gets. */
export async function startContextOf(ctx: Pick<RecipeContext, 'pkg' | 'fs' | 'facts'>): Promise<StartContext> {
  const lockfile = ctx.facts.packageManager.lockfile;
  const lockText = lockfile === 'package-lock.json' || lockfile === 'npm-shrinkwrap.json' ? await ctx.fs.read(lockfile) : undefined;
  const build = ctx.facts.build;
  return {
    pkg: ctx.pkg,
    lockfileBins: lockText === undefined ? new Map() : binsFromNpmLockfile(lockText),
    read: (file) => ctx.fs.read(file),
    ...(build ? { build: { outDir: build.outDir, ...(build.rootDir !== undefined ? { rootDir: build.rootDir } : {}) } } : {}),
  };
}

/** The command the app starts with; a UsageError naming --start when there is none. */
export async function startCommandOf(ctx: RecipeContext): Promise<StartCommand> {
  if (ctx.start) return ctx.start;
  const startCtx = await startContextOf(ctx);
  const derived = await deriveStartCommand(startCtx);
  if (derived) return derived;
  // No start script and no main: the file detection found by its common names (server.js, src/index.ts...).
  if (ctx.facts.entry !== undefined) return parseEntryFlag(ctx.facts.entry, startCtx);
  throw new UsageError('could not detect the start command (no "start" script, "main" or server.js/app.js/index.js): pass --start "<command>" (e.g. --start "node server.js")');
}
