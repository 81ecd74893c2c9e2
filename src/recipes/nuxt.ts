// Nuxt 3/4 with Nitro's node-server preset (the default). `nuxt build` bundles the server and what it
// imports into .output, so the runtime holds .output only and runs `node .output/server/index.mjs`.
//
// Shutdown: Nitro's node-server entry drains in-flight requests on SIGTERM and exits 0
// (nitropack/dist/runtime/internal/shutdown.mjs, http-graceful-shutdown with forceExit). Its default
// timeout is 30 s, longer than `docker stop`'s 10 s, so NITRO_SHUTDOWN_TIMEOUT=8000 lets it end on its
// own terms before SIGKILL. Proven in the e2e rig (test/e2e/FRAMEWORKS.md).
import { UsageError } from '../errors.js';
import { printable } from '../core/validate.js';
import { readConfig, setting } from './config-source.js';
import { healthRouteFromFiles, routeFiles } from './file-route-health.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipePlan } from './types.js';

const CONFIG_FILES = ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs', 'nuxt.config.mts'];
const NODE_PRESETS = ['node-server', 'node', 'node_server'];
const TELEMETRY = { NUXT_TELEMETRY_DISABLED: '1' };

export const nuxtRecipe: Recipe = {
  id: 'nuxt',
  detect: ({ pkg }) => 'nuxt' in pkg.dependencies || 'nuxt' in pkg.devDependencies,
  async plan(ctx) {
    const build = ctx.pkg.scripts.build ?? '';
    if (/\bnux[ti]\s+generate\b/.test(build)) throw staticSite(`Nuxt built with "${printable(build)}"`);
    const step = buildStep(ctx, 'Nuxt', /\bnux[ti]\s+build\b/, 'nuxt build');
    const config = await readConfig(ctx.fs, CONFIG_FILES);
    const preset = config ? setting(config.code, 'preset') : { kind: 'absent' as const };
    if (preset.kind === 'expression' || (preset.kind === 'literal' && !NODE_PRESETS.includes(preset.value))) {
      const shown = preset.kind === 'literal' ? `"${printable(preset.value)}"` : 'an expression';
      throw new UsageError(`Nuxt: ${config?.file} sets the Nitro preset to ${shown}, which builds no Node server; remove it or set nitro: { preset: 'node-server' }`);
    }
    const healthcheckPath = await healthRouteFromFiles(ctx.fs, (name) => ['server/routes', 'server/api'].flatMap((dir) =>
      dir === 'server/api' ? (name.startsWith('api/') ? routeFiles(dir, name.slice(4)) : []) : routeFiles(dir, name)));
    return {
      id: 'nuxt',
      label: 'Nuxt (Nitro node-server)',
      buildSteps: [step],
      installInputs: [],
      runtimeCopies: [{ from: 'build', src: '.output' }],
      productionDependencies: false,
      command: ['node', '.output/server/index.mjs'],
      commandScript: '.output/server/index.mjs',
      env: { ...TELEMETRY, PORT: '3000', NITRO_SHUTDOWN_TIMEOUT: '8000' },
      buildEnv: { ...TELEMETRY },
      writablePaths: [],
      systemPackages: { build: [], runtime: [] },
      shutdown: { kind: 'framework', how: "Nitro's node-server drains in-flight requests on SIGTERM and exits 0", env: { NITRO_SHUTDOWN_TIMEOUT: '8000' } },
      dockerignore: ['.nuxt', '.output', '.data'],
      nextSteps: [],
      port: 3000,
      healthcheckPath,
    } satisfies RecipePlan;
  },
};
