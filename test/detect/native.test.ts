// Native module evidence: the project's own binding.gyp, npm's hasInstallScript, known names in
// any lockfile format.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

const npmLock = (packages: Record<string, Record<string, unknown>>) =>
  JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } });

const detect = (files: Record<string, string>) => detectProject(memoryFs({ 'index.js': '', ...files }));

describe('native modules', () => {
  test('hasInstallScript counts, except packages known to compile nothing', async () => {
    const facts = await detect({
      'package.json': '{}',
      'package-lock.json': npmLock({
        'node_modules/esbuild': { hasInstallScript: true },
        'node_modules/core-js': { hasInstallScript: true },
        'node_modules/@scope/addon': { hasInstallScript: true },
        'node_modules/a/node_modules/nested-addon': { hasInstallScript: true },
      }),
    });
    expect(facts.native).toBe(true);
    expect(facts.nativeReasons).toEqual(['@scope/addon (install script)', 'nested-addon (install script)']);
  });

  test('only non-compiling install scripts: not native', async () => {
    const facts = await detect({ 'package.json': '{}', 'package-lock.json': npmLock({ 'node_modules/esbuild': { hasInstallScript: true } }) });
    expect(facts).toMatchObject({ native: false, nativeReasons: [] });
  });

  test('a known package in dependencies, with no lockfile', async () => {
    const facts = await detect({ 'package.json': '{"dependencies":{"better-sqlite3":"^12"}}' });
    expect(facts.nativeReasons).toEqual(['better-sqlite3']);
  });

  test('a known package transitively in a pnpm v9 lockfile', async () => {
    const facts = await detect({
      'package.json': '{"packageManager":"pnpm@9.15.9"}',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n\n  argon2@0.41.1:\n    resolution: {integrity: sha512-x}\n",
    });
    expect(facts.nativeReasons).toEqual(['argon2']);
  });

  test.each([
    ['yarn classic', '# yarn lockfile v1\n\nsqlite3@^5.1.7:\n  version "5.1.7"\n'],
    ['yarn berry', '__metadata:\n  version: 8\n\n"sqlite3@npm:^5.1.7":\n  version: 5.1.7\n'],
  ])('a known package in a %s lockfile', async (_name, lock) => {
    const facts = await detect({ 'package.json': '{}', 'yarn.lock': lock });
    expect(facts.nativeReasons).toEqual(['sqlite3']);
  });

  test('names that only start like a known package do not count', async () => {
    const facts = await detect({ 'package.json': '{}', 'yarn.lock': '# yarn lockfile v1\n\nbcryptjs@^3:\n  version "3.0.2"\n\ncanvas-confetti@^1:\n  version "1.9.3"\n' });
    expect(facts.native).toBe(false);
  });

  test('the project itself is an addon: binding.gyp', async () => {
    const facts = await detect({ 'package.json': '{}', 'binding.gyp': '{}' });
    expect(facts.nativeReasons).toEqual(['binding.gyp in the project']);
  });

  test('a broken package-lock.json is a warning, names still count', async () => {
    const facts = await detect({ 'package.json': '{"dependencies":{"bcrypt":"5"}}', 'package-lock.json': '{ "packages": ' });
    expect(facts.nativeReasons).toEqual(['bcrypt']);
    expect(facts.warnings.join('\n')).toContain('package-lock.json is not valid JSON');
  });
});
