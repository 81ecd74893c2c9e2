// Bundles the CLI and its runtime dependencies into dist/, so `npx create-secure-node-docker`
// installs one package. Text files are inlined through `?raw` imports; the Handlebars templates
// are precompiled (scripts/precompiled-templates.mjs).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { precompiledTemplates } from './precompiled-templates.mjs';

const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, async (args) => {
      const url = new URL(args.path.slice(0, -'?raw'.length), `file://${args.resolveDir}/`);
      return { path: url.pathname, namespace: 'raw-text' };
    });
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  plugins: [rawText, precompiledTemplates],
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
