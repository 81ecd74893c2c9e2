// Every rule `check` runs, declared once: stable id, severity, one-line message, one-line fix, and
// the matching check of hadolint (DL3xxx), Trivy (AVD-DS-xxxx), Checkov (CKV_DOCKER_x) or BuildKit's
// build checks where one exists (looked up in their published rule lists; empty where none matches).
// The rule functions (dockerfile.ts, dockerignore.ts, compose.ts) report by id; output formats
// (human, JSON, SARIF) read the rest from here.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface RuleRefs {
  hadolint?: string;
  trivy?: string;
  checkov?: string;
  buildkit?: string;
  kubeScore?: string;
}

export interface RuleMeta {
  severity: Severity;
  message: string;
  fix: string;
  refs: RuleRefs;
}

const rule = (severity: Severity, message: string, fix: string, refs: RuleRefs = {}): RuleMeta => ({ severity, message, fix, refs });

export const RULE_CATALOG = {
  // ---- base image ----
  'from-untagged': rule('warning', 'the base image has no tag, so it means whatever "latest" is today', 'name an exact version and pin its digest: FROM node:<x.y.z>-alpine<a.b>@sha256:<digest> (npx create-secure-node-docker update does it)', { hadolint: 'DL3006', trivy: 'AVD-DS-0001', checkov: 'CKV_DOCKER_7' }),
  'from-latest': rule('warning', 'the base image uses the "latest" tag, which moves', 'name an exact version and pin its digest (npx create-secure-node-docker update)', { hadolint: 'DL3007', trivy: 'AVD-DS-0001', checkov: 'CKV_DOCKER_7' }),
  'pinned-from': rule('warning', 'the base image is not pinned by an exact tag and index digest', 'pin it as name:<exact tag>@sha256:<64 hex> (npx create-secure-node-docker update pins node images)'),
  'node-eol': rule('error', 'the Node.js line of the base image is past its end of life: no more security fixes', 'move to a supported LTS line (npx create-secure-node-docker update --to lts)'),
  'node-not-lts': rule('warning', 'the Node.js line of the base image is not an LTS line (short support, fewer backported fixes)', 'use an even-numbered LTS line (npx create-secure-node-docker update --to lts)'),
  // ---- user ----
  'non-root-user': rule('error', 'the container runs as root', 'add USER 1000:1000 (the node image\'s "node" user) to the final stage', { hadolint: 'DL3002', trivy: 'AVD-DS-0002', checkov: 'CKV_DOCKER_8' }),
  'numeric-user': rule('warning', 'USER is not a numeric uid:gid, so runAsNonRoot policies cannot verify it', 'write the numeric form, e.g. USER 1000:1000'),
  // ---- process ----
  'init-pid1': rule('warning', 'no init process as PID 1: Node does not reap zombies, and signals may not reach it', 'install dumb-init (or tini) and start with CMD ["dumb-init", "node", "server.js"], or set init: true in compose'),
  'cmd-exec-form': rule('warning', 'CMD is in shell form: /bin/sh is PID 1 and does not pass SIGTERM to Node', 'write CMD as a JSON array: CMD ["dumb-init", "node", "server.js"]', { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }),
  'entrypoint-exec-form': rule('warning', 'ENTRYPOINT is in shell form: /bin/sh is PID 1 and does not pass SIGTERM on', 'write ENTRYPOINT as a JSON array', { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }),
  'start-via-package-manager': rule('warning', 'the app is started through a package manager, which does not forward SIGTERM to Node', 'run node directly: CMD ["dumb-init", "node", "server.js"]'),
  'node-env-production': rule('warning', 'the final stage does not set NODE_ENV=production', 'add ENV NODE_ENV=production to the final stage'),
  // ---- dependencies ----
  'npm-install-not-ci': rule('warning', 'dependencies are installed without the lockfile being enforced', 'use npm ci (pnpm install --frozen-lockfile, yarn install --frozen-lockfile / --immutable)'),
  'final-install-production': rule('warning', 'the final stage installs development dependencies', 'install with npm ci --omit=dev (pnpm --prod, yarn --production / workspaces focus --production)'),
  'copy-full-install': rule('warning', 'the final stage copies a whole stage whose node_modules is a full install, so devDependencies ship in the image', 'copy only the build output and package.json from it, and node_modules from a stage that installs with npm ci --omit=dev (or run npm prune --omit=dev before the copy)'),
  'copy-all-before-install': rule('info', 'the whole build context is copied before dependencies are installed, so every source change reinstalls them', 'copy package.json and the lockfile first, install, then COPY . .'),
  // ---- secrets ----
  'no-secret-names': rule('error', 'an ARG or ENV looks like a secret; build args and env vars are stored in the image', 'pass it as a build secret: RUN --mount=type=secret,id=<name> ...', { trivy: 'AVD-DS-0031', buildkit: 'SecretsUsedInArgOrEnv' }),
  'no-auth-token-value': rule('error', 'an ARG or ENV value carries an npm _auth/_authToken setting', 'mount the .npmrc as a build secret: RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', { trivy: 'AVD-DS-0031' }),
  'no-copy-secrets': rule('error', 'a secret file (.npmrc, .env, a key) is copied or written into an image layer', 'keep it out of the image: a build secret mount for .npmrc, runtime env for .env', { trivy: 'AVD-DS-0031' }),
  'registry-secret-via-mount': rule('error', 'a RUN uses registry credentials without a secret mount', 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci'),
  // ---- instructions ----
  'no-add': rule('warning', 'ADD copies local files with extra behaviour (archive extraction, URLs)', 'use COPY', { hadolint: 'DL3020', trivy: 'AVD-DS-0005', checkov: 'CKV_DOCKER_4' }),
  'apk-no-cache': rule('warning', 'apk add without --no-cache leaves the package index in the layer', 'apk add --no-cache <packages>', { hadolint: 'DL3019', trivy: 'AVD-DS-0025' }),
  'apt-get-install': rule('warning', 'apt-get install without -y, --no-install-recommends, or removing /var/lib/apt/lists in the same RUN', 'apt-get update && apt-get install -y --no-install-recommends <pkgs> && rm -rf /var/lib/apt/lists/*', { hadolint: 'DL3009', trivy: 'AVD-DS-0029' }),
  'no-sudo': rule('warning', 'sudo in a RUN line; the build already runs as root', 'drop sudo', { hadolint: 'DL3004', checkov: 'CKV2_DOCKER_1' }),
  'workdir-absolute': rule('warning', 'WORKDIR is a relative path', 'use an absolute path, e.g. WORKDIR /app', { hadolint: 'DL3000', checkov: 'CKV_DOCKER_10', buildkit: 'WorkdirRelativePath' }),
  'stage-as-uppercase': rule('info', 'the AS keyword of a stage does not match the case of FROM', 'write FROM ... AS name', { buildkit: 'FromAsCasing' }),
  'env-key-value-form': rule('info', 'legacy "ENV key value" form', 'write ENV key=value', { buildkit: 'LegacyKeyValueFormat' }),
  'no-healthcheck': rule('info', 'the final stage EXPOSEs a port but has no HEALTHCHECK', 'add a HEALTHCHECK that needs no curl, e.g. CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/health\').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]', { hadolint: 'DL3057', trivy: 'AVD-DS-0026', checkov: 'CKV_DOCKER_2' }),
  'shell-less-runtime': rule('info', 'the final stage is a Debian node image but needs no shell: a shell-less runtime image would leave an attacker no shell or package manager', 'run it on gcr.io/distroless/nodejs<major>-debian13:nonroot, with the init and writable directories made in a build stage (npx create-secure-node-docker --base distroless)'),
  'expose-privileged-port': rule('warning', 'EXPOSE of a port below 1024, which a non-root user cannot bind without extra capabilities', 'listen on a port of 1024 or above (e.g. 3000) and map it when publishing'),
  // ---- .dockerignore ----
  'dockerignore-missing': rule('error', 'there is no .dockerignore, so .env, .npmrc, .git and node_modules go into the build context', 'add a .dockerignore (npx create-secure-node-docker writes one)'),
  'dockerignore-lets-in': rule('error', '.dockerignore lets a secret or local artefact into the build context', 'ignore it: add the path to .dockerignore and remove the ! line that re-includes it'),
  // ---- compose ----
  'compose-read-only': rule('warning', 'the service\'s root filesystem is writable', 'set read_only: true (and tmpfs: [/tmp] for scratch space)'),
  'compose-cap-drop': rule('warning', 'the service keeps Linux capabilities it does not need', 'set cap_drop: [ALL]'),
  'compose-no-new-privileges': rule('warning', 'the service can gain privileges through setuid binaries', 'set security_opt: ["no-new-privileges:true"]'),
  'compose-user': rule('warning', 'the service does not set a non-root user', 'set user: "1000:1000"'),
  'compose-privileged': rule('error', 'the service runs privileged: full access to the host', 'remove privileged: true; add only the capability it needs with cap_add'),
  // ---- Kubernetes manifests (check k8s/): Pod Security "restricted", rollout, image ----
  'k8s-run-as-non-root': rule('error', 'a container may run as root (Pod Security "restricted" needs runAsNonRoot: true and a non-zero uid)', 'set securityContext.runAsNonRoot: true and runAsUser/runAsGroup: 1000 (the image\'s user)', { trivy: 'AVD-KSV-0012', checkov: 'CKV_K8S_23' }),
  'k8s-privilege-escalation': rule('error', 'a container can gain privileges (Pod Security "restricted")', 'set securityContext.allowPrivilegeEscalation: false on every container', { trivy: 'AVD-KSV-0001', checkov: 'CKV_K8S_20' }),
  'k8s-capabilities': rule('error', 'a container keeps or adds Linux capabilities (Pod Security "restricted")', 'set securityContext.capabilities.drop: [ALL] and add nothing (NET_BIND_SERVICE at most)', { trivy: 'AVD-KSV-0003', checkov: 'CKV_K8S_37' }),
  'k8s-seccomp': rule('error', 'no seccomp profile (Pod Security "restricted")', 'set securityContext.seccompProfile.type: RuntimeDefault on the pod', { trivy: 'AVD-KSV-0030', checkov: 'CKV_K8S_31', kubeScore: 'container-seccomp-profile' }),
  'k8s-privileged': rule('error', 'a container is privileged: full access to the node', 'remove privileged: true', { trivy: 'AVD-KSV-0017', checkov: 'CKV_K8S_16', kubeScore: 'container-security-context-privileged' }),
  'k8s-host-namespaces': rule('error', 'the pod shares a namespace of the node (Pod Security "baseline")', 'remove hostNetwork, hostPID and hostIPC'),
  'k8s-volume-types': rule('error', 'a volume type Pod Security "restricted" forbids (hostPath and the like)', 'use emptyDir, configMap, secret, projected, downwardAPI, csi, ephemeral or persistentVolumeClaim', { trivy: 'AVD-KSV-0028' }),
  'k8s-read-only-root': rule('warning', 'a container has a writable root filesystem', 'set securityContext.readOnlyRootFilesystem: true and mount an emptyDir on /tmp and every path the app writes', { trivy: 'AVD-KSV-0014', checkov: 'CKV_K8S_22', kubeScore: 'container-security-context-readonlyrootfilesystem' }),
  'k8s-probes': rule('warning', 'a serving container has no readiness or liveness probe, so rollouts send traffic to pods that are not ready', 'add readinessProbe and livenessProbe (an exec probe running node, as the image\'s HEALTHCHECK does)', { checkov: 'CKV_K8S_8', kubeScore: 'pod-probes' }),
  'k8s-grace-period': rule('warning', 'terminationGracePeriodSeconds is not longer than the preStop pause plus the shutdown timeout', 'set terminationGracePeriodSeconds above preStop sleep + the graceful-shutdown timeout (the generated manifests use 5 + 15)'),
  'k8s-image-tag': rule('warning', 'the image is untagged or "latest", which moves', 'set an exact tag and digest in kustomization.yaml images: (kustomize edit set image name=registry/name@sha256:...)', { trivy: 'AVD-KSV-0013', checkov: 'CKV_K8S_14', kubeScore: 'container-image-tag' }),
  'k8s-image-digest': rule('info', 'the image is not pinned by digest, so a re-pushed tag changes what runs', 'pin the pushed image\'s digest in kustomization.yaml images: (digest: sha256:...)', { checkov: 'CKV_K8S_43' }),
  'k8s-resources': rule('warning', 'a container has no memory limit or no resource requests', 'set resources.requests (cpu, memory) and resources.limits.memory', { trivy: 'AVD-KSV-0018', checkov: 'CKV_K8S_13', kubeScore: 'container-resources' }),
  'k8s-service-account-token': rule('info', 'the pod mounts a service account token it does not need', 'set automountServiceAccountToken: false on the pod', { checkov: 'CKV_K8S_38', trivy: 'AVD-KSV-0036' }),
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULE_CATALOG;
export const RULE_IDS = Object.keys(RULE_CATALOG) as RuleId[];

/** What a rule function reports: the rule, where, and optionally a message naming the exact thing. */
export interface Hit {
  rule: RuleId;
  /** 1-based line. */
  line: number;
  /** Replaces the catalog message when it can say more (e.g. which ENV). */
  message?: string;
}

/** One finding as every output format sees it. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  line: number;
  message: string;
  fix: string;
}

export function toFinding(hit: Hit, file: string): Finding {
  const meta: RuleMeta = RULE_CATALOG[hit.rule];
  return { rule: hit.rule, severity: meta.severity, file, line: hit.line, message: hit.message ?? meta.message, fix: meta.fix };
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
