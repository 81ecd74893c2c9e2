// The runtime stage's shape, declared once per `--base`: which user it runs as, where node is,
// what the image's own ENTRYPOINT is, where the init (PID 1) comes from and whether the stage has
// a shell and a package manager. The Dockerfile template reads this; it never names a base.
//
// Facts about distroless (GoogleContainerTools/distroless at cd080764, 2026-08-21):
// nodejs/nodejs.bzl sets `entrypoint = ["/nodejs/bin/node"]` and the manifest annotation
// `com.google.distroless.nodejs.version`; common/variables.bzl: NONROOT = 65532; README.md lists the
// tags latest, nonroot, debug, debug-nonroot for nodejs{22,24,26}-debian13; nodejs/config.bzl has
// only the debian13 distro. The debug tags add busybox; nonroot has no shell at all.
import type { BaseFlavor } from '../image/types.js';
import type { Base } from '../options/flags.js';

export interface RuntimeBase {
  base: Base;
  /** The node image variant the build stages (and, with a shell, the runtime stage) start from. */
  buildFlavor: BaseFlavor;
  /** A separate, shell-less image for the final stage, resolved beside the build image. */
  separateImage?: 'distroless';
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
    shell: false,
    // Debian's tini package ships /usr/bin/tini-static, statically linked (file(1) on
    // tini_0.19.0-1+b3_amd64.deb); its dumb-init is dynamically linked, so tini it is.
    init: { kind: 'copy', packages: 'tini', from: '/usr/bin/tini-static', to: '/usr/local/bin/tini' },
  },
};

export function runtimeBase(base: Base): RuntimeBase {
  return RUNTIME_BASES[base];
}
