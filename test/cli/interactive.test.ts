// The interactive path, through an injected prompt function (no TTY needed), must end in the same
// files as the non-interactive command it prints.
import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';
import { shellWords } from '../support/shell-words.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});
async function fixture(name: string) {
  const copy = await copyFixture(name);
  cleanups.push(copy.cleanup);
  return copy.dir;
}

describe('interactive runs', () => {
  it('asks only for what flags did not give, with detected defaults', async () => {
    const dir = await fixture('express-cjs');
    const result = await runInProcess(['--port', '8080'], { cwd: dir, isTTY: true });
    expect(result.code, result.stderr).toBe(0);
    const names = result.questions.map((q) => q.name);
    expect(names).not.toContain('port');
    expect(names).toEqual(expect.arrayContaining(['kind', 'start', 'healthcheckPath', 'writableDirs', 'native', 'base', 'confirm']));
    // The recipe's command is the default: no entry file question.
    expect(names).not.toContain('entry');
    const start = result.questions.find((q) => q.name === 'start');
    expect(start?.type === 'input' && start.default).toBe('node server.js');
  });

  it('a typed command replaces the recipe\'s and is written back as --start', async () => {
    const dir = await fixture('express-cjs');
    const result = await runInProcess([], { cwd: dir, isTTY: true, answers: { start: 'node --enable-source-maps server.js' } });
    expect(result.code, result.stderr).toBe(0);
    expect(await readText(dir, 'Dockerfile')).toMatch(/^CMD \[.*"--enable-source-maps","server\.js"\]$/m);
    const command = /Same result without prompts:\n {2}(.*)\n/.exec(result.stderr)?.[1] ?? '';
    expect(shellWords(command)).toEqual(expect.arrayContaining(['--start', 'node --enable-source-maps server.js']));
  });

  it('prints a non-interactive command that produces the same files', async () => {
    const interactiveDir = await fixture('express-cjs');
    const answers = { kind: 'web', port: '4100', healthcheckPath: '/health', writableDirs: 'uploads, data', native: false, base: 'alpine' };
    const first = await runInProcess([], { cwd: interactiveDir, isTTY: true, answers });
    expect(first.code, first.stderr).toBe(0);
    const command = /Same result without prompts:\n {2}(.*)\n/.exec(first.stderr)?.[1];
    expect(command).toMatch(/^npx create-secure-node-docker --yes /);

    const argv = shellWords(command ?? '').slice(2);
    const scriptedDir = await fixture('express-cjs');
    const second = await runInProcess(argv, { cwd: scriptedDir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.questions).toEqual([]);
    const files = (await readdir(interactiveDir)).sort();
    expect(files).toEqual((await readdir(scriptedDir)).sort());
    for (const file of ['Dockerfile', 'compose.yaml', 'README.Docker.md', '.dockerignore', 'graceful-shutdown.cjs']) {
      expect(await readText(scriptedDir, file), file).toBe(await readText(interactiveDir, file));
    }
    expect(await readText(scriptedDir, 'Dockerfile')).toContain('mkdir -p /app/uploads /app/data');
  });

  it('the printed command carries the image flags and the web/worker choice explicitly', async () => {
    const dir = await fixture('express-cjs');
    const result = await runInProcess(['--offline', '--no-fallback'], { cwd: dir, isTTY: true });
    expect(result.code, result.stderr).toBe(0);
    const command = /Same result without prompts:\n {2}(.*)\n/.exec(result.stderr)?.[1] ?? '';
    expect(shellWords(command)).toEqual(expect.arrayContaining(['--offline', '--no-fallback', '--no-worker']));
  });

  it('never prompts when CI is set, even on a terminal', async () => {
    const dir = await fixture('express-cjs');
    const result = await runInProcess([], { cwd: dir, isTTY: true, env: { CI: 'true' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.questions).toEqual([]);
  });

  it('declining the summary cancels with exit 130 and writes nothing', async () => {
    const dir = await fixture('express-cjs');
    const result = await runInProcess([], { cwd: dir, isTTY: true, answers: { confirm: false } });
    expect(result.code).toBe(130);
    expect((await readdir(dir)).includes('Dockerfile')).toBe(false);
  });

  it('shows the diff of a changed file and keeps it when the user says no', async () => {
    const dir = await fixture('existing-files');
    const before = await readText(dir, 'Dockerfile');
    const result = await runInProcess(['--yes'], { cwd: dir, isTTY: false });
    expect(result.code).toBe(3);
    expect(await readText(dir, 'Dockerfile')).toBe(before);

    const asked = await runInProcess([], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' }, answers: { overwrite: false } });
    expect(asked.stderr).not.toContain('\u001b[');
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toMatch(/^-FROM node/m);
    expect(asked.stderr).toMatch(/blocked\s+Dockerfile/);
    expect(await readText(dir, 'Dockerfile')).toBe(before);

    const accepted = await runInProcess([], { cwd: dir, isTTY: true, answers: { overwrite: true } });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('\u001b[32mupdated'); // colour on a terminal without NO_COLOR
    expect(await readText(dir, 'Dockerfile')).toContain('USER 1000:1000');
  });
});
