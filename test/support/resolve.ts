// Options as a run resolves them: the recipe's plan first (the same recipePlan the CLI uses, over an
// in-memory project holding only package.json unless files are given), then resolveOptions with it.
import type { ProjectFacts } from '../../src/detect/facts.js';
import type { Answers, Flags } from '../../src/options/flags.js';
import type { Options } from '../../src/options/options.js';
import { recipePlan } from '../../src/options/recipe-plan.js';
import { resolveOptions } from '../../src/options/resolve.js';
import type { RecipePlan } from '../../src/recipes/types.js';
import { memoryFs } from './memory-fs.js';

export async function resolved(flags: Flags, facts: ProjectFacts, answers: Answers = {}, files: Record<string, string> = {}): Promise<{ options: Options; plan: RecipePlan }> {
  const fs = memoryFs({ 'package.json': JSON.stringify({ name: facts.name ?? 'demo' }), ...files });
  const { plan } = await recipePlan(flags, facts, answers, fs);
  return { options: resolveOptions(flags, facts, answers, plan), plan };
}

/** Just the options (most option tests need no plan). */
export async function resolvedOptions(flags: Flags, facts: ProjectFacts, answers: Answers = {}): Promise<Options> {
  return (await resolved(flags, facts, answers)).options;
}
