// Proves the TypeScript decision with a real Node binary: the command derived from `tsx src/server.ts`
// (no build script) really runs an erasable .ts file from Node 22.18 on, and needs that version: the
// same command fails on older Node. Runs under whichever Node runs the suite (CI runs it on Node 20 and
// on the LTS), so each run proves its half.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { afterAll, expect, test } from 'vitest';
import { deriveStartCommand, TYPE_STRIPPING_MIN_NODE } from '../../../src/detect/start-command/index.js';
import { nodeProjectFs } from '../../../src/core/project-fs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csnd-strip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'ts-app', type: 'module', scripts: { start: 'tsx src/server.ts' }, devDependencies: { tsx: '^4.0.0' } }),
  // Erasable TypeScript: annotations, an interface, `import type`, `satisfies`, a .ts import.
  'src/greeting.ts': 'export interface Greeting { text: string }\nexport const greet = (name: string): Greeting => ({ text: `hello ${name}` });\n',
  'src/server.ts': "import type { Greeting } from './greeting.ts';\nimport { greet } from './greeting.ts';\nconst g: Greeting = greet(process.argv[2] ?? 'container') satisfies Greeting;\nconsole.log(g.text);\n",
  // Not erasable: an enum needs code generation, which type stripping refuses.
  'src/enum.ts': 'enum Color { Red }\nconsole.log(Color.Red);\n',
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const runs = (argv: string[]) => {
  const [command, ...args] = argv;
  // The image's `node` is the Node running this suite.
  const result = spawnSync(command === 'node' ? process.execPath : (command ?? ''), args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
};

const strips = semver.gte(process.versions.node, TYPE_STRIPPING_MIN_NODE);

test(`the derived command runs the .ts file on Node ${process.versions.node} exactly when it is >= ${TYPE_STRIPPING_MIN_NODE}`, async () => {
  const fs = nodeProjectFs(dir);
  const pkg = JSON.parse(files['package.json'] ?? '{}') as { scripts: Record<string, string>; devDependencies: Record<string, string> };
  const command = await deriveStartCommand({ pkg: { ...pkg, dependencies: {} }, lockfileBins: new Map(), read: (f) => fs.read(f) });
  expect(command).toMatchObject({ argv: ['node', 'src/server.ts'], minNode: TYPE_STRIPPING_MIN_NODE });
  const result = runs(command?.argv ?? []);
  if (strips) {
    expect(result).toMatchObject({ status: 0, stdout: 'hello container' });
    expect(result.stderr).not.toMatch(/Error/);
  } else {
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
  }
});

test('non-erasable TypeScript (an enum) fails at startup, as the warning says', () => {
  const result = runs(['node', 'src/enum.ts']);
  expect(result.status).not.toBe(0);
  if (strips) expect(result.stderr).toMatch(/ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX|TypeScript enum is not supported/);
});
