// Workspace detection: the root, lockfile, package and its workspace dependencies, on the three real
// workspace fixtures (made by npm, pnpm 10 and yarn 4) and on in-memory trees for the edge cases.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectWorkspace } from '../../src/detect/workspace.js';
import { ancestorFs } from '../../src/detect/workspace-fs.js';
import { readTopLevelList } from '../../src/detect/yaml-list.js';
import { UsageError } from '../../src/errors.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { memoryFs } from '../support/memory-fs.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const onDisk = (rel: string) => {
  const dir = path.join(FIXTURES, rel);
  return detectWorkspace(nodeProjectFs(dir), { dirSegments: dir.split(path.sep).filter(Boolean) });
};
/** A tree whose top is the repository (it has .git), with [dir] at `dir` inside it. */
const inTree = (files: Record<string, string>, dir: string) =>
  detectWorkspace(memoryFs({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, dir), { dirSegments: ['home', 'repo', ...dir.split('/')] });
const pkg = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('the workspace fixtures', () => {
  test.each([
    ['workspace-npm', 'npm', 'package-lock.json', 'package.json workspaces', '@fixture-npm', false],
    ['workspace-pnpm', 'pnpm', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '@fixture-pnpm', true],
    ['workspace-yarn', 'yarn', 'yarn.lock', 'package.json workspaces', '@fixture-yarn', false],
  ] as const)('%s/apps/api: %s workspace, shared is its one workspace dependency', async (fixture, manager, lockfile, declaredIn, scope, builds) => {
    const ws = await onDisk(`${fixture}/apps/api`);
    expect(ws).toMatchObject({ manager, root: '../..', declaredIn, packageDir: 'apps/api', packageName: `${scope}/api`, lockfile });
    expect(ws?.packages.map((p) => `${p.dir}=${p.name}`)).toEqual([`apps/api=${scope}/api`, `apps/other=${scope}/other`, `packages/shared=${scope}/shared`]);
    expect(ws?.dependencies).toEqual([{ name: `${scope}/shared`, dir: 'packages/shared', devOnly: false, builds }]);
    expect(ws?.monorepoTool).toBeUndefined();
  });

  test('apps/other depends on no workspace package', async () => {
    expect((await onDisk('workspace-npm/apps/other'))?.dependencies).toEqual([]);
  });

  test('a plain app is in no workspace: the search stops at the repository root (.git)', async () => {
    expect(await onDisk('express-cjs')).toBeUndefined();
  });

  test('the workspace root itself is not a workspace package', async () => {
    expect(await onDisk('workspace-npm')).toBeUndefined();
  });
});

describe('finding the root', () => {
  const npmRoot = { 'package.json': pkg({ workspaces: ['apps/*', 'packages/*'] }), 'package-lock.json': '{}' };

  test('workspaces in object form ({ packages: [...] }), yarn.lock: yarn', async () => {
    const ws = await inTree({ 'package.json': pkg({ workspaces: { packages: ['apps/*'], nohoist: ['**/x'] } }), 'yarn.lock': '', 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    expect(ws).toMatchObject({ manager: 'yarn', lockfile: 'yarn.lock', packageDir: 'apps/api' });
  });

  test('packageManager at the root names the manager even before a lockfile exists', async () => {
    const ws = await inTree({ 'package.json': pkg({ packageManager: 'yarn@4.9.2', workspaces: ['apps/*'] }), 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    expect(ws).toMatchObject({ manager: 'yarn' });
    expect(ws?.lockfile).toBeUndefined();
  });

  test('a root above the repository root is not looked at', async () => {
    const files = { 'package.json': pkg({ workspaces: ['repo/apps/*'] }), 'repo/.git/HEAD': 'x', 'repo/package.json': pkg({ name: 'repo' }), 'repo/apps/api/package.json': pkg({ name: 'api' }) };
    const ws = await detectWorkspace(memoryFs(files, 'repo/apps/api'), { dirSegments: ['top', 'repo', 'apps', 'api'] });
    expect(ws).toBeUndefined();
  });

  test('the walk ends at the filesystem root (dirSegments), not in an endless "../../.."', async () => {
    const fs = memoryFs({ 'app/package.json': pkg({ name: 'app' }) }, 'app');
    expect(await detectWorkspace(fs, { dirSegments: ['app'] })).toBeUndefined();
  });

  test('nested packages: ** reaches apps/group/api; an exclusion drops a match', async () => {
    const files = {
      'pnpm-workspace.yaml': "packages:\n  - 'apps/**'\n  - '!**/fixtures/**'\n",
      'apps/group/api/package.json': pkg({ name: 'api', dependencies: { lib: 'workspace:^' } }),
      'apps/group/lib/package.json': pkg({ name: 'lib' }),
      'apps/group/fixtures/x/package.json': pkg({ name: 'x' }),
      'apps/group/api/node_modules/y/package.json': pkg({ name: 'y' }),
    };
    const ws = await inTree(files, 'apps/group/api');
    expect(ws?.packages.map((p) => p.dir)).toEqual(['apps/group/api', 'apps/group/lib']);
    expect(ws?.dependencies.map((d) => d.name)).toEqual(['lib']);
  });

  test('[dir] under the root but not one of its packages: exit-2 error that says so', async () => {
    const run = inTree({ ...npmRoot, 'tools/x/package.json': pkg({ name: 'x' }) }, 'tools/x');
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/tools\/x is inside the workspace at \.\.\/\.\. but not one of its packages/);
  });

  test.each([['../outside'], ['/abs/*'], ['apps/{a,b}'], ['apps/../..']])('pattern %s is refused with one line', async (pattern) => {
    const run = inTree({ 'package.json': pkg({ workspaces: [pattern] }), 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    await expect(run).rejects.toThrow(/package\.json workspaces: cannot use pattern/);
  });

  test('a malformed workspace package.json names the file', async () => {
    const run = inTree({ ...npmRoot, 'apps/api/package.json': pkg({ name: 'api' }), 'packages/bad/package.json': '{ nope' }, 'apps/api');
    await expect(run).rejects.toThrow(/\.\.\/\.\.\/packages\/bad\/package\.json is not valid JSON/);
  });

  test('a package without a name cannot be installed by name', async () => {
    await expect(inTree({ ...npmRoot, 'apps/api/package.json': pkg({}) }, 'apps/api')).rejects.toThrow(/has no "name"/);
  });

  test('pnpm-workspace.yaml it cannot read is an error, not a guess', async () => {
    const run = inTree({ 'pnpm-workspace.yaml': 'packages:\n  apps: "*"\n', 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    await expect(run).rejects.toThrow(/cannot read \.\.\/\.\.\/pnpm-workspace\.yaml: unexpected line/);
  });

  test.each([['turbo.json', 'turbo'], ['nx.json', 'nx']])('%s at the root: monorepo tool %s', async (file, tool) => {
    const ws = await inTree({ ...npmRoot, [file]: '{}', 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    expect(ws?.monorepoTool).toBe(tool);
  });

  const pnpmLock = (rootImporter: string) => `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n${rootImporter}\n  apps/api: {}\n`;
  const turboLock = pnpmLock('    devDependencies:\n      turbo:\n        specifier: ^2.5.0\n        version: 2.5.8\n');
  const npmTurboLock = JSON.stringify({ lockfileVersion: 3, packages: { '': { workspaces: ['apps/*'], devDependencies: { turbo: '^2.5.0' } }, 'node_modules/turbo': { version: '2.5.8' } } });
  const pnpmTurbo = { 'pnpm-workspace.yaml': 'packages: [apps/*]\n', 'pnpm-lock.yaml': turboLock, 'turbo.json': '{}', 'package.json': pkg({ packageManager: 'pnpm@10.34.8' }) };
  const npmTurbo = { 'package.json': pkg({ workspaces: ['apps/*'], packageManager: 'npm@11.17.0' }), 'package-lock.json': npmTurboLock, 'turbo.json': '{}' };
  test.each([
    ['pnpm-lock.yaml', pnpmTurbo, 'pnpm'],
    ['package-lock.json', npmTurbo, 'npm'],
  ])('turbo.json, turbo pinned for the root by %s and a packageManager: the version turbo prune runs at', async (_lock, files, manager) => {
    const ws = await inTree({ ...files, 'apps/api/package.json': pkg({ name: 'api' }) }, 'apps/api');
    expect(ws).toMatchObject({ manager, monorepoTool: 'turbo', turboVersion: '2.5.8' });
  });

  test.each([
    ['no turbo in the lockfile', { ...pnpmTurbo, 'pnpm-lock.yaml': pnpmLock('    {}\n') }],
    ['no turbo.json', { ...pnpmTurbo, 'turbo.json': undefined }],
    ['no packageManager in the root package.json (turbo 2 refuses to prune then)', { ...npmTurbo, 'package.json': pkg({ workspaces: ['apps/*'] }) }],
    ['turbo only in node_modules/, not a root dependency', { ...npmTurbo, 'package-lock.json': JSON.stringify({ packages: { '': {}, 'node_modules/turbo': { version: '2.5.8' } } }) }],
    ['a package-lock.json that is not JSON', { ...npmTurbo, 'package-lock.json': '{ nope' }],
  ])('%s: no turbo version, so no prune stage', async (_case, files) => {
    const tree = Object.fromEntries(Object.entries({ ...files, 'apps/api/package.json': pkg({ name: 'api' }) }).filter((e): e is [string, string] => e[1] !== undefined));
    const ws = await inTree(tree, 'apps/api');
    expect(ws).toBeDefined();
    expect(ws?.turboVersion).toBeUndefined();
  });
});

describe('workspace dependencies', () => {
  const tree = (manager: 'npm' | 'pnpm', api: Record<string, unknown>, others: Record<string, Record<string, unknown>>) => {
    const files: Record<string, string> =
      manager === 'pnpm' ? { 'pnpm-workspace.yaml': 'packages: [apps/*, packages/*]\n' } : { 'package.json': pkg({ workspaces: ['apps/*', 'packages/*'] }) };
    files['apps/api/package.json'] = pkg({ name: 'api', ...api });
    for (const [name, fields] of Object.entries(others)) files[`packages/${name}/package.json`] = pkg({ name, version: '1.2.0', ...fields });
    return inTree(files, 'apps/api');
  };

  test('transitive, each after what it depends on; a build script is reported', async () => {
    const ws = await tree('npm', { dependencies: { a: '^1.0.0' } }, { a: { dependencies: { b: '*' } }, b: { scripts: { build: 'tsc' } }, c: {} });
    expect(ws?.dependencies).toEqual([
      { name: 'b', dir: 'packages/b', devOnly: false, builds: true },
      { name: 'a', dir: 'packages/a', devOnly: false, builds: false },
    ]);
  });

  test('npm: a range the workspace version does not satisfy comes from the registry, not the workspace', async () => {
    const ws = await tree('npm', { dependencies: { a: '^2.0.0' } }, { a: {} });
    expect(ws?.dependencies).toEqual([]);
  });

  test('pnpm: only workspace: links (link-workspace-packages is off by default)', async () => {
    const ws = await tree('pnpm', { dependencies: { a: '^1.0.0', b: 'workspace:~' } }, { a: {}, b: {} });
    expect(ws?.dependencies.map((d) => d.name)).toEqual(['b']);
  });

  test('a workspace: alias resolves to the aliased package', async () => {
    const ws = await tree('pnpm', { dependencies: { alias: 'workspace:b@*' } }, { b: {} });
    expect(ws?.dependencies.map((d) => d.name)).toEqual(['b']);
  });

  test('devDependencies: needed to build only; also reached through production: production', async () => {
    const ws = await tree('npm', { dependencies: { a: '*' }, devDependencies: { tooling: '*', b: '*' } }, { a: { dependencies: { b: '*' } }, b: {}, tooling: {} });
    expect(ws?.dependencies.map((d) => `${d.name}:${d.devOnly ? 'dev' : 'prod'}`).sort()).toEqual(['a:prod', 'b:prod', 'tooling:dev']);
  });

  test('a dev dependency first seen on a dev path and later on a production one is production, with its own deps', async () => {
    const ws = await tree('npm', { devDependencies: { b: '*' }, dependencies: { a: '*' } }, { a: { dependencies: { b: '*' } }, b: { dependencies: { c: '*' } }, c: {} });
    expect(ws?.dependencies.filter((d) => d.devOnly)).toEqual([]);
  });

  test('cycles end: each package once', async () => {
    const ws = await tree('npm', { dependencies: { a: '*' } }, { a: { dependencies: { b: '*' } }, b: { dependencies: { a: '*', api: '*' } } });
    expect(ws?.dependencies.map((d) => d.name)).toEqual(['b', 'a']);
  });
});

describe('reading parents and pnpm-workspace.yaml', () => {
  test('ancestorFs refuses any path that would leave its root', async () => {
    const fs = ancestorFs(memoryFs({ 'a/b': 'x' }, 'a/c'), 1);
    expect(await fs.read('b')).toBe('x');
    for (const bad of ['../b', 'x/../../b', '/etc/passwd', 'b\0', 'a\\b']) await expect(fs.read(bad)).rejects.toThrow(/refusing path outside its root/);
  });

  test.each([
    ['block, quoted and plain, comments', 'packages:\n  # apps\n  - "apps/*"   # all apps\n  - packages/*\n\nonlyBuiltDependencies:\n  - esbuild\n', ['apps/*', 'packages/*']],
    ['flow form', "packages: ['apps/*', \"libs/**\"] # x\n", ['apps/*', 'libs/**']],
    ['no packages key', 'catalog:\n  react: ^19\n', []],
    ['negation must be quoted', "packages:\n  - '!**/test/**'\n", ['!**/test/**']],
  ])('%s', (_name, text, items) => {
    expect(readTopLevelList(text, 'packages')).toEqual({ ok: true, items });
  });

  test.each([['a map under packages', 'packages:\n  a: b\n'], ['an anchor', 'packages:\n  - &x apps/*\n'], ['a tag', 'packages:\n  - !foo\n'], ['a scalar', 'packages: apps/*\n']])('%s is refused', (_name, text) => {
    expect(readTopLevelList(text, 'packages').ok).toBe(false);
  });
});
