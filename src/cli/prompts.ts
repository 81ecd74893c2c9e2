// Interactive questions for what the flags did not give, with detected values as defaults: each
// option's own prompt (options/declarations.ts), asked in declaration order. Questions about what the
// container runs take their defaults from the chosen recipe's plan for the answers so far
// (`planFor`), so pressing Enter everywhere gives what --yes gives. The prompt function is
// injected: the real one (inquirer, loaded only when prompting) lives in the shell; tests pass a
// scripted one. Answers are validated by the same rules as flags.
import type { ProjectFacts } from '../detect/facts.js';
import type { Ask } from '../options/declaration.js';
import { OPTION_LIST } from '../options/declarations.js';
import type { Answers, Flags } from '../options/flags.js';
import { mergeGiven } from '../options/resolve.js';
import type { RecipePlan } from '../recipes/types.js';

export type { Ask } from '../options/declaration.js';
export type { Question } from '../options/question.js';

/** Asks, in a fixed order, only for what no flag gave. */
export async function askForMissing(flags: Flags, facts: ProjectFacts, ask: Ask, planFor: (answers: Answers) => Promise<RecipePlan>): Promise<Answers> {
  let answers: Answers = {};
  for (const decl of OPTION_LIST) {
    if (!decl.prompt) continue;
    const sofar = answers;
    answers = { ...answers, ...(await decl.prompt({ given: mergeGiven(flags, answers), facts, ask, plan: () => planFor(sofar) })) };
  }
  return answers;
}
