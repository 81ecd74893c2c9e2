// Node constraints from engines.node, .nvmrc and .node-version, normalised to semver ranges.
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { normaliseNodeVersion } from '../../src/detect/node-range.js';
import { memoryFs } from '../support/memory-fs.js';

describe('normaliseNodeVersion', () => {
  test.each([
    ['22', '22'],
    ['v22', '22'],
    ['v22.11.0', '22.11.0'],
    ['>=v20 <25', '>=20 <25'],
    ['^24.3', '^24.3'],
    ['lts/jod', '22.x'],
    ['lts/Krypton', '24.x'],
    ['lts/*', undefined],
    ['node', undefined],
  ])('%j -> %j', (written, range) => {
    const warnings: string[] = [];
    expect(normaliseNodeVersion(written, '.nvmrc', warnings)).toBe(range);
    expect(warnings).toEqual([]);
    if (range !== undefined) expect(semver.validRange(range)).not.toBeNull();
  });

  test.each([
    ['lts/futurename', 'does not know'],
    ['iojs', 'not a Node version'],
    ['22; rm -rf /', 'not a Node version'],
  ])('%j warns (%s) and gives no range', (written, message) => {
    const warnings: string[] = [];
    expect(normaliseNodeVersion(written, '.nvmrc', warnings)).toBeUndefined();
    expect(warnings.join('\n')).toContain(message);
  });
});

describe('sources', () => {
  const detect = (files: Record<string, string>) => detectProject(memoryFs({ 'index.js': '', ...files }));

  test('engines.node first', async () => {
    const facts = await detect({ 'package.json': '{"engines":{"node":">=22"}}', '.nvmrc': '24\n' });
    expect(facts).toMatchObject({ nodeRange: '>=22', nodeRangeSource: 'engines.node', warnings: [] });
  });

  test('.nvmrc, first non-comment line, before .node-version', async () => {
    const facts = await detect({ 'package.json': '{}', '.nvmrc': '# team version\nv24.1.0\n', '.node-version': '24' });
    expect(facts).toMatchObject({ nodeRange: '24.1.0', nodeRangeSource: '.nvmrc' });
  });

  test('.node-version alone', async () => {
    const facts = await detect({ 'package.json': '{}', '.node-version': 'v26\n' });
    expect(facts).toMatchObject({ nodeRange: '26', nodeRangeSource: '.node-version' });
  });

  test('sources that disagree: a warning that names both and --node', async () => {
    const facts = await detect({ 'package.json': '{"engines":{"node":"^20"}}', '.nvmrc': 'lts/krypton' });
    expect(facts.nodeRange).toBe('^20');
    expect(facts.warnings).toEqual(['engines.node (^20) and .nvmrc (24.x) disagree: using engines.node; pass --node to choose']);
  });

  test('lts/* gives no range and no source: the resolver picks the current LTS', async () => {
    const facts = await detect({ 'package.json': '{}', '.nvmrc': 'lts/*' });
    expect(facts.nodeRange).toBeUndefined();
    expect(facts.nodeRangeSource).toBeUndefined();
  });

  test('an invalid engines.node falls back to .nvmrc', async () => {
    const facts = await detect({ 'package.json': '{"engines":{"node":"latest and greatest"}}', '.nvmrc': '22' });
    expect(facts).toMatchObject({ nodeRange: '22', nodeRangeSource: '.nvmrc' });
    expect(facts.warnings.join('\n')).toContain('ignoring engines.node "latest and greatest"');
  });
});
