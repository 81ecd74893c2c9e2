// Node's fs module, taken with process.getBuiltinModule instead of an ES import. An ES import of
// node:fs builds the module's whole export list, which reads the `promises` and stream getters and
// so loads fs/promises, readline and the stream modules at start-up: 34 more internal modules on
// Node 26, 19 on Node 20 (node:fs/promises alone: 15 on Node 26). Taken this way, nothing more
// loads until fs.promises is first read, which only the writing, caching and engine code does.
// (The one use of `process` outside src/cli: a module lookup, no process state.)
export const fs = process.getBuiltinModule('node:fs');

/** fs/promises, loaded on the first call. */
export function fsPromises(): typeof fs.promises {
  return fs.promises;
}
