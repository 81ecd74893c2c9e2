// How Docker reads a .dockerignore (moby/patternmatcher and its ignorefile reader), so the
// generator can reason about what a set of lines ignores: which user lines are equivalent to a
// required entry, and whether a `!` line re-includes a secret. Paths are relative posix paths.
import path from 'node:path';

export interface IgnoreLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line as written, without its line ending. */
  text: string;
  /** `!pattern`: re-include what earlier lines ignored. */
  negated: boolean;
  /** The pattern as Docker cleans it: no leading `/` or `./`, no trailing `/`, no `//`. */
  pattern: string;
}

/** The pattern lines of a .dockerignore (comments and blank lines skipped), as Docker reads them. */
export function parseDockerignore(text: string): IgnoreLine[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const parsed = parsePatternLine(raw);
    return parsed ? [{ line: index + 1, text: raw, ...parsed }] : [];
  });
}

/** One line: null for a blank line or `#` comment. */
export function parsePatternLine(raw: string): Pick<IgnoreLine, 'negated' | 'pattern'> | null {
  let text = raw.trim();
  if (text === '' || text.startsWith('#')) return null;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1).trim();
  const pattern = cleanPattern(text);
  return pattern === '' ? null : { negated, pattern };
}

/** Go's filepath.Clean followed by dropping a leading `/`, as Docker's ignorefile reader does. */
export function cleanPattern(pattern: string): string {
  const cleaned = path.posix.normalize(pattern).replace(/\/+$/, '').replace(/^\/+/, '');
  return cleaned === '.' ? '' : cleaned;
}

/** Whether the pattern matches the path itself or any of its parent directories (on any engine). */
export function patternMatches(pattern: string, filePath: string): boolean {
  const regex = compile(pattern);
  const parts = filePath.split('/');
  return parts.some((_, i) => regex.test(parts.slice(0, i + 1).join('/')));
}

/**
 * Docker's decision for one path, as Docker Engine 20.10 (the oldest engine this tool supports)
 * makes it, verified against that engine by test/dockerignore/docker-context.test.ts:
 * - each line is tried in order and the last one that matches wins (`!` re-includes). A line
 *   matches the path itself, or the leading part of its parent path with as many components as
 *   the pattern has (so `a/**\/b` never matches through a parent shorter than three components);
 * - an ignored folder is not entered at all unless some `!` pattern starts with its path.
 * Newer engines match every parent instead; the two differ only when `!` lines re-enter ignored
 * folders, which the generated file never does.
 */
export function isIgnored(lines: Pick<IgnoreLine, 'negated' | 'pattern'>[], filePath: string): boolean {
  const parts = filePath.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    const reentered = lines.some((line) => line.negated && `${line.pattern}/`.startsWith(`${dir}/`));
    if (lastMatchIgnores(lines, dir) && !reentered) return true;
  }
  return lastMatchIgnores(lines, filePath);
}

function lastMatchIgnores(lines: Pick<IgnoreLine, 'negated' | 'pattern'>[], filePath: string): boolean {
  const parentDirs = filePath.split('/').slice(0, -1);
  let ignored = false;
  for (const { negated, pattern } of lines) {
    const regex = compile(pattern);
    const components = pattern.split('/').length;
    const matches = regex.test(filePath) || (components <= parentDirs.length && regex.test(parentDirs.slice(0, components).join('/')));
    if (matches) ignored = !negated;
  }
  return ignored;
}

const compiled = new Map<string, RegExp>();

/**
 * The moby/patternmatcher translation to a regular expression: `*` and `?` never cross `/`,
 * `**` crosses any number of directories (`**\/` may match none), `[...]` is a character class,
 * `\` escapes the next character. Unlike Go, other regex characters are taken literally.
 */
function compile(pattern: string): RegExp {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      i += pattern[i + 2] === '/' ? 2 : 1;
      source += i === pattern.length - 1 ? '.*' : '(.*/)?';
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      const body = end === -1 ? '' : pattern.slice(i + 1, end);
      source += end === -1 ? '\\[' : `[${body.replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      if (end !== -1) i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegex(pattern[++i] as string);
    } else {
      source += escapeRegex(ch);
    }
  }
  const regex = new RegExp(`${source}$`);
  compiled.set(pattern, regex);
  return regex;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
