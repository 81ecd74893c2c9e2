// The runtime stage's lines, from the runtime base (runtime-base.ts) and the plan: where the stage
// starts, where PID 1 comes from, how writable directories get their owner, USER, ENTRYPOINT/CMD
// and the health check's node. A base without a shell gets no RUN in its final stage: what would
// need one (the init, the writable directories) is made in an `init` build stage and copied in.
import { UsageError } from '../errors.js';
import type { ResolvedImage } from '../image/types.js';
import type { RuntimeBase } from './runtime-base.js';

export interface RuntimeViewInput {
  runtime: RuntimeBase;
  /** The final stage's own image (distroless); undefined = it starts from the build base. */
  image: ResolvedImage | undefined;
  /** The command as exec form, e.g. ["node", "server.js"]. */
  command: string[];
  /** Absolute writable directories, e.g. /app/uploads. */
  writable: string[];
  /** System packages the plan wants in the runtime stage. */
  runtimePackages: string[];
  /** The health check's `node -e` script, if any. */
  healthScript: string | undefined;
}

/** Where writable directories are made in the init stage before they are copied with their owner. */
const WRITABLE_STAGING = '/writable';

export function runtimeView(input: RuntimeViewInput) {
  const { runtime, command } = input;
  if (runtime.separateImage && !input.image) throw new Error(`--base ${runtime.base}: the runtime image was not resolved`);
  const init = runtime.init;
  if (init.kind === 'copy') {
    if (input.runtimePackages.length > 0) {
      throw new UsageError(`--base ${runtime.base} has no package manager, but the app needs ${input.runtimePackages.join(', ')} at run time: use --base slim`);
    }
    if (command[0] !== 'node') {
      throw new UsageError(`--base ${runtime.base} has no shell and no /usr/bin/env: the command must start with "node", got "${command.join(' ')}"`);
    }
  }
  const owner = runtime.user;
  const nodeArgs = command.slice(1);
  return {
    runtimeFrom: input.image ? input.image.ref : 'base',
    runtimeImage: input.image ?? false,
    runtimePackages: init.kind === 'package' ? [...init.command, ...input.runtimePackages].join(' ') : false,
    /** The init stage: a shell-less runtime's PID 1 and writable directories are made here. */
    initStage:
      init.kind === 'copy'
        ? { packages: init.packages, mkdirs: input.writable.length > 0 ? input.writable.map((d) => `${WRITABLE_STAGING}${d}`).join(' ') : false }
        : false,
    initCopy: init.kind === 'copy' ? `--from=init ${init.from} ${init.to}` : false,
    writableCopies: init.kind === 'copy' ? input.writable.map((d) => `--from=init --chown=${owner} ${WRITABLE_STAGING}${d} ${d}`) : false,
    writableRun: init.kind === 'package' && input.writable.length > 0 ? input.writable.join(' ') : false,
    runUser: owner,
    runUid: owner.split(':')[0],
    runUserName: runtime.userName,
    runtimeLabel: runtime.label ?? false,
    runtimePinHow: runtime.pinNote?.[0] ?? false,
    runtimePinWhy: runtime.pinNote?.[1] ?? false,
    runtimeNodeNote: runtime.nodeNote ?? false,
    registryLogin: runtime.login ?? false,
    userNote: runtime.userNote,
    entrypoint: init.kind === 'copy' ? JSON.stringify([init.to, '--', runtime.nodePath]) : false,
    cmd: init.kind === 'copy' ? JSON.stringify(nodeArgs) : JSON.stringify([...init.command, ...command]),
    initNote:
      init.kind === 'copy'
        ? `tini (static, copied from the init stage) is PID 1: it passes SIGTERM on to Node and reaps zombies; the ENTRYPOINT runs ${runtime.nodePath}, CMD holds its arguments.`
        : `${init.command[0]} is PID 1: it passes SIGTERM on to Node and reaps zombies. Exec form, never "npm start".`,
    healthcheck: input.healthScript ? JSON.stringify([runtime.nodePath, '-e', input.healthScript]) : false,
    composeHealthcheck: input.healthScript ? JSON.stringify(['CMD', runtime.nodePath, '-e', input.healthScript]) : false,
  };
}
