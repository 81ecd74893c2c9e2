// The fast path for simple Node ranges (src/core/simple-range.ts) against semver itself, on every
// range of its grammar built from a set of numbers and every release version built from the same
// set (including 0, the numbers next to each other and next to the bounds), and the ranges it must
// leave to semver.
import semverSatisfies from 'semver/functions/satisfies.js';
import semverValidRange from 'semver/ranges/valid.js';
import { describe, expect, it } from 'vitest';
import { isSimpleRange, simpleSatisfies } from '../../src/core/simple-range.js';
import { isValidRange, satisfies } from '../../src/core/semver.js';

const NUMBERS = [0, 1, 2, 9, 10, 20, 21, 22];
const ranges: string[] = [];
for (const op of ['', '>=', '^', '~']) {
  for (const x of NUMBERS) {
    ranges.push(`${op}${x}`);
    for (const y of [0, 1, 2, 10]) {
      ranges.push(`${op}${x}.${y}`);
      for (const z of [0, 1, 3]) ranges.push(`${op}${x}.${y}.${z}`);
    }
  }
}
const versions: string[] = [];
for (const x of NUMBERS) for (const y of [0, 1, 2, 3, 9, 10, 11]) for (const z of [0, 1, 2, 3, 4]) versions.push(`${x}.${y}.${z}`);

describe('simple ranges: the same answers as semver', () => {
  it(`${ranges.length} ranges x ${versions.length} versions`, () => {
    const differences: string[] = [];
    for (const range of ranges) {
      expect(isSimpleRange(range)).toBe(true);
      expect(semverValidRange(range)).not.toBeNull();
      for (const version of versions) {
        const fast = simpleSatisfies(version, range);
        if (fast !== semverSatisfies(version, range)) differences.push(`${version} ${range}: ${fast}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('leaves everything else to semver, whose answers the wrappers return', () => {
    const others = ['>20', '<=22', '<22', '20.x', '^20 || ^22', '>=20 <23', ' >=20', '>= 20', 'v20', '020', '*', 'lts', '', '^20.0.0-rc.1'];
    for (const range of others) {
      expect(isSimpleRange(range)).toBe(false);
      expect(simpleSatisfies('22.1.0', range)).toBeUndefined();
      expect(isValidRange(range)).toBe(semverValidRange(range) !== null);
      for (const version of ['20.0.0', '22.1.0', '23.0.0']) expect(satisfies(version, range)).toBe(semverSatisfies(version, range));
    }
    // Versions that are not plain releases go to semver too.
    for (const version of ['22.1.0-rc.1', 'v22.1.0', '22.1']) expect(simpleSatisfies(version, '>=20')).toBeUndefined();
    expect(satisfies('22.1.0-rc.1', '>=20')).toBe(semverSatisfies('22.1.0-rc.1', '>=20'));
    expect(satisfies('22.1.0-rc.1', '>=20', { includePrerelease: true })).toBe(true);
  });
});
