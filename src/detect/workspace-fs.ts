// Read-only views of the directories above [dir], for finding the workspace root. The ProjectFs
// given to detection is rooted at [dir]; `ancestorFs(fs, n)` is the same fs rooted n levels up.
// Paths handed to it are validated: relative, no `..`, no NUL, so a hostile glob or manifest value
// can never make detection read outside the ancestor it names.
import type { ProjectFs } from '../core/project-fs.js';

/** A relative posix path that stays inside its root: no leading "/", no "." or ".." segment, no NUL or backslash. */
export function isContainedPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || /[\0\\]/.test(p)) return false;
  return p.split('/').every((segment) => segment !== '..' && segment !== '.' && segment !== '');
}

/** `fs` re-rooted `levels` directories up (0 is `fs` itself). Every path must pass isContainedPath (or be "."). */
export function ancestorFs(fs: ProjectFs, levels: number): ProjectFs {
  if (!Number.isInteger(levels) || levels < 0) throw new Error(`ancestorFs: bad level ${levels}`);
  const prefix = '../'.repeat(levels);
  const at = (p: string): string => {
    if (p !== '.' && !isContainedPath(p)) throw new Error(`ancestorFs: refusing path outside its root: ${JSON.stringify(p)}`);
    if (p === '.') return levels === 0 ? '.' : prefix.slice(0, -1);
    return prefix + p;
  };
  return {
    read: async (p) => fs.read(at(p)),
    exists: async (p) => fs.exists(at(p)),
    list: async (p) => fs.list(at(p)),
  };
}
