// Next.js 14-16. With `output: "standalone"` the build traces what the server needs into
// .next/standalone, so the runtime holds only that, .next/static and public and runs `node server.js`.
// Without it, the runtime holds the production node_modules, .next, public and the config, and runs
// Next's own start through its JS file. `output: "export"` is a static site.
//
// Shutdown (read in next/dist/server/lib/start-server.js, 16.4): on SIGTERM both `next start` and the
// standalone server.js close the HTTP server, let in-flight requests finish, then process.exit(143),
// so `docker stop` reports 143, never 0. NEXT_MANUAL_SIG_HANDLE=1 turns Next's handlers off and our
// preloaded module drains the server and exits 0 (proven in the e2e rig: see test/e2e/FRAMEWORKS.md).
import { UsageError } from '../errors.js';
import { port as validPort, printable, projectPath } from '../core/validate.js';
import { cliArgs, optionValue } from './cli-args.js';
import { readConfig, setting, type ConfigSource } from './config-source.js';
import { healthRouteFromFiles, routeFiles } from './file-route-health.js';
import { COMPILED_CONFIG, compileConfigStep, needsCompiledConfig } from './next-config-compile.js';
import { packageBinScript } from './package-bin.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Copy, Recipe, RecipeContext, RecipePlan } from './types.js';

const CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts'];
const TELEMETRY = { NEXT_TELEMETRY_DISABLED: '1' };
const SHUTDOWN = { kind: 'preload', how: "Next's own SIGTERM handler exits 143; NEXT_MANUAL_SIG_HANDLE=1 turns it off and the preloaded module drains the server and exits 0" } as const;

export const nextRecipe: Recipe = {
  id: 'next',
  detect: ({ pkg }) => 'next' in pkg.dependencies || 'next' in pkg.devDependencies,
  async plan(ctx) {
    const config = await readConfig(ctx.fs, CONFIG_FILES);
    const output = outputMode(config);
    if (output === 'export') throw staticSite(`Next.js with output: "export" in ${config?.file}`);
    const distDir = distDirOf(config);
    const startArgs = startArguments(ctx);
    const port = portOf(startArgs);
    const build = buildStep(ctx, 'Next.js', /\bnext\s+build\b/, 'next build');
    const healthcheckPath = await healthRouteFromFiles(ctx.fs, (name) => ['app', 'src/app'].flatMap((dir) => routeFiles(`${dir}/${name}`, 'route')));
    const publicDir = (await ctx.fs.exists('public')) ? [{ from: 'context', src: 'public' } satisfies Copy] : [];
    const common = {
      installInputs: [],
      buildEnv: { ...TELEMETRY },
      writablePaths: [`${distDir}/cache`],
      systemPackages: { build: [], runtime: [] },
      shutdown: SHUTDOWN,
      dockerignore: [distDir, 'out'],
      port,
      healthcheckPath,
    };
    if (output === 'standalone') {
      return {
        ...common,
        id: 'next-standalone',
        label: 'Next.js (standalone output)',
        buildSteps: [build],
        // Next traces from the lockfile's directory: in a workspace, standalone/ mirrors the workspace root.
        runtimeCopies: [{ from: 'build', src: `${distDir}/standalone`, dest: '.', mirrorsWorkspaceRoot: true }, { from: 'build', src: `${distDir}/static` }, ...publicDir],
        productionDependencies: false,
        command: ['node', 'server.js'],
        commandScript: 'server.js',
        env: { ...TELEMETRY, NEXT_MANUAL_SIG_HANDLE: '1', HOSTNAME: '0.0.0.0', PORT: String(port) },
        nextSteps: [],
      } satisfies RecipePlan;
    }
    const next = await packageBinScript(ctx, 'next', 'next', 'dist/bin/next');
    // next.config.ts needs TypeScript to load at run time: the runtime gets it compiled (next-config-compile.ts).
    const compile = needsCompiledConfig(config?.file) ? [compileConfigStep(config.file)] : [];
    const runtimeConfig: Copy[] = compile.length > 0 ? [{ from: 'build', src: COMPILED_CONFIG }] : config ? [{ from: 'context', src: config.file }] : [];
    return {
      ...common,
      id: 'next',
      label: 'Next.js (next start)',
      // The build cache (often hundreds of MB) is for the next build, not the runtime.
      buildSteps: [build, ...compile, `rm -rf ${distDir}/cache`],
      runtimeCopies: [
        { from: 'deps', src: 'node_modules' },
        { from: 'build', src: distDir },
        ...publicDir,
        { from: 'context', src: 'package.json' },
        ...runtimeConfig,
      ],
      productionDependencies: true,
      command: ['node', next, 'start', ...startArgs.filter((a, i) => !isPortArg(startArgs, i))],
      commandScript: next,
      env: { ...TELEMETRY, NEXT_MANUAL_SIG_HANDLE: '1', PORT: String(port) },
      nextSteps: [
        `Set output: "standalone" in ${config?.file ?? 'next.config.js'} for a smaller image: the runtime then holds only .next/standalone, .next/static and public, without the node_modules stage (re-run this tool after).`,
      ],
    } satisfies RecipePlan;
  },
};

function outputMode(config: ConfigSource | undefined): 'server' | 'standalone' | 'export' {
  if (!config) return 'server';
  const output = setting(config.code, 'output');
  if (output.kind === 'absent') return 'server';
  if (output.kind === 'literal' && (output.value === 'standalone' || output.value === 'export')) return output.value;
  throw new UsageError(`Next.js: ${config.file} sets output to something other than "standalone" or "export" written as a string; write output: "standalone" (or remove it) so the image matches the build`);
}

function distDirOf(config: ConfigSource | undefined): string {
  const dist = config ? setting(config.code, 'distDir') : { kind: 'absent' as const };
  if (dist.kind === 'absent') return '.next';
  if (dist.kind === 'expression') throw new UsageError(`Next.js: ${config?.file} sets distDir to an expression; write it as a string so the image copies the right folder`);
  return projectPath(dist.value, `${config?.file} distDir`);
}

/** The arguments of `next start ...` in scripts.start (none when there is no start script). */
function startArguments(ctx: RecipeContext): string[] {
  const start = ctx.pkg.scripts.start;
  if (start === undefined) return [];
  const args = cliArgs(start, 'next', 'Next.js');
  if (args === undefined || args[0] !== 'start') {
    throw new UsageError(`Next.js: scripts.start is "${printable(start)}", not "next start"; a custom server is started with --start "node <file>"`);
  }
  const rest = args.slice(1);
  if (rest.some((a) => a === '-H' || a === '--hostname' || a.startsWith('--hostname='))) {
    throw new UsageError('Next.js: scripts.start binds a hostname (-H); in a container the server must listen on 0.0.0.0, so drop -H from the start script');
  }
  return rest;
}

function portOf(args: readonly string[]): number {
  const value = optionValue(args, ['-p', '--port']);
  return value === undefined ? 3000 : validPort(value, 'next start --port');
}

/** -p/--port and its value: the plan carries the port as PORT instead. */
function isPortArg(args: readonly string[], i: number): boolean {
  const a = args[i] ?? '';
  if (a === '-p' || a === '--port' || a.startsWith('--port=')) return true;
  return i > 0 && (args[i - 1] === '-p' || args[i - 1] === '--port');
}
