// --verify --engine podman on ROOTLESS Podman 4.3 (issue 16): the real CLI runs as an ordinary user
// (rig/podman-rootless.ts), and the user's own podman builds (Buildah, `--format docker`), runs the
// image with the hardened flags in the user's namespace and checks it. The same verify cases as on
// Docker: a good app, a read-only directory (the --writable-dir hint), an unwired server. The rig's
// registry is the Docker Hub mirror, as for dockerd; its Docker engine is not used here.
// Run: `sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/verify-podman.test.ts`.
import path from 'node:path';
import { describe, it } from 'vitest';
import { VERIFY_LABEL } from '../../src/verify/engine.js';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { CLI } from './rig/generate.js';
import { startRootlessPodman, type RootlessPodman } from './rig/podman-rootless.js';
import { sharedVerifyCases } from './rig/verify-cases.js';
import { verifyLeftovers, type VerifyJson } from './rig/verify-result.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';


describe.skipIf(!E2E)('--verify --engine podman on rootless Podman 4.3', () => {
  let podman: RootlessPodman;
  /** The CLI as the user runs it: a copy readable by that user, wherever the checkout is. */
  let cli = CLI;
  const workspaces: FixtureWorkspace[] = [];
  const rig = useRig({
    setUp: async ({ registry }) => {
      podman = await startRootlessPodman(registry.host);
      cli = podman.readableCli(CLI);
      const info = await podman.podman(['info', '--format', '{{.Host.Security.Rootless}} {{.Store.GraphDriverName}} {{.Host.OCIRuntime.Name}}']);
      console.log(`[e2e] podman as ${podman.user} (uid ${podman.uid}): rootless, driver, runtime = ${info.stdout.trim()}`);
      // The user's storage is kept between runs: start from no --verify leftovers.
      const stale = (await podman.podman(['images', '-q', '--filter', `label=${VERIFY_LABEL}`])).stdout.split('\n').filter(Boolean);
      if (stale.length > 0) await podman.podman(['image', 'rm', '-f', ...new Set(stale)]);
    },
    tearDown: () => {
      for (const ws of workspaces) ws.remove();
      podman?.dispose();
    },
  });

  const workspace = async (fixture: string) => {
    const ws = await fixtureWorkspace(fixture);
    workspaces.push(ws);
    await podman.give(ws.dir);
    return ws;
  };
  const verifyRun = async (dir: string, flags: string[] = []) => {
    const t0 = performance.now();
    const r = await podman.runAs(process.execPath, [cli, dir, '--yes', '--registry-mirror', rig.registry.url, '--verify', '--engine', 'podman', '--json', ...flags], { timeoutMs: 600_000, allowFailure: true });
    console.log(`[e2e] ${path.basename(dir)} ${flags.join(' ')}: exit ${r.code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const verify = r.stdout.trim() ? (JSON.parse(r.stdout) as { verify: VerifyJson }).verify : undefined;
    return { code: r.code, stderr: r.stderr, verify };
  };
  const leftovers = () => verifyLeftovers(async (args) => (await podman.podman(args)).stdout);

  for (const c of sharedVerifyCases({ cli: 'podman', engine: /^Podman Engine 4\.3\.\d+ \(rootless\)$/, workspace, verifyRun, leftovers })) it(c.title, c.run);
});
