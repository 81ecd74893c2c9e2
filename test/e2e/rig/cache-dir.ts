import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where the rig keeps what is slow to make and safe to reuse (the debootstrap rootfs, Node and npm
 * packages, Verdaccio, @flydotio/dockerfile, the Docker data root). It lives OUTSIDE the clone so a
 * fresh CI checkout reuses it: $E2E_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache, under
 * create-secure-node-docker-e2e/.
 */
export function cacheRoot(): string {
  const base = process.env.E2E_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'create-secure-node-docker-e2e');
  mkdirSync(base, { recursive: true });
  return base;
}

/** A named sub-directory of the cache, created on first use. */
export function cacheDir(...parts: string[]): string {
  const dir = path.join(cacheRoot(), ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
