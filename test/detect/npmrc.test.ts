// .npmrc registry detection, and the rule that credential values never reach facts or warnings.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

const detect = (npmrc: string) => detectProject(memoryFs({ 'package.json': '{}', 'index.js': '', '.npmrc': npmrc }));
const SECRET = 'npm_SeCrEtT0kenValue1234567890abcdef';

describe('.npmrc', () => {
  test('default registry, scopes, and a token referenced from the environment', async () => {
    const facts = await detect([
      '# company registry',
      'registry=https://npm.example.com/repository/npm/',
      '@acme:registry=https://npm.example.com/repository/acme/',
      '@other-co:registry = https://other.example.com/',
      '//npm.example.com/:_authToken=${NPM_TOKEN}',
      'always-auth=true',
      '',
    ].join('\n'));
    expect(facts.registry).toEqual({
      url: 'https://npm.example.com/repository/npm/',
      scopes: [
        { scope: '@acme', url: 'https://npm.example.com/repository/acme/' },
        { scope: '@other-co', url: 'https://other.example.com/' },
      ],
      hasToken: true,
     
      source: '.npmrc',
    });
    expect(facts.warnings).toEqual([]);
  });

  test('a literal token: present, warned about, and its value appears nowhere in the facts', async () => {
    const facts = await detect(`//registry.npmjs.org/:_authToken=${SECRET}\n`);
    expect(facts.registry).toEqual({ scopes: [], hasToken: true, source: '.npmrc' });
    expect(facts.warnings.join('\n')).toContain('literal credential');
    expect(JSON.stringify(facts)).not.toContain(SECRET);
    expect(JSON.stringify(facts)).not.toContain(SECRET.slice(0, 12));
  });

  test.each([
    ['_auth', `_auth=${SECRET}`],
    ['_password', `//r.example.com/:_password=${SECRET}`],
    ['password with spaces', `//r.example.com/:_password = ${SECRET}`],
  ])('%s counts as a credential and is not copied', async (_name, line) => {
    const facts = await detect(`${line}\n`);
    expect(facts.registry?.hasToken).toBe(true);
    expect(JSON.stringify(facts)).not.toContain(SECRET);
  });

  test('a scope npm would not accept is skipped with a warning', async () => {
    const facts = await detect('@Bad Scope:registry=https://x.example.com/\n@ok:registry=https://ok.example.com/\n');
    expect(facts.registry?.scopes).toEqual([{ scope: '@ok', url: 'https://ok.example.com/' }]);
    expect(facts.warnings).toEqual(['ignoring the .npmrc line for scope "@Bad Scope": npm scope names are lowercase letters, digits and . _ -']);
  });

  test('the public registry alone is no private registry', async () => {
    expect((await detect('registry=https://registry.npmjs.org/\nsave-exact=true\n')).registry).toBeUndefined();
  });

  test('settings without registry or credentials: undefined', async () => {
    expect((await detect('engine-strict=true\n; comment\n')).registry).toBeUndefined();
  });

  test('no .npmrc: undefined', async () => {
    expect((await detectProject(memoryFs({ 'package.json': '{}' }))).registry).toBeUndefined();
  });
});

describe('.yarnrc.yml (yarn 2+ ignores .npmrc)', () => {
  const berry = (yarnrc: string, npmrc?: string) =>
    detectProject(memoryFs({
      'package.json': '{"packageManager":"yarn@4.9.2"}',
      'yarn.lock': '__metadata:\n  version: 8\n',
      'index.js': '',
      '.yarnrc.yml': yarnrc,
      ...(npmrc === undefined ? {} : { '.npmrc': npmrc }),
    }));

  test('server, scopes and tokens by variable name; .npmrc is not consulted', async () => {
    const facts = await berry(
      [
        'nodeLinker: node-modules',
        'npmRegistryServer: "https://npm.example.com/"',
        'npmScopes:',
        '  acme:',
        '    npmRegistryServer: "https://npm.acme.example/"  # company',
        '    npmAuthToken: "${ACME_TOKEN}"',
        '    npmAlwaysAuth: true',
        '  "@other":',
        "    npmRegistryServer: 'https://other.example/'",
        'npmRegistries:',
        '  "//npm.example.com":',
        '    npmAuthToken: ${NPM_TOKEN:-}',
        '',
      ].join('\n'),
      '@ignored:registry=https://ignored.example/\n',
    );
    expect(facts.registry).toEqual({
      url: 'https://npm.example.com/',
      scopes: [
        { scope: '@acme', url: 'https://npm.acme.example/' },
        { scope: '@other', url: 'https://other.example/' },
      ],
      hasToken: true,
      source: '.yarnrc.yml',
    });
    expect(facts.warnings).toEqual([]);
  });

  test('a literal token is warned about and never copied', async () => {
    const facts = await berry(`npmAuthToken: ${SECRET}\n`);
    expect(facts.registry).toMatchObject({ hasToken: true });
    expect(facts.warnings.join('\n')).toContain('literal npmAuthToken');
    expect(JSON.stringify(facts)).not.toContain(SECRET);
  });

  test('only the public registry and a linker: no private registry', async () => {
    expect((await berry('nodeLinker: node-modules\nnpmRegistryServer: "https://registry.yarnpkg.com"\n')).registry).toBeUndefined();
  });
});
