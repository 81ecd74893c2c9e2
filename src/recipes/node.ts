// The fallback recipe: a plain Node.js app that starts its own server with `node <script>` (or a
// package binary's script). Its build, if any, is the app's "build" script (or the steps its start
// script runs first); the runtime stage holds production node_modules plus either the whole context,
// or package.json and the build output, or the build stage without its node_modules.
import { DROP_FULL_INSTALL, tscOutDirOf } from './build-output.js';
import { startCommandOf } from './start.js';
import type { Copy, Recipe, RecipeContext, RecipePlan } from './types.js';

export const nodeRecipe: Recipe = {
  id: 'node',
  detect: () => true,
  plan: (ctx) => nodePlan(ctx, 'node', 'Node.js'),
};

/** The plan for an app that owns its server; other recipes (express-generator) reuse it with their name. */
export async function nodePlan(ctx: RecipeContext, id: string, label: string): Promise<RecipePlan> {
  const start = await startCommandOf(ctx);
  ctx.warnings.push(...start.warnings);
  const build = ctx.facts.build;
  const buildSteps = unique([...(build ? [`npm run ${build.script}`] : []), ...start.buildSteps]);
  const runtimeCopies: Copy[] = [{ from: 'deps', src: 'node_modules' }];
  if (buildSteps.length > 0 && build) {
    runtimeCopies.push({ from: 'context', src: 'package.json' }, { from: 'build', src: build.outDir });
  } else if (buildSteps.length > 0) {
    // A pre-step that is a tsc build (`npm run build:ts && fastify start dist/app.js`): its outDir.
    // Pre-steps without a known output directory (e.g. `npm run scss && node app.js`): all of /app but
    // the build stage's full install, so devDependencies never reach the runtime.
    const outDir = await tscOutDirOf(ctx, buildSteps);
    if (outDir !== undefined) runtimeCopies.push({ from: 'context', src: 'package.json' }, { from: 'build', src: outDir });
    else {
      buildSteps.push(DROP_FULL_INSTALL);
      runtimeCopies.push({ from: 'build', src: '.' });
    }
  } else {
    runtimeCopies.push({ from: 'context', src: '.' });
  }
  const script = start.script;
  return {
    id,
    label,
    buildSteps,
    installInputs: [],
    runtimeCopies,
    productionDependencies: true,
    command: start.argv,
    ...(script !== undefined ? { commandScript: script } : {}),
    env: start.env,
    buildEnv: {},
    writablePaths: [],
    systemPackages: { build: [], runtime: [] },
    // A package binary (a CLI that creates the server) cannot be wired: preload the module instead.
    shutdown: start.packageBinary
      ? { kind: 'preload', how: `our module is preloaded with node --require, so the servers ${start.packageBinary.bin} creates drain on SIGTERM` }
      : { kind: 'wired', sourceEntry: sourceOf(ctx, script) },
    dockerignore: [],
    nextSteps: [],
    ...(ctx.facts.port !== undefined ? { port: ctx.facts.port } : {}),
    ...(ctx.facts.healthcheckPath !== undefined ? { healthcheckPath: ctx.facts.healthcheckPath } : {}),
  };
}

/** The source file behind the script: detection's source entry when it is the same file, else the script. */
function sourceOf(ctx: RecipeContext, script: string | undefined): string {
  const { entry, sourceEntry } = ctx.facts;
  if (script !== undefined && entry !== undefined && sourceEntry !== undefined && (entry === script || entry === `${script}.js`)) return sourceEntry;
  if (script !== undefined && ctx.facts.build && script.startsWith(`${ctx.facts.build.outDir}/`) && ctx.facts.typescript) {
    return `src/${script.slice(ctx.facts.build.outDir.length + 1)}`.replace(/\.(c|m)?js$/, (_m, k: string | undefined) => `.${k ?? ''}ts`);
  }
  return script ?? entry ?? 'server.js';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
