import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCKERIGNORE_ENTRIES,
  MERGE_HEADER,
  mergeDockerignore,
  renderDockerignore,
  requiredDockerignoreLines,
} from '../../src/files/dockerignore.js';
import { isIgnored, parseDockerignore } from '../../src/files/dockerignore-pattern.js';

const ignoredBy = (text: string, path: string) => isIgnored(parseDockerignore(text), path);

// One path per entry the issue asks for, at the root and where it matters nested.
const MUST_BE_IGNORED = [
  'node_modules/express/index.js', 'packages/api/node_modules/x/index.js', 'npm-debug.log', 'npm-debug.log.4242',
  'yarn-error.log', '.git/HEAD', '.gitignore', 'Dockerfile', 'Dockerfile.dev', '.dockerignore', 'compose.yaml',
  'compose.override.yml', 'docker-compose.yml', '.npmrc', 'packages/api/.npmrc', '.yarnrc', '.yarnrc.yml', '.env',
  '.env.production', 'config/.env.local', 'certs/server.pem', 'server.key', 'id_rsa', 'keys/id_rsa.pub',
  'coverage/lcov.info', '.nyc_output/out.json', '.vscode/settings.json', '.idea/workspace.xml', 'src/.server.js.swp',
  'logs/app.txt', 'server.log',
];

// What a build needs: manifests, lockfiles, tsconfig, sources, yarn berry's release.
const BUILD_NEEDS = [
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml',
  'tsconfig.json', 'tsconfig.build.json', 'src/index.ts', 'src/logs/logger.ts', 'src/coverage.ts', 'src/env.ts',
  'lib/keys.js', 'server.js', 'public/index.html', 'packages/api/package.json', '.yarn/releases/yarn-4.5.0.cjs',
  '.nvmrc', 'binding.gyp',
];

describe('renderDockerignore', () => {
  const rendered = renderDockerignore();

  it.each(MUST_BE_IGNORED)('ignores %s', (path) => {
    expect(ignoredBy(rendered, path)).toBe(true);
  });

  it.each(BUILD_NEEDS)('never ignores %s, which the build needs', (path) => {
    expect(ignoredBy(rendered, path)).toBe(false);
  });

  it('groups the entries under comments, one entry per line, each entry once', () => {
    const lines = rendered.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('# ')).length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((l) => l !== '' && !l.startsWith('#'))).toEqual([...DOCKERIGNORE_ENTRIES]);
    expect(new Set(DOCKERIGNORE_ENTRIES).size).toBe(DOCKERIGNORE_ENTRIES.length);
  });

  it('keeps .yarnrc.yml for yarn berry with a trailing re-include, and still ignores .yarnrc', () => {
    const berry = renderDockerignore({ keep: ['.yarnrc.yml', '.yarn/releases/yarn-4.5.0.cjs'] });
    expect(ignoredBy(berry, '.yarnrc.yml')).toBe(false);
    expect(ignoredBy(berry, '.yarnrc')).toBe(true);
    expect(berry.trimEnd().split('\n').slice(-2)).toEqual(['# Needed by the build', '!.yarnrc.yml']);
    expect(requiredDockerignoreLines({ keep: ['.yarnrc.yml'] }).at(-1)).toBe('!.yarnrc.yml');
  });

  it('adds no re-include for a kept path that nothing ignores', () => {
    expect(renderDockerignore({ keep: ['.yarn/releases/yarn-4.5.0.cjs'] })).toBe(rendered);
  });
});

describe('mergeDockerignore', () => {
  const required = requiredDockerignoreLines();

  it("keeps the user's lines verbatim and in order, then appends what is missing under one header", () => {
    const user = '# mine\n*.md\n!README.md\n\ntmp/\n';
    const { text, added } = mergeDockerignore(user, required);
    expect(text.startsWith(user)).toBe(true);
    expect(text.slice(user.length)).toBe(`\n${MERGE_HEADER}\n${required.join('\n')}\n`);
    expect(added).toEqual(required);
  });

  it('counts equivalent spellings as present: trailing slash, leading slash, ./', () => {
    const user = '**/node_modules/\n/.git\n./Dockerfile*\n/coverage/\n';
    const { added } = mergeDockerignore(user, required);
    expect(added).not.toContain('**/node_modules');
    expect(added).not.toContain('.git');
    expect(added).not.toContain('Dockerfile*');
    expect(added).not.toContain('coverage');
    expect(added).toContain('**/.npmrc');
  });

  it('adds **/node_modules next to a root-only node_modules, because nested copies would reach the context', () => {
    const { text, added } = mergeDockerignore('node_modules\n', required);
    expect(added).toContain('**/node_modules');
    expect(ignoredBy('node_modules\n', 'packages/a/node_modules/x.js')).toBe(false);
    expect(ignoredBy(text, 'packages/a/node_modules/x.js')).toBe(true);
  });

  it('is a no-op on its own output (text, nothing added)', () => {
    const first = mergeDockerignore('node_modules/\n!.npmrc\n', required);
    const second = mergeDockerignore(first.text, required);
    expect(second.text).toBe(first.text);
    expect(second.added).toEqual([]);
  });

  it('leaves a file that already has everything byte-for-byte unchanged', () => {
    const rendered = renderDockerignore();
    expect(mergeDockerignore(rendered, required)).toEqual({ text: rendered, added: [], warnings: [] });
  });

  it('keeps CRLF line endings and separates a file without a final newline', () => {
    expect(mergeDockerignore('a\r\nb\r\n', ['c']).text).toBe(`a\r\nb\r\n\r\n${MERGE_HEADER}\r\nc\r\n`);
    expect(mergeDockerignore('a', ['c']).text).toBe(`a\n\n${MERGE_HEADER}\nc\n`);
    expect(mergeDockerignore('', ['c']).text).toBe(`${MERGE_HEADER}\nc\n`);
  });

  it.each([
    ['!.npmrc', '.npmrc'],
    ['!.env', '.env'],
    ['!.env.production', '.env.production'],
    ['!*.pem', 'server.pem'],
    ['!config/*.key', 'config/server.key'],
    ['!**/.env*', '.env'],
    ['  !/.npmrc  ', '.npmrc'],
  ])('warns about a user line that re-includes a secret: %s', (line, secret) => {
    const { warnings } = mergeDockerignore(`node_modules\n${line}\n`, required);
    expect(warnings).toEqual([`.dockerignore line 2 "${line.trim()}" re-includes a secret file (${secret}): the entries added below ignore it again; remove the line`]);
  });

  it('says the secret reaches the image when the re-include comes after the ignore', () => {
    const user = `${renderDockerignore()}!.env.production\n`;
    const { text, added, warnings } = mergeDockerignore(user, required);
    expect(added).toEqual([]);
    expect(text).toBe(user);
    expect(warnings).toEqual([expect.stringContaining('(.env.production): COPY . . would put it into the image')]);
  });

  it.each(['!README.md', '!.yarnrc.yml', '!src', '# !.npmrc'])('does not warn about %s', (line) => {
    expect(mergeDockerignore(`${line}\n`, required).warnings).toEqual([]);
  });

  it('property: for any user file, the merge keeps it as a prefix, puts every required line in effect, and is idempotent', () => {
    const line = fc.oneof(
      fc.constantFrom('node_modules', 'node_modules/', '/.git', '!.npmrc', '# comment', '', '  *.log  ', '!README.md', '**/.env', 'dist'),
      fc.stringMatching(/^[!#]?[a-z.*/]{1,12}$/),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, finalNewline) => {
        const user = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
        const first = mergeDockerignore(user, required);
        expect(first.text.startsWith(user)).toBe(true);
        const inEffect = new Set(parseDockerignore(first.text).map((l) => `${l.negated ? '!' : ''}${l.pattern}`));
        for (const entry of required) expect(inEffect.has(entry)).toBe(true);
        const second = mergeDockerignore(first.text, required);
        expect(second.text).toBe(first.text);
        expect(second.added).toEqual([]);
      }),
    );
  });
});
