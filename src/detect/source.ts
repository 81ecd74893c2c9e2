// Reads the entry's source for pattern checks (port, health route, framework), plus the local files
// it imports directly (routes/, config.js), which is where apps often declare those. Bounded: one
// import level, a few files, a size cap per file, nothing under node_modules.
import path from 'node:path';
import type { ProjectFs } from '../core/project-fs.js';
import { extensionOf, insideProject } from './paths.js';

/** Characters of a source file that detection looks at; the rest is ignored. */
export const MAX_SOURCE_CHARS = 256 * 1024;
/** How many directly imported local files are read besides the entry. */
export const MAX_IMPORTED_FILES = 12;

const RELATIVE_IMPORT = /(?:require\(\s*|import\(\s*|\bfrom\s+|^\s*import\s+)['"](\.{1,2}\/[^'"\n]+)['"]/gm;
const RESOLVE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '/index.js', '/index.ts'];
/** TypeScript sources import './x.js' meaning './x.ts'. */
const TS_FOR_JS: Record<string, string> = { '.js': '.ts', '.mjs': '.mts', '.cjs': '.cts' };

export interface EntrySources {
  /** The entry file itself ('' when it cannot be read). */
  entry: string;
  /** The entry followed by the local files it imports directly. */
  all: string;
}

export async function readEntrySources(fs: ProjectFs, file: string | undefined): Promise<EntrySources> {
  const entry = await readSource(fs, file);
  if (file === undefined || entry === '') return { entry, all: entry };
  const texts = [entry];
  const seen = new Set([file]);
  for (const match of entry.matchAll(RELATIVE_IMPORT)) {
    if (seen.size > MAX_IMPORTED_FILES) break;
    const target = await resolveImport(fs, file, match[1] ?? '');
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    texts.push(await readSource(fs, target));
  }
  return { entry, all: texts.join('\n') };
}

export async function readSource(fs: ProjectFs, file: string | undefined): Promise<string> {
  if (file === undefined) return '';
  const text = await fs.read(file).catch(() => undefined);
  if (text === undefined) return '';
  return text.length > MAX_SOURCE_CHARS ? text.slice(0, MAX_SOURCE_CHARS) : text;
}

async function resolveImport(fs: ProjectFs, from: string, specifier: string): Promise<string | undefined> {
  const base = insideProject(path.posix.join(path.posix.dirname(from), specifier));
  if (base === undefined || base.split('/').includes('node_modules')) return undefined;
  const ext = extensionOf(base);
  const tsTwin = TS_FOR_JS[ext];
  const candidates = ext !== '' ? [base, ...(tsTwin ? [base.slice(0, -ext.length) + tsTwin] : [])] : RESOLVE_EXTENSIONS.map((e) => base + e);
  for (const candidate of candidates) {
    if ((await fs.exists(candidate)) && (await fs.list(candidate)).length === 0) return candidate;
  }
  return undefined;
}
