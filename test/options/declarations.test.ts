// The option table is joined from flags.ts (data) and the concern tables (behaviour): each option
// belongs to at most one concern, the join keeps the flags' order, and Flags' types come from the
// flag table itself.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CONCERNS, OPTION_LIST } from '../../src/options/declarations.js';
import { FLAGS, type Base, type Flags } from '../../src/options/flags.js';
import type { ShutdownChoice } from '../../src/shutdown/choose.js';
import type { PackageManagerName } from '../../src/detect/facts.js';
import type { EngineCli } from '../../src/core/engine-cli.js';

describe('option declarations', () => {
  it('give every option to at most one concern', () => {
    const keys = CONCERNS.flatMap((c) => Object.keys(c));
    expect(keys.length).toBeGreaterThan(25);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(keys.filter((k) => !(k in FLAGS))).toEqual([]);
  });

  it('join each flag with its behaviour, in the flags’ order', () => {
    expect(OPTION_LIST.map((d) => d.key)).toEqual(Object.keys(FLAGS));
    const port = OPTION_LIST.find((d) => d.key === 'port');
    expect(port?.flag).toBe('port');
    expect(typeof port?.prompt).toBe('function');
    expect(port?.writeBack?.kind).toBe('setup');
    // The flags that control the run and have no behaviour of their own still join.
    expect(OPTION_LIST.find((d) => d.key === 'yes')).toMatchObject({ flag: 'yes', alias: 'y', default: false });
  });

  it('type Flags from the flag table', () => {
    expectTypeOf<Flags['base']>().toEqualTypeOf<Base | undefined>();
    expectTypeOf<Flags['shutdown']>().toEqualTypeOf<ShutdownChoice | undefined>();
    expectTypeOf<Flags['packageManager']>().toEqualTypeOf<PackageManagerName | undefined>();
    expectTypeOf<Flags['engine']>().toEqualTypeOf<EngineCli | undefined>();
    expectTypeOf<Flags['writableDirs']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Flags['yes']>().toEqualTypeOf<boolean>();
    expectTypeOf<Flags['port']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Flags['dir']>().toEqualTypeOf<string | undefined>();
  });
});
