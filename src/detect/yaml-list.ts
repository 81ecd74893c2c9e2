// The one thing read from pnpm-workspace.yaml: the top-level `packages:` list of strings, in block
// form (`- "apps/*"`) or flow form (`[apps/*, 'packages/*']`). A deliberately small reader, not a
// YAML parser: anything it does not understand in that key is reported, never guessed at; other keys
// (catalogs, onlyBuiltDependencies, ...) are skipped without being read.

export type YamlListResult = { ok: true; items: string[] } | { ok: false; reason: string };

/** The string items of top-level `key:` (missing key: ok with no items). */
export function readTopLevelList(text: string, key: string): YamlListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  if (start < 0) return { ok: true, items: [] };
  const inline = stripComment((lines[start] ?? '').replace(new RegExp(`^${key}\\s*:`), '')).trim();
  if (inline !== '') {
    const flow = /^\[(.*)\]$/.exec(inline);
    if (!flow) return { ok: false, reason: `"${key}:" is neither a list nor a [flow, list]` };
    const body = flow[1] ?? '';
    if (body.trim() === '') return { ok: true, items: [] };
    return collect(body.split(','), key);
  }
  const raw: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break; // the next top-level key
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (!item) return { ok: false, reason: `unexpected line under "${key}:": ${line.trim().slice(0, 60)}` };
    raw.push(stripComment(item[1] ?? ''));
  }
  return collect(raw, key);
}

function collect(raw: string[], key: string): YamlListResult {
  const items: string[] = [];
  for (const entry of raw) {
    const value = scalar(entry.trim());
    if (value === undefined) return { ok: false, reason: `"${key}:" holds a value that is not a plain or quoted string: ${entry.trim().slice(0, 60)}` };
    items.push(value);
  }
  return { ok: true, items };
}

function scalar(text: string): string | undefined {
  const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  // Plain scalars: no YAML indicators that would make it something else (maps, anchors, tags, ...).
  if (text === '' || /^[[\]{}&*!|>%@`"',]/.test(text) || /:\s|\s#/.test(text)) return undefined;
  return text;
}

/** Drops a trailing ` # comment` outside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      return text.slice(0, i);
    }
  }
  return text;
}
