// Something the dependency install reads besides package.json and the lockfile (a patch, a pnpm
// file, yarn's release, a hook script, a Prisma schema), as found: a file or a folder. Render copies
// a root-level file with the manifests and anything else under its own path; it never guesses which
// is which from the name.

export interface InstallInput {
  /** Relative posix path, validated like a flag. */
  path: string;
  kind: 'file' | 'folder';
  /**
   * Relative to where the install runs (a workspace's root), not to the package: the project's own
   * inputs found by detection. The workspace transform re-roots only the others (a package's Prisma schema).
   */
  installRoot?: true;
}

export const installFile = (path: string): InstallInput => ({ path, kind: 'file' });
export const installFolder = (path: string): InstallInput => ({ path, kind: 'folder' });

/** In order, once each by path (the first kind seen wins). */
export function uniqueInputs(inputs: InstallInput[]): InstallInput[] {
  return inputs.filter((input, i) => inputs.findIndex((other) => other.path === input.path) === i);
}
