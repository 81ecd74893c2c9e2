// --verify --engine podman on ROOTLESS Podman 4.3 (issue 16): the real CLI runs as an ordinary user
// (rig/podman-rootless.ts), and the user's own podman builds (Buildah, `--format docker`), runs the
// image with the hardened flags in the user's namespace and checks it. The same verify cases as on
// Docker: a good app, a read-only directory (the --writable-dir hint), an unwired server. The rig's
// registry is the Docker Hub mirror, as for dockerd; its Docker engine is not used here.
// Run: `sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/verify-podman.test.ts`.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_LABEL } from '../../src/verify/engine.js';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { CLI } from './rig/generate.js';
import { startRootlessPodman, type RootlessPodman } from './rig/podman-rootless.js';
import { startRig, type Rig, RIG_STOP_TIMEOUT_MS } from './rig/rig.js';

const E2E = process.env.E2E === '1';

interface VerifyJson {
  engine: string | null;
  ok: boolean;
  checks: { name: string; ok: boolean; seconds: number; detail: string }[];
  hint: string | null;
}

describe.skipIf(!E2E)('--verify --engine podman on rootless Podman 4.3', () => {
  let rig: Rig;
  let podman: RootlessPodman;
  const workspaces: FixtureWorkspace[] = [];

  beforeAll(async () => {
    rig = await startRig();
    podman = await startRootlessPodman(rig.registry.host);
    const info = await podman.podman(['info', '--format', '{{.Host.Security.Rootless}} {{.Store.GraphDriverName}} {{.Host.OCIRuntime.Name}}']);
    console.log(`[e2e] podman as ${podman.user} (uid ${podman.uid}): rootless, driver, runtime = ${info.stdout.trim()}`);
    // The user's storage is kept between runs: start from no --verify leftovers.
    const stale = (await podman.podman(['images', '-q', '--filter', `label=${VERIFY_LABEL}`])).stdout.split('\n').filter(Boolean);
    if (stale.length > 0) await podman.podman(['image', 'rm', '-f', ...new Set(stale)]);
  }, 1_200_000);

  afterAll(async () => {
    for (const ws of workspaces) ws.remove();
    podman?.dispose();
    await rig?.stop();
  }, RIG_STOP_TIMEOUT_MS);

  const workspace = async (fixture: string) => {
    const ws = await fixtureWorkspace(fixture);
    workspaces.push(ws);
    await podman.give(ws.dir);
    return ws;
  };
  const verifyRun = async (dir: string, flags: string[] = []) => {
    const t0 = performance.now();
    const r = await podman.runAs(process.execPath, [CLI, dir, '--yes', '--registry-mirror', rig.registry.url, '--verify', '--engine', 'podman', '--json', ...flags], { timeoutMs: 600_000, allowFailure: true });
    console.log(`[e2e] ${path.basename(dir)} ${flags.join(' ')}: exit ${r.code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const verify = r.stdout.trim() ? (JSON.parse(r.stdout) as { verify: VerifyJson }).verify : undefined;
    return { code: r.code, stderr: r.stderr, verify };
  };
  const leftovers = async () => ({
    containers: (await podman.podman(['ps', '-aq', '--filter', `label=${VERIFY_LABEL}`])).stdout.trim(),
    images: (await podman.podman(['images', '-q', '--filter', `label=${VERIFY_LABEL}`])).stdout.trim(),
  });
  const failedCheck = (v: VerifyJson | undefined) => v?.checks.find((c) => !c.ok)?.name;

  it('a good app passes every check, HEALTHCHECK included (kept by --format docker, run by podman healthcheck run), and leaves nothing', async () => {
    const ws = await workspace('verify-good');
    const r = await verifyRun(ws.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.verify?.engine).toMatch(/^Podman Engine 4\.3\.\d+ \(rootless\)$/);
    expect(r.verify?.checks.map((c) => [c.name, c.ok])).toEqual([
      ['builds', true],
      ['stays up', true],
      ['runs as non-root', true],
      ['answers on port 3000', true],
      ['HEALTHCHECK healthy', true],
      ['podman stop exits 0', true],
    ]);
    expect(r.verify?.checks.find((c) => c.name === 'runs as non-root')?.detail).toBe('uid 1000 inside the container (dumb-init, node)');
    expect(r.stderr).toMatch(/^ {2}build step \d+\/\d+ runtime: .+ \(\d+ s\)$/m);
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('an app that creates ./uploads fails with exit 5 and the --writable-dir uploads hint, then passes with it', async () => {
    const ws = await workspace('verify-uploads');
    const first = await verifyRun(ws.dir);
    expect(first.code, first.stderr).toBe(5);
    expect(failedCheck(first.verify)).toBe('stays up');
    expect(first.verify?.hint).toMatch(/^the app writes to \/app\/uploads \((ENOENT|EROFS), mkdir\), which is read-only: pass --writable-dir uploads$/);
    const fixed = await verifyRun(ws.dir, ['--force', '--writable-dir', 'uploads']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.verify?.checks.every((c) => c.ok)).toBe(true);
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });

  it('--shutdown wired and the lines never pasted: podman stop gives exit 143 and the lines to add', async () => {
    const ws = await workspace('verify-no-shutdown');
    const r = await verifyRun(ws.dir, ['--shutdown', 'wired']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.verify?.checks.at(-1)).toMatchObject({ name: 'podman stop exits 0', ok: false });
    expect(r.verify?.checks.at(-1)?.detail).toMatch(/^exit code 143 after /);
    expect(r.verify?.hint).toContain('podman stop ended the app with SIGTERM (exit 143): graceful shutdown is not wired. Add to server.js:');
    expect(await leftovers()).toEqual({ containers: '', images: '' });
  });
});
