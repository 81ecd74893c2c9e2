// Shared by the Kubernetes tests: generate with --kubernetes on a temp fixture copy, read k8s/ back,
// validate against the Kubernetes 1.34 API schema (kubernetes-models 5.1.0) and judge Pod Security
// "restricted" with a reading of the pod-security-admission checks that does not share code with
// src/rules/kubernetes.ts.
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML, walked by tests

export interface GeneratedK8s {
  dir: string;
  /** Where the app's files are (a workspace package's directory). */
  appDir: string;
  deployment: Json;
  service: Json | undefined;
  kustomization: Json;
  dockerfile: string;
  cleanup: () => Promise<void>;
}

export async function generateK8s(fixture: string, flags: string[] = [], opts: { packageDir?: string; prepare?: (dir: string) => void | Promise<void> } = {}): Promise<GeneratedK8s> {
  const { dir, cleanup } = await copyFixture(fixture);
  await opts.prepare?.(dir);
  const appDir = opts.packageDir ? path.join(dir, opts.packageDir) : dir;
  const result = await runInProcess(['--yes', '--json', '--kubernetes', ...flags], { cwd: appDir });
  if (result.code !== 0) throw new Error(`generate --kubernetes on ${fixture} exited ${result.code}: ${result.stderr}`);
  const read = async (file: string) => parse(await readText(appDir, `k8s/${file}`)) as Json;
  const files = (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
  const hasService = files.some((f) => f.endsWith('k8s/service.yaml'));
  return {
    dir,
    appDir,
    deployment: await read('deployment.yaml'),
    service: hasService ? await read('service.yaml') : undefined,
    kustomization: await read('kustomization.yaml'),
    dockerfile: await readText(appDir, 'Dockerfile'),
    cleanup,
  };
}

/** Schema errors of the Deployment and Service (kubernetes-models' validators: types, enums, required fields). */
export function schemaErrors(k8s: Pick<GeneratedK8s, 'deployment' | 'service'>): string[] {
  const errors: string[] = [];
  const validate = (run: () => void) => {
    try {
      run();
    } catch (error) {
      errors.push((error as Error).message);
    }
  };
  validate(() => new Deployment(k8s.deployment as never).validate());
  if (k8s.service) validate(() => new Service(k8s.service as never).validate());
  return errors;
}

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** What breaks Pod Security "restricted" (pod-security-admission, policy version latest), as one line each. */
export function restrictedViolations(pod: Json): string[] {
  const out: string[] = [];
  const containers: Json[] = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
  const psc: Json = pod.securityContext ?? {};
  // baseline
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[key] === true) out.push(`host namespaces: ${key}`);
  if ((pod.volumes ?? []).some((v: Json) => 'hostPath' in v)) out.push('hostPath volumes');
  if (psc.sysctls?.length) out.push('sysctls');
  for (const c of containers) {
    const sc: Json = c.securityContext ?? {};
    if (sc.privileged === true) out.push(`privileged: ${c.name}`);
    if ((c.ports ?? []).some((p: Json) => p.hostPort)) out.push(`hostPort: ${c.name}`);
    if (sc.procMount && sc.procMount !== 'Default') out.push(`procMount: ${c.name}`);
    // restricted
    if (sc.allowPrivilegeEscalation !== false) out.push(`allowPrivilegeEscalation != false: ${c.name}`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push(`capabilities not dropping ALL: ${c.name}`);
    if ((sc.capabilities?.add ?? []).some((cap: string) => cap !== 'NET_BIND_SERVICE')) out.push(`capabilities added: ${c.name}`);
    const nonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    if (nonRoot !== true) out.push(`runAsNonRoot != true: ${c.name}`);
    if ((sc.runAsUser ?? psc.runAsUser) === 0) out.push(`runAsUser=0: ${c.name}`);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') out.push(`seccompProfile: ${c.name}`);
  }
  if (psc.runAsUser === 0) out.push('runAsUser=0: pod');
  for (const v of pod.volumes ?? []) {
    const type = Object.keys(v).find((k) => k !== 'name');
    if (!type || !ALLOWED_VOLUMES.includes(type)) out.push(`volume type ${type}: ${v.name}`);
  }
  return out;
}
