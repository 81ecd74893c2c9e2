// The turbo version `turbo prune` runs at in the build comes from the lockfile's root: real lockfiles
// (the workspace-turbo-pnpm fixture, written by pnpm 10; workspace-nest-npm's, written by npm 11) and
// the shapes they must not misread.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { turboPinnedByNpmLockfile, turboPinnedByPnpmLockfile } from '../../src/detect/turbo-pin.js';

const FIXTURE_LOCK = readFileSync(path.resolve(import.meta.dirname, '../fixtures/workspace-turbo-pnpm/pnpm-lock.yaml'), 'utf8');
const lock = (root: string, more = '') => `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n${root}\n  apps/api:\n    dependencies:\n${more}      express:\n        specifier: ^5.1.0\n        version: 5.1.0\n\npackages: {}\n`;

describe('turbo pinned by a pnpm lockfile', () => {
  test('the fixture lockfile pnpm wrote: 2.11.13', () => {
    expect(turboPinnedByPnpmLockfile(FIXTURE_LOCK)).toBe('2.11.13');
  });

  test('a range specifier still pins the resolved version; dependencies count as devDependencies do', () => {
    expect(turboPinnedByPnpmLockfile(lock('    devDependencies:\n      turbo:\n        specifier: ^2.5.0\n        version: 2.5.8\n'))).toBe('2.5.8');
    expect(turboPinnedByPnpmLockfile(lock('    dependencies:\n      turbo:\n        specifier: 2.0.0-canary.1\n        version: 2.0.0-canary.1\n'))).toBe('2.0.0-canary.1');
  });

  test('turbo in another importer only, none at the root, or no importers: nothing', () => {
    expect(turboPinnedByPnpmLockfile(lock('    {}\n', '      turbo:\n        specifier: 2.1.0\n        version: 2.1.0\n'))).toBeUndefined();
    expect(turboPinnedByPnpmLockfile(FIXTURE_LOCK.replace(/^ {2}\.:\n(?: {3,}.*\n)+/m, '  .: {}\n'))).toBeUndefined();
    expect(turboPinnedByPnpmLockfile("lockfileVersion: '9.0'\n\npackages: {}\n")).toBeUndefined();
  });

  test('what is not an exact version is not written into a RUN line', () => {
    for (const version of ['link:../turbo', '2.5.8; rm -rf /', '^2.5.0', 'file:turbo.tgz']) {
      expect(turboPinnedByPnpmLockfile(lock(`    devDependencies:\n      turbo:\n        specifier: x\n        version: ${version}\n`)), version).toBeUndefined();
    }
  });

  test('a key named turbo under another section (peerDependenciesMeta) is not a dependency', () => {
    expect(turboPinnedByPnpmLockfile(lock('    dependenciesMeta:\n      turbo:\n        version: 2.1.0\n'))).toBeUndefined();
  });
});

describe('turbo pinned by a package-lock.json', () => {
  const npmLock = (root: unknown, turbo: unknown) => JSON.stringify({ lockfileVersion: 3, packages: { '': root, 'node_modules/turbo': turbo } });
  test('the fixture lockfile npm wrote: 2.11.13', () => {
    expect(turboPinnedByNpmLockfile(readFileSync(path.resolve(import.meta.dirname, '../fixtures/workspace-nest-npm/package-lock.json'), 'utf8'))).toBe('2.11.13');
  });

  test('a root dependency at an exact version pins; anything else does not', () => {
    expect(turboPinnedByNpmLockfile(npmLock({ dependencies: { turbo: '^2' } }, { version: '2.5.8' }))).toBe('2.5.8');
    expect(turboPinnedByNpmLockfile(npmLock({ devDependencies: { turbo: '^2' } }, { version: '2.5.8 && curl x | sh' }))).toBeUndefined();
    expect(turboPinnedByNpmLockfile(npmLock({ devDependencies: { turbo: '^2' } }, { version: 2 }))).toBeUndefined();
    expect(turboPinnedByNpmLockfile(npmLock({}, { version: '2.5.8' }))).toBeUndefined();
    expect(turboPinnedByNpmLockfile('[]')).toBeUndefined();
    expect(turboPinnedByNpmLockfile('not json')).toBeUndefined();
  });
});
