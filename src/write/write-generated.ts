// Write the generated files: read what is on disk, decide each write, let an interactive user approve each
// changed file after seeing its diff, then apply, but only when nothing is refused. The disk is
// reached through FileAccess so tests can run this on temp directories or in memory.
import path from 'node:path';
import { fs } from '../core/node-fs.js';
import type { GeneratedFile } from '../core/files.js';
import { UsageError } from '../errors.js';
import { nodeProjectFs } from '../core/project-fs.js';
import { applyWrites } from './apply.js';
import { approveOverwrites, decideWrites, type FileWrite } from './file-writes.js';

export interface FileAccess {
  isDirectory(absolutePath: string): Promise<boolean>;
  /** Current content of each project-relative path, undefined when missing. */
  readExisting(root: string, paths: readonly string[]): Promise<Map<string, string | undefined>>;
  apply(root: string, writes: readonly FileWrite[]): Promise<void>;
}

export interface WriteOutcome {
  writes: FileWrite[];
  /** Files that would change but were not allowed to (non-interactive without --force). */
  refused: string[];
  warnings: string[];
}

export interface WriteGeneratedOptions {
  force: boolean;
  dryRun: boolean;
  /** Interactive runs: asked once per changed file with its diff. */
  confirmOverwrite?: (file: string, diff: string) => Promise<boolean>;
  files: FileAccess;
}

export async function writeGenerated(root: string, generated: readonly GeneratedFile[], opts: WriteGeneratedOptions): Promise<WriteOutcome> {
  const existing = await opts.files.readExisting(root, generated.map((file) => file.path));
  let writes = decideWrites(generated, existing, { force: opts.force });
  if (opts.confirmOverwrite) {
    const approved: string[] = [];
    for (const write of writes) {
      if (write.action === 'blocked' && (await opts.confirmOverwrite(write.path, write.diff ?? ''))) approved.push(write.path);
    }
    writes = approveOverwrites(writes, approved);
  }
  const refused = opts.confirmOverwrite ? [] : writes.filter((write) => write.action === 'blocked').map((write) => write.path);
  if (!opts.dryRun && refused.length === 0) await opts.files.apply(root, writes);
  return { writes, refused, warnings: writes.flatMap((write) => write.warnings) };
}

export function nodeFileAccess(): FileAccess {
  return {
    async isDirectory(absolutePath) {
      try {
        return fs.statSync(absolutePath).isDirectory();
      } catch {
        return false;
      }
    },
    async readExisting(root, paths) {
      // The project's own reader already answers undefined for a missing file.
      const project = nodeProjectFs(root);
      const entries = await Promise.all(
        paths.map(async (p) => {
          try {
            return [p, await project.read(p)] as const;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EISDIR') throw new UsageError(`${p} is a directory in ${root}: the tool needs to write a file there`);
            throw new UsageError(`cannot read ${path.join(root, p)}: ${code ?? String(error)}`);
          }
        }),
      );
      return new Map(entries);
    },
    apply: (root, writes) => applyWrites(root, writes),
  };
}
