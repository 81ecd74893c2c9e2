// The runtime stage's shape, declared once per `--base`: which user it runs as, where node is,
// what the image's own ENTRYPOINT is, where the init (PID 1) comes from and whether the stage has
// a shell and a package manager. The Dockerfile template reads this; it never names a base.
//
// Facts about distroless (GoogleContainerTools/distroless at cd080764, 2026-08-21):
// nodejs/nodejs.bzl sets `entrypoint = ["/nodejs/bin/node"]` and the manifest annotation
// `com.google.distroless.nodejs.version`; common/variables.bzl: NONROOT = 65532; README.md lists the
// tags latest, nonroot, debug, debug-nonroot for nodejs{22,24,26}-debian13; nodejs/config.bzl has
// only the debian13 distro. The debug tags add busybox; nonroot has no shell at all.
//
// Facts about Docker Hardened Images (docker-hardened-images/catalog image/node/alpine-3.24/26.yaml and
// 26-dev.yaml): the runtime variant holds musl, libgcc, libstdc++, ca-certificates, coreutils-env and
// nodejs (node at /usr/bin/node, on PATH), runs as `node` uid/gid 1000, work-dir /app, cmd ["node"],
// no entrypoint, no shell, no npm; the -dev variant runs as root with busybox, apk-tools, npm, yarn,
// corepack and git, and apk reads Alpine's own main/community repositories too, so Alpine's
// tini-static (/sbin/tini-static, statically linked) installs there. Alpine, not -debian13: it is
// our default base (musl, the smaller image); glibc-only native modules have --base distroless.
import type { BaseFlavor } from '../image/types.js';
import type { Base } from '../options/flags.js';

export interface RuntimeBase {
  base: Base;
  /** The node image variant the build stages (and, with a shell, the runtime stage) start from. */
  buildFlavor: BaseFlavor;
  /** A separate, shell-less image for the final stage, resolved beside the build image. */
  separateImage?: 'distroless' | 'dhi';
  /** How the build image reads in the header, from its tag's own label ("Alpine 3.24"). */
  buildLabel?: (label: string) => string;
  /** The header's "pinned by ..." for the runtime image: the rest of its line, and the next line's start. */
  pinNote?: [string, string];
  /** README.Docker.md's debugging note: where node is. */
  nodeNote?: string;
  /** A registry that serves the images only after `docker login <host>`, and what README.Docker.md says. */
  login?: { host: string; note: string };
  /** Numeric user:group the runtime stage runs as (compose.yaml's `user:`, the verify run). */
  user: string;
  /** Who that user is, for the USER comment. */
  userNote: string;
  /** The user's name in the image's /etc/passwd. */
  userName: string;
  /** The final stage's image in the header, when it is its own image. */
  label?: string;
  /** How the stage runs node: "node" on PATH, or a full path when it is not on PATH. */
  nodePath: string;
  /** True when the runtime stage has a shell and a package manager (RUN works there). */
  shell: boolean;
  /**
   * Where PID 1 comes from. package: installed with the stage's package manager (dumb-init), CMD
   * starts with it. copy: a static binary installed in a build stage (`init` stage) and copied in;
   * the ENTRYPOINT is the init followed by node, so CMD holds only node's arguments, as the image's
   * own ENTRYPOINT does.
   */
  init: { kind: 'package'; command: string[] } | { kind: 'copy'; packages: string; from: string; to: string };
}

const DUMB_INIT: RuntimeBase['init'] = { kind: 'package', command: ['dumb-init'] };
const NODE_USER = { user: '1000:1000', userName: 'node', userNote: `1000:1000 is the image's "node" user; numeric so runAsNonRoot policies can verify it.` };

export const RUNTIME_BASES: Record<Base, RuntimeBase> = {
  alpine: { base: 'alpine', buildFlavor: 'alpine', ...NODE_USER, nodePath: 'node', shell: true, init: DUMB_INIT },
  slim: { base: 'slim', buildFlavor: 'slim', ...NODE_USER, nodePath: 'node', shell: true, init: DUMB_INIT },
  distroless: {
    base: 'distroless',
    buildFlavor: 'trixie-slim',
    separateImage: 'distroless',
    user: '65532:65532',
    userName: 'nonroot',
    label: 'distroless Debian 13 (glibc; no shell, no package manager)',
    userNote: `65532:65532 is distroless's "nonroot" user; numeric so runAsNonRoot policies can verify it.`,
    nodePath: '/nodejs/bin/node',
    pinNote: ['index digest (its registry publishes', "no version tags; the version is the one the digest's manifest declares)."],
    nodeNote: 'Node is `/nodejs/bin/node` (not on PATH).',
    shell: false,
    // Debian's tini package ships /usr/bin/tini-static, statically linked (file(1) on
    // tini_0.19.0-1+b3_amd64.deb); its dumb-init is dynamically linked, so tini it is.
    init: { kind: 'copy', packages: 'tini', from: '/usr/bin/tini-static', to: '/usr/local/bin/tini' },
  },
  dhi: {
    base: 'dhi',
    buildFlavor: 'alpine-dev',
    separateImage: 'dhi',
    ...NODE_USER,
    userNote: `1000:1000 is the hardened image's "node" user; numeric so runAsNonRoot policies can verify it.`,
    label: 'Docker Hardened Images Alpine (musl; no shell, no npm)',
    buildLabel: (label) => `Docker Hardened Images ${label} (-dev: root, shell, apk, npm)`,
    pinNote: ['tag and image index digest, like the build image', '(its -dev variant). No shell here; it runs as node, uid 1000.'],
    nodeNote: 'Node is `/usr/bin/node` (on PATH).',
    login: {
      host: 'dhi.io',
      note: 'Docker Hardened Images are free, but dhi.io serves them only to a logged-in Docker ID: run `docker login dhi.io` once on every machine that builds this (CI too: a Docker Hub username and access token), or the build stops at its first `FROM` with "unauthorized". `update` and re-running the generator need the same login (they read `~/.docker/config.json`).',
    },
    nodePath: 'node',
    shell: false,
    // Alpine's tini-static is statically linked (its dynamic tini would need musl, which the image
    // has, but the static one depends on nothing).
    init: { kind: 'copy', packages: 'tini-static', from: '/sbin/tini-static', to: '/usr/local/bin/tini' },
  },
};

export function runtimeBase(base: Base): RuntimeBase {
  return RUNTIME_BASES[base];
}
