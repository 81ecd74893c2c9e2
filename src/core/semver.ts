// The semver functions this tool uses, each imported from its own module: the package's index
// loads every function and range helper (subset, outside, coerce, ...) at start-up, and the bundle
// would carry them all. Callers import this module as `semver` and call the same names.
export { default as clean } from 'semver/functions/clean.js';
export { default as major } from 'semver/functions/major.js';
export { default as rcompare } from 'semver/functions/rcompare.js';
export { default as satisfies } from 'semver/functions/satisfies.js';
export { default as valid } from 'semver/functions/valid.js';
export { default as intersects } from 'semver/ranges/intersects.js';
export { default as validRange } from 'semver/ranges/valid.js';
