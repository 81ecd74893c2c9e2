// package.json problems are usage errors (exit 2) with one line that names the file.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { ExitCode, UsageError } from '../../src/errors.js';
import { memoryFs } from '../support/memory-fs.js';

async function failure(files: Record<string, string>, dir?: string): Promise<UsageError> {
  const error: unknown = await detectProject(memoryFs(files), dir === undefined ? {} : { dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('package.json errors', () => {
  test('missing package.json names the directory and the way out', async () => {
    const error = await failure({ 'server.js': '' }, 'apps/web');
    expect(error.message).toBe('no package.json in apps/web: run this in a Node.js project root (or pass [dir])');
    expect(error.exitCode).toBe(ExitCode.usage);
  });

  test('malformed JSON: one line with the file and the parser error', async () => {
    const error = await failure({ 'package.json': '{\n  "name": "x",\n  "scripts": {\n}' }, 'my-app');
    expect(error.message).toMatch(/^my-app\/package.json is not valid JSON: \S/);
    expect(error.message).not.toContain('\n');
  });

  test('JSON that is not an object', async () => {
    const error = await failure({ 'package.json': '["not", "a", "manifest"]' });
    expect(error.message).toBe('package.json must contain a JSON object');
  });

  test('fields of the wrong type are ignored, not trusted', async () => {
    const facts = await detectProject(
      memoryFs({ 'package.json': JSON.stringify({ name: 42, main: ['x'], scripts: { start: 7 }, engines: 'node 20' }), 'index.js': '' }),
    );
    expect(facts.name).toBeUndefined();
    expect(facts.entry).toBe('index.js');
    expect(facts.nodeRange).toBeUndefined();
  });

  test('a byte-order mark does not break parsing', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': '\uFEFF{"name":"bom"}' }));
    expect(facts.name).toBe('bom');
  });
});
