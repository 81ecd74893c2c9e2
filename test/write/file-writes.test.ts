import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDockerignore } from '../../src/files/dockerignore.js';
import { ExitCode, OverwriteRefusedError, UsageError } from '../../src/errors.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { approveOverwrites, checkRelativePath, decideWrites, blockedWritesError, type FileToWrite } from '../../src/write/file-writes.js';

const files: FileToWrite[] = [
  { path: 'Dockerfile', content: 'FROM node\n' },
  { path: 'compose.yaml', content: 'services: {}\n' },
  { path: 'README.Docker.md', content: '# Docker\n' },
  { path: 'src/graceful-shutdown.js', content: 'export {}\n' },
];
const existing = new Map<string, string | undefined>([
  ['Dockerfile', 'FROM node:20\n'],
  ['compose.yaml', 'services: {}\n'],
  ['README.Docker.md', undefined],
]);

describe('decideWrites', () => {
  it('classifies each file: missing -> create, same -> unchanged, changed -> skip without --force', () => {
    const plan = decideWrites(files, existing, { force: false });
    expect(plan.map((w) => [w.path, w.action])).toEqual([
      ['Dockerfile', 'blocked'],
      ['compose.yaml', 'unchanged'],
      ['README.Docker.md', 'create'],
      ['src/graceful-shutdown.js', 'create'],
    ]);
    expect(plan[0]?.diff).toBe('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n-FROM node:20\n+FROM node\n');
    expect(plan.filter((w) => w.action !== 'blocked').every((w) => w.diff === undefined)).toBe(true);
  });

  it('turns changed files into overwrite, with the diff, under --force', () => {
    const plan = decideWrites(files, existing, { force: true });
    expect(plan[0]).toMatchObject({ path: 'Dockerfile', action: 'overwrite', content: 'FROM node\n' });
    expect(plan[0]?.diff).toContain('-FROM node:20\n+FROM node\n');
    expect(plan[1]?.action).toBe('unchanged');
  });

  it('merges an existing .dockerignore instead of replacing it, and carries its warnings', () => {
    const rendered = renderDockerignore();
    const file: FileToWrite = { path: '.dockerignore', content: rendered, mode: 'merge-dockerignore' };
    const [fresh] = decideWrites([file], new Map(), { force: false });
    expect(fresh).toMatchObject({ action: 'create', content: rendered, warnings: [] });

    const user = '# mine\ndist\n!.npmrc\n';
    const [merged] = decideWrites([file], new Map([['.dockerignore', user]]), { force: true });
    expect(merged?.action).toBe('overwrite');
    expect(merged?.content.startsWith(user)).toBe(true);
    expect(merged?.content).toContain('**/.npmrc');
    expect(merged?.warnings).toEqual([expect.stringContaining('line 3 "!.npmrc" re-includes a secret file (.npmrc)')]);
    expect(merged?.diff?.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);

    const [again] = decideWrites([file], new Map([['.dockerignore', merged?.content]]), { force: false });
    expect(again?.action).toBe('unchanged');
  });

  it.each(['../outside', '/etc/passwd', 'src/../../x', 'a\\..\\b', 'C:/x', '', '.', 'a\nb', 'x\0y'])('rejects %j with exit 2', (bad) => {
    const attempt = () => decideWrites([{ path: bad, content: '' }], new Map(), { force: true });
    expect(attempt).toThrow(UsageError);
    try {
      attempt();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(ExitCode.usage);
      expect((error as UsageError).message).toContain(JSON.stringify(bad));
    }
  });

  it('normalizes harmless spellings and refuses the same file twice', () => {
    expect(checkRelativePath('src/./lib//x.js')).toBe('src/lib/x.js');
    expect(() => decideWrites([{ path: 'a', content: '' }, { path: './a', content: '' }], new Map(), { force: false })).toThrow('listed twice');
  });
});

describe('settling skipped files', () => {
  const plan = decideWrites(files, existing, { force: false });

  it('approveOverwrites turns only the approved skips into overwrites', () => {
    const approved = approveOverwrites(plan, ['Dockerfile', 'README.Docker.md']);
    expect(approved.map((w) => w.action)).toEqual(['overwrite', 'unchanged', 'create', 'create']);
    expect(approveOverwrites(plan, []).map((w) => w.action)).toEqual(plan.map((w) => w.action));
  });

  it('blockedWritesError is exit 3 naming the files, and nothing for a plan without blocked writes', () => {
    expect(blockedWritesError(plan)).toBeInstanceOf(OverwriteRefusedError);
    const error = blockedWritesError(plan);
    expect(error?.exitCode).toBe(ExitCode.refusedOverwrite);
    expect(error?.message).toBe(
      'Refusing to overwrite Dockerfile: it exists and would change. Re-run with --force to overwrite, or interactively to review the diff. Nothing was written.',
    );
    expect(blockedWritesError(approveOverwrites(plan, ['Dockerfile']))).toBeUndefined();
  });
});

describe('planning against a real directory (dry run)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the project and writes nothing', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20\n');
    writeFileSync(path.join(dir, 'src/server.js'), 'x\n');
    const snapshot = () => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((p) => {
      const stats = statSync(path.join(dir, p));
      return [p, stats.mtimeMs, stats.isFile() ? readFileSync(path.join(dir, p), 'utf8') : 'dir'];
    });
    const before = snapshot();
    const projectFs = nodeProjectFs(dir);
    const current = new Map(await Promise.all(files.map(async (f) => [f.path, await projectFs.read(f.path)] as const)));
    const plan = decideWrites(files, current, { force: true });
    expect(plan.map((w) => w.action)).toEqual(['overwrite', 'create', 'create', 'create']);
    expect(snapshot()).toEqual(before);
  });
});
