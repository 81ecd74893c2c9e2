// filesNodeTries against what Node really does: `node dist/main` in a "type": "module" package runs
// dist/main.js, and `node lib` runs lib/index.js, with the Node running the suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { filesNodeTries } from '../../../src/detect/start-command/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csnd-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ['dist/main', 'dist/main.js'],
  ['lib', 'lib/index.js'],
  ['bin/www', 'bin/www'],
])('node %s runs %s, which filesNodeTries lists', (script, file) => {
  const root = mkdtempSync(path.join(dir, 'p-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), `console.log(${JSON.stringify(file)});`);
  const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
  expect({ status: result.status, stdout: result.stdout.trim() }).toEqual({ status: 0, stdout: file });
  expect(filesNodeTries(script)).toContain(file);
});
