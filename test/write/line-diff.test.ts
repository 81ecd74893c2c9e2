// The diff shown before an overwrite must be a real unified diff: GNU patch applies it and gets
// exactly the new file back, and a simple change reads the same as `diff -u` prints it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/write/diff.js';

const work = mkdtempSync(path.join(tmpdir(), 'line-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Apply a diff with GNU patch to `before` and return the result. */
function patchWith(before: string, diff: string): string {
  const file = path.join(work, 'file');
  const out = path.join(work, 'out');
  writeFileSync(file, before);
  rmSync(out, { force: true });
  const result = spawnSync('patch', ['--quiet', '--force', '-o', out, file], { input: diff, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`patch failed: ${result.stdout}${result.stderr}\n${diff}`);
  return readFileSync(out, 'utf8');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('Dockerfile', 'a\nb\n', 'a\nb\n')).toBe('');
  });

  it('prints the hunk that diff -u prints for a one-line change', () => {
    const before = 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\nCMD npm start\n';
    const after = 'FROM node:20\nWORKDIR /app\nCOPY . .\nUSER 1000:1000\nCMD ["dumb-init", "node", "server.js"]\n';
    writeFileSync(path.join(work, 'a'), before);
    writeFileSync(path.join(work, 'b'), after);
    const gnu = spawnSync('diff', ['-u', path.join(work, 'a'), path.join(work, 'b')], { encoding: 'utf8' }).stdout;
    const ours = unifiedDiff('Dockerfile', before, after);
    expect(ours.split('\n').slice(0, 2)).toEqual(['--- a/Dockerfile', '+++ b/Dockerfile']);
    expect(ours.split('\n').slice(2)).toEqual(gnu.split('\n').slice(2));
  });

  it('matches diff -u for insertions into an empty file, one-line files and a change at the end', () => {
    for (const [before, after] of [['', 'a\nb\n'], ['a\n', 'b\n'], ['1\n2\n3\n4\n5\n6\n7\n8\n', '1\n2\n3\n4\n5\n6\n7\nx\n'], ['a\nb\n', '']]) {
      writeFileSync(path.join(work, 'a'), before as string);
      writeFileSync(path.join(work, 'b'), after as string);
      const gnu = spawnSync('diff', ['-u', path.join(work, 'a'), path.join(work, 'b')], { encoding: 'utf8' }).stdout;
      expect(unifiedDiff('f', before as string, after as string).split('\n').slice(2)).toEqual(gnu.split('\n').slice(2));
    }
  });

  it('marks a missing final newline the way patch expects', () => {
    const diff = unifiedDiff('x', 'a\nb', 'a\nb\n');
    expect(diff).toContain('\\ No newline at end of file');
    expect(patchWith('a\nb', diff)).toBe('a\nb\n');
  });

  it('property: GNU patch turns the old text into the new one with our diff', () => {
    const text = fc
      .tuple(fc.array(fc.constantFrom('FROM node', 'RUN npm ci', 'COPY . .', '', 'USER 1000:1000', 'x', 'y'), { maxLength: 30 }), fc.boolean())
      .map(([lines, finalNewline]) => lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('f', before, after);
        if (before === after) expect(diff).toBe('');
        else expect(patchWith(before, diff)).toBe(after);
      }),
      { numRuns: 150 },
    );
  });

  it('falls back to remove-all/add-all for very large changes and stays correct', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `old ${i}`).join('\n') + '\n';
    const after = Array.from({ length: 2500 }, (_, i) => `new ${i}`).join('\n') + '\n';
    expect(patchWith(before, unifiedDiff('big', before, after))).toBe(after);
  });
});
