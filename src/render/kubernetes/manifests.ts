// The Kubernetes manifests of the app, as data, from the same view the Dockerfile and compose.yaml
// are rendered from: user, port, health command, writable paths and shutdown timeout cannot drift.
// Pod Security "restricted" by construction, plus a read-only root, no service account token,
// resource requests and a memory limit; rollouts drain: probes, a preStop sleep, a grace period
// longer than the preStop pause plus the shutdown timeout. Targets Kubernetes 1.30+ (the preStop
// `sleep` action is on by default since 1.30, GA in 1.34).
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer, IProbe, IService, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import type { View } from '../view.js';
import { RUN_USER, STOP_GRACE_PERIOD_SECONDS } from '../../core/hardening.js';

/** The preStop pause: endpoint removal runs at the same time as SIGTERM, so the pod waits before it gets it. */
export const PRE_STOP_SLEEP_SECONDS = 5;
/** The pod gets SIGTERM after the preStop pause, then as long as compose's stop_grace_period before SIGKILL. */
export const TERMINATION_GRACE_PERIOD_SECONDS = PRE_STOP_SLEEP_SECONDS + STOP_GRACE_PERIOD_SECONDS;
/** The startup probe's budget: the same 60 s --verify gives an app to start (2 s x 30). */
export const STARTUP_PROBE = { periodSeconds: 2, failureThreshold: 30 } as const;
export const RESOURCES = { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } } as const;
/** emptyDir size caps: scratch space and each writable path (a full disk evicts the pod, not the node). */
const TMP_SIZE = '64Mi';
const WRITABLE_SIZE = '512Mi';

export interface KubernetesManifests {
  deployment: IDeployment;
  /** Undefined for a worker (no port). */
  service: IService | undefined;
}

/** The uid and gid of the image's USER and compose's user: ("1000:1000"; "65532:65532" on distroless). */
export function runIds(user: string = RUN_USER): { uid: number; gid: number } {
  const [uid, gid] = user.split(':').map(Number);
  return { uid: uid!, gid: gid ?? uid! };
}

/** The HEALTHCHECK's own command (`node -e <fetch>`), so probes ask what the image's health check asks. */
export function healthCommand(view: Pick<View, 'healthcheck'>): string[] | undefined {
  return typeof view.healthcheck === 'string' ? (JSON.parse(view.healthcheck) as string[]) : undefined;
}

/** A DNS-1123 label for a volume that holds one writable path. */
function volumeName(target: string, taken: Set<string>): string {
  const base = `w-${target.replace(/^\/app\/?/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 55).replace(/-+$/, '');
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

export function kubernetesManifests(view: View): KubernetesManifests {
  const name = view.serviceName;
  const labels = { 'app.kubernetes.io/name': name };
  const { uid, gid } = runIds(view.runUser);
  const taken = new Set(['tmp']);
  const port = typeof view.port === 'number' ? view.port : undefined;
  const writable = (Array.isArray(view.volumes) ? view.volumes : []).map((v) => ({ name: volumeName(v.target, taken), target: v.target }));
  const volumes: IVolume[] = [{ name: 'tmp', emptyDir: { sizeLimit: TMP_SIZE } }, ...writable.map((w) => ({ name: w.name, emptyDir: { sizeLimit: WRITABLE_SIZE } }))];
  const mounts: IVolumeMount[] = [{ name: 'tmp', mountPath: '/tmp' }, ...writable.map((w) => ({ name: w.name, mountPath: w.target }))];
  const health = healthCommand(view);
  // exec probes run the HEALTHCHECK's node one-liner: no curl in the image, and Podman turns httpGet into curl.
  const probe = (extra: Partial<IProbe>): IProbe | undefined => (health ? { exec: { command: health }, timeoutSeconds: 5, ...extra } : undefined);
  const container: IContainer = {
    name,
    // The reference kustomization.yaml's `images:` sets; the name alone here.
    image: name,
    imagePullPolicy: 'IfNotPresent',
    ...(port === undefined ? {} : { ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }] }),
    resources: { requests: { ...RESOURCES.requests }, limits: { ...RESOURCES.limits } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: gid,
    },
    startupProbe: probe({ periodSeconds: STARTUP_PROBE.periodSeconds, failureThreshold: STARTUP_PROBE.failureThreshold }),
    readinessProbe: probe({ periodSeconds: 5, failureThreshold: 2 }),
    livenessProbe: probe({ periodSeconds: 10, failureThreshold: 3 }),
    lifecycle: { preStop: { sleep: { seconds: PRE_STOP_SLEEP_SECONDS } } },
    volumeMounts: mounts,
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      // A new pod is ready before an old one goes.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_PERIOD_SECONDS,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: uid,
            runAsGroup: gid,
            fsGroup: gid,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [container],
          volumes,
        },
      },
    },
  };
  const service: IService | undefined =
    port === undefined
      ? undefined
      : {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name, labels },
          spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }] },
        };
  return { deployment, service };
}
