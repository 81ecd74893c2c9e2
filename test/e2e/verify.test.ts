// --verify end to end (issue 10): the real CLI (bin/, after `npm run build`) writes a fixture's
// setup, then builds, runs and checks it on the rig's real Docker engine through the docker client,
// the way a user's shell runs it: DOCKER_HOST names the engine. One rig for the whole file; the
// fixtures have no dependencies, so builds after the first are mostly cached.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSecretFiles, sleep, spawnRunner } from '../../src/cli/docker-runner.js';
import { PROBE_TIMEOUT_SECONDS, VERIFY_LABEL } from '../../src/verify/engine.js';
import { runInProcess } from '../support/cli-harness.js';
import { exec } from './rig/exec.js';
import { scanSavedImage } from './rig/layer-scan.js';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { CLI } from './rig/generate.js';
import { sharedVerifyCases } from './rig/verify-cases.js';
import { enterThroughEveryQuestion, killTerminals, openTerminal, shellQuote } from '../support/tmux-terminal.js';
import { failedCheck, verifyLeftovers, type VerifyJson } from './rig/verify-result.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';
/** This file's own tmux server, so nothing touches a user's tmux or the unit suite's. */
const TMUX_SOCKET = `csnd-e2e-verify-${process.pid}`;


describe.skipIf(!E2E)('--verify on a real Docker engine', () => {
  let env: NodeJS.ProcessEnv;
  const workspaces: FixtureWorkspace[] = [];
  const rig = useRig({
    setUp: async ({ docker }) => {
      // The user's shell: their docker client first on PATH (the rig's BuildKit-capable one), DOCKER_HOST at the engine.
      env = { ...docker.env(), PATH: `${path.dirname(docker.binary)}:${process.env.PATH}` };
      delete env.DOCKER_BUILDKIT;
      delete env.BUILDKIT_PROGRESS;
      // The rig's data root is cached between runs: start from no --verify leftovers (e.g. a --keep-image by hand).
      const stale = (await docker.out(['images', '-q', '--filter', `label=${VERIFY_LABEL}`])).split('\n').filter(Boolean);
      if (stale.length > 0) await docker.run(['image', 'rm', '-f', ...new Set(stale)]);
    },
    tearDown: () => {
      for (const ws of workspaces) ws.remove();
    },
  });

  const workspace = async (fixture: string) => {
    const ws = await fixtureWorkspace(fixture);
    workspaces.push(ws);
    return ws;
  };
  const cliArgs = (dir: string, flags: string[]) => [CLI, dir, '--yes', '--registry-mirror', rig.registry.url, '--verify', '--json', ...flags];
  let runs = 0;
  const verifyRun = async (dir: string, flags: string[] = []) => {
    const r = await exec(process.execPath, cliArgs(dir, flags), { env, timeoutMs: 600_000, allowFailure: true });
    // E2E_KEEP_OUTPUT=<dir>: keep each run's stderr, the source of test/verify/logs (its README says which run).
    if (process.env.E2E_KEEP_OUTPUT) writeFileSync(path.join(process.env.E2E_KEEP_OUTPUT, `${path.basename(dir)}-${++runs}.stderr`), r.stderr);
    const verify = r.stdout.trim() ? (JSON.parse(r.stdout) as { verify: VerifyJson }).verify : undefined;
    return { code: r.code, stderr: r.stderr, verify };
  };
  const leftovers = () => verifyLeftovers((args) => rig.docker.out(args));
  /** A copy whose build script first sleeps 60 s, so an interrupt or a time bound lands inside the build. */
  const slowBuild = async () => {
    const ws = await workspace('verify-missing-entry');
    const pkgPath = path.join(ws.dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts.build = `node -e "setTimeout(() => {}, 60000)" && ${pkg.scripts.build}`;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    return ws;
  };

  // The cases rootless Podman runs too (rig/verify-cases.ts).
  for (const c of sharedVerifyCases({ cli: 'docker', engine: /^Docker Engine 20\.10\./, workspace, verifyRun, leftovers })) it(c.title, c.run);

  it('in a terminal, without --verify: "Build and try it now?" comes after the files are written, and the default yes runs every check', async () => {
    const ws = await workspace('verify-good');
    // The user's interactive shell: a TTY (a tmux pane), no CI variable, the engine named by DOCKER_HOST.
    const shell = Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'CI');
    const command = `env -i ${shell.map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ')} TERM=xterm-256color ${[process.execPath, CLI, ws.dir, '--registry-mirror', rig.registry.url].map(shellQuote).join(' ')}`;
    const terminal = await openTerminal(TMUX_SOCKET, 'verify-ask', command);
    try {
      // Every question takes its default, as a user pressing Enter through them does.
      const run = await enterThroughEveryQuestion(terminal, 600_000);
      expect(run.code, run.screen).toBe(0);
      expect(run.questions).toContain('Build and try it now? Yes');
      expect(run.screen.indexOf('created    Dockerfile')).toBeGreaterThan(-1);
      expect(run.screen.indexOf('created    Dockerfile')).toBeLessThan(run.screen.indexOf('Build and try it now?'));
      expect(run.screen).toMatch(/^Verified: all \d+ checks passed\.$/m);
      expect(await leftovers()).toEqual({ containers: '', images: '' });
    } finally {
      await terminal.close();
      await killTerminals(TMUX_SOCKET);
    }
  });

  it('an entry that exits at once gets the "starts no server" hint', async () => {
    const ws = await workspace('verify-exits');
    const r = await verifyRun(ws.dir, ['--no-worker', '--port', '3000']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.verify?.checks.find((c) => c.name === 'stays up')?.detail).toMatch(/^exited with code 0 after /);
    expect(r.verify?.hint).toBe('plugin.js exited at once with code 0: it starts no server. If it is a job or worker, pass --worker; otherwise pass --start "<the command that starts it>"');
  });

  it('a start command whose file the build does not produce fails the build with the one line naming it (no MODULE_NOT_FOUND at start)', async () => {
    const ws = await workspace('verify-missing-entry');
    const r = await verifyRun(ws.dir);
    expect(r.code, r.stderr).toBe(5);
    expect(r.verify?.checks.map((c) => [c.name, c.ok])).toEqual([['builds', false]]);
    expect(r.verify?.hint).toBe('the build did not produce dist/server.js, which CMD runs: pass --start "node <the file the build writes>"');
    expect(r.stderr).not.toContain('Cannot find module');
  });

  // (--shutdown wired, the lines never pasted: one of the shared cases above.)
  it('SIGINT to the CLI during the build: exit 130 and nothing left behind', async () => {
    const ws = await slowBuild();
    const child = spawn(process.execPath, cliArgs(ws.dir, []), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const buildStepSeen = new Promise<void>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/build step \d+\/\d+ build: RUN npm run build/.test(stderr)) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await Promise.race([buildStepSeen, exited]);
    const t0 = Date.now();
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).toBe(130);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(stderr).toContain('Verification cancelled; what it created is removed.');
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('--build-timeout 5 on a 60 s build: exit 5, the flag to raise it, nothing left behind', async () => {
    const ws = await slowBuild();
    const t0 = Date.now();
    const r = await verifyRun(ws.dir, ['--build-timeout', '5']);
    expect(r.code, r.stderr).toBe(5);
    expect(Date.now() - t0).toBeLessThan(45_000);
    expect(r.verify?.checks).toEqual([expect.objectContaining({ name: 'builds', ok: false, detail: 'no result within 5 s' })]);
    expect(r.verify?.hint).toBe('the build took longer than 5 s: pass --build-timeout <seconds> to allow more');
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('--run-env-file: without it exit 5 naming the variable and the template; with it every check passes, and no value is in the image, its history or the output', async () => {
    const ws = await workspace('verify-needs-env');
    const missing = await verifyRun(ws.dir);
    expect(missing.code, missing.stderr).toBe(5);
    expect(missing.verify?.hint).toBe('the app stops because SESSION_SECRET is not set: copy .env.example to .env and fill it in, then pass --run-env-file .env (run-time only, never in the image; compose.yaml reads it as env_file)');

    const secret = `sess-${randomBytes(12).toString('hex')}`;
    const database = `postgres://app:${randomBytes(12).toString('hex')}@db/app`;
    // Half the file first: the app logs the secret, then stops on DATABASE_URL; the output shows neither value.
    writeFileSync(path.join(ws.dir, '.env'), `# verify\nSESSION_SECRET=${secret}\n`);
    const half = await verifyRun(ws.dir, ['--force', '--run-env-file', '.env']);
    expect(half.code, half.stderr).toBe(5);
    expect(half.verify?.hint).toBe('the app stops because DATABASE_URL is not set, and .env has no DATABASE_URL= line: add it there (the same file is compose.yaml\'s env_file)');
    expect(half.stderr).toContain('  | config: SESSION_SECRET=***');
    expect(half.stderr + JSON.stringify(half.verify)).not.toContain(secret);

    writeFileSync(path.join(ws.dir, '.env'), `SESSION_SECRET=${secret}\nDATABASE_URL=${database}\n`);
    const r = await exec(process.execPath, cliArgs(ws.dir, ['--force', '--run-env-file', '.env', '--keep-image']), { env, timeoutMs: 600_000, allowFailure: true });
    expect(r.code, r.stderr).toBe(0);
    const kept = (JSON.parse(r.stdout) as { verify: { keptImage?: string } }).verify.keptImage!;
    try {
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(database);
      expect(readFileSync(path.join(ws.dir, 'compose.yaml'), 'utf8')).toContain('    env_file:\n      - .env\n');
      const history = await rig.docker.out(['history', '--no-trunc', '--format', '{{.CreatedBy}}', kept]);
      const config = await rig.docker.out(['image', 'inspect', kept]);
      expect(history).not.toContain(secret);
      expect(config).not.toContain(secret);
      const scan = await scanSavedImage(rig.docker, kept, [secret, database.split('@')[0]!]);
      expect(scan.layers).toBeGreaterThan(0);
      expect(scan.hits).toEqual([]);
    } finally {
      await rig.docker.run(['image', 'rm', '-f', kept]);
    }
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('a dependency that reads SlowBuffer (jsonwebtoken -> jwa -> buffer-equal-constant-time) crashes on Node 26: exit 5 with --node 24, and passes on 24', async () => {
    const ws = await workspace('verify-jwt');
    const crash = await verifyRun(ws.dir, ['--node', '26']);
    expect(crash.code, crash.stderr).toBe(5);
    expect(failedCheck(crash.verify)).toBe('stays up');
    expect(crash.verify?.hint).toBe('the app crashes inside node_modules/buffer-equal-constant-time on Node 26: it may not support this Node line yet; try --node 24 (or upgrade buffer-equal-constant-time)');
    const fixed = await verifyRun(ws.dir, ['--force', '--node', '24']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.verify?.checks.every((c) => c.ok)).toBe(true);
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('a build that reads a public setting (as a Next.js route module does while collecting page data): exit 5 naming it with --build-arg and --build-secret; with --build-arg and the value in the environment it passes', async () => {
    // A lean stand-in for the Next.js case (a Next build takes minutes here): the build step loads a module that reads the variable.
    // Why the earlier "then it passes" half failed: it ran the stand-in with `--entry server.js` and a
    // build script. With a build script the runtime stage copies only the build output (dist/), so
    // server.js was not in the image; today generate refuses that in one line (exit 2: "the start
    // command runs server.js, but the runtime stage copies only node_modules, package.json, dist").
    // The stand-in therefore copies its files to dist/ and runs dist/server.js.
    const ws = await workspace('verify-good');
    const pkgPath = path.join(ws.dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts.build = 'node build.js';
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    // A public setting (the Next.js case below is a secret): the hint offers --build-arg too.
    const config = 'const url = process.env.PUBLIC_SITE_URL;\nif (!url) throw new Error("PUBLIC_SITE_URL environment variable is not set");\nmodule.exports = { url };\n';
    writeFileSync(path.join(ws.dir, 'site.js'), config);
    const copyToDist = "const fs = require('fs');\nfs.mkdirSync('dist', { recursive: true });\nfs.copyFileSync('server.js', 'dist/server.js');\nfs.writeFileSync('dist/graceful-shutdown.js', 'exports.gracefulShutdown = () => {};\\n');\n";
    // server.js calls the wired module; here the preloaded one (graceful-shutdown.cjs) drains the server, so the wired call is a no-op.
    writeFileSync(path.join(ws.dir, 'build.js'), `require('./site.js');\n${copyToDist}`);
    const failed = await verifyRun(ws.dir, ['--entry', 'dist/server.js']);
    expect(failed.code, failed.stderr).toBe(5);
    expect(failed.verify?.checks.map((c) => [c.name, c.ok])).toEqual([['builds', false]]);
    expect(failed.verify?.hint).toMatch(/^the build stops because PUBLIC_SITE_URL is not set: the app reads it while building .* regenerate with --build-secret PUBLIC_SITE_URL if it is a secret \(mounted for the build step only, never stored\), or --build-arg PUBLIC_SITE_URL if it is a public setting \(it stays in docker history\) and run --verify with PUBLIC_SITE_URL set in the environment/);

    // Given the documented way for a public setting: --build-arg, the value from the environment.
    const passed = await exec(process.execPath, cliArgs(ws.dir, ['--force', '--entry', 'dist/server.js', '--build-arg', 'PUBLIC_SITE_URL']), { env: { ...env, PUBLIC_SITE_URL: 'https://shop.example.com' }, timeoutMs: 600_000, allowFailure: true });
    expect(passed.code, passed.stderr).toBe(0);
    expect(readFileSync(path.join(ws.dir, 'Dockerfile'), 'utf8')).toContain('COPY . .\nARG PUBLIC_SITE_URL\nRUN npm run build\n');

    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('Next.js: a page module that reads a secret while Next collects page data: exit 5 naming it and --build-secret; declared but unset, exit 5 before building; given in the environment, every check passes and the value is in no layer, history, config or output', async () => {
    const ws = await workspace('next-app');
    // The route module throws at import, as public starters do for an API key the page fetches with.
    const page = "const key: string = process.env.REPORT_API_KEY ?? '';\nif (key === '') throw new Error('REPORT_API_KEY environment variable is not set');\nexport default function Report() {\n  return <p>report ready ({key.length} characters of key)</p>;\n}\n";
    mkdirSync(path.join(ws.dir, 'app/report'), { recursive: true });
    writeFileSync(path.join(ws.dir, 'app/report/page.tsx'), page);

    const failed = await verifyRun(ws.dir);
    expect(failed.code, failed.stderr).toBe(5);
    expect(failed.verify?.checks.map((c) => [c.name, c.ok])).toEqual([['builds', false]]);
    expect(failed.verify?.hint).toMatch(/^the build stops because REPORT_API_KEY is not set: .* regenerate with --build-secret REPORT_API_KEY \(/);

    const unset = await verifyRun(ws.dir, ['--force', '--build-secret', 'REPORT_API_KEY']);
    expect(unset.code, unset.stderr).toBe(5);
    expect(unset.verify?.checks).toEqual([expect.objectContaining({ name: 'builds', ok: false, detail: 'a build variable is not set' })]);
    expect(unset.verify?.hint).toBe('the build reads REPORT_API_KEY, which is not set (or empty) in this environment: export REPORT_API_KEY=<value> and run again (REPORT_API_KEY is a build secret (--build-secret: mounted for the build step only, never stored))');

    const key = `rk-${randomBytes(16).toString('hex')}`;
    const r = await exec(process.execPath, cliArgs(ws.dir, ['--force', '--build-secret', 'REPORT_API_KEY', '--keep-image']), { env: { ...env, REPORT_API_KEY: key }, timeoutMs: 900_000, allowFailure: true });
    expect(r.code, r.stderr).toBe(0);
    const kept = (JSON.parse(r.stdout) as { verify: { keptImage?: string; checks: { ok: boolean }[] } }).verify;
    try {
      expect(kept.checks.every((c) => c.ok)).toBe(true);
      expect(r.stdout + r.stderr).not.toContain(key);
      const dockerfile = readFileSync(path.join(ws.dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).toContain('RUN --mount=type=secret,id=REPORT_API_KEY,required=true \\\n    REPORT_API_KEY="$(cat /run/secrets/REPORT_API_KEY)" npm run build\n');
      expect(readFileSync(path.join(ws.dir, 'compose.yaml'), 'utf8')).toContain('\n  REPORT_API_KEY:\n    # Read by the build step only (--build-secret), from the environment compose runs in.\n    environment: REPORT_API_KEY\n');
      const history = await rig.docker.out(['history', '--no-trunc', '--format', '{{.CreatedBy}}', kept.keptImage!]);
      const config = await rig.docker.out(['image', 'inspect', kept.keptImage!]);
      // The build stage's history is not the final image's: the runtime stage does not even name the secret.
      expect(history).toMatch(/^CMD \["dumb-init"/m);
      expect(history).not.toContain('REPORT_API_KEY');
      expect(history).not.toContain(key);
      expect(config).not.toContain(key);
      const scan = await scanSavedImage(rig.docker, kept.keptImage!, [key]);
      expect(scan.layers).toBeGreaterThan(0);
      expect(scan.hits).toEqual([]);
    } finally {
      if (kept.keptImage) await rig.docker.run(['image', 'rm', '-f', kept.keptImage]);
    }
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  }, 1_800_000);

  it('an engine that accepts the connection and never answers: one line and exit 5 after the probe bound, not a hang', async () => {
    const ws = await workspace('verify-good');
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-silent-'));
    const socket = path.join(dir, 'docker.sock');
    const held: Socket[] = [];
    const server = createServer((c) => void held.push(c));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const t0 = Date.now();
      const r = await exec(process.execPath, cliArgs(ws.dir, []), { env: { ...env, DOCKER_HOST: `unix://${socket}` }, timeoutMs: 120_000, allowFailure: true });
      expect(r.code, r.stderr).toBe(5);
      expect(Date.now() - t0).toBeLessThan((PROBE_TIMEOUT_SECONDS + 25) * 1000);
      expect(r.stderr).toContain(`no container engine reachable: "docker version" with DOCKER_HOST=unix://${socket} answered: no answer within ${PROBE_TIMEOUT_SECONDS} s\n`);
    } finally {
      for (const c of held) c.destroy();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('interactive: "Build and try it now?" is asked when the engine answers (declined: nothing is built)', async () => {
    const ws = await workspace('verify-good');
    // An interactive run at a terminal: CI (set when CI runs this suite) would turn every prompt off.
    const engineEnv = { ...env, CI: undefined } as Record<string, string | undefined>;
    const r = await runInProcess([], {
      cwd: ws.dir,
      isTTY: true,
      env: engineEnv,
      answers: { verify: false },
      verifyEngine: { runner: () => spawnRunner(rig.docker.binary, engineEnv), secretFiles: nodeSecretFiles(engineEnv, undefined), now: Date.now, sleep, randomId: () => 'e2eask01', interruptible: (fn) => fn(new AbortController().signal) },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.questions.find((q) => q.name === 'verify')?.message).toBe('Build and try it now?');
    expect(r.stderr).not.toContain('Verifying on');
  });
});
