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
      '@Other-Co:registry = https://other.example.com/',
      '//npm.example.com/:_authToken=${NPM_TOKEN}',
      'always-auth=true',
      '',
    ].join('\n'));
    expect(facts.registry).toEqual({
      url: 'https://npm.example.com/repository/npm/',
      scopes: [
        { scope: '@acme', url: 'https://npm.example.com/repository/acme/' },
        { scope: '@Other-Co', url: 'https://other.example.com/' },
      ],
      hasToken: true,
      tokenEnv: ['NPM_TOKEN'],
    });
    expect(facts.warnings).toEqual([]);
  });

  test('a literal token: present, warned about, and its value appears nowhere in the facts', async () => {
    const facts = await detect(`//registry.npmjs.org/:_authToken=${SECRET}\n`);
    expect(facts.registry).toEqual({ scopes: [], hasToken: true, tokenEnv: [] });
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
