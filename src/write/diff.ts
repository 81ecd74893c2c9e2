// A unified diff of two texts, line by line, for showing what an overwrite would change.
// Longest common subsequence over the lines that differ (after trimming the common head and tail),
// which is exact and fast for files of the size this tool writes. Pure.

type Op = { kind: ' ' | '-' | '+'; text: string };

const CONTEXT = 3;
/** Above this many LCS cells the middle is shown as all-removed then all-added (still correct). */
const MAX_CELLS = 4_000_000;
const NO_EOL = '\\ No newline at end of file';

/** `--- a/path` / `+++ b/path` and hunks with 3 lines of context; '' when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks(ops)].join('\n') + '\n';
}

/** Lines without their `\n`; a last line without one carries a marker so that it differs. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else lines[lines.length - 1] += `\n${NO_EOL}`;
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]): Op[] => lines.map((text) => ({ kind: ' ', text }));
  return [
    ...same(a.slice(0, head)),
    ...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...same(a.slice(a.length - tail)),
  ];
}

function diffMiddle(a: string[], b: string[]): Op[] {
  const removeAll = a.map((text): Op => ({ kind: '-', text }));
  const addAll = b.map((text): Op => ({ kind: '+', text }));
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_CELLS) return [...removeAll, ...addAll];
  // lcs[i * width + j] = length of the LCS of a[i..] and b[j..]
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i++] as string });
      j++;
    } else if (j < b.length && (i === a.length || (lcs[i * width + j + 1] as number) >= (lcs[(i + 1) * width + j] as number))) {
      ops.push({ kind: '+', text: b[j++] as string });
    } else {
      ops.push({ kind: '-', text: a[i++] as string });
    }
  }
  // Show removals before additions within a run of changes, as diff(1) does.
  return groupChanges(ops);
}

function groupChanges(ops: Op[]): Op[] {
  const out: Op[] = [];
  let removed: Op[] = [];
  let added: Op[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === '-') removed.push(op);
    else if (op.kind === '+') added.push(op);
    else {
      flush();
      out.push(op);
    }
  }
  flush();
  return out;
}

function hunks(ops: Op[]): string[] {
  const changes = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const out: string[] = [];
  let c = 0;
  while (c < changes.length) {
    const first = changes[c] as number;
    let last = first;
    while (c + 1 < changes.length && (changes[c + 1] as number) - last <= 2 * CONTEXT) last = changes[++c] as number;
    c++;
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length, last + CONTEXT + 1);
    const before = ops.slice(0, start);
    const inHunk = ops.slice(start, end);
    const range = (skip: Op['kind']) => {
      const offset = before.filter((op) => op.kind !== skip).length;
      const length = inHunk.filter((op) => op.kind !== skip).length;
      if (length === 1) return `${offset + 1}`; // diff -u leaves out a length of 1
      return `${length === 0 ? offset : offset + 1},${length}`;
    };
    out.push(`@@ -${range('+')} +${range('-')} @@`, ...inHunk.map((op) => op.kind + op.text));
  }
  return out;
}
