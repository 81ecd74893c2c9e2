// src/'s relative import graph, type-only imports included, as the import-cycle and layer tests read it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(import.meta.dirname, '../../src');

export function sources(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The .ts files a source file imports by relative path (`import type` and `import()` types included). */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specifiers.filter((s) => s.endsWith('.js')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

export function importGraph(): Map<string, string[]> {
  return new Map(sources().map((f) => [f, importsOf(f)]));
}
