// Memoises a ProjectFs for one detection run: several detectors ask about the same files (the
// lockfile, package.json, the entry), and a lockfile can be megabytes. Detection never writes, so
// answers cannot go stale within a run.
import type { ProjectFs } from '../core/project-fs.js';

export function cachedFs(fs: ProjectFs): ProjectFs {
  const reads = new Map<string, Promise<string | undefined>>();
  const exists = new Map<string, Promise<boolean>>();
  const lists = new Map<string, Promise<string[]>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = load();
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    read: (p) => memo(reads, p, () => fs.read(p)),
    exists: (p) => memo(exists, p, () => fs.exists(p)),
    list: (p) => memo(lists, p, async () => [...(await fs.list(p))]),
  };
}
