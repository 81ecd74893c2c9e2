// Issue 13 items 2, 3 and 9 (colour): the report says what happened. A refused run (exit 3) wrote
// nothing and must not list files as created or point to README.Docker.md; --json says
// "written": false (true when files were written); every failure under --json still puts exactly
// one object on stdout; colour follows stderr, where the report goes.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});
async function fixture(name = 'express-cjs') {
  const { dir, cleanup } = await copyFixture(name);
  cleanups.push(cleanup);
  return dir;
}

describe('a refused run reports what happened: nothing', () => {
  test('changed Dockerfile, no --force: exit 3, no "created", no "Next:", and --json has written: false plus the error', async () => {
    const dir = await fixture();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node\n');
    const before = (await readdir(dir)).sort();
    const result = await runInProcess(['--yes', '--offline', '--json'], { cwd: dir });
    expect(result.code).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(result.stderr).not.toMatch(/^\s+created\b/m);
    expect(result.stderr).toMatch(/^\s+would be created\s+compose\.yaml$/m);
    expect(result.stderr).toMatch(/^\s+would be blocked\s+Dockerfile$/m);
    expect(result.stderr).not.toContain('Next: see README.Docker.md');
    expect(result.stderr).toMatch(/Refusing to overwrite Dockerfile.*Nothing was written\.\n$/);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as { written: boolean; error: { code: number; message: string }; files: { path: string; action: string }[] };
    expect(json.written).toBe(false);
    expect(json.error.code).toBe(3);
    expect(json.error.message).toMatch(/^Refusing to overwrite Dockerfile/);
    expect(json.files.find((f) => f.path === 'Dockerfile')?.action).toBe('blocked');
  });

  test('a run that writes says written: true; a dry run says written: false', async () => {
    const dir = await fixture();
    const dry = await runInProcess(['--yes', '--offline', '--json', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as { written: boolean }).written).toBe(false);
    // Nothing was written, so there is no README.Docker.md to point at yet.
    expect(dry.stderr).not.toContain('Next: see README.Docker.md');
    expect(dry.stderr).toContain('Next: run again without --dry-run to write the files');
    const real = await runInProcess(['--yes', '--offline', '--json'], { cwd: dir });
    expect(real.code).toBe(0);
    expect((JSON.parse(real.stdout) as { written: boolean; error?: unknown }).written).toBe(true);
    expect(JSON.parse(real.stdout)).not.toHaveProperty('error');
    expect(real.stderr).toContain('Next: see README.Docker.md');
  });
});

describe('--json on failure: exactly one {"error": {code, message}} object on stdout', () => {
  test.each([
    ['an unknown flag (usage, exit 2)', ['--yes', '--json', '--no-such-flag'], 2],
    ['a bad flag value (exit 2)', ['--yes', '--json', '--port', '99999'], 2],
    ['an undetectable fact (exit 2)', ['--yes', '--json', '--offline', 'missing-dir'], 2],
    ['an unresolvable image (exit 4)', ['--yes', '--json', '--offline', '--base', 'slim', '--no-fallback'], 4],
  ])('%s', async (_name, argv, code) => {
    const dir = await fixture();
    const result = await runInProcess(argv as string[], {
      cwd: dir,
      resolveImage: async (request) => {
        const { ImageResolutionError } = await import('../../src/errors.js');
        if (request.base === 'slim') throw new ImageResolutionError('no slim image could be resolved offline');
        throw new Error('not reached');
      },
    });
    expect(result.code).toBe(code);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as { error: { code: number; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(json.error.message).not.toContain('\n');
    expect(result.stderr).toContain(json.error.message);
  });

  test('without --json a failure prints nothing on stdout', async () => {
    const result = await runInProcess(['--yes', '--port', '99999'], { cwd: await fixture() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('colour follows stderr, where the report goes', () => {
  test('stdout redirected (--json > file) but stderr a terminal: colour; stderr piped: none', async () => {
    const dir = await fixture();
    const coloured = await runInProcess(['--yes', '--offline', '--json', '--dry-run'], { cwd: dir, isTTY: false, stderrIsTTY: true });
    expect(coloured.stderr).toContain('\u001b[');
    const plain = await runInProcess(['--yes', '--offline', '--dry-run'], { cwd: dir, isTTY: true, stderrIsTTY: false });
    expect(plain.stderr).not.toContain('\u001b[');
  });
});
