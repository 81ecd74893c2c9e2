// Package manager, version, lockfile and yarn flavour.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

const detect = async (files: Record<string, string>) => detectProject(memoryFs({ 'index.js': '', ...files }));
const manifest = (packageManager?: string) => JSON.stringify(packageManager === undefined ? {} : { packageManager });

describe('package manager', () => {
  test('no lockfile, no field: npm without lockfile', async () => {
    expect((await detect({ 'package.json': manifest() })).packageManager).toEqual({ name: 'npm' });
  });

  test('npm-shrinkwrap.json is preferred over package-lock.json, as npm does', async () => {
    const facts = await detect({ 'package.json': manifest(), 'package-lock.json': '{}', 'npm-shrinkwrap.json': '{}' });
    expect(facts.packageManager).toEqual({ name: 'npm', lockfile: 'npm-shrinkwrap.json' });
    expect(facts.warnings).toEqual([]);
  });

  test('packageManager with a Corepack hash: exact version without the hash', async () => {
    const facts = await detect({ 'package.json': manifest('pnpm@10.4.1+sha512.c753b6c3ad7afa13af388fa6d808035a008e30ea9993f58c6663e2bc5ff21679aa834db094987129aa4d488b86df57f7b634981b2f827cdcacc698cc0cfb88af'), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
    expect(facts.packageManager).toEqual({ name: 'pnpm', version: '10.4.1', lockfile: 'pnpm-lock.yaml' });
  });

  test('several lockfiles without a field: a warning naming --package-manager', async () => {
    const facts = await detect({ 'package.json': manifest(), 'package-lock.json': '{}', 'yarn.lock': '# yarn lockfile v1\n' });
    expect(facts.packageManager.name).toBe('npm');
    expect(facts.warnings.join('\n')).toMatch(/several package managers.*--package-manager/);
  });

  test('the field names a manager whose lockfile is missing: warned', async () => {
    const facts = await detect({ 'package.json': manifest('pnpm@9.15.9'), 'package-lock.json': '{}' });
    expect(facts.packageManager).toEqual({ name: 'pnpm', version: '9.15.9' });
    expect(facts.warnings.join('\n')).toContain('only package-lock.json exists');
  });

  test('a malformed field is ignored with a warning and the lockfile decides', async () => {
    const facts = await detect({ 'package.json': manifest('bun@1.2.0'), 'yarn.lock': '# yarn lockfile v1\n' });
    expect(facts.packageManager).toEqual({ name: 'yarn', lockfile: 'yarn.lock', yarnBerry: false });
    expect(facts.warnings.join('\n')).toContain('ignoring package.json packageManager "bun@1.2.0"');
  });

  test('a range instead of a version keeps the manager, warns, and has no version', async () => {
    const facts = await detect({ 'package.json': manifest('yarn@^4'), 'yarn.lock': '__metadata:\n  version: 8\n' });
    expect(facts.packageManager).toEqual({ name: 'yarn', lockfile: 'yarn.lock', yarnBerry: true });
    expect(facts.warnings.join('\n')).toContain('has no exact version');
  });

  test('devEngines.packageManager when packageManager is absent', async () => {
    const facts = await detect({ 'package.json': JSON.stringify({ devEngines: { packageManager: { name: 'pnpm', version: '10.4.1' } } }), 'pnpm-lock.yaml': '' });
    expect(facts.packageManager).toEqual({ name: 'pnpm', version: '10.4.1', lockfile: 'pnpm-lock.yaml' });
  });

  test('devEngines with a range: the manager without a version, and a warning naming the field', async () => {
    const facts = await detect({ 'package.json': JSON.stringify({ devEngines: { packageManager: { name: 'yarn', version: '^1.22.0' } } }), 'yarn.lock': '# yarn lockfile v1\n' });
    expect(facts.packageManager).toEqual({ name: 'yarn', lockfile: 'yarn.lock', yarnBerry: false });
    expect(facts.warnings).toEqual(['package.json devEngines.packageManager "yarn@^1.22.0" has no exact version: the image installs this tool\'s default yarn version']);
  });

  test('packageManager wins over devEngines', async () => {
    const facts = await detect({ 'package.json': JSON.stringify({ packageManager: 'pnpm@9.15.9', devEngines: { packageManager: { name: 'npm' } } }), 'pnpm-lock.yaml': '' });
    expect(facts.packageManager.name).toBe('pnpm');
  });

  test('bun lockfile alone: npm, with a warning', async () => {
    const facts = await detect({ 'package.json': manifest(), 'bun.lock': '{}' });
    expect(facts.packageManager).toEqual({ name: 'npm' });
    expect(facts.warnings.join('\n')).toContain('bun.lock found');
  });
});

describe('workspace packages', () => {
  test('no lockfile here but a workspace root above: warned', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': '{"private":true,"workspaces":["packages/*"]}',
      'package-lock.json': '{}',
      'packages/api/package.json': '{}',
      'packages/api/index.js': '',
    }, 'packages/api'));
    expect(facts.packageManager).toEqual({ name: 'npm' });
    expect(facts.warnings).toEqual([
      'this looks like a package inside a workspace whose lockfile is ../../package-lock.json: the image is built from this directory alone, which has no lockfile (workspaces are not supported yet)',
    ]);
  });

  test('pnpm-workspace.yaml marks the root too', async () => {
    const facts = await detectProject(memoryFs({
      'pnpm-workspace.yaml': "packages: ['apps/*']\n",
      'pnpm-lock.yaml': '',
      'package.json': '{}',
      'apps/web/package.json': '{}',
    }, 'apps/web'));
    expect(facts.warnings.join('\n')).toContain('../../pnpm-lock.yaml');
  });

  test('a lockfile above that is no workspace root (an unrelated parent project): no warning', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': '{}', 'package-lock.json': '{}', 'sub/package.json': '{}' }, 'sub'));
    expect(facts.warnings).toEqual([]);
  });
});

describe('yarn berry vs classic', () => {
  test.each([
    ['packageManager yarn@4.9.1', { 'package.json': manifest('yarn@4.9.1'), 'yarn.lock': '' }, true],
    ['packageManager yarn@1.22.22 even with .yarnrc.yml', { 'package.json': manifest('yarn@1.22.22'), 'yarn.lock': '', '.yarnrc.yml': '' }, false],
    ['.yarnrc.yml', { 'package.json': manifest(), 'yarn.lock': '', '.yarnrc.yml': 'nodeLinker: node-modules\n' }, true],
    ['berry lockfile', { 'package.json': manifest(), 'yarn.lock': '# This file is generated by running "yarn install"\n\n__metadata:\n  version: 8\n' }, true],
    ['classic lockfile', { 'package.json': manifest(), 'yarn.lock': '# THIS IS AN AUTOGENERATED FILE.\n# yarn lockfile v1\n' }, false],
  ])('%s', async (_name, files, berry) => {
    expect((await detect(files)).packageManager.yarnBerry).toBe(berry);
  });
});
