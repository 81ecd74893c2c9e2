// The Dockerfile parts that come from a recipe's plan: stages, install inputs, build steps, the
// runtime copies, ENV lines, system packages, writable paths and the command. The template loops
// over these; nothing here or there branches on a framework.
import { UsageError } from '../errors.js';
import type { Options } from '../options/options.js';
import type { Copy, RecipePlan } from '../recipes/types.js';
import { PRELOAD_FILE } from '../shutdown/module.js';
import type { InstallPlan } from './package-manager.js';
import { startFileChecks } from './start-file-check.js';

/** The plan of an app that runs `node <entry>` (what the node recipe gives), for callers that only have options. */
export function entryPlan(options: Options): RecipePlan {
  const build = options.build;
  return {
    id: 'node',
    label: 'Node.js',
    buildSteps: build ? [`npm run ${build.script}`] : [],
    installInputs: [],
    runtimeCopies: build
      ? [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'package.json' }, { from: 'build', src: build.outDir }]
      : [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: '.' }],
    productionDependencies: true,
    command: ['node', options.entry],
    commandScript: options.entry,
    env: {},
    buildEnv: {},
    writablePaths: [],
    systemPackages: { build: [], runtime: [] },
    shutdown: { kind: 'wired', sourceEntry: options.sourceEntry },
    dockerignore: [],
    nextSteps: [],
  };
}

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

export function planView(plan: RecipePlan, options: Options, install: InstallPlan) {
  const rendered = withPreload(plan);
  // A workspace package's runtime stage copies the whole package from the context (the workspace
  // template does not render the plan's copies), so the command's script is there by construction.
  if (!options.workspace) checkRuntimeHoldsCommand(rendered);
  const buildSteps = rendered.buildSteps.map((step) => {
    const script = /^npm run ([\w:.-]+)$/.exec(step)?.[1];
    return script === undefined ? step : install.runBuild(script);
  });
  const writable = [...new Set([...rendered.writablePaths, ...options.writableDirs])];
  const depsStage = rendered.productionDependencies && rendered.runtimeCopies.some((c) => c.from === 'deps');
  return {
    plan: rendered,
    depsStage,
    buildSteps: buildSteps.length > 0 ? buildSteps : false,
    buildEnv: envLine(rendered.buildEnv),
    installInputs: rendered.installInputs,
    buildPackages: rendered.systemPackages.build.length > 0 ? rendered.systemPackages.build.join(' ') : false,
    runtimeEnv: envLine({ NODE_ENV: 'production', ...rendered.env }) || 'NODE_ENV=production',
    copies: rendered.runtimeCopies.map(copyLine),
    writable,
    startFileChecks: startFileChecks(plan),
  };
}

function copyLine(copy: Copy): string {
  const dest = copy.dest ?? copy.src;
  const target = dest === '.' ? '.' : `./${dest}`;
  if (copy.from === 'context') return copy.src === '.' && dest === '.' ? '. .' : copy.src === dest && !copy.src.includes('/') && copy.src.includes('.') ? `${copy.src} ./` : `${copy.src} ${target}`;
  return `--from=${copy.from} /app${copy.src === '.' ? '' : `/${copy.src}`} ${target}`;
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
