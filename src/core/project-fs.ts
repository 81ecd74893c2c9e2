// The read-only view of the user's project that detection works on. Injected so tests can use
// real fixture directories or in-memory trees, and so detection never writes.
// The node implementation reads synchronously behind the async interface: detection makes dozens
// of small reads, and each fs/promises call is a round trip through libuv's thread pool (open,
// fstat, read, close for one readFile) that a start-up-timed CLI waits for on an idle main thread.
import path from 'node:path';
import { fs } from './node-fs.js';

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
        return fs.readFileSync(abs(p), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async exists(p) {
      try {
        return fs.statSync(abs(p), { throwIfNoEntry: false }) !== undefined;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async list(p) {
      try {
        return fs.readdirSync(abs(p));
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
