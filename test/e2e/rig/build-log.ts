/** One BuildKit step as `--progress=plain` prints it: `#9 [deps 2/2] RUN npm ci` ... `#9 CACHED`. */
export interface BuildStep {
  id: string;
  name: string;
  cached: boolean;
}

/** Parse BuildKit's plain progress output into its steps (vertices), in first-seen order. */
export function parseBuildSteps(log: string): BuildStep[] {
  const steps = new Map<string, BuildStep>();
  for (const line of log.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const [, id = '', rest = ''] = m;
    const step = steps.get(id);
    if (!step) {
      steps.set(id, { id, name: rest, cached: false });
    } else if (rest === 'CACHED') {
      step.cached = true;
    }
  }
  return [...steps.values()];
}

/** The dependency-install steps of a build: RUN steps that run the package manager's install. */
export function installSteps(steps: readonly BuildStep[]): BuildStep[] {
  return steps.filter((s) => /^\[[^\]]+\] RUN\b/.test(s.name) && /\b(npm (ci|install)|pnpm (install|deploy)|yarn (install|workspaces focus)|yarn --frozen-lockfile)\b/.test(s.name));
}

/** The install steps that read the lockfile: installSteps without `npm install -g` of a tool (pnpm, turbo), which reads nothing of the project. */
export function lockfileInstallSteps(steps: readonly BuildStep[]): BuildStep[] {
  return installSteps(steps).filter((s) => !/ install -g /.test(s.name));
}
