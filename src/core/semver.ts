// The semver functions this tool uses, each imported from its own module: the package's index
// loads every function and range helper (subset, outside, coerce, ...) at start-up, and the bundle
// would carry them all. Callers import this module as `semver` and call the same names.
// satisfies and isValidRange answer the common Node ranges without semver's range parser
// (simple-range.ts says why and which); everything else goes to semver.
import semverSatisfies from 'semver/functions/satisfies.js';
import semverValidRange from 'semver/ranges/valid.js';
import { isSimpleRange, simpleSatisfies } from './simple-range.js';

export { default as clean } from 'semver/functions/clean.js';
export { default as major } from 'semver/functions/major.js';
export { default as rcompare } from 'semver/functions/rcompare.js';
export { default as valid } from 'semver/functions/valid.js';
export { default as intersects } from 'semver/ranges/intersects.js';

export function satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean {
  if (!options) {
    const simple = simpleSatisfies(version, range);
    if (simple !== undefined) return simple;
  }
  return semverSatisfies(version, range, options);
}

/** semver.validRange(range) !== null. */
export function isValidRange(range: string): boolean {
  return isSimpleRange(range) || semverValidRange(range) !== null;
}
