// Decide, without touching the disk, what writing the generated files would do to the project.
//
//   no file there                      -> create
//   same content (after any merge)     -> unchanged
//   content would change, --force      -> overwrite (with the diff)
//   content would change, no --force   -> blocked   (with the diff): not allowed yet
//
// A 'blocked' write is the shell's to settle: interactively it shows `diff` and asks, then calls
// approveOverwrites() for the files the user accepted; non-interactively it calls
// blockedWritesError(), the OverwriteRefusedError (exit 3) a run throws before anything is written.
import path from 'node:path';
import { mergeDockerignore } from '../files/dockerignore.js';
import { OverwriteRefusedError, UsageError } from '../errors.js';
import { escapesProject } from '../core/validate.js';
import { unifiedDiff } from './diff.js';

export interface FileToWrite {
  /** Relative posix path inside the project, e.g. `Dockerfile` or `src/graceful-shutdown.js`. */
  path: string;
  content: string;
  /** 'merge-dockerignore': `content` lists the required lines, merged into an existing file. */
  mode?: 'replace' | 'merge-dockerignore';
}

export type WriteAction = 'create' | 'overwrite' | 'unchanged' | 'blocked';

export interface FileWrite {
  path: string;
  action: WriteAction;
  /** What the file will contain once written (for a merge: the merged text). */
  content: string;
  /** Unified diff from the existing file, for 'overwrite' and 'blocked'. */
  diff?: string;
  /** Messages for the user, e.g. a .dockerignore line that re-includes a secret. */
  warnings: string[];
}

export interface PlanOptions {
  force: boolean;
}

/** `existing` maps each path to its current content, or undefined when there is no such file. */
export function decideWrites(files: readonly FileToWrite[], existing: ReadonlyMap<string, string | undefined>, options: PlanOptions): FileWrite[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const filePath = checkRelativePath(file.path);
    if (seen.has(filePath)) throw new Error(`decideWrites: ${filePath} is listed twice`);
    seen.add(filePath);
    const current = existing.get(filePath);
    const { content, warnings } = finalContent(file, current);
    if (current === undefined) return { path: filePath, action: 'create', content, warnings };
    if (current === content) return { path: filePath, action: 'unchanged', content, warnings };
    const diff = unifiedDiff(filePath, current, content);
    return { path: filePath, action: options.force ? 'overwrite' : 'blocked', content, diff, warnings };
  });
}

function finalContent(file: FileToWrite, current: string | undefined): { content: string; warnings: string[] } {
  if (file.mode !== 'merge-dockerignore') return { content: file.content, warnings: [] };
  if (current === undefined) return { content: file.content, warnings: [] };
  const required = file.content.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const merged = mergeDockerignore(current, required);
  return { content: merged.text, warnings: merged.warnings };
}

/**
 * A project-relative posix path, normalized. Absolute paths, `..` segments, backslashes and
 * control characters are rejected: a generated file can only ever land inside the project.
 */
export function checkRelativePath(filePath: string): string {
  const normalized = path.posix.normalize(filePath);
  const escapes =
    [...filePath].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) ||
    escapesProject(filePath) ||
    escapesProject(normalized) ||
    filePath.split('/').includes('..');
  if (escapes) throw new UsageError(`Refusing to write ${JSON.stringify(filePath)}: files must stay inside the project directory.`);
  return normalized;
}

/** The writes with the listed 'blocked' entries turned into 'overwrite' (the user confirmed them). */
export function approveOverwrites(writes: readonly FileWrite[], approved: Iterable<string>): FileWrite[] {
  const ok = new Set(approved);
  return writes.map((write) => (write.action === 'blocked' && ok.has(write.path) ? { ...write, action: 'overwrite' } : write));
}

/** Non-interactive runs: any 'blocked' write means an existing file would change without --force (exit 3). */
export function blockedWritesError(writes: readonly FileWrite[]): OverwriteRefusedError | undefined {
  const refused = writes.filter((write) => write.action === 'blocked').map((write) => write.path);
  if (refused.length === 0) return undefined;
  return new OverwriteRefusedError(
    `Refusing to overwrite ${refused.join(', ')}: ${refused.length === 1 ? 'it exists and would change' : 'they exist and would change'}. ` +
      'Re-run with --force to overwrite, or interactively to review the diff. Nothing was written.',
  );
}
