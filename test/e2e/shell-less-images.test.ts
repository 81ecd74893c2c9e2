// End-to-end proof of --base distroless and --base dhi (issue 20) in a real Docker engine. The rig serves a
// SHELL-LESS STAND-IN for gcr.io/distroless/nodejs<major>-debian13:nonroot (rig/stand-in-distroless:
// the real node binary and exactly its ldd libraries, nonroot 65532, no /bin/sh, no package manager)
// and tags the Debian node stand-in <v>-trixie-slim. gcr.io cannot be mirrored the way Docker Hub is
// (--registry-mirror covers docker.io only), so the one deviation from a user's run is the CLI's own
// --runtime-image flag naming the rig's registry: the runtime FROM line says <rig host>/distroless/...
// instead of gcr.io/distroless/..., and the Dockerfile is built exactly as written.
// --base dhi gets the same treatment: SHELL-LESS STAND-INS for dhi.io/node:<v>-alpine3.N-dev and
// <v>-alpine3.N (rig/stand-in-dhi: GLIBC underneath the -alpine names, since Alpine cannot be had here;
// node 1000, no shell in the runtime), served as <rig host>/dhi/node through --runtime-image.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGet, stopDuringSlowRequest, Container } from './rig/container.js';
import { publishDhiStandIn, type DhiStandIn } from './rig/dhi-stand-in.js';
import { publishDistrolessStandIn, tagTrixieSlim, type DistrolessStandIn } from './rig/distroless-stand-in.js';
import { exec, waitFor } from './rig/exec.js';
import { fixtureWorkspace } from './rig/fixture-workspace.js';
import { CLI, generate } from './rig/generate.js';
import { switchNextToStandalone } from './rig/next-standalone.js';
import { CURRENT_LTS } from './rig/stand-in-images.js';
import { useImageCase } from './rig/use-image-case.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';
if (!E2E) console.log('SKIPPED: the shell-less e2e needs root and a Docker engine it starts itself. Run it with: sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/shell-less-images.test.ts');

const hardened = (uid: number) => ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', `${uid}:${uid}`];

/** What differs between the shell-less bases, as the generated setup uses them. */
const BASES = {
  distroless: { uid: 65532, node: '/nodejs/bin/node' },
  dhi: { uid: 1000, node: '/usr/bin/node' },
} as const;

interface ShellLessCase {
  title: string;
  base: keyof typeof BASES;
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
  { title: 'express-cjs on distroless, --writable-dir uploads', base: 'distroless', fixture: 'express-cjs', flags: ['--writable-dir', 'uploads'], writable: 'uploads', command: /^\/nodejs\/bin\/node / },
  { title: 'native-module (bcrypt compiled by node-gyp on trixie-slim) on distroless', base: 'distroless', fixture: 'native-module', flags: [], command: /^\/nodejs\/bin\/node / },
  {
    title: 'next-app with output: "standalone" on distroless: node server.js, .next/cache writable',
    base: 'distroless',
    fixture: 'next-app',
    prepare: switchNextToStandalone,
    flags: [],
    tmpfs: ['/app/.next/cache'],
    // Next's server.js names its process itself (process.title): tini's line shows the command it started.
    command: /^next-server \(v16\./,
  },
  { title: 'express-cjs on dhi (glibc stand-in under the -alpine names), --writable-dir uploads', base: 'dhi', fixture: 'express-cjs', flags: ['--writable-dir', 'uploads'], writable: 'uploads', command: /^node --require / },
  { title: 'native-module (bcrypt compiled by node-gyp on the -dev stand-in) on dhi (glibc stand-in under the -alpine names), --node ">=20" because dhi publishes no lts tags and the rig has no Node release index', base: 'dhi', fixture: 'native-module', flags: ['--node', '>=20'], command: /^node / },
];

describe.skipIf(!E2E)('--base distroless and --base dhi, built and run on shell-less images', () => {
  let distroless: DistrolessStandIn;
  let dhi: DhiStandIn;
  const rig = useRig({
    setUp: async ({ docker, registry, standIns }) => {
      const slim = standIns.find((s) => s.flavour === 'slim' && s.release === CURRENT_LTS);
      const alpine = standIns.find((s) => s.flavour === 'alpine' && s.release === CURRENT_LTS);
      if (!slim || !alpine) throw new Error('the rig has no Debian or Alpine stand-in for the current LTS');
      await tagTrixieSlim(registry, slim);
      distroless = await publishDistrolessStandIn(docker, registry, CURRENT_LTS.nodeVersion);
      dhi = await publishDhiStandIn(docker, registry, alpine);
    },
  });

  describe.each(CASES)('$title', (c) => {
    const { uid, node } = BASES[c.base];
    const image = `e2e/${c.fixture}-${c.base}:test`;
    const repository = () => (c.base === 'dhi' ? dhi.repository : distroless.repository);
    const runtimeRef = () => (c.base === 'dhi' ? `${dhi.repository}:${dhi.runtime.tag}@${dhi.runtime.digest}` : `${distroless.repository}:nonroot@${distroless.digest}`);
    const app = useImageCase(rig, {
      fixture: c.fixture,
      image,
      prepare: c.prepare,
      setUp: async ({ ws }) => {
        await generate(ws.dir, rig.registry.url, ['--base', c.base, '--runtime-image', repository(), ...c.flags]);
      },
    });
    // A failed assertion must not leave a container holding the port for the next test.
    afterEach(() => app.removeContainers());
    const run = async (extra: string[]) => {
      const tmpfs = (c.tmpfs ?? []).flatMap((p) => ['--tmpfs', `${p}:uid=${uid},gid=${uid}`]);
      // As compose.yaml does: a volume on the writable dir (Docker copies the image's directory, owner included).
      if (c.writable) tmpfs.push('-v', `/app/${c.writable}`);
      const id = await rig.docker.out(['run', '-d', '--network', 'host', '--health-interval', '2s', ...extra, ...tmpfs, '-e', `PORT=${app.port}`, image]);
      return app.track(new Container(rig.docker, id));
    };

    it('pins the build image and the runtime image by the digests the registry serves, and builds as written', async () => {
      const dockerfile = readFileSync(path.join(app.ws.dir, 'Dockerfile'), 'utf8');
      if (c.base === 'dhi') {
        expect(dockerfile).toContain(`FROM ${dhi.repository}:${dhi.dev.tag}@${dhi.dev.digest} AS base`);
        expect(dockerfile).toContain(`# Runtime image: Node.js ${dhi.nodeVersion} on Docker Hardened Images Alpine`);
      } else {
        expect(dockerfile).toMatch(new RegExp(`^FROM node:${CURRENT_LTS.nodeVersion}-trixie-slim@sha256:[0-9a-f]{64} AS base$`, 'm'));
        expect(dockerfile).toContain(`# Runtime image: Node.js ${distroless.nodeVersion} on distroless`);
      }
      expect(dockerfile).toContain(`FROM ${runtimeRef()} AS runtime`);
      // Nothing after the runtime FROM needs a shell.
      expect(dockerfile.slice(dockerfile.indexOf(' AS runtime'))).not.toMatch(/^RUN /m);
      const result = await rig.docker.build({ context: app.ws.dir, tag: image, noCache: true });
      console.log(`[e2e] ${c.fixture} on ${c.base}: clean build ${result.seconds.toFixed(1)} s, image ${((await rig.docker.imageSize(image)) / 1e6).toFixed(0)} MB`);
    });

    it('serves as the numeric non-root user under the hardening flags, tini is PID 1, the HEALTHCHECK turns healthy, and there is no shell', async () => {
      const container = await run(hardened(uid));
      const health = await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${app.port}/health`), 30_000);
      expect(health.status).toBe(200);
      await container.waitHealthy();
      const processes = await container.processes();
      expect(processes[0]!.command.split(' ')[0]).toBe('/usr/local/bin/tini');
      const appProcess = processes.find((p) => c.command.test(p.command));
      expect(appProcess, processes.map((p) => p.command).join('\n')).toBeDefined();
      for (const p of processes) expect(p.uid, p.command).toBe(uid);
      expect(appProcess!.env.NODE_ENV).toBe('production');
      expect(await container.inspect('{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.Config.User}}')).toBe(`true [ALL] ${uid}:${uid}`);
      for (const shell of ['sh', '/bin/sh', '/bin/bash']) {
        const r = await container.exec([shell, '-c', 'id']);
        expect(r.code, `${shell}: ${r.stdout}${r.stderr}`).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(/executable file not found|no such file or directory/i);
      }
      if (c.writable) {
        // The declared writable dir is the app user's (COPY --chown from the init stage); /app is not.
        const write = (file: string) => container.exec([node, '-e', `require('fs').writeFileSync(${JSON.stringify(file)}, 'x')`]);
        expect((await write(`/app/${c.writable}/probe`)).code).toBe(0);
        expect((await write('/app/probe')).code).not.toBe(0);
      }
      await container.remove();
    });

    it('docker stop lets an in-flight request finish and the container exits 0', async () => {
      const container = await run(hardened(uid));
      await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${app.port}/health`), 30_000);
      const result = await stopDuringSlowRequest(container, app.port, 3000);
      expect(result.status, result.body).toBe(200);
      expect(result.requestSeconds).toBeGreaterThanOrEqual(2.9);
      expect(result.stop.exitCode).toBe(0);
      expect(result.stop.seconds).toBeLessThan(10);
    });

    it('check --fail-on warning is clean on the written files, and update --check finds both pins current in the rig registry', async () => {
      const checked = await exec(process.execPath, [CLI, 'check', app.ws.dir, '--fail-on', 'warning'], { allowFailure: true, timeoutMs: 60_000 });
      expect(checked.code, checked.stderr + checked.stdout).toBe(0);
      const updated = await exec(process.execPath, [CLI, 'update', app.ws.dir, '--check', '--json', '--registry-mirror', rig.registry.url], { allowFailure: true, timeoutMs: 60_000 });
      expect(updated.code, updated.stderr + updated.stdout).toBe(0);
      const report = JSON.parse(updated.stdout) as { changes: { to: string; stale: boolean }[]; skipped: unknown[] };
      expect(report.skipped).toEqual([]);
      expect(report.changes.map((ch) => ch.stale)).toEqual([false, false]);
      expect(report.changes[1]!.to).toBe(runtimeRef());
    });
  });

  it('--verify on distroless (express-cjs): every check passes with no shell in the image (node by its full path, uid 65532)', async () => {
    const ws = await fixtureWorkspace('express-cjs');
    try {
      // The user's shell: the rig's docker client first on PATH, DOCKER_HOST at the engine (as verify.test.ts runs it).
      const env = { ...rig.docker.env(), PATH: `${path.dirname(rig.docker.binary)}:${process.env.PATH}` };
      const started = Date.now();
      const r = await exec(
        process.execPath,
        [CLI, ws.dir, '--yes', '--json', '--registry-mirror', rig.registry.url, '--base', 'distroless', '--runtime-image', distroless.repository, '--verify'],
        { env, timeoutMs: 300_000, allowFailure: true },
      );
      console.log(`[e2e] --verify on distroless: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(r.code, r.stderr).toBe(0);
      const verify = (JSON.parse(r.stdout) as { verify: { checks: { name: string; ok: boolean; detail: string }[] } }).verify;
      expect(verify.checks.map((c) => [c.name, c.ok])).toEqual(expect.arrayContaining([['stays up', true], ['runs as non-root', true], ['HEALTHCHECK healthy', true]]));
      expect(verify.checks.every((c) => c.ok), JSON.stringify(verify.checks)).toBe(true);
      expect(verify.checks.find((c) => c.name === 'runs as non-root')?.detail).toMatch(/^uid 65532 inside the container \(tini, /);
      expect(verify.checks.find((c) => c.name.startsWith('answers on port'))?.detail).toMatch(/-> 200/);
    } finally {
      ws.remove();
    }
  }, 600_000);
});
