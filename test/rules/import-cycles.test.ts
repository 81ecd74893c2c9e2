// src/ has no import cycles, type-only imports included: every file's relative imports are read
// and the graph is searched depth-first. (The two cycles this replaced: args <-> options,
// shutdown/module <-> shutdown/wiring.)
import path from 'node:path';
import { expect, it } from 'vitest';
import { SRC, importGraph } from '../support/source-imports.js';

it('src/ has no import cycles (type-only imports count)', () => {
  const graph = importGraph();
  const files = [...graph.keys()];
  expect(files.length).toBeGreaterThan(60);
  expect([...graph.values()].flat().length).toBeGreaterThan(150);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  expect(cycles).toEqual([]);
});
