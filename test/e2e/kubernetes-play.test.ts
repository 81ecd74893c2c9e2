// Kubernetes proof on a real engine (issue 19): the CLI writes k8s/ with --kubernetes, the rig's
// Docker engine builds the Dockerfile unchanged, the image is loaded into Podman 4.3, and the
// generated Deployment is played with `podman kube play` (image substituted: kube play cannot apply
// kustomization.yaml), stopped with `podman pod stop -t <grace>` and removed with `podman kube down`. What Podman 4.3 honours is tested here:
// runAsUser, readOnlyRootFilesystem, emptyDir, capabilities, allowPrivilegeEscalation,
// replicas (one pod each). What it ignores or breaks (readinessProbe, startupProbe, runAsNonRoot,
// seccompProfile, preStop, terminationGracePeriodSeconds; the Service; the exec livenessProbe, which
// it joins into a shell string: its command is run here as the kubelet runs it) is checked against the
// Kubernetes 1.34 schema and the restricted checks in test/kubernetes instead.
// Run: `sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/kubernetes-play.test.ts`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { generate } from './rig/generate.js';
import { switchNextToStandalone } from './rig/next-standalone.js';
import { ensurePodmanSettings, loadIntoPodman, nodeIn, PODMAN, playableDeployment, playedContainer, podman } from './rig/podman-kube.js';
import { startRig, type Rig, RIG_STOP_TIMEOUT_MS } from './rig/rig.js';

const E2E = process.env.E2E === '1';

interface PlayCase {
  title: string;
  fixture: string;
  flags: string[];
  /** The package the CLI runs in (a workspace builds from its root). */
  packageDir?: string;
  prepare?: (dir: string) => void;
  /** A path the app may write (an emptyDir in the manifest). */
  writable?: string;
}

const PLAY_CASES: PlayCase[] = [
  { title: 'express-cjs (--writable-dir uploads)', fixture: 'express-cjs', flags: ['--writable-dir', 'uploads'], writable: '/app/uploads' },
];
// NOT YET RUN (deadline): the same cases for Next.js standalone and the npm workspace were written but
// not seen passing, so they are left out until they are:
//   { title: 'next-app, output: "standalone"', fixture: 'next-app', flags: [], prepare: switchNextToStandalone, writable: '/app/.next/cache' },
//   { title: 'workspace-npm apps/api', fixture: 'workspace-npm', flags: [], packageDir: 'apps/api' },
void switchNextToStandalone;

/** A node one-liner's output: write a file and say whether it worked. */
const writeProbe = (file: string) => `try{require('fs').writeFileSync(${JSON.stringify(file)},'x');console.log('wrote')}catch(e){console.log(e.code)}`;

describe.skipIf(!E2E)('podman kube play of the generated Deployment (Podman 4.3 ignores readinessProbe, startupProbe, runAsNonRoot, seccompProfile, preStop, terminationGracePeriodSeconds, and shell-joins exec probes)', () => {
  let rig: Rig;

  beforeAll(async () => {
    if (!existsSync(PODMAN)) throw new Error(`${PODMAN} is missing: scripts/install-e2e-deps.sh installs podman`);
    ensurePodmanSettings();
    rig = await startRig();
  }, 1_200_000);

  afterAll(async () => {
    await rig?.stop();
  }, RIG_STOP_TIMEOUT_MS);

  describe.each(PLAY_CASES)('$title', (c) => {
    let ws: FixtureWorkspace;
    let work: string;
    let played = '';
    let container = '';
    let port = 0;
    const names = { deployment: '', container: '' };
    let livenessCommand: string[] = [];
    const probeCommand = () => livenessCommand;
    const image = `localhost/csnd-k8s-${c.fixture}:e2e`;

    beforeAll(async () => {
      ws = await fixtureWorkspace(c.fixture);
      c.prepare?.(ws.dir);
      work = mkdtempSync(path.join(tmpdir(), 'e2e-kube-'));
      const appDir = c.packageDir ? path.join(ws.dir, c.packageDir) : ws.dir;
      const report = (await generate(appDir, rig.registry.url, ['--kubernetes', ...c.flags])) as { build: { context: string; dockerfile: string } };
      const t0 = performance.now();
      await rig.docker.build({ context: path.resolve(process.cwd(), report.build.context), dockerfile: path.resolve(process.cwd(), report.build.dockerfile), tag: image });
      await loadIntoPodman(rig.docker, image, work);
      console.log(`[e2e] ${c.fixture}: built and loaded into podman in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      played = path.join(work, 'deployment.played.yaml');
      const deployment = playableDeployment(readFileSync(path.join(appDir, 'k8s/deployment.yaml'), 'utf8'), image, played);
      port = Number(/^EXPOSE (\d+)$/m.exec(readFileSync(path.join(appDir, 'Dockerfile'), 'utf8'))?.[1]);
      names.deployment = deployment.metadata.name as string;
      names.container = deployment.spec.template.spec.containers[0].name as string;
      livenessCommand = deployment.spec.template.spec.containers[0].livenessProbe.exec.command as string[];
    }, 900_000);

    afterAll(async () => {
      if (played) await podman(['kube', 'down', played], { allowFailure: true });
      await podman(['rmi', '-f', image], { allowFailure: true });
      ws?.remove();
      if (work) rmSync(work, { recursive: true, force: true });
    }, 120_000);

    it('podman kube play --network none starts it (both replicas: Podman 4.3 plays each as a pod; ports left out, see playableDeployment)', async () => {
      await podman(['kube', 'play', '--network', 'none', played]);
      const pods = (await podman(['pod', 'ps', '--format', '{{.Name}}'])).stdout.split('\n').filter((p) => p.startsWith(`${names.deployment}-pod-`));
      expect(pods.length).toBe(2);
      container = await playedContainer(names.deployment, names.container);
      // The app answers inside the pod (no published port: --network none, so no clash with other runs).
      let status = '';
      for (let i = 0; i < 60 && status !== '200'; i++) {
        status = (await nodeIn(container, `fetch('http://127.0.0.1:${port}/').then(r=>console.log(r.status),()=>console.log('down'))`)).stdout.trim();
        if (status !== '200') await new Promise((r) => setTimeout(r, 1000));
      }
      expect(status).toBe('200');
    }, 120_000);

    it('served as uid 1000 (runAsUser) with a read-only root (readOnlyRootFilesystem); /tmp and the writable path are emptyDirs', async () => {
      const pid = (await podman(['inspect', '--format', '{{.State.Pid}}', container])).stdout.trim();
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe('1000');
      expect(/^Gid:\s+(\d+)/m.exec(status)?.[1]).toBe('1000');
      // No capabilities and no privilege escalation (capabilities.drop: [ALL], allowPrivilegeEscalation: false).
      expect(/^CapEff:\s+(\w+)/m.exec(status)?.[1]).toBe('0000000000000000');
      expect(/^NoNewPrivs:\s+(\d)/m.exec(status)?.[1]).toBe('1');
      expect((await nodeIn(container, writeProbe('/app/package.json'))).stdout.trim()).toBe('EROFS');
      expect((await nodeIn(container, writeProbe('/tmp/x'))).stdout.trim()).toBe('wrote');
      if (c.writable) expect((await nodeIn(container, writeProbe(`${c.writable}/x`))).stdout.trim()).toBe('wrote');
    }, 120_000);

    it('the livenessProbe exec command, run as the kubelet runs it (argv, no shell), exits 0; Podman 4.3 itself joins it into a CMD-SHELL, which a node -e script cannot survive', async () => {
      const probe = probeCommand();
      const result = await podman(['exec', container, ...probe], { allowFailure: true });
      expect(result.code, result.stderr + result.stdout).toBe(0);
      // What Podman 4.3 made of it (documented in README.Docker.md): the argv joined for /bin/sh.
      const test = JSON.parse((await podman(['inspect', '--format', '{{json .Config.Healthcheck.Test}}', container])).stdout) as string[];
      expect(test.slice(0, 1 + probe.length)).toEqual(['CMD-SHELL', ...probe]);
    }, 120_000);

    // Podman 4.3's `kube down` stops the pods with a zero timeout (PlayKubeDown passes PodStopOptions{}, so
    // SIGKILL follows SIGTERM at once: seen here as ECONNRESET after 2 s): it honours no grace period at
    // all. The drain is proven the way a kubelet stops a pod, SIGTERM then the manifest's
    // terminationGracePeriodSeconds before SIGKILL: `podman pod stop -t <grace>`; `kube down` then removes it.
    it('podman pod stop -t <terminationGracePeriodSeconds> during GET /slow?ms=3000: the request finishes with 200 (kube down itself kills at once on 4.3)', async () => {
      // The client joins the pod's network namespace from the host (nsenter), so it is not in the pod's
      // PID namespace, whose processes all die when the app (PID 1's child) exits.
      const pid = (await podman(['inspect', '--format', '{{.State.Pid}}', container])).stdout.trim();
      const script = `const r=require('http').get('http://127.0.0.1:${port}/slow?ms=3000',res=>{console.log('status',res.statusCode);res.resume()});r.on('socket',s=>s.on('connect',()=>console.log('connected')));r.on('error',e=>console.log('failed',e.code))`;
      const client = spawn('nsenter', [`--net=/proc/${pid}/ns/net`, process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      client.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const done = new Promise<void>((resolve) => client.on('close', () => resolve()));
      // Stop only once the request is in flight (the client's start-up is slow on a busy machine).
      for (let i = 0; i < 200 && !out.includes('connected'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('connected');
      await new Promise((r) => setTimeout(r, 300));
      const grace = Number(readFileSync(played, 'utf8').match(/terminationGracePeriodSeconds: (\d+)/)?.[1]);
      expect(grace).toBeGreaterThan(0);
      const t0 = performance.now();
      await podman(['pod', 'stop', '-t', String(grace), `${names.deployment}-pod-0`]);
      const seconds = (performance.now() - t0) / 1000;
      await done;
      await podman(['kube', 'down', played]);
      played = '';
      console.log(`[e2e] ${c.fixture}: podman pod stop -t ${grace} took ${seconds.toFixed(1)} s`);
      // Drained, not killed: it took the request's remaining time, well short of the grace period.
      expect(seconds).toBeLessThan(grace);
      expect(out.trim().split('\n')).toEqual(['connected', 'status 200']);
    }, 120_000);
  });
});
