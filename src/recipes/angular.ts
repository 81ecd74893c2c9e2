// Angular SSR (@angular/ssr, `ng new --ssr`): `ng build` with the application builder writes
// dist/<project>/browser and dist/<project>/server/server.mjs, and the app's production command is its
// `serve:ssr:<project>` script (`node dist/<project>/server/server.mjs`, port 4000 unless PORT).
// `start` is `ng serve`, a development server, so the script is the evidence, not `start`.
//
// The server bundle is self-contained: esbuild bundles Express, @angular/ssr and the app into
// server/*.mjs (measured with Angular 22.2: server.mjs served pages, /health and /slow from a copy
// of dist/<project> with no node_modules and no package.json), so the runtime holds dist/<project> only.
//
// Shutdown: the generated src/server.ts calls app.listen() and installs no SIGTERM handler (Angular's
// @angular/ssr/node has none either), so SIGTERM kills Node mid-request (observed: the in-flight
// request got no answer). The preloaded module drains the server and exits 0.
import { detectHealthPath } from '../detect/health.js';
import { deriveStartCommand } from '../detect/start-command/index.js';
import { UsageError } from '../errors.js';
import { printable } from '../core/validate.js';
import { angularServerBuild } from './angular-workspace.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipePlan } from './types.js';

export const angularSsrRecipe: Recipe = {
  id: 'angular-ssr',
  detect: ({ pkg }) => '@angular/ssr' in pkg.dependencies,
  async plan(ctx) {
    const build = await angularServerBuild(ctx.fs, ctx.pkg.scripts);
    if (!build.serverRendering) throw staticSite(`Angular without server rendering for project ${build.project} in angular.json`);
    const step = buildStep(ctx, 'Angular SSR', /\bng\s+build\b/, 'ng build');
    const serverScript = `${build.outputBase}/server/server.mjs`;
    const scriptName = `serve:ssr:${build.project}`;
    const start = ctx.pkg.scripts[scriptName] === undefined ? undefined : await deriveStartCommand({ pkg: ctx.pkg, lockfileBins: new Map(), read: (file) => ctx.fs.read(file) }, [scriptName]);
    if (start && (start.script === undefined || !start.script.startsWith(`${build.outputBase}/`) || start.argv[0] !== 'node')) {
      throw new UsageError(`Angular SSR: scripts["${scriptName}"] is "${printable(ctx.pkg.scripts[scriptName] ?? '')}", expected "node ${serverScript}" (the build output in angular.json); pass --start "node <file>"`);
    }
    ctx.warnings.push(...(start?.warnings ?? []));
    return {
      id: 'angular-ssr',
      label: 'Angular SSR (@angular/ssr)',
      buildSteps: [step],
      installInputs: [],
      runtimeCopies: [{ from: 'build', src: build.outputBase }],
      productionDependencies: false,
      command: start?.argv ?? ['node', serverScript],
      commandScript: start?.script ?? serverScript,
      env: { ...(start?.env ?? {}), PORT: '4000' },
      buildEnv: { NG_CLI_ANALYTICS: 'false' },
      writablePaths: [],
      systemPackages: { build: [], runtime: [] },
      shutdown: { kind: 'preload', how: "Angular's server.ts calls app.listen() with no SIGTERM handler; the preloaded module drains the server and exits 0" },
      dockerignore: ['dist', '.angular'],
      nextSteps: [
        'Angular SSR renders pages only for hosts it allows (angular.json security.allowedHosts, or NG_ALLOWED_HOSTS="example.com,www.example.com" at run time); other hosts get 400. Set it for your domain.',
      ],
      port: 4000,
      healthcheckPath: detectHealthPath((await ctx.fs.read(build.serverEntry)) ?? '') ?? ctx.facts.healthcheckPath,
    } satisfies RecipePlan;
  },
};
