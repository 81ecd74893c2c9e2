// What goes into a stage before its install, as COPY arguments, and the prune stage that feeds a
// Turborepo workspace's installs. Root-level install files join the manifests' COPY; folders and
// nested files keep their path. In a workspace every package's manifest goes in before the install
// (the root lockfile names them all), unless turbo prune ran: its json/ holds the lockfile, the
// root's and the closure's manifests and pnpm-workspace.yaml, pruned to match one another, so only the
// other install inputs (.npmrc, patches/) come from the context.
import type { InstallInput } from '../core/install-input.js';
import type { WorkspaceStages } from '../recipes/types.js';

/** Where the prune stage writes `turbo prune --docker`'s output (outside /app, so no app folder named out/ is in the way). */
const PRUNE_OUT = '/prune';

export function installCopies(manifestFiles: readonly string[], inputs: readonly InstallInput[], ws: WorkspaceStages | undefined): string[] {
  const atRoot = (i: InstallInput) => i.kind === 'file' && !i.path.includes('/');
  const rootManifests = [...manifestFiles, ...(ws?.rootFiles ?? [])];
  const rootInputs = inputs.filter(atRoot).map((i) => i.path);
  const pruned = ws?.turboPrune !== undefined;
  const rootFiles = [...new Set(pruned ? rootInputs.filter((p) => !rootManifests.includes(p)) : [...rootManifests, ...rootInputs])];
  return [
    ...(pruned ? [`--from=prune ${PRUNE_OUT}/json/ ./`] : []),
    ...(rootFiles.length > 0 ? [`${rootFiles.join(' ')} ./`] : []),
    ...(pruned ? [] : (ws?.manifestDirs ?? [])).map((d) => `${d}/package.json ${d}/`),
    ...inputs.filter((i) => !atRoot(i)).map((i) => `${i.path} ./${i.path}`),
  ];
}

/** The prune stage's two RUN lines: turbo at the lockfile's version (through the registry secret when there is one), then the prune. */
export function turboPruneLines(prune: NonNullable<WorkspaceStages['turboPrune']>, registrySecretMount: string | undefined) {
  const mounts = [...(registrySecretMount ? [registrySecretMount] : []), '--mount=type=cache,target=/root/.npm'];
  return {
    install: [...mounts, `npm install -g turbo@${prune.version}`].join(' \\\n    '),
    command: `turbo prune ${prune.packageName} --docker --out-dir ${PRUNE_OUT}`,
  };
}
