// Native module evidence: the project's own binding.gyp, npm's hasInstallScript, known names in
// any lockfile format.
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

// Lockfiles as npm 11, pnpm 9 and yarn 1 wrote them for `"dependencies": {"sharp": "<v>"}` (and
// bcrypt 5.1.1): sharp 0.33+ ships prebuilt @img/sharp-* platform packages and compiles only with a
// global libvips or --build-from-source; 0.32 runs "prebuild-install || node-gyp rebuild".
describe('native means compiles: real lockfiles', () => {
  const lockfile = (file: string) => readFileSync(path.join(import.meta.dirname, 'lockfiles', file), 'utf8');
  const LOCK_NAME = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock' } as const;
  const withLock = (pm: keyof typeof LOCK_NAME, file: string, deps: Record<string, string>) =>
    detect({ 'package.json': JSON.stringify({ name: 'x', dependencies: deps }), [LOCK_NAME[pm]]: lockfile(file) });

  test.each([
    ['npm', 'npm-sharp-0.34.5.json'],
    ['pnpm', 'pnpm-sharp-0.34.5.yaml'],
    ['yarn', 'yarn-sharp-0.34.5.lock'],
  ] as const)('%s: sharp 0.34 (prebuilt platform packages) needs no compiler', async (pm, file) => {
    const facts = await withLock(pm, file, { sharp: '0.34.5' });
    expect(facts).toMatchObject({ packageManager: { name: pm }, native: false, nativeReasons: [] });
  });

  test.each([
    ['npm', 'npm-sharp-0.32.6.json', 'sharp (install script)'],
    ['pnpm', 'pnpm-sharp-0.32.6.yaml', 'sharp'],
    ['yarn', 'yarn-sharp-0.32.6.lock', 'sharp'],
  ] as const)('%s: sharp 0.32 (prebuild-install || node-gyp) still gets one', async (pm, file, reason) => {
    const facts = await withLock(pm, file, { sharp: '0.32.6' });
    expect(facts).toMatchObject({ packageManager: { name: pm }, native: true, nativeReasons: [reason] });
  });

  test('npm: bcrypt 5 (node-pre-gyp with a node-gyp fallback) gets one', async () => {
    const facts = await withLock('npm', 'npm-bcrypt-5.1.1.json', { bcrypt: '5.1.1' });
    expect(facts.nativeReasons).toEqual(['bcrypt (install script)']);
  });

  test('npm: a known name the lockfile records without an install script (an optional peer, a prebuilt release) compiles nothing', async () => {
    const facts = await detect({
      'package.json': '{}',
      'package-lock.json': npmLock({
        'node_modules/ws': { version: '8.18.0', peerDependencies: { bufferutil: '^4.0.1' }, peerDependenciesMeta: { bufferutil: { optional: true } } },
        'node_modules/better-sqlite3': { version: '12.0.0', hasInstallScript: true },
      }),
    });
    expect(facts.nativeReasons).toEqual(['better-sqlite3 (install script)']);
  });

  test('npm: an old and a new sharp in one tree: the old one compiles', async () => {
    const facts = await detect({
      'package.json': '{}',
      'package-lock.json': npmLock({
        'node_modules/sharp': { version: '0.34.5', hasInstallScript: true },
        'node_modules/legacy/node_modules/sharp': { version: '0.32.6', hasInstallScript: true },
      }),
    });
    expect(facts.nativeReasons).toEqual(['sharp (install script)']);
  });

  test('yarn berry: sharp 0.34 resolved by the lockfile needs no compiler', async () => {
    const lock = '__metadata:\n  version: 8\n\n"sharp@npm:^0.34.1":\n  version: 0.34.5\n  resolution: "sharp@npm:0.34.5"\n';
    expect((await detect({ 'package.json': '{"dependencies":{"sharp":"^0.34.1"}}', 'yarn.lock': lock })).native).toBe(false);
  });

  test('no lockfile: the range in package.json decides', async () => {
    expect((await detect({ 'package.json': '{"dependencies":{"sharp":"^0.34.1"}}' })).native).toBe(false);
    expect((await detect({ 'package.json': '{"dependencies":{"sharp":"^0.32.0"}}' })).nativeReasons).toEqual(['sharp']);
  });
});
