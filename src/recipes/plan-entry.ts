// What a plan runs, named the way messages and the README name it: the file its command runs, and
// the source file the graceful-shutdown module is wired into. Derived from the plan, never stored
// beside it.
import type { RecipePlan } from './types.js';

/** The file the container's command runs (relative to the package), or the command itself when it names none. */
export function planEntry(plan: Pick<RecipePlan, 'command' | 'commandScript'>): string {
  return plan.commandScript ?? plan.command.join(' ');
}

/** Where the entry's source lives: the wired module goes next to it; otherwise the entry itself. */
export function planSourceEntry(plan: Pick<RecipePlan, 'command' | 'commandScript' | 'shutdown'>): string {
  return plan.shutdown.kind === 'wired' ? plan.shutdown.sourceEntry : planEntry(plan);
}

/** The command is `node <entry>`, so --entry says it; anything else needs --start. */
export function runsEntryFile(plan: Pick<RecipePlan, 'command' | 'commandScript'>): boolean {
  return plan.command.length === 2 && plan.command[0] === 'node' && plan.command[1] === plan.commandScript;
}
