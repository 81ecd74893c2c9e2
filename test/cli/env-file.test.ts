// --run-env-file through the in-process CLI on a copied fixture: a file that is missing or not in the
// one format is exit 2 with one line and nothing written; a good one becomes compose.yaml's
// env_file, README.Docker.md's run command, and a .dockerignore line when the defaults miss it.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from '../../src/files/dockerignore-pattern.js';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const fixture = async () => {
  const f = await copyFixture('verify-needs-env');
  cleanups.push(f.cleanup);
  return f.dir;
};

describe('--run-env-file', () => {
  it.each([
    ['missing.env', undefined, '--run-env-file missing.env: no such file in the project (write NAME=value lines into it first)'],
    ['.env', 'SESSION_SECRET="hunter22"\n', '--run-env-file .env, line 1: the value of SESSION_SECRET is quoted: docker run keeps the quotes and compose strips them, so write it unquoted'],
    ['../outside.env', undefined, '--run-env-file must stay inside the project directory, got "../outside.env"'],
    ['/etc/passwd', undefined, '--run-env-file must be relative to the project directory, got "/etc/passwd"'],
  ])('%j: exit 2, one line, nothing written', async (file, content, message) => {
    const dir = await fixture();
    if (content !== undefined) await writeFile(path.join(dir, file), content);
    const r = await runInProcess(['--yes', '--run-env-file', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`create-secure-node-docker: ${message}\n`);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });

  it('a directory is not an env file: exit 2, nothing written', async () => {
    const dir = await fixture();
    await mkdir(path.join(dir, 'conf.env'));
    const r = await runInProcess(['--yes', '--run-env-file', 'conf.env'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('create-secure-node-docker: --run-env-file conf.env: not a readable file\n');
  });

  it('.env: compose.yaml env_file and the README run command name it; the default .dockerignore already keeps it out', async () => {
    const dir = await fixture();
    await writeFile(path.join(dir, '.env'), 'SESSION_SECRET=hunter22\nDATABASE_URL=postgres://db/app\n');
    const r = await runInProcess(['--yes', '--run-env-file', '.env'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(await readText(dir, 'compose.yaml')).toContain('    # Run-time variables (secrets too): read when the container starts, never part of the image.\n    env_file:\n      - .env\n');
    expect(await readText(dir, 'README.Docker.md')).toMatch(/^docker run .* --env-file \.env verify-needs-env$/m);
    expect(await readText(dir, '.dockerignore')).not.toContain('Run-time variables');
    expect(r.stderr + r.stdout).not.toContain('hunter22');
  });

  it('a file the default .dockerignore would let in (config/app.vars) gets its own line, so it never reaches the build context', async () => {
    const dir = await fixture();
    await mkdir(path.join(dir, 'config'));
    await writeFile(path.join(dir, 'config/app.vars'), 'SESSION_SECRET=hunter22\n');
    const r = await runInProcess(['--yes', '--run-env-file', 'config/app.vars'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const ignore = await readText(dir, '.dockerignore');
    expect(ignore).toContain('# Run-time variables (--run-env-file): the container gets them when it starts, the image never\n/config/app.vars\n');
    expect(isIgnored(parseDockerignore(ignore), 'config/app.vars')).toBe(true);
    expect(await readText(dir, 'compose.yaml')).toContain('      - config/app.vars\n');
  });
});
