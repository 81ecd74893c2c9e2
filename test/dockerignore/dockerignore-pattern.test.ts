// Docker's .dockerignore matching (moby/patternmatcher), reproduced: these cases follow the
// documented behaviour at https://docs.docker.com/build/concepts/context/#dockerignore-files.
import { describe, expect, it } from 'vitest';
import { cleanPattern, isIgnored, parseDockerignore, patternMatches } from '../../src/files/dockerignore-pattern.js';

describe('patternMatches', () => {
  it.each([
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/a/b.js', true], // a matched directory excludes its contents
    ['node_modules', 'packages/a/node_modules', false], // a bare name only matches at the root
    ['**/node_modules', 'node_modules/x', true], // **/ may match no directory at all
    ['**/node_modules', 'packages/a/node_modules/x', true],
    ['*.log', 'app.log', true],
    ['*.log', 'logs/app.log', false], // * never crosses a /
    ['**/*.log', 'logs/deep/app.log', true],
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['temp?', 'temp1', true],
    ['temp?', 'temp12', false],
    ['**', 'anything/at/all', true],
    ['.env.*', '.env.local', true],
    ['.env.*', '.envrc', false], // the dot is literal
    ['[a-c].txt', 'b.txt', true],
    ['[!a].txt', 'b.txt', true],
    ['a+b', 'a+b', true], // regex characters are literal
    ['a+b', 'aab', false],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(patternMatches(pattern, path)).toBe(expected);
  });
});

describe('cleanPattern and parseDockerignore', () => {
  it.each([
    ['/node_modules', 'node_modules'],
    ['node_modules/', 'node_modules'],
    ['./src//a/../b', 'src/b'],
    ['.', ''],
  ])('cleans %s to %s', (raw, cleaned) => {
    expect(cleanPattern(raw)).toBe(cleaned);
  });

  it('skips comments and blank lines, trims, and records negation and line numbers', () => {
    expect(parseDockerignore('# c\n\n  /dist/  \r\n! .npmrc\n')).toEqual([
      { line: 3, text: '  /dist/  ', negated: false, pattern: 'dist' },
      { line: 4, text: '! .npmrc', negated: true, pattern: '.npmrc' },
    ]);
  });
});

describe('isIgnored', () => {
  it('lets the last matching line win, so a later ! re-includes', () => {
    const lines = parseDockerignore('*.md\n!README*.md\nREADME-secret.md\n');
    expect(isIgnored(lines, 'CHANGELOG.md')).toBe(true);
    expect(isIgnored(lines, 'README.md')).toBe(false);
    expect(isIgnored(lines, 'README-secret.md')).toBe(true);
  });

  it('does not enter an ignored folder unless a ! pattern starts with its path (BuildKit walker)', () => {
    const lines = parseDockerignore('**\n!src\n!a/**/keep.txt\n');
    expect(isIgnored(lines, 'src/index.ts')).toBe(false);
    expect(isIgnored(lines, 'a/keep.txt')).toBe(false);
    expect(isIgnored(lines, 'a/b/keep.txt')).toBe(true); // a/b is ignored and no ! pattern starts with a/b/
    expect(isIgnored(lines, 'b/keep.txt')).toBe(true);
  });
});
