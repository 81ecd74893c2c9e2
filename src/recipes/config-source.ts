// A framework config file (next.config.ts, nuxt.config.ts, astro.config.mjs, vite.config.ts...) read
// as text, never evaluated: the tool must not run project code. Comments are blanked first, and a
// setting counts only when it is written as a literal; anything else is reported as an expression so
// the recipe can refuse in one line instead of guessing.
import type { ProjectFs } from '../core/project-fs.js';

export interface ConfigSource {
  /** The config file, relative to the project root. */
  file: string;
  /** Its text with comments replaced by spaces (strings kept). */
  code: string;
}

/** What a config says about one property. */
export type Setting = { kind: 'absent' } | { kind: 'literal'; value: string } | { kind: 'expression' };

const STRING = String.raw`'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|` + '`(?:\\\\.|[^`\\\\])*`';
const COMMENT = new RegExp(`(${STRING})|//[^\\n]*|/\\*[\\s\\S]*?(?:\\*/|$)`, 'g');

/** The first of `candidates` that exists, with its comments blanked. */
export async function readConfig(fs: ProjectFs, candidates: readonly string[]): Promise<ConfigSource | undefined> {
  for (const file of candidates) {
    const text = await fs.read(file);
    if (text !== undefined) return { file, code: withoutComments(text) };
  }
  return undefined;
}

export function withoutComments(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(COMMENT, (match, str?: string) => str ?? match.replace(/[^\n]/g, ' '));
}

/**
 * The value of `key: <value>` anywhere in the code. A plain string or number literal (also
 * `'x' as const`) is a literal; every occurrence must agree, or the setting is an expression.
 */
export function setting(code: string, key: string): Setting {
  const values = new Set<string>();
  let expression = false;
  const property = new RegExp(String.raw`(?:^|[{,\s])(["']?)${key}\1\s*:\s*`, 'g');
  const strings = [...code.matchAll(new RegExp(STRING, 'g'))].map((m) => [m.index, m.index + m[0].length] as const);
  for (const match of code.matchAll(property)) {
    // A key inside a string ("output: 'export'" as text) is not a property; a quoted key is.
    const keyAt = match.index + match[0].indexOf(key);
    const quoted = match[1] !== '';
    if (strings.some(([start, end]) => start < keyAt && keyAt < end && !(quoted && start === keyAt - 1 && end === keyAt + key.length + 1))) continue;
    const rest = code.slice(match.index + match[0].length);
    const literal = /^(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\$]*)`|(\d+|true|false))(?:\s+as\s+const)?\s*(?=[,}\n;]|$)/.exec(rest);
    if (literal) values.add(literal[1] ?? literal[2] ?? literal[3] ?? literal[4] ?? '');
    else expression = true;
  }
  if (expression || values.size > 1) return { kind: 'expression' };
  const [value] = values;
  return value === undefined ? { kind: 'absent' } : { kind: 'literal', value };
}

/** The package names the config imports or requires (`import node from '@astrojs/node'`). */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\s+['"]([^'"\n]+)['"]/g)) {
    names.add(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return [...names].filter(Boolean);
}

/** The text inside the first call `name(...)` (balanced parentheses, strings respected roughly). */
export function callArguments(code: string, name: string): string | undefined {
  const start = new RegExp(String.raw`\b${name}\s*\(`).exec(code);
  if (!start) return undefined;
  let depth = 1;
  const from = start.index + start[0].length;
  for (let i = from; i < code.length; i++) {
    const ch = code[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return code.slice(from, i);
  }
  return undefined;
}

/** The local name a config binds a package's default export to (`import node from '@astrojs/node'` -> "node"). */
export function importedName(code: string, packageName: string): string | undefined {
  const escaped = packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(String.raw`\bimport\s+([A-Za-z_$][\w$]*)\s+from\s*['"]${escaped}['"]`).exec(code)?.[1];
}
