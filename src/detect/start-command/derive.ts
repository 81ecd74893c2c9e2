// What the container runs, from package.json: the first production start script in
// START_SCRIPT_ORDER (development commands fall through to the next), else `main`.
import { UsageError } from '../../errors.js';
import { printable } from '../../core/validate.js';
import { DevelopmentCommandError } from './development.js';
import { interpretText, type Run } from './interpret.js';
import type { StartCommand, StartContext } from './types.js';

/** Scripts that may start the app in production, in the order they are consulted. */
export const START_SCRIPT_ORDER = ['start', 'start:prod', 'serve', 'prod'] as const;

/**
 * The start command package.json describes, or undefined when it has no start script and no `main`
 * (the caller may then look for common file names). Throws a UsageError (exit 2) for a script that
 * cannot run in a container, and when every start script is a development command.
 */
export async function deriveStartCommand(ctx: StartContext, order: readonly string[] = START_SCRIPT_ORDER): Promise<StartCommand | undefined> {
  const development: DevelopmentCommandError[] = [];
  for (const name of order) {
    const text = ctx.pkg.scripts[name];
    if (text === undefined) continue;
    const origin = `scripts.${name}`;
    const run: Run = { ctx, warnings: [], seen: new Set([name]) };
    try {
      const found = await interpretText(text, `package.json ${origin}`, run, true);
      const skipped = development.map((d) => `${d.source} runs "${printable(d.command)}", ${d.why}: used ${origin} instead`);
      return { ...found, warnings: [...skipped, ...run.warnings], origin };
    } catch (error) {
      if (error instanceof DevelopmentCommandError) development.push(error);
      else throw error;
    }
  }
  const [first] = development;
  if (first !== undefined) {
    throw new UsageError(
      `${first.source} runs "${printable(first.command)}", ${first.why}, and no other start script (${order.join(', ')}) is a production start: pass --start "<command>" (e.g. --start "node server.js")`,
    );
  }
  if (ctx.pkg.main !== undefined) {
    const run: Run = { ctx, warnings: [], seen: new Set() };
    const found = await interpretText(`node ${ctx.pkg.main}`, 'package.json main', run, false);
    return { ...found, warnings: run.warnings, origin: 'main' };
  }
  return undefined;
}
