// Cache stores: a file-backed one in the user cache dir for the CLI, an in-memory one for tests.
// Each key is one JSON file named by a hash of the key; writes are atomic (temp file + rename) so a
// crash or two concurrent runs never leave a half-written entry.

import { join } from 'node:path';
import { fs, fsPromises } from '../core/node-fs.js';
import type { ImageCache } from './deps.js';

export const CACHE_DIR_NAME = 'create-secure-node-docker';

/** `$XDG_CACHE_HOME/create-secure-node-docker`, else `~/.cache/create-secure-node-docker`. */
export function defaultCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, CACHE_DIR_NAME);
  if (env.HOME) return join(env.HOME, '.cache', CACHE_DIR_NAME);
  return undefined;
}

/**
 * The file an entry lives in: two FNV-1a 64-bit hashes of the key (different offsets), 32 hex digits.
 * Not a cryptographic hash, and it need not be: each file holds its key, and `get` checks it, so a
 * collision is a miss. Computed here rather than with node:crypto, which would cost ~10 ms of every
 * run's start-up.
 */
export function cacheFileName(key: string): string {
  return `${fnv1a64(key, 0xcbf29ce484222325n)}${fnv1a64(key, 0x84222325cbf29cen)}.json`;
}

const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

function fnv1a64(text: string, offset: bigint): string {
  let hash = offset;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash.toString(16).padStart(16, '0');
}

export function createFileCache(dir: string): ImageCache {
  return {
    async get(key) {
      try {
        const entry = JSON.parse(fs.readFileSync(join(dir, cacheFileName(key)), 'utf8')) as { key?: string; value?: unknown };
        return entry.key === key ? entry.value : undefined;
      } catch {
        return undefined; // missing or corrupt: a cache miss, never an error
      }
    },
    async put(key, value) {
      try {
        const { mkdir, rename, writeFile } = fsPromises();
        await mkdir(dir, { recursive: true });
        const target = join(dir, cacheFileName(key));
        const { randomBytes } = await import('node:crypto');
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
