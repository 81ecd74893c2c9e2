// The manifests and lockfiles express-generator@4 and fastify-cli@8 really write (see
// scaffolded/README.md): their start scripts and the lockfile `bin` entries npm records.
import path from 'node:path';
import { expect, test } from 'vitest';
import { binsFromNpmLockfile, deriveStartCommand } from '../../../src/detect/start-command/index.js';
import { readPackageJson } from '../../../src/detect/package-json.js';
import { nodeProjectFs } from '../../../src/core/project-fs.js';

const fixture = (name: string) => path.resolve(import.meta.dirname, 'scaffolded', name);

async function derive(name: string) {
  const fs = nodeProjectFs(fixture(name));
  const pkg = await readPackageJson(fs, name);
  const lock = await fs.read('package-lock.json');
  const lockfileBins = binsFromNpmLockfile(lock ?? '');
  return { lockfileBins, command: await deriveStartCommand({ pkg, lockfileBins, read: (f) => fs.read(f) }) };
}

test('fastify-cli generate: `fastify start -l info app.js` runs fastify-cli through the cli.js its lockfile names', async () => {
  const { lockfileBins, command } = await derive('fastify-cli');
  expect(lockfileBins.get('fastify')).toEqual({ name: 'fastify-cli', file: 'node_modules/fastify-cli/cli.js' });
  // Only top-level packages, and every entry npm recorded.
  expect([...lockfileBins.keys()].sort()).toEqual(['fastify', 'generify', 'is-docker', 'pino', 'pino-pretty', 'safe-regex2', 'semver']);
  expect(command).toEqual({
    argv: ['node', 'node_modules/fastify-cli/cli.js', 'start', '-l', 'info', 'app.js'],
    script: 'node_modules/fastify-cli/cli.js',
    packageBinary: { name: 'fastify-cli', bin: 'fastify', file: 'node_modules/fastify-cli/cli.js' },
    env: {},
    buildSteps: [],
    warnings: [],
    origin: 'scripts.start',
  });
});

test('express-generator: `node ./bin/www` runs the extensionless bin/www', async () => {
  const { command } = await derive('express-generator');
  expect(command).toEqual({ argv: ['node', 'bin/www'], script: 'bin/www', env: {}, buildSteps: [], warnings: [], origin: 'scripts.start' });
});

test('nest new (CLI 12): `nest start` needs the Nest CLI, so start:prod `node dist/main` runs (Node resolves dist/main.js)', async () => {
  const { command } = await derive('nest');
  expect(command).toMatchObject({ argv: ['node', 'dist/main'], script: 'dist/main', env: {}, buildSteps: [], origin: 'scripts.start:prod' });
  expect(command?.warnings).toEqual([expect.stringMatching(/^package\.json scripts\.start runs "nest start", the Nest CLI, which compiles at start .* used scripts\.start:prod instead$/)]);
});

test('binsFromNpmLockfile: nested copies, paths leaving the package and non-JSON text give nothing', () => {
  const lock = JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { name: 'app' },
      'node_modules/@scope/tool': { bin: { tool: './bin/tool.js' } },
      // As npm records next@16 (npm view next bin: {"next":"./dist/bin/next"}).
      'node_modules/next': { bin: { next: './dist/bin/next' } },
      'node_modules/a/node_modules/nested': { bin: { nested: 'x.js' } },
      'node_modules/evil': { bin: { evil: '../../etc/passwd', ok: 'lib/../cli.js' } },
      'node_modules/odd': { bin: 'cli.js' },
    },
  });
  expect([...binsFromNpmLockfile(lock)]).toEqual([
    ['tool', { name: '@scope/tool', file: 'node_modules/@scope/tool/bin/tool.js' }],
    ['next', { name: 'next', file: 'node_modules/next/dist/bin/next' }],
    ['ok', { name: 'evil', file: 'node_modules/evil/cli.js' }],
  ]);
  expect(binsFromNpmLockfile('lockfileVersion: 6.0\n').size).toBe(0);
});
