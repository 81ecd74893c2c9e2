// An in-memory ProjectFs for focused detection tests: a map of relative posix paths to contents.
// Directories exist implicitly as prefixes of file paths, as in a real tree.
import path from 'node:path';
import type { ProjectFs } from '../../src/project-fs.js';

export function memoryFs(files: Record<string, string>): ProjectFs & { reads: string[] } {
  const normalise = (p: string) => path.posix.normalize(p).replace(/^\.\/?/, '').replace(/\/+$/, '');
  const entries = new Map(Object.entries(files).map(([p, text]) => [normalise(p), text]));
  const reads: string[] = [];
  const isDir = (dir: string) => dir === '' || [...entries.keys()].some((p) => p.startsWith(`${dir}/`));
  return {
    reads,
    async read(p) {
      reads.push(normalise(p));
      return entries.get(normalise(p));
    },
    async exists(p) {
      const key = normalise(p);
      return entries.has(key) || isDir(key);
    },
    async list(p) {
      const dir = normalise(p);
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
