// --verify's flags and its no-engine path, through the in-process CLI with the REAL docker client
// (Debian's /usr/bin/docker, or `docker` on PATH) pointed at a socket where no engine listens.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeSecretFiles, sleep, spawnRunner } from '../../src/cli/docker-runner.js';
import type { VerifyEngineDeps } from '../../src/cli/verify-step.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const NO_ENGINE = { DOCKER_HOST: 'unix:///nonexistent/csnd-verify-test.sock', PATH: process.env.PATH, HOME: '/nonexistent' };
const engine = (cli: string, env: Record<string, string | undefined>): VerifyEngineDeps => ({
  runner: () => spawnRunner(cli, env),
  secretFiles: nodeSecretFiles(env, undefined),
  now: () => Date.now(),
  sleep,
  randomId: () => 'test0001',
  interruptible: (fn) => fn(new AbortController().signal),
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const fixture = async () => {
  const f = await copyFixture('verify-good');
  cleanups.push(f.cleanup);
  return f.dir;
};

describe('--verify flags', () => {
  it.each([
    [['--build-timeout', '0'], '--build-timeout must be a whole number of seconds from 1 to 86400, got "0"'],
    [['--start-timeout', '1m'], '--start-timeout must be a whole number of seconds from 1 to 86400, got "1m"'],
    [['--verify', '--dry-run'], '--verify builds the written files: drop --dry-run'],
    [['--verify', '--engine', 'nerdctl'], 'Invalid values: Argument: engine, Given: "nerdctl", Choices: "docker", "podman" (see --help)'],
  ])('%j: exit 2, one line, nothing written', async (flags, message) => {
    const dir = await fixture();
    const r = await runInProcess(['--yes', ...flags], { cwd: dir, env: NO_ENGINE, verifyEngine: engine(DOCKER, NO_ENGINE) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`create-secure-node-docker: ${message}\n`);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
  });

  it('--help documents the flags and exit 5', async () => {
    const r = await runInProcess(['--help'], { cwd: await fixture() });
    for (const text of ['--verify', '--keep-image', '--build-timeout', '--start-timeout', '5    files written, but --verify failed']) expect(r.stdout).toContain(text);
  });
});

describe('no engine reachable', () => {
  it('exit 5 with one line saying how DOCKER_HOST was used; the files are written; --json carries it', async () => {
    const dir = await fixture();
    const r = await runInProcess(['--yes', '--verify', '--json'], { cwd: dir, env: NO_ENGINE, verifyEngine: engine(DOCKER, NO_ENGINE) });
    expect(r.code).toBe(5);
    expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(true);
    const line = r.stderr.split('\n').find((l) => l.startsWith('no container engine reachable'));
    expect(line).toMatch(/^no container engine reachable: "docker version" with DOCKER_HOST=unix:\/\/\/nonexistent\/csnd-verify-test\.sock answered: .+/);
    const json = JSON.parse(r.stdout) as { verify: { engine: null; ok: boolean; checks: unknown[]; hint: string } };
    expect(json.verify).toEqual({ engine: null, ok: false, checks: [], hint: line });
  });

  it('no docker command at all: exit 5, naming the command', async () => {
    const r = await runInProcess(['--yes', '--verify'], { cwd: await fixture(), env: {}, verifyEngine: engine('csnd-no-such-docker-cli', {}) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("answered: csnd-no-such-docker-cli: command not found on PATH");
    expect(r.stderr).toContain("DOCKER_HOST unset, so the docker CLI's current context");
  });

  it('interactive: "Build and try it now?" is not asked when no engine answers', async () => {
    const r = await runInProcess([], { cwd: await fixture(), isTTY: true, env: NO_ENGINE, verifyEngine: engine(DOCKER, NO_ENGINE) });
    expect(r.code).toBe(0);
    expect(r.questions.map((q) => q.name)).toContain('confirm');
    expect(r.questions.map((q) => q.name)).not.toContain('verify');
  });
});
