// What an option does beyond parsing. Each option's flag is declared once as data (flags.ts); its
// behaviour here, by concern (declarations/*.ts); declarations.ts joins the two in flag order, and
// every view is derived from that: the prompts (cli/prompts.ts), the summary (cli/report.ts) and
// the flags that reproduce a run (write-back.ts: the printed equivalent command and the
// Dockerfile's Regenerate line). Values are validated where they are merged (resolve.ts).
import type { ProjectFacts } from '../detect/facts.js';
import type { RecipePlan } from '../recipes/types.js';
import type { Question } from './question.js';
import type { FlagSpec } from './flag-spec.js';
import type { Answers, OptionKey } from './flags.js';
import type { Options } from './options.js';

export type Ask = (question: Question) => Promise<string | boolean>;

export interface PromptContext {
  /** Flags merged with the answers given so far (a flag wins). */
  given: Answers;
  facts: ProjectFacts;
  ask: Ask;
  /**
   * The chosen recipe's plan for the answers given so far (the build choice, a typed command): the
   * questions about what the container runs take their defaults from it, the same values --yes uses.
   */
  plan: () => Promise<RecipePlan>;
}

export interface OptionBehaviour {
  /** Asks for the value when no flag gave it; resolves to the answers (flag keys), or {} when not asked. */
  prompt?: (ctx: PromptContext) => Promise<Answers>;
  /** The summary row shown before an interactive run writes. */
  summary?: (options: Options, facts: ProjectFacts, plan: RecipePlan) => [label: string, value: string];
  /**
   * How the resolved run is written back as arguments, so running them reproduces the same files.
   * `setup`: part of what the files are (equivalent command and Regenerate line); `run`: how this
   * run resolved or wrote (equivalent command only).
   */
  writeBack?: { kind: 'setup' | 'run'; args: (options: Options, plan: RecipePlan) => string[] };
}

/** One concern's options: what each does beyond its flag (keys are flags.ts's). */
export type OptionBehaviours = { readonly [K in OptionKey]?: OptionBehaviour };

export type OptionDeclaration = FlagSpec & OptionBehaviour & { key: OptionKey };
