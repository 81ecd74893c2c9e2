// The recipe that owns the app and its plan for a run: the chosen build, --start/--entry (or a
// typed command) applied, then the graceful-shutdown choice. The interactive questions (for their
// defaults) and the final resolve read the same plan; nothing renders without one.
import type { ProjectFacts } from '../detect/facts.js';
import { readPackageJson } from '../detect/package-json.js';
import { parseEntryFlag, parseStartFlag } from '../detect/start-command/index.js';
import { UsageError } from '../errors.js';
import type { ProjectFs } from '../core/project-fs.js';
import { planProject, type RecipePlan } from '../recipes/index.js';
import { startContextOf } from '../recipes/start.js';
import { chooseShutdown } from '../shutdown/choose.js';
import type { Answers, Flags } from './flags.js';
import { chosenBuild } from './resolve.js';

export async function recipePlan(flags: Flags, facts: ProjectFacts, answers: Answers, fs: ProjectFs): Promise<{ plan: RecipePlan; warnings: string[] }> {
  const pkg = await readPackageJson(fs, flags.dir ?? '.');
  const recipeFacts: ProjectFacts = { ...facts };
  const build = chosenBuild(flags, facts, answers);
  if (build) recipeFacts.build = build;
  else delete recipeFacts.build;
  const startCtx = await startContextOf({ pkg, fs, facts: recipeFacts });
  // A typed command (the prompt asks only when no flag named it) counts as --start.
  const entry = flags.entry;
  const startText = flags.start ?? answers.start;
  if (flags.start !== undefined && entry !== undefined) throw new UsageError('--start and --entry both name the command: pass one of them');
  const start = startText !== undefined ? await parseStartFlag(startText, startCtx) : entry !== undefined ? await parseEntryFlag(entry, startCtx) : undefined;
  const warnings: string[] = [];
  const recipe = await planProject({ pkg, fs, facts: recipeFacts, warnings, ...(start ? { start } : {}) });
  const worker = flags.worker ?? answers.worker ?? facts.likelyWorker ?? false;
  const shutdown = await chooseShutdown(recipe, { fs, worker, choice: flags.shutdown ?? answers.shutdown });
  return { plan: shutdown.plan, warnings: [...warnings, ...shutdown.warnings] };
}
