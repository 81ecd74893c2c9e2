// Every import in src/ points down the floors: a module imports from its own folder and from floors
// below its own, never from a floor above nor from a sibling on the same floor. Files directly in src/
// (errors.ts) are the ground floor with core/. README.md's contributing section prints the same floors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SRC, importGraph } from '../support/source-imports.js';

/** Lowest first. Folders on one floor do not import each other. */
const FLOORS: readonly (readonly string[])[] = [
  ['core'],
  ['files', 'image', 'detect'],
  ['recipes', 'rules'],
  ['shutdown'],
  ['options'],
  ['render'],
  ['write', 'verify', 'update'],
  ['cli'],
];

function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length === 1 ? 'core' : (parts[0] ?? '');
}

function floorOf(folder: string): number {
  return FLOORS.findIndex((floor) => floor.includes(folder));
}

it('every folder of src/ has a floor', () => {
  const folders = new Set([...importGraph().keys()].map(folderOf));
  expect([...folders].filter((f) => floorOf(f) < 0)).toEqual([]);
  expect(folders.size).toBe(FLOORS.flat().length);
});

it('no module imports from a floor above its own or from a sibling folder on its floor', () => {
  const graph = importGraph();
  const edges = [...graph].flatMap(([file, targets]) => targets.filter((t) => t.startsWith(SRC + path.sep)).map((t) => [file, t] as const));
  const crossFolder = edges.filter(([from, to]) => folderOf(from) !== folderOf(to));
  expect(crossFolder.length).toBeGreaterThan(100);
  const upward = crossFolder
    .filter(([from, to]) => floorOf(folderOf(to)) >= floorOf(folderOf(from)))
    .map(([from, to]) => `${path.relative(SRC, from)} -> ${path.relative(SRC, to)}`);
  expect(upward).toEqual([]);
});

it("README.md's contributing section names the floors", () => {
  const readme = readFileSync(path.resolve(SRC, '../README.md'), 'utf8');
  expect(readme).toContain(FLOORS.map((floor) => floor.map((f) => `\`${f}\``).join(', ')).join(' < '));
});
