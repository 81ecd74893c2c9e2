// The values a table of flag specs parses into, built the same way by both parsers (src/cli/args.ts
// for yargs' result, src/cli/simple-args.ts for the yargs-free one): each parser only says what it
// found for a flag, and this file fills in defaults and checks every value against its spec, so the
// result is FlagValues<S> by a runtime check rather than by a cast.
import type { FlagSpec, FlagSpecs, FlagValues } from './flag-spec.js';

/** What a parser found for one flag: a boolean, one string, the strings of a list; undefined = not given. */
export type GivenValue = boolean | string | string[] | undefined;

/**
 * One value per spec of `specs` (what `given` found for it, else its default) plus the positional
 * [dir], typed per key from the specs. A value that does not fit its spec is a parser's bug: thrown.
 */
export function flagValues<S extends FlagSpecs>(specs: S, dir: string | undefined, given: (key: string, spec: FlagSpec) => GivenValue): FlagValues<S> {
  const values: Record<string, unknown> = { dir };
  for (const [key, spec] of Object.entries(specs)) {
    values[key] = given(key, spec) ?? spec.default;
  }
  if (holdsFlagValues(values, specs)) return values;
  const misfit = misfitKey(values, specs) ?? '';
  throw new Error(`the parsed value of "${misfit}" does not fit its flag spec: ${JSON.stringify(values[misfit])}`);
}

/**
 * The one place a record meets the type FlagValues<S> states: true when `dir` is a string or
 * undefined and each spec's value is of its kind (a boolean, a list of strings, one of the choices,
 * a string), undefined only for a spec without a default. test/options/flag-values.test.ts holds it
 * to each rule.
 */
export function holdsFlagValues<S extends FlagSpecs>(values: Readonly<Record<string, unknown>>, specs: S): values is Record<string, unknown> & FlagValues<S> {
  return misfitKey(values, specs) === undefined;
}

/** The first key whose value does not fit (dir first), or undefined when all do. */
function misfitKey(values: Readonly<Record<string, unknown>>, specs: FlagSpecs): string | undefined {
  if (values.dir !== undefined && typeof values.dir !== 'string') return 'dir';
  return Object.entries(specs).find(([key, spec]) => !fits(values[key], spec))?.[0];
}

function fits(value: unknown, spec: FlagSpec): boolean {
  if (value === undefined) return !('default' in spec);
  if (spec.type === 'boolean') return typeof value === 'boolean';
  if (spec.type === 'list') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (typeof value !== 'string') return false;
  return spec.choices === undefined || spec.choices.includes(value);
}
