// SvelteKit with @sveltejs/adapter-node: `vite build` writes a Node server to build/ (adapter option
// `out`), run as `node build`. Packages in `dependencies` stay external, so the runtime also holds the
// production node_modules and package.json ("type": "module"). Any other adapter builds for a hosting
// platform (or static files) and is refused with the command that adds adapter-node.
//
// Shutdown: adapter-node's handler (files/index.js) closes the server on SIGTERM, lets in-flight
// requests finish and force-closes what is left after SHUTDOWN_TIMEOUT seconds (default 30, longer
// than `docker stop`'s 10 s, so 8 here); the process then exits 0 on its own. Proven in the e2e rig.
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';
import { callArguments, importedName, importedPackages, readConfig, setting, type ConfigSource } from './config-source.js';
import { healthRouteFromFiles } from './file-route-health.js';
import { buildStep } from './run-script.js';
import { staticSite } from './static-refusal.js';
import type { Recipe, RecipePlan } from './types.js';

// sv 0.17 writes the adapter into vite.config.ts; older projects have svelte.config.js.
const CONFIG_FILES = [['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts'], ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts']];
const ADD_NODE = 'npx sv add sveltekit-adapter=adapter:node';

export const svelteKitRecipe: Recipe = {
  id: 'sveltekit',
  detect: ({ pkg }) => '@sveltejs/kit' in pkg.dependencies || '@sveltejs/kit' in pkg.devDependencies,
  async plan(ctx) {
    const configs = (await Promise.all(CONFIG_FILES.map((files) => readConfig(ctx.fs, files)))).filter((c): c is ConfigSource => c !== undefined);
    const adapters = configs.flatMap((c) => importedPackages(c.code).filter((p) => p.startsWith('@sveltejs/adapter-')).map((adapter) => ({ adapter, config: c })));
    const node = adapters.find((a) => a.adapter === '@sveltejs/adapter-node');
    if (!node) {
      const found = adapters[0];
      if (found?.adapter === '@sveltejs/adapter-static') throw staticSite(`SvelteKit with @sveltejs/adapter-static in ${found.config.file}`);
      const what = found ? `${found.adapter} (${found.config.file})` : 'no adapter';
      throw new UsageError(`SvelteKit with ${what} builds no Node server; add adapter-node: ${ADD_NODE}`);
    }
    const options = callArguments(node.config.code, importedName(node.config.code, '@sveltejs/adapter-node') ?? 'adapter') ?? '';
    const out = adapterOption(options, 'out', node.config.file) ?? 'build';
    const outDir = projectPath(out, `${node.config.file} adapter-node out`);
    const prefix = adapterOption(options, 'envPrefix', node.config.file) ?? '';
    if (!/^[A-Z0-9_]*$/.test(prefix)) throw new UsageError(`SvelteKit: adapter-node envPrefix "${printable(prefix)}" must be upper-case letters, digits and _`);
    const step = buildStep(ctx, 'SvelteKit', /\b(vite|svelte-kit)\s+build\b/, 'vite build');
    const healthcheckPath = await healthRouteFromFiles(ctx.fs, (name) => ['ts', 'js'].map((ext) => `src/routes/${name}/+server.${ext}`));
    return {
      id: 'sveltekit',
      label: 'SvelteKit (adapter-node)',
      buildSteps: [step],
      installInputs: [],
      runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: outDir }, { from: 'context', src: 'package.json' }],
      productionDependencies: true,
      command: ['node', outDir],
      commandScript: `${outDir}/index.js`,
      env: { [`${prefix}PORT`]: '3000', [`${prefix}HOST`]: '0.0.0.0', [`${prefix}SHUTDOWN_TIMEOUT`]: '8' },
      buildEnv: {},
      writablePaths: [],
      systemPackages: { build: [], runtime: [] },
      shutdown: { kind: 'framework', how: "adapter-node closes the server on SIGTERM, finishes in-flight requests and exits 0", env: { [`${prefix}SHUTDOWN_TIMEOUT`]: '8' } },
      dockerignore: ['.svelte-kit', outDir],
      nextSteps: [],
      port: 3000,
      healthcheckPath,
    } satisfies RecipePlan;
  },
};

function adapterOption(options: string, key: string, file: string): string | undefined {
  const value = setting(options, key);
  if (value.kind === 'expression') throw new UsageError(`SvelteKit: ${file} sets adapter-node ${key} to an expression; write it as a string`);
  return value.kind === 'literal' ? value.value : undefined;
}
