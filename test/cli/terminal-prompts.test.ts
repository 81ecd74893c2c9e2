// The interactive run at a real terminal (a tmux pane, the built CLI, no CI variable): pressing Enter
// through every question must write byte for byte what --yes writes with the same other flags, on
// every framework fixture. The questions take their defaults from the chosen recipe's plan.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../support/built-bin.js';
import { copyFixture } from '../support/cli-harness.js';
import { enterThroughEveryQuestion, killTerminals, openTerminal, shellQuote, tmuxAvailable } from '../support/tmux-terminal.js';

const exec = promisify(execFile);
const SOCKET = `csnd-prompts-${process.pid}`;
// Offline from the shipped snapshot in both runs; --no-verify: the question after writing is not
// about the files (and would start a build wherever a docker CLI is on PATH).
const FLAGS = ['--offline', '--no-verify'];
const FIXTURES = ['next-app', 'sveltekit-app', 'nuxt-app', 'astro-app', 'react-router-app', 'remix-app', 'nest', 'fastify-cli', 'express-generator', 'express-cjs', 'typescript-build', 'nest-starter', 'fastify-cli-ts'];

/** The summary's build step row per fixture: the build script and what the runtime copies from the build stage. */
const BUILD_ROW: Record<string, string> = { 'next-app': 'build -> .next, next.config.mjs', 'sveltekit-app': 'build -> build', 'typescript-build': 'build -> dist', nest: 'build -> dist' };

const cleanups: (() => Promise<void>)[] = [];
let cacheHome = '';
beforeAll(async () => {
  assertBuilt();
  if (!(await tmuxAvailable())) throw new Error('tmux is not installed: scripts/install-e2e-deps.sh installs it');
  const scratch = await copyFixture('worker');
  cleanups.push(scratch.cleanup);
  cacheHome = path.join(scratch.dir, '.cache-home'); // an empty image cache: both runs use the snapshot
});
afterAll(async () => {
  await killTerminals(SOCKET);
  await Promise.all(cleanups.map((c) => c()));
});

async function fixture(name: string): Promise<string> {
  const copy = await copyFixture(name);
  cleanups.push(copy.cleanup);
  return copy.dir;
}


/** Every file under dir (relative paths) with its bytes. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), (await readFile(full)).toString('base64'));
  }
  return files;
}

describe('interactive run at a terminal: Enter through every question = --yes', () => {
  for (const name of FIXTURES) {
    it(name, async () => {
      const scripted = await fixture(name);
      const yes = await exec(process.execPath, [BIN, '--yes', ...FLAGS], { cwd: scripted, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: cacheHome } });
      expect(yes.stderr).toContain('created    Dockerfile');

      const interactive = await fixture(name);
      const command = `cd ${shellQuote(interactive)} && env -u CI XDG_CACHE_HOME=${shellQuote(cacheHome)} ${shellQuote(process.execPath)} ${shellQuote(BIN)} ${FLAGS.join(' ')}`;
      const terminal = await openTerminal(SOCKET, name, command);
      const run = await enterThroughEveryQuestion(terminal);
      await terminal.close();
      expect(run.code, run.screen).toBe(0);
      // It did ask (a terminal, no CI), and what it asked is what the recipe leaves open.
      expect(run.questions.some((q) => q.startsWith('Command the container runs ')), run.screen).toBe(true);
      expect(run.questions.some((q) => q.startsWith('Generate these files?')), run.screen).toBe(true);
      expect(run.screen).not.toContain('Entry file');
      // The summary names what the runtime takes from the build, as the recipe plans it (not a tsc outDir guess).
      if (BUILD_ROW[name]) expect(run.screen).toMatch(new RegExp(`^ {2}build step +${BUILD_ROW[name].replaceAll('.', '\\.')}$`, 'm'));

      const [got, want] = [await filesOf(interactive), await filesOf(scripted)];
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [file, bytes] of want) expect(got.get(file) === bytes, `${file} differs from --yes`).toBe(true);
    }, 45_000);
  }
});
