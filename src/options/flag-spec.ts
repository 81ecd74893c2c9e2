// What parsing and --help need to know about a flag, and the type of the values a table of such
// specs parses into. Each command declares its flags once, as data (`as const satisfies FlagSpecs`);
// the values type is derived from that table, so a flag added there is typed everywhere it is read.
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

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** One flag's parsed value: a boolean, the list of strings given, one of the choices, or a string. */
export type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'list'
    ? string[]
    : S extends { readonly choices: readonly (infer C)[] }
      ? C
      : string;

type WithDefault<T extends FlagSpecs> = { [K in keyof T]: T[K] extends { readonly default: unknown } ? K : never }[keyof T];

/**
 * What a command runs with: one key per spec (always set when the spec has a default, else
 * undefined when not given) and the positional [dir].
 */
export type FlagValues<T extends FlagSpecs> = { dir?: string } & { -readonly [K in WithDefault<T>]: FlagValue<T[K]> } & {
  -readonly [K in Exclude<keyof T, WithDefault<T>>]?: FlagValue<T[K]>;
};
