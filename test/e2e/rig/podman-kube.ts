// Podman 4.3 (Debian) playing our Kubernetes manifests: the sandbox settings it needs, publishing an
// image the rig's Docker engine built to the rig's registry (so the manifests can pin it by digest and
// Podman pulls it by that digest), and `podman kube play` / `kube down` of a Deployment.
// Settings go in a containers.conf.d drop-in of our own name, identical to /work/shared's
// ENVIRONMENT.md facts (rlimits this sandbox refuses, runc), so other Podman users are not changed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { DockerCli } from './docker-cli.js';
import { exec, type ExecResult } from './exec.js';

export const PODMAN = '/usr/bin/podman';
const DROP_IN = '/etc/containers/containers.conf.d/50-create-secure-node-docker-e2e.conf';
const SETTINGS = '[containers]\ndefault_ulimits = ["nproc=4096:4096", "nofile=20000:20000"]\n\n[engine]\nruntime = "runc"\n';

/** Writes the drop-in when it is missing or differs (scripts/install-e2e-deps.sh writes the same file). */
export function ensurePodmanSettings(): void {
  if (existsSync(DROP_IN) && readFileSync(DROP_IN, 'utf8') === SETTINGS) return;
  mkdirSync(path.dirname(DROP_IN), { recursive: true });
  writeFileSync(DROP_IN, SETTINGS);
}

export function podman(args: readonly string[], opts: { allowFailure?: boolean; timeoutMs?: number } = {}): Promise<ExecResult> {
  return exec(PODMAN, args, { timeoutMs: opts.timeoutMs ?? 300_000, allowFailure: opts.allowFailure ?? false });
}

/**
 * Pushes an image the rig's engine built to the rig's registry as <registry>/<repository>:e2e and
 * returns the reference that pins it, <registry>/<repository>@sha256:<manifest digest>: what a user
 * passes to --kubernetes-image after `docker push`.
 */
export async function pushPinned(docker: DockerCli, image: string, registryHost: string, repository: string): Promise<string> {
  const remote = `${registryHost}/${repository}`;
  await docker.run(['tag', image, `${remote}:e2e`]);
  const pushed = (await docker.run(['push', `${remote}:e2e`])).stdout;
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];
  if (!digest) throw new Error(`docker push ${remote}:e2e printed no digest:\n${pushed}`);
  return `${remote}@${digest}`;
}

/**
 * The Deployment as Podman plays it, written as a plain manifest. kube play cannot apply
 * kustomization.yaml, so its `images:` entry is applied here the way kustomize's image transformer
 * does (name -> newName, then :newTag and @digest); and `ports` are left out, because Podman 4.3
 * publishes every containerPort on the host (Kubernetes does not), which needs slirp4netns
 * networking and could clash with other runs: the pod runs with --network none and is reached on its
 * own loopback from inside. The Deployment's name gets this process's id: Podman's pods and
 * containers are named after it, and Podman's state is shared by everything on the machine.
 */
export function playableDeployment(deploymentYaml: string, kustomizationYaml: string, file: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
  const deployment = parse(deploymentYaml) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
  deployment.metadata.name = `${String(deployment.metadata.name)}-e2e${process.pid}`;
  const images = (parse(kustomizationYaml) as { images?: { name: string; newName?: string; newTag?: string; digest?: string }[] }).images ?? [];
  const container = deployment.spec.template.spec.containers[0];
  const entry = images.find((i) => i.name === container.image);
  if (!entry) throw new Error(`kustomization.yaml has no images: entry for ${String(container.image)}`);
  container.image = `${entry.newName ?? entry.name}${entry.newTag ? `:${entry.newTag}` : ''}${entry.digest ? `@${entry.digest}` : ''}`;
  delete container.ports;
  writeFileSync(file, stringify(deployment));
  return deployment;
}

/** The container kube play made in the first replica's pod (podman names them <deployment>-pod-<i>-<container>). */
export async function playedContainer(deployment: string, container: string): Promise<string> {
  const names = (await podman(['ps', '--format', '{{.Names}}'])).stdout.split('\n').filter(Boolean);
  const name = names.find((n) => n === `${deployment}-pod-0-${container}`);
  if (!name) throw new Error(`no container of ${deployment} among: ${names.join(', ')}`);
  return name;
}

/** Run `node -e <script>` inside the played container (no shell or curl there). */
export function nodeIn(container: string, script: string, opts: { allowFailure?: boolean } = {}): Promise<ExecResult> {
  return podman(['exec', container, 'node', '-e', script], { allowFailure: opts.allowFailure ?? true, timeoutMs: 60_000 });
}
