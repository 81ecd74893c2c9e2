// The shape of one option declaration. Each option is declared once (declarations.ts) and every
// view of it is derived: the yargs configuration and the flag reader (cli/args.ts), the prompts
// (cli/prompts.ts), the summary (cli/report.ts), and the flags that reproduce a run (write-back.ts:
// the printed equivalent command and the Dockerfile's Regenerate line).
import type { ProjectFacts } from '../detect/facts.js';
import type { RecipePlan } from '../recipes/types.js';
import type { Question } from './question.js';
import type { Answers, Flags, OptionKey } from './flags.js';
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

/** What parsing and --help need to know about a flag; any command's options have this shape. */
export interface FlagSpec {
  /** The flag's name: --<flag>. */
  flag: string;
  alias?: string;
  /** list: repeatable, collected in order; choice: one of `choices`. */
  type: 'string' | 'boolean' | 'list' | 'choice';
  choices?: readonly string[];
  /** Only options that control the run have a default; the rest stay undefined for detection. */
  default?: unknown;
  /** The --help line; absent = hidden from --help. */
  describe?: string;
}

export interface OptionDeclaration<K extends OptionKey = OptionKey> extends FlagSpec {
  default?: Flags[K];
  /**
   * The validator every value of this option passes, whatever its source (flag, answer, project
   * file): returns the normalised value or throws a UsageError naming `where`.
   */
  validate?: (value: string, where: string) => unknown;
  /** Asks for the value when no flag gave it; resolves to the answers (flag keys), or {} when not asked. */
  prompt?: (ctx: PromptContext) => Promise<Answers>;
  /** The summary row shown before an interactive run writes. */
  summary?: (options: Options, facts: ProjectFacts) => [label: string, value: string];
  /**
   * How the resolved run is written back as arguments, so running them reproduces the same files.
   * `setup`: part of what the files are (equivalent command and Regenerate line); `run`: how this
   * run resolved or wrote (equivalent command only).
   */
  writeBack?: { kind: 'setup' | 'run'; args: (options: Options) => string[] };
}

export type OptionDeclarations = { readonly [K in OptionKey]: OptionDeclaration<K> };
