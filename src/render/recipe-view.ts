// The Dockerfile parts that come from a recipe's plan: stages, install inputs, build steps, the
// runtime copies, ENV lines, system packages, writable paths and the command. The template loops
// over these; nothing here or there branches on a framework.
import { UsageError } from '../errors.js';
import type { Options } from '../options/options.js';
import type { BuildInstruction, Copy, RecipePlan } from '../recipes/types.js';
import { PRELOAD_FILE } from '../shutdown/module.js';
import type { InstallCommands } from './package-manager.js';
import { startFileChecks } from './start-file-check.js';

/** The plan as rendered: the preload (file, copy, --require) filled in for shutdown kind "preload". */
export function withPreload(plan: RecipePlan): RecipePlan {
  if (plan.shutdown.kind !== 'preload') return plan;
  if (plan.command[0] !== 'node') throw new UsageError(`${plan.label}: the graceful-shutdown preload needs a command that starts with "node", got "${plan.command.join(' ')}"`);
  const copy: Copy[] = holds(plan.runtimeCopies, PRELOAD_FILE, 'context') ? [] : [{ from: 'context', src: PRELOAD_FILE }];
  return {
    ...plan,
    command: ['node', '--require', `./${PRELOAD_FILE}`, ...plan.command.slice(1)],
    runtimeCopies: [...plan.runtimeCopies, ...copy],
  };
}

/**
 * The runtime stage must hold the script the command runs: a build whose output is copied while the
 * script lies outside it produces an image that cannot start. Exit 2 naming what is missing.
 */
export function checkRuntimeHoldsCommand(plan: RecipePlan): void {
  const script = plan.commandScript;
  if (script === undefined) return;
  if (holds(plan.runtimeCopies, script)) return;
  const copied = plan.runtimeCopies.map((c) => c.dest ?? c.src).join(', ');
  throw new UsageError(
    `the start command runs ${script}, but the runtime stage copies only ${copied}: ${script} would be missing from the image (build output elsewhere? pass --start "<command>" naming the built file, or --no-build)`,
  );
}

/** Whether a runtime path is inside what the copies put in /app (optionally only copies from one stage). */
function holds(copies: Copy[], file: string, from?: Copy['from']): boolean {
  return copies.some((c) => {
    if (from !== undefined && c.from !== from) return false;
    const dest = c.dest ?? c.src;
    // A whole context or build copy holds the files the project has (or the build made).
    return dest === '.' || file === dest || file.startsWith(`${dest}/`);
  });
}

/** The plan's Dockerfile lines: `plan` is the rendered one (preload filled in, re-rooted in a workspace). */
export function recipeView(plan: RecipePlan, options: Options, install: InstallCommands, mounts: string[]) {
  const ws = plan.workspace;
  const variables = options.buildVariables;
  const steps = plan.buildSteps.map((step) => {
    const script = /^npm run ([\w:.-]+)$/.exec(step)?.[1];
    // The secrets go to the app's own scripts (what reads them), not to the tool's housekeeping steps.
    return `RUN ${script === undefined ? step : withBuildSecrets(install.runBuild(script), variables.secrets)}`;
  });
  // Outside a workspace the build takes the whole context; inside one, the workspace transform's steps.
  // The ARG lines come after the install, so a new value rebuilds only from the build steps on.
  const before = [...(ws ? ws.prepare.map((i) => instruction(i, mounts)) : ['COPY . .']), ...variables.args.map((name) => `ARG ${name}`)];
  const buildLines = ws ? (steps.length > 0 || ws.prepare.length > 0 ? [...before, ...steps] : []) : steps.length > 0 ? [...before, ...steps] : [];
  const writable = [...new Set([...plan.writablePaths, ...options.writableDirs])];
  const depsStage = plan.productionDependencies && plan.runtimeCopies.some((c) => c.from === 'deps');
  return {
    plan,
    depsStage,
    buildLines: buildLines.length > 0 ? buildLines : false,
    buildEnv: envLine(plan.buildEnv),
    buildPackages: plan.systemPackages.build.length > 0 ? plan.systemPackages.build.join(' ') : false,
    runtimeEnv: envLine({ NODE_ENV: 'production', ...plan.env }) || 'NODE_ENV=production',
    copies: plan.runtimeCopies.map(copyLine),
    writable,
    startFileChecks: startFileChecks(plan),
  };
}

/** One build-stage instruction of the workspace transform; an install gets the cache (and secret) mounts. */
function instruction(i: BuildInstruction, mounts: string[]): string {
  if ('copy' in i) return `COPY ${i.copy}`;
  if ('workdir' in i) return `WORKDIR ${i.workdir}`;
  if ('run' in i) return `RUN ${i.run}`;
  return `RUN ${mounts.map((m) => `${m} \\\n    `).join('')}${i.install}`;
}

/**
 * A script step (`npm run build`: one simple command) that reads build secrets: each is mounted
 * (required, so a build without it fails at once, naming it) and read into the same-named
 * variable, the environment of this one command only.
 */
export function withBuildSecrets(step: string, secrets: string[]): string {
  if (secrets.length === 0) return step;
  const mounts = secrets.map((id) => `--mount=type=secret,id=${id},required=true \\\n    `).join('');
  const assignments = secrets.map((id) => `${id}="$(cat /run/secrets/${id})"`).join(' ');
  return `${mounts}${assignments} ${step}`;
}

function copyLine(copy: Copy): string {
  const dest = copy.dest ?? copy.src;
  const target = dest === '.' ? '.' : `./${dest}`;
  if (copy.from === 'context') return copy.src === '.' && dest === '.' ? '. .' : copy.src === dest && !copy.src.includes('/') && copy.src.includes('.') ? `${copy.src} ./` : `${copy.src} ${target}`;
  const src = copy.src.startsWith('/') ? copy.src : `/app${copy.src === '.' ? '' : `/${copy.src}`}`;
  return `--from=${copy.from} ${src} ${target}`;
}

/** `A=1 B=2` for an ENV line; values are validated where the plan was made, quoted here if they hold a space. */
function envLine(env: Record<string, string>): string {
  for (const name of Object.keys(env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`invalid environment variable name "${name}" in the start command`);
  }
  return Object.entries(env)
    .map(([name, value]) => `${name}=${/^[\w./:@,+-]*$/.test(value) ? value : JSON.stringify(value)}`)
    .join(' ');
}
