// The only place that writes into the user's project. Two phases so that a failure leaves nothing
// half-done:
//   1. for every file to create or overwrite, write a temp file next to it (creating missing parent
//      directories, copying the existing file's mode), flushed to disk. Any failure here removes
//      every temp file and every directory this run created, and nothing in the project changed.
//   2. rename each temp file over its target: atomic, so a reader sees the old or the new file.
import path from 'node:path';
import { fsPromises } from '../core/node-fs.js';
import { CliError, ExitCode } from '../errors.js';
import { checkRelativePath, type FileWrite } from './file-writes.js';

/** The parts of node:fs/promises this module uses; tests inject faults through it. */
export interface WriteFs {
  open(file: string, flags: string, mode?: number): Promise<{ writeFile(data: string): Promise<void>; sync(): Promise<void>; chmod(mode: number): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string): Promise<unknown>;
  rmdir(dir: string): Promise<void>;
  stat(file: string): Promise<{ mode: number; isDirectory(): boolean }>;
  lstat(file: string): Promise<{ mode: number; isDirectory(): boolean; isSymbolicLink(): boolean }>;
  realpath(file: string): Promise<string>;
}

/** Write every 'create' and 'overwrite' entry of the writes under root; other entries are left alone. */
export async function applyWrites(root: string, decided: readonly FileWrite[], fs: WriteFs = fsPromises()): Promise<void> {
  const writes = decided
    .filter((w) => w.action === 'create' || w.action === 'overwrite')
    .map((write) => ({ write, target: path.join(root, checkRelativePath(write.path)) }));
  const { randomBytes } = await import('node:crypto'); // on demand: a dry run never loads it
  const createdDirs: string[] = [];
  const staged: { temp: string; target: string; write: FileWrite }[] = [];
  try {
    const project = { root: path.resolve(root), real: await fs.realpath(root).catch(() => path.resolve(root)) };
    for (const { write, target } of writes) {
      const mode = await existingMode(fs, target, write.path);
      await makeParents(fs, path.dirname(target), createdDirs, write.path, project);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, target, write });
      await writeDurably(fs, temp, write.content, mode, write.path);
    }
  } catch (error) {
    await cleanUp(fs, staged.map((s) => s.temp), createdDirs);
    throw asCliError(error, 'Nothing was written.');
  }
  const done: string[] = [];
  for (const [index, { temp, target, write }] of staged.entries()) {
    try {
      await fs.rename(temp, target);
    } catch (error) {
      await cleanUp(fs, staged.slice(index).map((s) => s.temp), []);
      const written = done.join(', ');
      throw asCliError(error, written ? `Already written: ${written}.` : 'Nothing was written.', write.path);
    }
    done.push(write.path);
  }
}

/**
 * The mode to give the new file: the existing file's, or undefined (default mode) when new.
 * A symbolic link is refused: renaming over it would silently replace the link with a file.
 */
async function existingMode(fs: WriteFs, target: string, relative: string): Promise<number | undefined> {
  try {
    const stats = await fs.lstat(target);
    if (stats.isSymbolicLink()) throw new WriteError(relative, `${target} is a symbolic link; replace it with a regular file or remove it first`, 'ESYMLINK');
    if (stats.isDirectory()) throw new WriteError(relative, `${target} is a directory`, 'EISDIR');
    return stats.mode & 0o7777;
  } catch (error) {
    // ENOTDIR: a parent is not a directory; makeParents reports that with the parent's name.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw error instanceof WriteError ? error : new WriteError(relative, `cannot use ${target} (${describe(error)})`, codeOf(error));
  }
}

/**
 * mkdir -p that remembers which directories it created (deepest last), for clean-up. The first
 * existing directory inside the project must really be inside it: a symbolic link to somewhere
 * else would make the file land outside the project.
 */
async function makeParents(fs: WriteFs, dir: string, created: string[], relative: string, project: { root: string; real: string }): Promise<void> {
  try {
    const stats = await fs.stat(dir);
    if (!stats.isDirectory()) throw new WriteError(relative, `${dir} is not a directory`, 'ENOTDIR');
    if (isInside(project.root, dir) && !isInside(project.real, await fs.realpath(dir))) {
      throw new WriteError(relative, `${dir} leads outside the project through a symbolic link`, 'ESYMLINK');
    }
    return;
  } catch (error) {
    if (error instanceof WriteError) throw error;
    // ENOENT: create it after its parent; ENOTDIR: walk up to the parent that is a file, and name it.
    if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') throw new WriteError(relative, `cannot use ${dir} (${describe(error)})`, codeOf(error));
  }
  await makeParents(fs, path.dirname(dir), created, relative, project);
  try {
    await fs.mkdir(dir);
    created.push(dir);
  } catch (error) {
    throw new WriteError(relative, `cannot create ${dir} (${describe(error)})`, codeOf(error));
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function writeDurably(fs: WriteFs, file: string, content: string, mode: number | undefined, relative: string): Promise<void> {
  let handle: Awaited<ReturnType<WriteFs['open']>>;
  try {
    handle = await fs.open(file, 'wx', mode ?? 0o666);
  } catch (error) {
    throw new WriteError(relative, `${path.dirname(file)} is not writable (${describe(error)})`, codeOf(error));
  }
  try {
    await handle.writeFile(content);
    if (mode !== undefined) await handle.chmod(mode); // the umask must not narrow a preserved mode
    await handle.sync();
  } catch (error) {
    throw new WriteError(relative, `${describe(error)} while writing into ${path.dirname(file)}`, codeOf(error));
  } finally {
    await handle.close();
  }
}

async function cleanUp(fs: WriteFs, temps: string[], createdDirs: string[]): Promise<void> {
  for (const temp of temps) await fs.unlink(temp).catch(() => undefined);
  for (const dir of [...createdDirs].reverse()) await fs.rmdir(dir).catch(() => undefined);
}

/** A failure on one path, with the errno code when the OS gave one. */
class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Problems with the target directory are bad input (exit 2); anything else is unexpected (exit 1). */
const BAD_INPUT_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ESYMLINK']);

function asCliError(error: unknown, outcome: string, file?: string): CliError {
  const code = codeOf(error);
  const where = error instanceof WriteError ? error.file : (file ?? 'a file');
  const reason = error instanceof WriteError ? error.reason : describe(error);
  const exitCode = code && BAD_INPUT_CODES.has(code) ? ExitCode.usage : ExitCode.unexpected;
  return new CliError(`Cannot write ${where}: ${reason}. ${outcome}`, exitCode);
}

function codeOf(error: unknown): string | undefined {
  if (error instanceof WriteError) return error.code;
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function describe(error: unknown): string {
  const code = codeOf(error);
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a parent path is not a directory',
    ENOSPC: 'no space left on device',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
