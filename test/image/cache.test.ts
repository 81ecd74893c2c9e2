// The file cache in a real temp dir, and where it lives.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileName, createFileCache, createMemoryCache, defaultCacheDir } from '../../src/image/cache.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('image cache', () => {
  it('lives under $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/create-secure-node-docker');
    expect(defaultCacheDir({ HOME: '/h' })).toBe('/h/.cache/create-secure-node-docker');
    expect(defaultCacheDir({})).toBeUndefined();
  });

  it('file cache: round-trips values across instances, one file per key, no temp files left', async () => {
    dir = await mkdtemp(join(tmpdir(), 'csnd-cache-'));
    const store = join(dir, 'nested', 'cache');
    await createFileCache(store).put('resolution:a', { image: { ref: 'node:1' }, storedAt: 't' });
    await createFileCache(store).put('resolution:b', 2);
    expect(await createFileCache(store).get('resolution:a')).toEqual({ image: { ref: 'node:1' }, storedAt: 't' });
    expect(await createFileCache(store).get('missing')).toBeUndefined();
    const files = await readdir(store);
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.json'))).toBe(true);
  });

  it('file cache: a corrupt entry is a miss; an unwritable dir does not throw', async () => {
    dir = await mkdtemp(join(tmpdir(), 'csnd-cache-'));
    const cache = createFileCache(dir);
    await cache.put('k', 1);
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), '{ broken');
    expect(await cache.get('k')).toBeUndefined();
    await writeFile(join(dir, 'blocker'), '');
    await expect(createFileCache(join(dir, 'blocker', 'sub')).put('k', 1)).resolves.toBeUndefined();
  });

  it('names each entry by 32 hex digits of its key, stable across runs, different for near keys', () => {
    const name = cacheFileName('resolution:https://registry-1.docker.io/library/node:26-alpine');
    expect(name).toMatch(/^[0-9a-f]{32}\.json$/);
    expect(cacheFileName('resolution:https://registry-1.docker.io/library/node:26-alpine')).toBe(name);
    expect(cacheFileName('resolution:https://registry-1.docker.io/library/node:26-alpind')).not.toBe(name);
    expect(cacheFileName('é')).not.toBe(cacheFileName('e'));
  });

  it('file cache: an entry stored under another key in the same file (a hash collision) is a miss', async () => {
    dir = await mkdtemp(join(tmpdir(), 'csnd-cache-'));
    await writeFile(join(dir, cacheFileName('wanted')), JSON.stringify({ key: 'other', value: 1 }));
    expect(await createFileCache(dir).get('wanted')).toBeUndefined();
  });

  it('memory cache returns copies, so callers cannot mutate stored entries', async () => {
    const cache = createMemoryCache();
    await cache.put('k', { a: 1 });
    const got = (await cache.get('k')) as { a: number };
    got.a = 2;
    expect(await cache.get('k')).toEqual({ a: 1 });
  });
});
