// Expands workspace patterns (package.json `workspaces`, pnpm-workspace.yaml `packages`) into the
// package directories they name: `*` within one segment, `**` for any depth, plain paths, and `!`
// exclusions. Patterns come from project files, so they are checked before use: anything else (braces,
// `..`, absolute paths) is refused with a message rather than half-understood.
import type { ProjectFs } from '../core/project-fs.js';
import { isContainedPath } from './workspace-fs.js';

/** How deep `**` descends; monorepos nest packages two or three levels. */
const MAX_DEPTH = 5;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const PATTERN_CHARS = /^!?[A-Za-z0-9._@*/-]+$/;

export interface WorkspacePattern {
  exclude: boolean;
  segments: string[];
}

/** A checked pattern, or a reason it cannot be used. */
export function parsePattern(raw: string): WorkspacePattern | string {
  if (!PATTERN_CHARS.test(raw)) return 'only letters, digits, ".", "_", "@", "-", "/" and the wildcards * and ** are supported';
  const exclude = raw.startsWith('!');
  const body = raw.slice(exclude ? 1 : 0).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (!isContainedPath(body)) return 'it must be a relative path inside the workspace root';
  return { exclude, segments: body.split('/') };
}

/** Directories (relative posix paths, sorted) that the patterns include, holding a package.json. */
export async function expandPatterns(fs: ProjectFs, patterns: readonly WorkspacePattern[]): Promise<string[]> {
  const included = new Set<string>();
  for (const p of patterns.filter((x) => !x.exclude)) {
    for (const dir of await matchSegments(fs, '', p.segments, 0)) included.add(dir);
  }
  const excludes = patterns.filter((x) => x.exclude);
  const out: string[] = [];
  for (const dir of [...included].sort()) {
    if (excludes.some((x) => matches(x.segments, dir.split('/')))) continue;
    if (await fs.exists(`${dir}/package.json`)) out.push(dir);
  }
  return out;
}

/** Whether a directory path matches pattern segments (the same rules as the expansion). */
export function matches(pattern: readonly string[], path: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return path.length === 0;
  if (head === '**') return matches(rest, path) || (path.length > 0 && matches(pattern, path.slice(1)));
  const [first, ...others] = path;
  return first !== undefined && segmentRegex(head).test(first) && matches(rest, others);
}

async function matchSegments(fs: ProjectFs, base: string, segments: readonly string[], depth: number): Promise<string[]> {
  const [head, ...rest] = segments;
  if (head === undefined) return base === '' ? [] : [base];
  if (depth > MAX_DEPTH) return [];
  const join = (name: string) => (base === '' ? name : `${base}/${name}`);
  if (!head.includes('*')) return matchSegments(fs, join(head), rest, depth + 1);
  const children = (await fs.list(base === '' ? '.' : base)).filter((name) => !SKIPPED_DIRS.has(name) && !name.startsWith('.') && isContainedPath(name));
  const out: string[] = [];
  if (head === '**') {
    out.push(...(await matchSegments(fs, base, rest, depth)));
    for (const child of children) {
      if (await isDirectory(fs, join(child))) out.push(...(await matchSegments(fs, join(child), segments, depth + 1)));
    }
    return out;
  }
  const re = segmentRegex(head);
  for (const child of children.filter((name) => re.test(name))) {
    if (await isDirectory(fs, join(child))) out.push(...(await matchSegments(fs, join(child), rest, depth + 1)));
  }
  return out;
}

function segmentRegex(segment: string): RegExp {
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

/** ProjectFs has no stat: a directory is something that lists or holds a package.json. */
async function isDirectory(fs: ProjectFs, p: string): Promise<boolean> {
  return (await fs.list(p)).length > 0;
}
