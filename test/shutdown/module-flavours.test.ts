// The three flavours of the graceful-shutdown module are one source: the ES-module flavour must be
// exactly what the TypeScript compiler makes of the template (only type syntax removed), the
// CommonJS flavour must load under require(), and the TypeScript flavour must type-check under
// strict settings in both module systems. Their behaviour is tested in signals.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { shutdownModuleSource } from '../../src/shutdown/module.js';
import { stripTypes } from '../../src/shutdown/strip-types.js';
import { toCommonJs } from '../../src/shutdown/to-commonjs.js';
import { STRICT_TS_OPTIONS, runTsc, scratchDir } from './support/app-dirs.js';

const template = await readFile(new URL('../../templates/graceful-shutdown.ts', import.meta.url), 'utf8');

/** What tsc emits for a module, without comments: the same printer for TS and JS input. */
function compiled(source: string, fileName: string): string {
  const { outputText, diagnostics = [] } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
    fileName,
    reportDiagnostics: true,
  });
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return outputText;
}

const commentLines = (text: string) => text.split('\n').filter((line) => /^\s*(\/\/|\/?\*)/.test(line));

describe('stripTypes', () => {
  test('the ESM flavour compiles to exactly what tsc emits for the TypeScript template', () => {
    const esm = shutdownModuleSource('esm');
    expect(shutdownModuleSource('ts')).toBe(template);
    expect(compiled(esm, 'graceful-shutdown.js')).toBe(compiled(template, 'graceful-shutdown.ts'));
  });

  test('the ESM flavour keeps the code comments and layout, losing only the type declarations', () => {
    const esm = shutdownModuleSource('esm');
    const lineComments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('//'));
    expect(lineComments(esm)).toEqual(lineComments(template));
    // The header doc comment is intact; doc comments that described types are gone with them.
    expect(esm.startsWith(template.slice(0, template.indexOf('*/') + 2))).toBe(true);
    expect(esm).not.toContain('Anything with a close()');
    expect(esm).not.toMatch(/\n\n\n/);
    expect(esm).not.toMatch(/\b(interface|import type|NodeJS\.|: (string|number|boolean|void)\b)/);
    expect(commentLines(esm).length).toBeGreaterThan(40);
  });

  test('handles every annotation form the template may use', () => {
    const source = [
      "import type { Server } from 'node:http';",
      '',
      '/** Dropped with its declaration. */',
      'export interface Options {',
      '  a?: number;',
      '}',
      '',
      "export type Handler = (value: string, extra?: { deep: Array<() => void> }) => void;",
      '',
      'const table: Map<string, (x: number) => void> = new Map();',
      'let pending: Promise<void> | undefined;',
      'export function f(a: number, b?: string, { c, d }: { c: number; d: string } = { c: 1, d: "=" }, e: () => void = () => {}): { done: boolean } {',
      '  return { done: a > 0 && b !== "x:y" && c + d.length > 0 && typeof e === "function" };',
      '}',
      'async function g(server: Server): Promise<Server | undefined> {',
      '  return table.size ? server : pending;',
      '}',
      'function isText(value: unknown): value is string {',
      "  return typeof value === 'string' ? true : g ? false : true;",
      '}',
      '',
    ].join('\n');
    const stripped = stripTypes(source);
    expect(stripped.split('\n').slice(0, 5)).toEqual([
      'const table = new Map();',
      'let pending;',
      'export function f(a, b, { c, d } = { c: 1, d: "=" }, e = () => {}) {',
      '  return { done: a > 0 && b !== "x:y" && c + d.length > 0 && typeof e === "function" };',
      '}',
    ]);
    expect(compiled(stripped, 'x.js')).toBe(compiled(source, 'x.ts'));
  });

  test('a `this` parameter disappears with its comma, as tsc drops it', () => {
    const source = "function bound(this: Server, ...rest: unknown[]): Server {\n  return Reflect.apply(f, this, rest);\n}\n";
    expect(stripTypes(source).split('\n')[0]).toBe('function bound(...rest) {');
    expect(compiled(stripTypes(source), 'a.js')).toBe(compiled(source, 'a.ts'));
  });

  test('a declaration that never ends is an error, not silently mangled output', () => {
    expect(() => stripTypes('export interface Broken {\n  a: number;\n')).toThrow(/never ends/);
  });
});

describe('toCommonJs', () => {
  test('the CommonJS flavour loads with require(), exports the three functions, and rejects an unusable timeoutMs', async () => {
    const cjs = shutdownModuleSource('cjs');
    expect(cjs).not.toMatch(/^(import|export)\b/m);
    expect(cjs).toContain("const { constants } = require('node:os');");
    expect(cjs.trimEnd().endsWith('module.exports = { isShuttingDown, gracefulShutdown, onShutdown, GLOBAL_KEY, gracefulShutdownEveryServer };')).toBe(true);
    // 'use strict' is the first statement, right after the header comment.
    expect(cjs.slice(cjs.indexOf('*/') + 2).trimStart().startsWith("'use strict';")).toBe(true);

    const scratch = await scratchDir('shutdown-cjs');
    try {
      const file = join(scratch.dir, 'graceful-shutdown.cjs');
      await writeFile(file, cjs);
      const loaded = createRequire(file)(file) as Record<string, unknown>;
      expect(Object.keys(loaded).sort()).toEqual(['GLOBAL_KEY', 'gracefulShutdown', 'gracefulShutdownEveryServer', 'isShuttingDown', 'onShutdown']);
      expect((loaded.isShuttingDown as () => boolean)()).toBe(false);

      // A mistyped timeout fails at registration, before any signal handler exists, rather than
      // becoming setTimeout's 1 ms and an instant exit 1 at the first SIGTERM.
      const register = loaded.gracefulShutdown as (target: object, options: object) => void;
      const listeners = process.listenerCount('SIGTERM');
      for (const timeoutMs of [Number('8s'), 0, 2 ** 31]) {
        expect(() => register({ close: () => Promise.resolve() }, { timeoutMs })).toThrow(RangeError);
      }
      expect(process.listenerCount('SIGTERM')).toBe(listeners);
    } finally {
      await scratch.remove();
    }
  });

  test('module syntax it does not know is an error', () => {
    expect(() => toCommonJs('export default function f() {}\n')).toThrow(/unsupported module syntax/);
    expect(() => toCommonJs('const a = 1;\n')).toThrow(/exports nothing/);
  });
});

describe('dependencies and type-checking', () => {
  test('every flavour imports only Node built-ins', () => {
    for (const flavor of ['ts', 'esm', 'cjs'] as const) {
      const specifiers = [...shutdownModuleSource(flavor).matchAll(/(?:from |require\()'([^']+)'/g)].map((m) => m[1]);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const specifier of specifiers) expect(specifier).toMatch(/^node:/);
    }
  });

  // The ESM case (NodeNext, verbatimModuleSyntax) is compiled with the apps in signals.test.ts,
  // where the real Express, Fastify and Koa types meet the module's ShutdownTarget.
  test('the TypeScript flavour type-checks under strict settings in a CommonJS project', async () => {
    const scratch = await scratchDir('shutdown-tsc');
    try {
      const compilerOptions = {
        ...STRICT_TS_OPTIONS,
        verbatimModuleSyntax: false,
        module: 'commonjs',
        moduleResolution: 'node10',
        noEmit: true,
      };
      await writeFile(join(scratch.dir, 'package.json'), JSON.stringify({ type: 'commonjs' }));
      await writeFile(join(scratch.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
      await writeFile(join(scratch.dir, 'graceful-shutdown.ts'), shutdownModuleSource('ts'));
      await runTsc(scratch.dir);
    } finally {
      await scratch.remove();
    }
  });
});
