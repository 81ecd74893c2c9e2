// End-to-end proof of --base distroless (issue 20) in a real Docker engine. The rig serves a
// SHELL-LESS STAND-IN for gcr.io/distroless/nodejs<major>-debian13:nonroot (rig/stand-in-distroless:
// the real node binary and exactly its ldd libraries, nonroot 65532, no /bin/sh, no package manager)
// and tags the Debian node stand-in <v>-trixie-slim. gcr.io cannot be mirrored the way Docker Hub is
// (--registry-mirror covers docker.io only), so the one deviation from a user's run is the CLI's own
// --runtime-image flag naming the rig's registry: the runtime FROM line says <rig host>/distroless/...
// instead of gcr.io/distroless/..., and the Dockerfile is built exactly as written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { httpGet, stopDuringSlowRequest, Container } from './rig/container.js';
import { publishDistrolessStandIn, tagTrixieSlim, type DistrolessStandIn } from './rig/distroless-stand-in.js';
import { exec, waitFor } from './rig/exec.js';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { CLI, generate } from './rig/generate.js';
import { switchNextToStandalone } from './rig/next-standalone.js';
import { startRig, type Rig, RIG_STOP_TIMEOUT_MS } from './rig/rig.js';
import { CURRENT_LTS } from './rig/stand-in-images.js';
import { freePort } from '../support/registry.js';

const E2E = process.env.E2E === '1';
if (!E2E) console.log('SKIPPED: the shell-less e2e needs root and a Docker engine it starts itself. Run it with: sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/shell-less-images.test.ts');

const HARDENED = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '65532:65532'];

interface ShellLessCase {
  title: string;
  fixture: string;
  flags: string[];
  /** A --writable-dir the app user must be able to write (and /app not). */
  writable?: string;
  /** Paths compose mounts as tmpfs (a plan's writable paths), owned by the runtime user. */
  tmpfs?: string[];
  prepare?: (dir: string) => void;
  /** The app process's command line in `docker top` (the runtime's node, the plan's arguments). */
  command: RegExp;
}

const CASES: ShellLessCase[] = [
  { title: 'express-cjs on distroless, --writable-dir uploads', fixture: 'express-cjs', flags: ['--writable-dir', 'uploads'], writable: 'uploads', command: /^\/nodejs\/bin\/node / },
  { title: 'native-module (bcrypt compiled by node-gyp on trixie-slim) on distroless', fixture: 'native-module', flags: [], command: /^\/nodejs\/bin\/node / },
  {
    title: 'next-app with output: "standalone" on distroless: node server.js, .next/cache writable',
    fixture: 'next-app',
    prepare: switchNextToStandalone,
    flags: [],
    tmpfs: ['/app/.next/cache'],
    // Next's server.js names its process itself (process.title): tini's line shows the command it started.
    command: /^next-server \(v16\./,
  },
];

describe.skipIf(!E2E)('--base distroless, built and run on a shell-less image', () => {
  let rig: Rig;
  let runtime: DistrolessStandIn;
  beforeAll(async () => {
    rig = await startRig();
    const slim = rig.standIns.find((s) => s.flavour === 'slim' && s.release === CURRENT_LTS);
    if (!slim) throw new Error('the rig has no Debian stand-in for the current LTS');
    await tagTrixieSlim(rig.registry, slim);
    runtime = await publishDistrolessStandIn(rig.docker, rig.registry, CURRENT_LTS.nodeVersion);
  }, 1_200_000);
  afterAll(async () => {
    await rig?.stop();
  }, RIG_STOP_TIMEOUT_MS);

  describe.each(CASES)('$title', (c) => {
    let ws: FixtureWorkspace;
    let port: number;
    const image = `e2e/${c.fixture}-distroless:test`;
    const containers: Container[] = [];
    afterEach(async () => {
      // A failed assertion must not leave a container holding the port for the next test.
      for (const container of containers.splice(0)) await container.remove();
    });
    const run = async (extra: string[]) => {
      const tmpfs = (c.tmpfs ?? []).flatMap((p) => ['--tmpfs', `${p}:uid=65532,gid=65532`]);
      // As compose.yaml does: a volume on the writable dir (Docker copies the image's directory, owner included).
      if (c.writable) tmpfs.push('-v', `/app/${c.writable}`);
      const id = await rig.docker.out(['run', '-d', '--network', 'host', '--health-interval', '2s', ...extra, ...tmpfs, '-e', `PORT=${port}`, image]);
      const container = new Container(rig.docker, id);
      containers.push(container);
      return container;
    };

    beforeAll(async () => {
      ws = await fixtureWorkspace(c.fixture);
      c.prepare?.(ws.dir);
      port = await freePort();
      await generate(ws.dir, rig.registry.url, ['--base', 'distroless', '--runtime-image', runtime.repository, ...c.flags]);
    }, 120_000);
    afterAll(async () => {
      for (const container of containers) await container.remove();
      await rig?.docker.run(['image', 'rm', '-f', image], { allowFailure: true });
      ws?.remove();
    }, 120_000);

    it('pins the trixie-slim build image and the nonroot runtime image by the digests the registry serves, and builds as written', async () => {
      const dockerfile = readFileSync(path.join(ws.dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(new RegExp(`^FROM node:${CURRENT_LTS.nodeVersion}-trixie-slim@sha256:[0-9a-f]{64} AS base$`, 'm'));
      expect(dockerfile).toContain(`FROM ${runtime.repository}:nonroot@${runtime.digest} AS runtime`);
      expect(dockerfile).toContain(`# Runtime image: Node.js ${runtime.nodeVersion} on distroless`);
      // Nothing after the runtime FROM needs a shell.
      expect(dockerfile.slice(dockerfile.indexOf(' AS runtime'))).not.toMatch(/^RUN /m);
      const result = await rig.docker.build({ context: ws.dir, tag: image, noCache: true });
      console.log(`[e2e] ${c.fixture} on distroless: clean build ${result.seconds.toFixed(1)} s, image ${((await rig.docker.imageSize(image)) / 1e6).toFixed(0)} MB`);
    });

    it('serves as 65532 under the hardening flags, tini is PID 1, the HEALTHCHECK turns healthy, and there is no shell', async () => {
      const container = await run(HARDENED);
      const health = await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${port}/health`), 30_000);
      expect(health.status).toBe(200);
      await container.waitHealthy();
      const processes = await container.processes();
      expect(processes[0]!.command.split(' ')[0]).toBe('/usr/local/bin/tini');
      const app = processes.find((p) => c.command.test(p.command));
      expect(app, processes.map((p) => p.command).join('\n')).toBeDefined();
      for (const p of processes) expect(p.uid, p.command).toBe(65532);
      expect(app!.env.NODE_ENV).toBe('production');
      expect(await container.inspect('{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.Config.User}}')).toBe('true [ALL] 65532:65532');
      for (const shell of ['sh', '/bin/sh', '/bin/bash']) {
        const r = await container.exec([shell, '-c', 'id']);
        expect(r.code, `${shell}: ${r.stdout}${r.stderr}`).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(/executable file not found|no such file or directory/i);
      }
      if (c.writable) {
        // The declared writable dir is the app user's (COPY --chown from the init stage); /app is not.
        const write = (file: string) => container.exec(['/nodejs/bin/node', '-e', `require('fs').writeFileSync(${JSON.stringify(file)}, 'x')`]);
        expect((await write(`/app/${c.writable}/probe`)).code).toBe(0);
        expect((await write('/app/probe')).code).not.toBe(0);
      }
      await container.remove();
    });

    it('docker stop lets an in-flight request finish and the container exits 0', async () => {
      const container = await run(HARDENED);
      await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${port}/health`), 30_000);
      const result = await stopDuringSlowRequest(container, port, 3000);
      expect(result.status, result.body).toBe(200);
      expect(result.requestSeconds).toBeGreaterThanOrEqual(2.9);
      expect(result.stop.exitCode).toBe(0);
      expect(result.stop.seconds).toBeLessThan(10);
    });

    it('check --fail-on warning is clean on the written files, and update --check finds both pins current in the rig registry', async () => {
      const checked = await exec(process.execPath, [CLI, 'check', ws.dir, '--fail-on', 'warning'], { allowFailure: true, timeoutMs: 60_000 });
      expect(checked.code, checked.stderr + checked.stdout).toBe(0);
      const updated = await exec(process.execPath, [CLI, 'update', ws.dir, '--check', '--json', '--registry-mirror', rig.registry.url], { allowFailure: true, timeoutMs: 60_000 });
      expect(updated.code, updated.stderr + updated.stdout).toBe(0);
      const report = JSON.parse(updated.stdout) as { changes: { to: string; stale: boolean }[]; skipped: unknown[] };
      expect(report.skipped).toEqual([]);
      expect(report.changes.map((ch) => ch.stale)).toEqual([false, false]);
      expect(report.changes[1]!.to).toBe(`${runtime.repository}:nonroot@${runtime.digest}`);
    });
  });
});
