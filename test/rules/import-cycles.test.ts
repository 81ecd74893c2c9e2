// src/ has no import cycles, type-only imports included: every file's relative imports are read
// and the graph is searched depth-first. (The two cycles this replaced: args <-> options,
// shutdown/module <-> shutdown/wiring.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specifiers.filter((s) => s.endsWith('.js')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

it('src/ has no import cycles (type-only imports count)', () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(60);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
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
