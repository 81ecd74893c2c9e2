// Finds and reads the files of a setup for check and update: `path` is a directory (its
// Dockerfile, .dockerignore, compose file) or a Dockerfile. Unreadable input is a usage error.
import path from 'node:path';
import { UsageError } from '../../errors.js';
import type { ProjectFs } from '../../core/project-fs.js';

export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;

export interface SetupPaths {
  dir: string;
  /** File name of the Dockerfile inside dir. */
  dockerfile: string;
}

export interface FileReader {
  isDirectory(absolutePath: string): Promise<boolean>;
}

export async function locateDockerfile(cwd: string, given: string | undefined, files: FileReader): Promise<SetupPaths> {
  const target = path.resolve(cwd, given ?? '.');
  if (await files.isDirectory(target)) return { dir: target, dockerfile: 'Dockerfile' };
  return { dir: path.dirname(target), dockerfile: path.basename(target) };
}

/** The file's text, undefined when it does not exist; any other failure is exit 2. */
export async function readOptional(fs: ProjectFs, dir: string, name: string): Promise<string | undefined> {
  try {
    return await fs.read(name);
  } catch (error) {
    throw new UsageError(`cannot read ${path.join(dir, name)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export async function readRequired(fs: ProjectFs, dir: string, name: string): Promise<string> {
  const text = await readOptional(fs, dir, name);
  if (text === undefined) throw new UsageError(`no ${name} in ${dir}`);
  return text;
}

/** How a file is named in output: relative to the working directory, posix separators. */
export function displayName(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative === '' || relative.startsWith('..') ? absolutePath : relative).split(path.sep).join('/');
}
