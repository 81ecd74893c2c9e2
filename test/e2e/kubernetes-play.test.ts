// Kubernetes proof on a real engine (issue 19), for Express, Next.js standalone and an npm workspace
// package: the CLI writes k8s/ with --kubernetes, the rig's Docker engine builds the Dockerfile
// unchanged and pushes the image to the rig's registry, the CLI runs again with --kubernetes-image
// <the pushed digest>, and the generated Deployment is played with `podman kube play` (kustomization.yaml's
// images: applied as kustomize does: kube play cannot read it), so Podman pulls the image by the pinned
// digest; it is stopped with `podman pod stop -t <grace>` and removed with `podman kube down`. What Podman 4.3 honours is tested here:
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
import { parse } from 'yaml';
import { fixtureWorkspace, type FixtureWorkspace } from './rig/fixture-workspace.js';
import { exec } from './rig/exec.js';
import { CLI, generate } from './rig/generate.js';
import { switchNextToStandalone } from './rig/next-standalone.js';
import { ensurePodmanSettings, nodeIn, PODMAN, playableDeployment, playedContainer, podman, pushPinned } from './rig/podman-kube.js';
import { useRig } from './rig/use-rig.js';

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
  { title: 'next-app, output: "standalone"', fixture: 'next-app', flags: [], prepare: switchNextToStandalone, writable: '/app/.next/cache' },
  { title: 'workspace-npm apps/api', fixture: 'workspace-npm', flags: [], packageDir: 'apps/api' },
];

/** A node one-liner's output: write a file and say whether it worked. */
const writeProbe = (file: string) => `try{require('fs').writeFileSync(${JSON.stringify(file)},'x');console.log('wrote')}catch(e){console.log(e.code)}`;

describe.skipIf(!E2E)('podman kube play of the generated Deployment (Podman 4.3 ignores readinessProbe, startupProbe, runAsNonRoot, seccompProfile, preStop, terminationGracePeriodSeconds, and shell-joins exec probes)', () => {
  // Before the rig starts: without podman there is nothing to play the manifests in.
  beforeAll(() => {
    if (!existsSync(PODMAN)) throw new Error(`${PODMAN} is missing: scripts/install-e2e-deps.sh installs podman`);
    ensurePodmanSettings();
  });
  const rig = useRig();

  describe.each(PLAY_CASES)('$title', (c) => {
    let ws: FixtureWorkspace;
    let work: string;
    let played = '';
    let container = '';
    let port = 0;
    const names = { deployment: '', container: '' };
    let livenessCommand: string[] = [];
    const probeCommand = () => livenessCommand;
    const image = `e2e/csnd-k8s-${c.fixture}:e2e`;
    /** <rig registry>/csnd-k8s/<fixture>@sha256:<digest docker push printed>: what --kubernetes-image is given. */
    let pinned = '';
    let appDir = '';
    const before: Record<string, string> = {};
    let pinnedReport: { files: { path: string; action: string }[]; kubernetes?: { image: string | null } } | undefined;
    let build: { context: string; dockerfile: string; tag: string } | undefined;
    let imageId = '';

    let started = 0;

    beforeAll(async () => {
      started = performance.now();
      ws = await fixtureWorkspace(c.fixture);
      c.prepare?.(ws.dir);
      work = mkdtempSync(path.join(tmpdir(), 'e2e-kube-'));
      appDir = c.packageDir ? path.join(ws.dir, c.packageDir) : ws.dir;
      const report = (await generate(appDir, rig.registry.url, ['--kubernetes', ...c.flags])) as { build: { context: string; dockerfile: string } };
      const t0 = performance.now();
      build = { context: path.resolve(process.cwd(), report.build.context), dockerfile: path.resolve(process.cwd(), report.build.dockerfile), tag: image };
      await rig.docker.build(build);
      imageId = await rig.docker.out(['image', 'inspect', '--format', '{{.Id}}', image]);
      pinned = await pushPinned(rig.docker, image, rig.registry.host, `csnd-k8s/${c.fixture}`);
      console.log(`[e2e] ${c.fixture}: built and pushed as ${pinned} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // What a user does after the push: the same command again, with the pushed digest.
      for (const file of ['Dockerfile', 'compose.yaml', 'k8s/deployment.yaml', 'k8s/kustomization.yaml']) before[file] = readFileSync(path.join(appDir, file), 'utf8');
      pinnedReport = (await generate(appDir, rig.registry.url, ['--kubernetes', ...c.flags, '--force', '--kubernetes-image', pinned])) as typeof pinnedReport;
      played = path.join(work, 'deployment.played.yaml');
      const deployment = playableDeployment(readFileSync(path.join(appDir, 'k8s/deployment.yaml'), 'utf8'), readFileSync(path.join(appDir, 'k8s/kustomization.yaml'), 'utf8'), played);
      port = Number(/^EXPOSE (\d+)$/m.exec(readFileSync(path.join(appDir, 'Dockerfile'), 'utf8'))?.[1]);
      names.deployment = deployment.metadata.name as string;
      names.container = deployment.spec.template.spec.containers[0].name as string;
      livenessCommand = deployment.spec.template.spec.containers[0].livenessProbe.exec.command as string[];
    }, 900_000);

    afterAll(async () => {
      if (played) await podman(['kube', 'down', played], { allowFailure: true });
      if (pinned) await podman(['rmi', '-f', pinned], { allowFailure: true });
      ws?.remove();
      if (work) rmSync(work, { recursive: true, force: true });
      // What this case adds to CI's e2e time (generate twice, build, push, play, checks, clean-up).
      console.log(`[e2e] ${c.fixture}: the whole case took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, 120_000);

    it('--kubernetes-image <the pushed digest>: kustomization.yaml pins it, the Deployment, compose.yaml and the Dockerfile instructions are unchanged, a rebuild is the same image (k8s/ and README.Docker.md are not in the build context); check --fail-on info finds nothing', async () => {
      expect(pinnedReport?.kubernetes?.image).toBe(pinned);
      const [name, digest] = pinned.split('@');
      const kustomization = parse(readFileSync(path.join(appDir, 'k8s/kustomization.yaml'), 'utf8')) as { images: unknown[] };
      expect(kustomization.images).toEqual([{ name: names.container, newName: name, digest }]);
      expect(readFileSync(path.join(appDir, 'k8s/deployment.yaml'), 'utf8')).toBe(before['k8s/deployment.yaml']);
      expect(readFileSync(path.join(appDir, 'compose.yaml'), 'utf8')).toBe(before['compose.yaml']);
      const dockerfile = readFileSync(path.join(appDir, 'Dockerfile'), 'utf8');
      const instructions = (text: string) => text.split('\n').filter((line) => !line.startsWith('#'));
      expect(instructions(dockerfile)).toEqual(instructions(before.Dockerfile!));
      expect(/^# Regenerate: .*$/m.exec(dockerfile)?.[0]).toContain(`--kubernetes-image ${pinned}`);
      // Pinning the pushed image does not change the image the same sources build.
      await rig.docker.build(build!);
      expect(await rig.docker.out(['image', 'inspect', '--format', '{{.Id}}', image])).toBe(imageId);
      const checked = await exec(process.execPath, [CLI, 'check', path.join(appDir, 'k8s'), '--fail-on', 'info', '--json'], { allowFailure: true, timeoutMs: 60_000 });
      expect(checked.code, checked.stderr).toBe(0);
      expect((JSON.parse(checked.stdout) as { findings: unknown[] }).findings).toEqual([]);
    }, 120_000);

    it('podman kube play --network none pulls the pinned image by digest and starts it (both replicas: Podman 4.3 plays each as a pod; ports left out, see playableDeployment)', async () => {
      const t0 = performance.now();
      // The rig's registry is plain HTTP on 127.0.0.1 (no TLS to verify).
      await podman(['kube', 'play', '--network', 'none', '--tls-verify=false', played]);
      console.log(`[e2e] ${c.fixture}: kube play (pull by digest, start) took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const pods = (await podman(['pod', 'ps', '--format', '{{.Name}}'])).stdout.split('\n').filter((p) => p.startsWith(`${names.deployment}-pod-`));
      expect(pods.length).toBe(2);
      container = await playedContainer(names.deployment, names.container);
      expect((await podman(['inspect', '--format', '{{.ImageName}}', container])).stdout.trim()).toBe(pinned);
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
      const field = (name: string) => new RegExp(`^${name}:\\s+(\\w+)`, 'm').exec(status)?.[1];
      expect([field('Uid'), field('Gid')]).toEqual(['1000', '1000']);
      // No capabilities and no privilege escalation (capabilities.drop: [ALL], allowPrivilegeEscalation: false).
      expect(field('CapEff')).toBe('0000000000000000');
      expect(field('NoNewPrivs')).toBe('1');
      const writes = { '/app/package.json': 'EROFS', '/tmp/x': 'wrote', ...(c.writable ? { [`${c.writable}/x`]: 'wrote' } : {}) };
      const seen: Record<string, string> = {};
      for (const file of Object.keys(writes)) seen[file] = (await nodeIn(container, writeProbe(file))).stdout.trim();
      console.log(`[e2e] ${c.fixture}: uid ${field('Uid')} gid ${field('Gid')}, CapEff ${field('CapEff')}, NoNewPrivs ${field('NoNewPrivs')}, writes ${JSON.stringify(seen)}`);
      expect(seen).toEqual(writes);
    }, 120_000);

    it('the livenessProbe exec command, run as the kubelet runs it (argv, no shell), exits 0; Podman 4.3 itself joins it into a CMD-SHELL, which a node -e script cannot survive', async () => {
      const probe = probeCommand();
      const t0 = performance.now();
      const result = await podman(['exec', container, ...probe], { allowFailure: true });
      console.log(`[e2e] ${c.fixture}: livenessProbe exec exited ${result.code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
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
      console.log(`[e2e] ${c.fixture}: podman pod stop -t ${grace} took ${seconds.toFixed(1)} s; the in-flight request: ${out.trim().split('\n').join(', ')}`);
      // Drained, not killed: it took the request's remaining time, well short of the grace period.
      expect(seconds).toBeLessThan(grace);
      expect(out.trim().split('\n')).toEqual(['connected', 'status 200']);
    }, 120_000);
  });
});
