// React Router 7 (framework mode) and Remix 2 ship the same kind of production server: an Express app
// behind a CLI (`react-router-serve ./build/server/index.js`, `remix-serve ./build/server/index.js`)
// that imports the server build and the packages in node_modules. The runtime holds the production
// node_modules, the build folder and package.json ("type": "module"), and runs the CLI's JS file.
//
// Shutdown: both CLIs call server.close() on SIGTERM (dist/cli.js), so in-flight requests finish and
// Node exits 0 once nothing else holds the event loop. Proven in the e2e rig (test/e2e/FRAMEWORKS.md).
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';
import { cliArgs } from './cli-args.js';
import { readConfig, setting } from './config-source.js';
import { healthRouteFromFiles } from './file-route-health.js';
import { packageBinScript } from './package-bin.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipeContext, RecipePlan } from './types.js';

export interface ServeCli {
  id: string;
  label: string;
  /** The package that owns the CLI, and its bin name and JS file inside the package. */
  servePackage: string;
  bin: string;
  binFile: string;
  /** What the build script must run, and the command to suggest. */
  buildTool: RegExp;
  buildSuggestion: string;
  /** The server build when there is no start script. */
  defaultServerBuild: string;
  /** Config files where `ssr: false` (SPA mode) makes the build static. */
  spaModeConfigs: readonly string[];
  /** Route files that would declare `/<name>` (resource routes). */
  healthFiles: (name: string) => string[];
}

export function serveCliRecipe(cli: ServeCli): Recipe {
  return {
    id: cli.id,
    // A start script that runs something else (a custom Express server) is the app's own server.
    detect: ({ pkg }) => cli.servePackage in pkg.dependencies && (pkg.scripts.start === undefined || new RegExp(String.raw`(^|\s)${cli.bin}(\s|$)`).test(pkg.scripts.start)),
    async plan(ctx) {
      const config = await readConfig(ctx.fs, cli.spaModeConfigs);
      const ssr = config ? setting(config.code, 'ssr') : undefined;
      if (config && ssr?.kind === 'literal' && ssr.value === 'false') throw staticSite(`${cli.label} with ssr: false in ${config.file}`);
      const serverBuild = serverBuildOf(ctx, cli);
      const buildDir = serverBuild.slice(0, serverBuild.indexOf('/'));
      const script = await packageBinScript(ctx, cli.servePackage, cli.bin, cli.binFile);
      return {
        id: cli.id,
        label: cli.label,
        buildSteps: [buildStep(ctx, cli.label, cli.buildTool, cli.buildSuggestion)],
        installInputs: [],
        runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: buildDir }, { from: 'context', src: 'package.json' }],
        productionDependencies: true,
        command: ['node', script, `./${serverBuild}`],
        commandScript: script,
        // Without PORT the CLI picks any free port when 3000 is taken (get-port).
        env: { PORT: '3000' },
        buildEnv: {},
        writablePaths: [],
        systemPackages: { build: [], runtime: [] },
        shutdown: { kind: 'framework', how: `${cli.bin} closes its server on SIGTERM; in-flight requests finish and Node exits 0` },
        dockerignore: [buildDir, '.react-router', '.cache'],
        nextSteps: [],
        port: 3000,
        healthcheckPath: await healthRouteFromFiles(ctx.fs, cli.healthFiles),
      } satisfies RecipePlan;
    },
  };
}

function serverBuildOf(ctx: RecipeContext, cli: ServeCli): string {
  const start = ctx.pkg.scripts.start;
  if (start === undefined) {
    ctx.warnings.push(`${cli.label}: no "start" script; running ${cli.bin} ./${cli.defaultServerBuild}`);
    return cli.defaultServerBuild;
  }
  const args = cliArgs(start, cli.bin, cli.label);
  const positional = args?.filter((a) => !a.startsWith('-')) ?? [];
  if (args === undefined || positional.length !== 1 || positional.length !== args.length) {
    throw new UsageError(`${cli.label}: scripts.start "${printable(start)}" should be "${cli.bin} ./${cli.defaultServerBuild}" (one server build, no options)`);
  }
  const serverBuild = projectPath(positional[0] ?? '', `${cli.bin} server build`);
  if (!serverBuild.includes('/')) throw new UsageError(`${cli.label}: the server build "${printable(serverBuild)}" must be inside a build folder, e.g. ./${cli.defaultServerBuild}`);
  return serverBuild;
}
