// test/fixtures/node-release-index.json is HAND-MADE in the real format of
// https://nodejs.org/dist/index.json (that host is unreachable where these tests were written):
// newest first, "version" with a leading v, "lts" false or the codename, "date", "security".
// It has 20.x, 22.x, 24.x LTS lines, 25.x, 26.x (LTS since its 26.6.0 entry) and 27.x Current.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageResolutionError, UsageError } from '../../src/errors.js';
import { chooseCandidates, parseReleaseIndex } from '../../src/image/release-index.js';
import { nodeRange } from '../../src/core/validate.js';

const releases = parseReleaseIndex(JSON.parse(readFileSync(new URL('../fixtures/node-release-index.json', import.meta.url), 'utf8')));
const newest = (range?: string) => chooseCandidates(releases, range === undefined ? undefined : nodeRange(range)).candidates[0]?.version;

describe('release index: which Node version', () => {
  it('parses the index: versions without "v", newest first, LTS codenames', () => {
    expect(releases[0]).toMatchObject({ version: '27.2.0', lts: false, security: true });
    expect(releases.find((r) => r.version === '24.21.0')?.lts).toBe('Krypton');
  });

  it.each([
    [undefined, '26.6.0'],
    ['>=20', '26.6.0'],
    ['^22', '22.22.0'],
    ['20.x', '20.20.0'],
    ['<24', '22.22.0'],
    ['24.20.0', '24.20.0'],
  ])('range %s -> newest LTS %s', (range, expected) => {
    expect(newest(range)).toBe(expected);
  });

  it('lists older LTS releases after the newest, so a missing image can be walked past', () => {
    expect(chooseCandidates(releases, '>=24').candidates.slice(0, 3).map((r) => r.version)).toEqual(['26.6.0', '24.21.0', '24.20.0']);
  });

  it('>=27 excludes every LTS line: newest Current with a warning', () => {
    const choice = chooseCandidates(releases, '>=27');
    expect(choice.candidates[0]?.version).toBe('27.2.0');
    expect(choice.lts).toBe(false);
    expect(choice.warnings.join('\n')).toMatch(/excludes every LTS.*27\.2\.0.*not LTS/);
  });

  it('an impossible range is a clear exit-4 error naming the range and the newest release', () => {
    expect(() => chooseCandidates(releases, '>=99')).toThrow(ImageResolutionError);
    expect(() => chooseCandidates(releases, '>=99')).toThrow(/No Node.js release satisfies ">=99" \(the newest release is 27\.2\.0\)/);
  });

  it('an invalid range is a usage error (exit 2), by the one Node range validator', () => {
    expect(() => nodeRange('banana')).toThrow(UsageError);
  });

  it('rejects something that is not an index (a proxy error page parsed as JSON)', () => {
    expect(() => parseReleaseIndex({ error: 'forbidden' })).toThrow(/not a JSON array/);
    expect(() => parseReleaseIndex([])).toThrow(/no releases/);
  });
});
