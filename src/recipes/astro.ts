// Astro with @astrojs/node in standalone mode: `astro build` writes dist/server/entry.mjs (outDir
// option), which imports astro's runtime from node_modules, so the runtime holds the production
// node_modules, dist and package.json. No adapter is a static site; another adapter or the node
// adapter's middleware mode starts no server of its own, and is refused.
//
// Shutdown: the standalone server (@astrojs/node dist/standalone.js, 11.x) installs no signal
// handler, so SIGTERM kills Node mid-request (observed: the in-flight request fails, exit 143). The
// preloaded module drains it and exits 0. Proven in the e2e rig (test/e2e/FRAMEWORKS.md).
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';
import { callArguments, importedName, importedPackages, readConfig, setting } from './config-source.js';
import { healthRouteFromFiles, routeFiles } from './file-route-health.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipePlan } from './types.js';

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'];
const TELEMETRY = { ASTRO_TELEMETRY_DISABLED: '1' };

export const astroRecipe: Recipe = {
  id: 'astro',
  detect: ({ pkg }) => 'astro' in pkg.dependencies || 'astro' in pkg.devDependencies,
  async plan(ctx) {
    const config = await readConfig(ctx.fs, CONFIG_FILES);
    const adapters = config ? importedPackages(config.code).filter((p) => /^@astrojs\/(node|vercel|netlify|cloudflare|deno)$/.test(p) || p.includes('astro-adapter')) : [];
    if (!config || adapters.length === 0) throw staticSite(`Astro without a server adapter${config ? ` in ${config.file}` : ''}`);
    if (!adapters.includes('@astrojs/node')) {
      throw new UsageError(`Astro with ${adapters.join(', ')} builds for a hosting platform, not a Node server; add @astrojs/node in standalone mode: npx astro add node`);
    }
    const mode = setting(callArguments(config.code, importedName(config.code, '@astrojs/node') ?? 'node') ?? '', 'mode');
    if (mode.kind !== 'literal' || mode.value !== 'standalone') {
      const shown = mode.kind === 'literal' ? `mode "${printable(mode.value)}"` : mode.kind === 'absent' ? 'no mode' : 'a mode expression';
      throw new UsageError(`Astro: @astrojs/node has ${shown} in ${config.file}; the container runs the standalone server, so set node({ mode: 'standalone' }) (middleware mode: start your own server with --start)`);
    }
    const outSetting = setting(config.code, 'outDir');
    if (outSetting.kind === 'expression') throw new UsageError(`Astro: ${config.file} sets outDir to an expression; write it as a string`);
    const outDir = outSetting.kind === 'literal' ? projectPath(outSetting.value, `${config.file} outDir`) : 'dist';
    const step = buildStep(ctx, 'Astro', /\bastro\s+build\b/, 'astro build');
    const healthcheckPath = await healthRouteFromFiles(ctx.fs, (name) => [...routeFiles('src/pages', name), ...routeFiles(`src/pages/${name}`, 'index')]);
    return {
      id: 'astro',
      label: 'Astro (@astrojs/node standalone)',
      buildSteps: [step],
      installInputs: [],
      runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: outDir }, { from: 'context', src: 'package.json' }],
      productionDependencies: true,
      command: ['node', `${outDir}/server/entry.mjs`],
      commandScript: `${outDir}/server/entry.mjs`,
      env: { ...TELEMETRY, HOST: '0.0.0.0', PORT: '4321' },
      buildEnv: { ...TELEMETRY },
      writablePaths: [],
      systemPackages: { build: [], runtime: [] },
      shutdown: { kind: 'preload', how: "Astro's standalone server has no SIGTERM handler; the preloaded module drains it and exits 0" },
      dockerignore: [outDir, '.astro'],
      nextSteps: [],
      port: 4321,
      healthcheckPath,
    } satisfies RecipePlan;
  },
};
