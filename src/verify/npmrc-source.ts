// Where the build's `npmrc` secret comes from, when the Dockerfile mounts one: NPMRC_PATH (the
// variable compose.yaml reads), else NPM_TOKEN written to a private temp file (mode 600, removed
// after the build), else the user's own ~/.npmrc. It is handed to `docker build --secret` and never
// copied into the build context.
import type { PrivateRegistry } from '../options/options.js';
import { npmrcSecretText } from '../render/npmrc-secret.js';

export interface SecretFiles {
  env: Record<string, string | undefined>;
  /** The user's home directory (for ~/.npmrc). */
  home: string | undefined;
  isFile(path: string): Promise<boolean>;
  /** A new file only the user can read (mode 600) outside the project; remove() deletes it. */
  writePrivateTemp(content: string): Promise<{ path: string; remove(): Promise<void> }>;
}

export type NpmrcSecret =
  | { kind: 'none' }
  | { kind: 'file'; path: string; from: string; remove?: () => Promise<void> }
  | { kind: 'missing'; message: string };

const SECRET_MOUNT = /--mount=type=secret,[^\s]*\bid=npmrc\b/;

export function dockerfileNeedsNpmrc(dockerfile: string): boolean {
  return SECRET_MOUNT.test(dockerfile);
}

export async function npmrcSecret(dockerfile: string, registry: PrivateRegistry | undefined, files: SecretFiles): Promise<NpmrcSecret> {
  if (!dockerfileNeedsNpmrc(dockerfile)) return { kind: 'none' };
  const explicit = files.env.NPMRC_PATH;
  if (explicit !== undefined && explicit !== '') {
    if (await files.isFile(explicit)) return { kind: 'file', path: explicit, from: 'NPMRC_PATH' };
    return { kind: 'missing', message: `NPMRC_PATH names ${explicit}, which is not a file` };
  }
  const token = files.env.NPM_TOKEN;
  if (token !== undefined && token !== '') {
    if (/[\s]/.test(token)) return { kind: 'missing', message: 'NPM_TOKEN contains whitespace: it cannot be an npm token' };
    const temp = await files.writePrivateTemp(npmrcSecretText(registry, token));
    return { kind: 'file', path: temp.path, from: 'NPM_TOKEN', remove: temp.remove };
  }
  if (files.home !== undefined) {
    const own = `${files.home.replace(/\/+$/, '')}/.npmrc`;
    if (await files.isFile(own)) return { kind: 'file', path: own, from: '~/.npmrc' };
  }
  return { kind: 'missing', message: 'the Dockerfile installs with the npmrc secret, but there is no NPMRC_PATH, NPM_TOKEN or ~/.npmrc: set NPM_TOKEN (or NPMRC_PATH) and run again' };
}
