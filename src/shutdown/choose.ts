// The shutdown transform (plan -> plan) for apps that own their server, which recipes return as
// kind "wired": by default our module is preloaded (`node --require ./graceful-shutdown.cjs`), so
// `docker stop` drains the server with no code edit. Two exceptions, both said in one line:
//   - the app already handles SIGTERM (own-handler.ts): nothing is preloaded. Two handlers would
//     race (the app's may exit while ours drains, or ours exits before the app's cleanup ran), so
//     the app's own shutdown runs alone; --shutdown preload adds ours anyway, with a warning.
//   - the app already imports our module: it stays wired (the module is refreshed, nothing to paste).
// --shutdown wired writes the module next to the entry and prints the two lines (the old default);
// --shutdown app writes nothing. Workers are left as they are.
import type { RecipePlan, Shutdown } from '../recipes/types.js';
import type { ProjectFs } from '../core/project-fs.js';
import { findOwnHandler } from './own-handler.js';

export const SHUTDOWN_CHOICES = ['preload', 'wired', 'app'] as const;
export type ShutdownChoice = (typeof SHUTDOWN_CHOICES)[number];

export interface ShutdownContext {
  fs: ProjectFs;
  worker: boolean;
  /** --shutdown; undefined = decide from the app's source. */
  choice: ShutdownChoice | undefined;
}

export const PRELOAD_HOW = 'our module is preloaded with node --require, so the server the app starts drains on SIGTERM with no code change';

export async function chooseShutdown(plan: RecipePlan, { fs, worker, choice }: ShutdownContext): Promise<{ plan: RecipePlan; warnings: string[] }> {
  const shutdown = plan.shutdown;
  if (shutdown.kind !== 'wired' || worker || choice === 'wired') return { plan, warnings: [] };
  if (choice === 'app') return { plan: { ...plan, shutdown: { kind: 'app', how: 'the app handles SIGTERM itself (--shutdown app): nothing is preloaded or wired' } }, warnings: [] };
  const own = await findOwnHandler(fs, shutdown.sourceEntry);
  if (choice === undefined && own?.kind === 'wired') return { plan: { ...plan, shutdown: { ...shutdown, already: own.file } }, warnings: [] };
  if (choice === undefined && own?.kind === 'app') {
    const how = `${own.file} handles SIGTERM itself (${own.what}), so nothing is preloaded and its own shutdown runs alone (--shutdown preload adds ours)`;
    return { plan: { ...plan, shutdown: { kind: 'app', how } }, warnings: [] };
  }
  // The preload goes after "node"; a command that is not node (tsx, bun) keeps the wired form.
  if (plan.command[0] !== 'node') {
    const warnings = choice === 'preload' ? [`--shutdown preload needs a command that starts with "node" (got "${plan.command.join(' ')}"): wire the module instead`] : [];
    return { plan, warnings };
  }
  const warnings = own ? [`--shutdown preload: ${own.file} also handles SIGTERM${own.kind === 'app' ? ` (${own.what})` : ' (it imports the graceful-shutdown module)'}; two handlers will race on docker stop`] : [];
  return { plan: { ...plan, shutdown: { kind: 'preload', how: PRELOAD_HOW } }, warnings };
}

/** The one line that says how shutdown happens, or undefined when the user has lines to paste. */
export function shutdownHow(shutdown: Shutdown): string | undefined {
  if (shutdown.kind !== 'wired') return shutdown.how;
  return shutdown.already === undefined ? undefined : `${shutdown.already} already imports the graceful-shutdown module, which is refreshed; nothing to paste`;
}
