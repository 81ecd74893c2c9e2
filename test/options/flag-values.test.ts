// The builder both parsers share: what a parser found plus the specs' defaults -> FlagValues<S>,
// proven at run time by holdsFlagValues (each of its rules is held here) rather than by a cast.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FlagSpecs } from '../../src/options/flag-spec.js';
import { flagValues, holdsFlagValues } from '../../src/options/flag-values.js';

const SPECS = {
  name: { flag: 'name', type: 'string' },
  loud: { flag: 'loud', type: 'boolean', default: false },
  tags: { flag: 'tag', type: 'list' },
  mode: { flag: 'mode', type: 'choice', choices: ['fast', 'safe'], default: 'safe' },
} as const satisfies FlagSpecs;

describe('flagValues', () => {
  it('takes what the parser found, a default for what it did not, and the positional dir', () => {
    const found = new Map<string, string | boolean | string[]>([['name', 'api'], ['tags', ['a', 'b']], ['loud', false]]);
    expect(flagValues(SPECS, 'app', (key) => found.get(key))).toEqual({ dir: 'app', name: 'api', loud: false, tags: ['a', 'b'], mode: 'safe' });
    expect(flagValues(SPECS, undefined, () => undefined)).toEqual({ dir: undefined, name: undefined, loud: false, tags: undefined, mode: 'safe' });
  });

  it('refuses a value that does not fit its spec, naming the key', () => {
    expect(() => flagValues(SPECS, undefined, (key) => (key === 'loud' ? 'yes' : undefined))).toThrow(/"loud"/);
    expect(() => flagValues(SPECS, undefined, (key) => (key === 'mode' ? 'slow' : undefined))).toThrow(/"mode"/);
    expect(() => flagValues(SPECS, undefined, (key) => (key === 'name' ? true : undefined))).toThrow(/"name"/);
    expect(() => flagValues(SPECS, undefined, (key) => (key === 'tags' ? 'a' : undefined))).toThrow(/"tags"/);
  });

  it('types each key from its spec', () => {
    const values = flagValues(SPECS, undefined, () => undefined);
    expectTypeOf(values.dir).toEqualTypeOf<string | undefined>();
    expectTypeOf(values.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(values.loud).toEqualTypeOf<boolean>();
    expectTypeOf(values.tags).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(values.mode).toEqualTypeOf<'fast' | 'safe'>();
  });
});

describe('holdsFlagValues', () => {
  const fitting = { dir: 'app', name: 'api', loud: true, tags: ['a'], mode: 'fast' };

  it('accepts values of each spec\'s kind, and undefined for a spec without a default', () => {
    expect(holdsFlagValues(fitting, SPECS)).toBe(true);
    expect(holdsFlagValues({ loud: false, mode: 'safe' }, SPECS)).toBe(true);
  });

  it.each([
    ['a dir that is not a string', { dir: 1 }],
    ['a missing value for a spec with a default', { loud: undefined }],
    ['a string for a boolean', { loud: 'true' }],
    ['a string for a list', { tags: 'a' }],
    ['a list holding a non-string', { tags: ['a', 1] }],
    ['a boolean for a string', { name: true }],
    ['a value outside the choices', { mode: 'slow' }],
  ])('rejects %s', (_what, change) => {
    expect(holdsFlagValues({ ...fitting, ...change }, SPECS)).toBe(false);
  });
});
