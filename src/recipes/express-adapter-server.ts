// React Router 7's `node-custom-server` template and Remix 2's `express` template: the app owns an
// Express server at the project root (`start: node server.js`, Remix: `cross-env NODE_ENV=production
// node ./server.js`) that imports the framework's server build (`./build/server/index.js`) through the
// framework's Express adapter and serves build/client statically. The runtime holds the production
// node_modules, that server file, the build folder and package.json ("type": "module").
//
// Shutdown: both templates call app.listen() and install no signal handler, so SIGTERM would kill
// Node mid-request; the preloaded module drains the server and exits 0 (proven in the e2e rig).
import { deriveStartCommand, binsFromNpmLockfile } from '../detect/start-command/index.js';
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';
import { readConfig, setting } from './config-source.js';
import { healthRouteFromFiles, routeFiles } from './file-route-health.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipeContext, RecipePlan } from './types.js';

export interface ExpressAdapterServer {
  id: string;
  label: string;
  /** The framework's Express adapter package, in dependencies. */
  adapterPackage: string;
  /** What the build script must run, and the command to suggest. */
  buildTool: RegExp;
  buildSuggestion: string;
  /** Config files that can set `ssr: false` (SPA mode: static) and where the build folder is set. */
  configs: readonly string[];
}

export function expressAdapterServerRecipe(server: ExpressAdapterServer): Recipe {
  return {
    id: server.id,
    // The adapter in dependencies and a start script that runs a file with node: the template's server.
    detect: ({ pkg }) => server.adapterPackage in pkg.dependencies && pkg.scripts.start !== undefined && /(^|\s)node\s/.test(pkg.scripts.start),
    async plan(ctx) {
      const config = await readConfig(ctx.fs, server.configs);
      const ssr = config ? setting(config.code, 'ssr') : undefined;
      if (config && ssr?.kind === 'literal' && ssr.value === 'false') throw staticSite(`${server.label} with ssr: false in ${config.file}`);
      const buildDir = buildDirOf(config, server);
      const start = await serverStart(ctx, server);
      ctx.warnings.push(...start.warnings);
      return {
        id: server.id,
        label: server.label,
        buildSteps: [buildStep(ctx, server.label, server.buildTool, server.buildSuggestion)],
        installInputs: [],
        runtimeCopies: [
          { from: 'deps', src: 'node_modules' },
          { from: 'context', src: start.script },
          { from: 'build', src: buildDir },
          { from: 'context', src: 'package.json' },
        ],
        productionDependencies: true,
        command: start.argv,
        commandScript: start.script,
        env: { PORT: '3000', ...start.env },
        buildEnv: {},
        writablePaths: [],
        systemPackages: { build: [], runtime: [] },
        shutdown: { kind: 'preload', how: `the template's ${start.script} calls app.listen() with no SIGTERM handler; the preloaded module drains the server and exits 0` },
        dockerignore: [buildDir, '.react-router', '.cache'],
        nextSteps: [],
        port: 3000,
        healthcheckPath: ctx.facts.healthcheckPath ?? (await healthRouteFromFiles(ctx.fs, (name) => routeFiles('app/routes', name.replace('/', '.')))),
      } satisfies RecipePlan;
    },
  };
}

function buildDirOf(config: Awaited<ReturnType<typeof readConfig>>, server: ExpressAdapterServer): string {
  const dir = config ? setting(config.code, 'buildDirectory') : { kind: 'absent' as const };
  if (dir.kind === 'absent') return 'build';
  if (dir.kind === 'expression') throw new UsageError(`${server.label}: ${config?.file} sets buildDirectory to an expression; write it as a string so the image copies the right folder`);
  return projectPath(dir.value, `${config?.file} buildDirectory`);
}

/** The start script's `node <file>`: one source file at the project root, run as it is (no build of its own). */
async function serverStart(ctx: RecipeContext, server: ExpressAdapterServer): Promise<{ argv: string[]; script: string; env: Record<string, string>; warnings: string[] }> {
  const lockfile = ctx.facts.packageManager.lockfile;
  const lockText = lockfile === 'package-lock.json' || lockfile === 'npm-shrinkwrap.json' ? await ctx.fs.read(lockfile) : undefined;
  const start = ctx.start ?? (await deriveStartCommand({ pkg: ctx.pkg, lockfileBins: binsFromNpmLockfile(lockText ?? ''), read: (file) => ctx.fs.read(file) }, ['start']));
  const script = start?.script;
  if (!start || script === undefined || start.packageBinary || start.argv[0] !== 'node') {
    throw new UsageError(`${server.label}: scripts.start "${printable(ctx.pkg.scripts.start ?? '')}" should run the server file with node (e.g. "node server.js"); pass --start "node <file>"`);
  }
  if (!(await ctx.fs.exists(script))) throw new UsageError(`${server.label}: scripts.start runs ${script}, which is not in the project; pass --start "node <file>"`);
  return { argv: start.argv, script, env: start.env, warnings: [...start.warnings, ...start.buildSteps.map((s) => `${server.label}: scripts.start runs "${s}" before the server; the build stage runs the "build" script instead`)] };
}
