// The Kubernetes manifest rules: what breaks Pod Security "restricted" (the checks of Kubernetes'
// pod-security-admission policy: non-root, no privilege escalation, capabilities dropped, seccomp,
// volume types), what breaks a graceful rollout (probes, a grace period shorter than the preStop
// pause plus the shutdown timeout) and what weakens the image promise (writable root, an unpinned
// image, no resources, a mounted service account token). YAML is parsed by `yaml` with line numbers.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { SHUTDOWN_TIMEOUT_SECONDS } from '../core/hardening.js';
import type { Hit, RuleId } from './catalog.js';

export class ManifestSyntaxError extends Error {}

/** The kinds whose pod template is checked, and where their pod spec is. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** Volume types Pod Security "restricted" allows. */
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

/** An image override of a kustomization.yaml `images:` entry. */
export interface ImageOverride {
  newName?: string;
  newTag?: string;
  digest?: string;
}

type Lookup = (node: Node | undefined, ...keys: string[]) => Node | undefined;

function parse(text: string) {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) if (doc.errors.length > 0) throw new ManifestSyntaxError(doc.errors[0]!.message.split('\n')[0] ?? 'invalid YAML');
  const lineOf = (node: unknown, fallback = 1) => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : fallback;
  };
  return { documents: list, lineOf };
}

const get: Lookup = (node, ...keys) => {
  let current: Node | undefined = node;
  for (const key of keys) current = isMap(current) ? (current.get(key, true) as Node | undefined) : undefined;
  return current;
};
const scalarOf = (node: Node | undefined): unknown => (isScalar(node) ? node.value : undefined);
const itemsOf = (node: Node | undefined): Node[] => (isSeq(node) ? (node.items as Node[]) : []);

/** The `images:` overrides of a kustomization.yaml, by image name. */
export function kustomizationImages(text: string): Map<string, ImageOverride & { line: number }> {
  const { documents, lineOf } = parse(text);
  const images = new Map<string, ImageOverride & { line: number }>();
  for (const doc of documents) {
    for (const entry of itemsOf(get(doc.contents as Node, 'images'))) {
      const field = (key: string) => {
        const value = scalarOf(get(entry, key));
        return value === undefined || value === null ? undefined : String(value);
      };
      const name = field('name');
      if (name === undefined) continue;
      images.set(name, { newName: field('newName'), newTag: field('newTag'), digest: field('digest'), line: lineOf(entry) });
    }
  }
  return images;
}

/** The image reference after a kustomization override: name, tag and digest. */
export function effectiveImage(image: string, override: ImageOverride | undefined): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const base = at === -1 ? image : image.slice(0, at);
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const tag = colon > slash ? base.slice(colon + 1) : undefined;
  const digest = at === -1 ? undefined : image.slice(at + 1);
  if (!override) return { tag, digest };
  return { tag: override.newTag ?? tag, digest: override.digest ?? (override.newTag !== undefined ? undefined : digest) };
}

export function imageName(image: string): string {
  const base = image.split('@')[0]!;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  return colon > slash ? base.slice(0, colon) : base;
}

export interface ManifestContext {
  /** kustomization.yaml's `images:` beside the manifest, by name. */
  images?: Map<string, ImageOverride & { line: number }>;
}

export function checkManifestText(text: string, context: ManifestContext = {}): Hit[] {
  const { documents, lineOf } = parse(text);
  const hits: Hit[] = [];
  for (const doc of documents) {
    const root = doc.contents as Node | undefined;
    const kind = scalarOf(get(root, 'kind'));
    const path = typeof kind === 'string' ? POD_SPEC_PATHS[kind] : undefined;
    if (!path) continue;
    const name = String(scalarOf(get(root, 'metadata', 'name')) ?? kind);
    const podSpec = get(root, ...path);
    if (!isMap(podSpec)) continue;
    hits.push(...checkPodSpec(podSpec, `${kind} ${name}`, lineOf, context));
  }
  return hits;
}

function checkPodSpec(pod: YAMLMap, what: string, lineOf: (node: unknown, fallback?: number) => number, context: ManifestContext): Hit[] {
  const hits: Hit[] = [];
  const podLine = lineOf(pod);
  const add = (rule: RuleId, node: unknown, message: string, fallback = podLine) => hits.push({ rule, line: lineOf(node, fallback), message });
  const podSc = get(pod, 'securityContext');
  const podNonRoot = scalarOf(get(podSc, 'runAsNonRoot')) === true;
  const podUser = scalarOf(get(podSc, 'runAsUser'));
  const podSeccomp = scalarOf(get(podSc, 'seccompProfile', 'type'));
  if (podUser === 0) add('k8s-run-as-non-root', get(podSc, 'runAsUser'), `${what}: the pod runs as uid 0 (root)`);
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (scalarOf(get(pod, key)) === true) add('k8s-host-namespaces', get(pod, key), `${what}: ${key}: true shares the node's namespace`);
  }
  for (const volume of itemsOf(get(pod, 'volumes'))) {
    if (!isMap(volume)) continue;
    const types = volume.items.map((p) => String(scalarOf(p.key as Node))).filter((k) => k !== 'name');
    for (const type of types) if (!RESTRICTED_VOLUMES.has(type)) add('k8s-volume-types', volume, `${what}: volume ${String(scalarOf(get(volume, 'name')))} is a ${type} volume, which Pod Security "restricted" forbids`);
  }
  if (scalarOf(get(pod, 'automountServiceAccountToken')) !== false) add('k8s-service-account-token', get(pod, 'automountServiceAccountToken'), `${what}: the service account token is mounted into the pod`);

  const grace = scalarOf(get(pod, 'terminationGracePeriodSeconds'));
  const graceSeconds = typeof grace === 'number' ? grace : DEFAULT_GRACE_SECONDS;
  const containers = [...itemsOf(get(pod, 'initContainers')).map((c) => ({ c, init: true })), ...itemsOf(get(pod, 'containers')).map((c) => ({ c, init: false }))];
  for (const { c, init } of containers) {
    if (!isMap(c)) continue;
    const cname = `${what} container ${String(scalarOf(get(c, 'name')) ?? '?')}`;
    const line = lineOf(c);
    const at = (node: unknown, rule: RuleId, message: string) => add(rule, node, message, line);
    const sc = get(c, 'securityContext');
    const user = scalarOf(get(sc, 'runAsUser'));
    const nonRoot = scalarOf(get(sc, 'runAsNonRoot'));
    if (user === 0) at(get(sc, 'runAsUser'), 'k8s-run-as-non-root', `${cname} runs as uid 0 (root)`);
    else if (nonRoot === false || (!podNonRoot && nonRoot !== true)) at(get(sc, 'runAsNonRoot') ?? sc, 'k8s-run-as-non-root', `${cname}: runAsNonRoot: true is set neither on the pod nor on the container`);
    if (scalarOf(get(sc, 'privileged')) === true) at(get(sc, 'privileged'), 'k8s-privileged', `${cname} is privileged: full access to the node`);
    if (scalarOf(get(sc, 'allowPrivilegeEscalation')) !== false) at(get(sc, 'allowPrivilegeEscalation') ?? sc, 'k8s-privilege-escalation', `${cname} does not set allowPrivilegeEscalation: false`);
    const drop = itemsOf(get(sc, 'capabilities', 'drop')).map((n) => String(scalarOf(n)));
    const added = itemsOf(get(sc, 'capabilities', 'add')).map((n) => String(scalarOf(n))).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (!drop.includes('ALL')) at(get(sc, 'capabilities') ?? sc, 'k8s-capabilities', `${cname} does not drop all capabilities (capabilities.drop: [ALL])`);
    if (added.length > 0) at(get(sc, 'capabilities', 'add'), 'k8s-capabilities', `${cname} adds ${added.join(', ')} (restricted allows only NET_BIND_SERVICE)`);
    const seccomp = scalarOf(get(sc, 'seccompProfile', 'type')) ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') at(get(sc, 'seccompProfile') ?? sc, 'k8s-seccomp', `${cname}: seccompProfile RuntimeDefault (or Localhost) is set neither on the pod nor on the container`);
    if (scalarOf(get(sc, 'readOnlyRootFilesystem')) !== true) at(get(sc, 'readOnlyRootFilesystem') ?? sc, 'k8s-read-only-root', `${cname} has a writable root filesystem`);
    if (scalarOf(get(c, 'resources', 'limits', 'memory')) === undefined || get(c, 'resources', 'requests') === undefined) at(get(c, 'resources'), 'k8s-resources', `${cname} has no memory limit or no resource requests`);

    const image = scalarOf(get(c, 'image'));
    if (typeof image === 'string') {
      const override = context.images?.get(imageName(image));
      const ref = effectiveImage(image, override);
      const imageNode = get(c, 'image');
      if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) at(imageNode, 'k8s-image-tag', `${cname}: image ${image}${override ? ' (after kustomization.yaml images:)' : ''} is ${ref.tag === 'latest' ? 'the moving "latest" tag' : 'untagged, so it means "latest"'}`);
      else if (ref.digest === undefined) at(imageNode, 'k8s-image-digest', `${cname}: image ${image}${override ? ` (tag ${ref.tag} from kustomization.yaml)` : ''} is not pinned by digest`);
    }
    if (init) continue;
    const ports = itemsOf(get(c, 'ports'));
    if (ports.length > 0) {
      const missing = ['readinessProbe', 'livenessProbe'].filter((p) => get(c, p) === undefined);
      if (missing.length > 0) at(c.get('name', true), 'k8s-probes', `${cname} serves a port but has no ${missing.join(' and no ')}`);
    }
    const preStop = scalarOf(get(c, 'lifecycle', 'preStop', 'sleep', 'seconds'));
    const pause = typeof preStop === 'number' ? preStop : 0;
    if (graceSeconds <= pause + SHUTDOWN_TIMEOUT_SECONDS) {
      at(get(pod, 'terminationGracePeriodSeconds') ?? c.get('name', true), 'k8s-grace-period', `${what}: terminationGracePeriodSeconds ${graceSeconds} is not longer than the preStop pause (${pause}s) plus the graceful-shutdown timeout (${SHUTDOWN_TIMEOUT_SECONDS}s): in-flight requests get SIGKILL`);
    }
  }
  return hits;
}
