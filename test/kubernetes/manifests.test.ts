// --kubernetes on every e2e fixture (the tables of test/e2e/cases.ts, framework-cases.ts and the
// workspace fixtures): the manifests validate against the Kubernetes 1.34 API schema, meet Pod
// Security "restricted", say what the Dockerfile says (user, port, health command, writable paths),
// drain on rollout, and pass `check --fail-on info` once the image is pinned (--kubernetes-image).
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHUTDOWN_TIMEOUT_SECONDS } from '../../src/core/hardening.js';
import { CASES } from '../e2e/cases.js';
import { FRAMEWORK_CASES } from '../e2e/framework-cases.js';
import { readText, runInProcess } from '../support/cli-harness.js';
import { generateK8s, restrictedViolations, schemaErrors, type GeneratedK8s, type Json } from './support.js';

interface K8sCase {
  title: string;
  fixture: string;
  flags: string[];
  packageDir?: string;
  prepare?: (dir: string) => void;
}

const ALL: K8sCase[] = [
  ...CASES.map((c) => ({ title: c.title, fixture: c.fixture, flags: c.flags })),
  ...FRAMEWORK_CASES.map((c) => ({ title: c.title, fixture: c.fixture, flags: [], ...(c.prepare ? { prepare: c.prepare } : {}) })),
  ...['npm', 'pnpm', 'yarn'].map((m) => ({ title: `workspace-${m}: apps/api`, fixture: `workspace-${m}`, flags: [], packageDir: 'apps/api' })),
  // Framework packages inside workspaces (test/e2e/workspace-framework-images.test.ts).
  { title: 'workspace-next-pnpm: apps/web (next start)', fixture: 'workspace-next-pnpm', flags: [], packageDir: 'apps/web' },
  { title: 'workspace-nest-npm: apps/api', fixture: 'workspace-nest-npm', flags: [], packageDir: 'apps/api' },
  // Docker Hardened Images: uid 1000, no shell, HEALTHCHECK through node on PATH.
  { title: 'express-cjs on --base dhi', fixture: 'express-cjs', flags: ['--base', 'dhi', '--writable-dir', 'uploads'] },
  // The shell-less base runs as 65532 and its HEALTHCHECK calls /nodejs/bin/node: the manifests follow the image.
  { title: 'express-cjs on --base distroless (uid 65532)', fixture: 'express-cjs', flags: ['--base', 'distroless', '--writable-dir', 'uploads'] },
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

/** The Dockerfile's HEALTHCHECK CMD as an exec array. */
function healthcheckOf(dockerfile: string): string[] | undefined {
  const cmd = /^HEALTHCHECK [^\n]*\\\n\s+CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  return cmd === undefined ? undefined : (JSON.parse(cmd) as string[]);
}

describe.each(ALL)('--kubernetes: $title', (c) => {
  let k8s: GeneratedK8s;
  const pod = () => k8s.deployment.spec.template.spec as Json;
  const container = () => pod().containers[0] as Json;

  it('writes k8s/ whose Deployment and Service validate against the Kubernetes 1.34 API schema', async () => {
    k8s = await generateK8s(c.fixture, c.flags, { ...(c.packageDir ? { packageDir: c.packageDir } : {}), ...(c.prepare ? { prepare: c.prepare } : {}) });
    cleanups.push(k8s.cleanup);
    expect(schemaErrors(k8s)).toEqual([]);
    expect(k8s.kustomization.resources).toEqual(k8s.service ? ['deployment.yaml', 'service.yaml'] : ['deployment.yaml']);
  }, 60_000);

  it('meets Pod Security "restricted" (pod-security-admission checks), with a read-only root and no service account token', () => {
    expect(restrictedViolations(pod())).toEqual([]);
    expect(container().securityContext.readOnlyRootFilesystem).toBe(true);
    expect(pod().automountServiceAccountToken).toBe(false);
    expect(container().resources.limits.memory).toBeDefined();
  });

  it('runs as the Dockerfile USER, with the HEALTHCHECK command as exec probes and the port EXPOSE names', () => {
    const user = /^USER (\d+):(\d+)$/m.exec(k8s.dockerfile);
    expect(user).not.toBeNull();
    expect([pod().securityContext.runAsUser, pod().securityContext.runAsGroup]).toEqual([Number(user![1]), Number(user![2])]);
    const health = healthcheckOf(k8s.dockerfile);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(container()[probe]?.exec.command, probe).toEqual(health);
    const expose = /^EXPOSE (\d+)$/m.exec(k8s.dockerfile)?.[1];
    expect(container().ports?.[0]?.containerPort).toBe(expose === undefined ? undefined : Number(expose));
    expect(k8s.service?.spec.ports[0].port).toBe(expose === undefined ? undefined : Number(expose));
  });

  it('mounts an emptyDir on /tmp and on every directory the Dockerfile makes writable', () => {
    // With a shell: one RUN mkdir + chown; shell-less: one COPY --chown from the init stage per directory.
    const made = /^RUN mkdir -p (.+) && chown \d+:\d+ /m.exec(k8s.dockerfile)?.[1]?.split(' ') ?? [...k8s.dockerfile.matchAll(/^COPY --from=init --chown=\d+:\d+ \S+ (\S+)$/gm)].map((m) => m[1]!);
    const mounts = (container().volumeMounts as Json[]).map((m) => m.mountPath as string);
    expect(mounts).toEqual(['/tmp', ...made]);
    expect((pod().volumes as Json[]).every((v) => v.emptyDir !== undefined)).toBe(true);
  });

  it('drains on rollout: preStop sleep, then longer than the shutdown timeout before SIGKILL', () => {
    const pause = container().lifecycle.preStop.sleep.seconds as number;
    expect(pause).toBeGreaterThan(0);
    expect(pod().terminationGracePeriodSeconds).toBeGreaterThan(pause + SHUTDOWN_TIMEOUT_SECONDS);
    expect(k8s.deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it('check k8s/: only the digest finding while the placeholder tag is set; with --kubernetes-image <name>@sha256:<digest> check --fail-on info finds nothing', async () => {
    const first = await runInProcess(['check', 'k8s', '--json'], { cwd: k8s.appDir });
    expect((JSON.parse(first.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(['k8s-image-digest']);
    const image = `registry.example.com/team/${k8s.deployment.metadata.name as string}@sha256:${'a'.repeat(64)}`;
    const regenerated = await runInProcess(['--yes', '--force', '--kubernetes-image', image, ...c.flags], { cwd: k8s.appDir });
    expect(regenerated.code, regenerated.stderr).toBe(0);
    expect((parse(await readText(k8s.appDir, 'k8s/kustomization.yaml')) as Json).images[0].digest).toBe(`sha256:${'a'.repeat(64)}`);
    const pinned = await runInProcess(['check', 'k8s', '--json', '--fail-on', 'info'], { cwd: k8s.appDir });
    expect((JSON.parse(pinned.stdout) as { findings: { rule: string }[] }).findings, pinned.stderr).toEqual([]);
    expect(pinned.code).toBe(0);
  });
});
