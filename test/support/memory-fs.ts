// An in-memory ProjectFs for focused detection tests: a map of posix paths to contents.
// Directories exist implicitly as prefixes of file paths, as in a real tree. `root` places the
// project in a subdirectory of the tree, so that "../x" reaches files above it (workspaces).
import path from 'node:path';
import type { ProjectFs } from '../../src/core/project-fs.js';

export function memoryFs(files: Record<string, string>, root = ''): ProjectFs & { reads: string[] } {
  const clean = (p: string) => path.posix.normalize(p).replace(/^\.(\/|$)/, '').replace(/\/+$/, '');
  const entries = new Map(Object.entries(files).map(([p, text]) => [clean(p), text]));
  /** The tree path of a path relative to the project root ("" is the tree's top). */
  const inTree = (p: string) => clean(path.posix.join(root || '.', p));
  const reads: string[] = [];
  const isDir = (dir: string) => dir === '' || [...entries.keys()].some((p) => p.startsWith(`${dir}/`));
  return {
    reads,
    async read(p) {
      reads.push(inTree(p));
      return entries.get(inTree(p));
    },
    async exists(p) {
      const key = inTree(p);
      return entries.has(key) || isDir(key);
    },
    async list(p) {
      const dir = inTree(p);
      if (!isDir(dir)) return [];
      const prefix = dir === '' ? '' : `${dir}/`;
      const names = new Set<string>();
      for (const key of entries.keys()) {
        if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0] ?? '');
      }
      return [...names];
    },
  };
}
