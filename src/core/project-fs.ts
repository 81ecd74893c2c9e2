// The read-only view of the user's project that detection works on. Injected so tests can use
// real fixture directories or in-memory trees, and so detection never writes.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ProjectFs {
  /** Contents of a file relative to the project root, or undefined when it does not exist. */
  read(relativePath: string): Promise<string | undefined>;
  /** Whether a file or directory exists at the relative path. */
  exists(relativePath: string): Promise<boolean>;
  /** Names of entries in a directory (relative path), or [] when it does not exist. */
  list(relativePath: string): Promise<string[]>;
}

export function nodeProjectFs(root: string): ProjectFs {
  const abs = (p: string) => path.resolve(root, p);
  return {
    async read(p) {
      try {
        return await readFile(abs(p), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async exists(p) {
      try {
        await stat(abs(p));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async list(p) {
      try {
        return await readdir(abs(p));
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
    },
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
