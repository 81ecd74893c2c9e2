// Cache stores: a file-backed one in the user cache dir for the CLI, an in-memory one for tests.
// Each key is one JSON file named by the key's hash; writes are atomic (temp file + rename) so a
// crash or two concurrent runs never leave a half-written entry.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageCache } from './deps.js';

export const CACHE_DIR_NAME = 'create-secure-node-docker';

/** `$XDG_CACHE_HOME/create-secure-node-docker`, else `~/.cache/create-secure-node-docker`. */
export function defaultCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, CACHE_DIR_NAME);
  if (env.HOME) return join(env.HOME, '.cache', CACHE_DIR_NAME);
  return undefined;
}

function fileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;
}

export function createFileCache(dir: string): ImageCache {
  return {
    async get(key) {
      try {
        const entry = JSON.parse(await readFile(join(dir, fileName(key)), 'utf8')) as { key?: string; value?: unknown };
        return entry.key === key ? entry.value : undefined;
      } catch {
        return undefined; // missing or corrupt: a cache miss, never an error
      }
    },
    async put(key, value) {
      try {
        await mkdir(dir, { recursive: true });
        const target = join(dir, fileName(key));
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temp, JSON.stringify({ key, value }, null, 2));
        await rename(temp, target);
      } catch {
        // An unwritable cache dir must not fail a resolution that succeeded.
      }
    },
  };
}

export function createMemoryCache(initial: Record<string, unknown> = {}): ImageCache & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>(Object.entries(initial));
  return {
    entries,
    async get(key) {
      const value = entries.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    async put(key, value) {
      entries.set(key, structuredClone(value));
    },
  };
}
