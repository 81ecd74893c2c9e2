// Reads source files for pattern checks (port, health route, framework) with a size cap, so that a
// huge bundled file cannot make detection slow. Only files named by the project are read.
import type { ProjectFs } from '../project-fs.js';

/** Characters of a source file that detection looks at; the rest is ignored. */
export const MAX_SOURCE_CHARS = 256 * 1024;

export async function readSource(fs: ProjectFs, file: string | undefined): Promise<string> {
  if (file === undefined) return '';
  const text = await fs.read(file).catch(() => undefined);
  if (text === undefined) return '';
  return text.length > MAX_SOURCE_CHARS ? text.slice(0, MAX_SOURCE_CHARS) : text;
}
