// Bundles the CLI and its runtime dependencies into dist/, so `npx create-secure-node-docker`
// installs one package. Text files are inlined through `?raw` imports; the Handlebars templates
// are precompiled (scripts/precompiled-templates.mjs) and the shutdown module's types stripped
// (scripts/stripped-shutdown.mjs) here rather than at start-up.
//
// The output is CommonJS, loaded by dist/cli.js (src/cli/bundle-entry.ts) with V8's code cache.
// esbuild splits code only for ES modules, so the bundle is built as ES modules first (the chunks
// that keep check, update, --verify and the prompts out of a plain run) and each file is then
// turned into CommonJS, its import() calls into require(), and wrapped as a CommonJS module
// function, which only that loader runs. The code cache is kept per build: its
// folder is named by a hash of every file the loader may load (see src/cli/bundle-loader.ts).
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { precompiledTemplates } from './precompiled-templates.mjs';
import { strippedShutdown } from './stripped-shutdown.mjs';

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

const dist = new URL('../dist/', import.meta.url).pathname;
// What every pass (the two builds and the CommonJS transform) outputs for.
const output = { platform: 'node', target: 'node20.19', minify: true, legalComments: 'none' };
const common = { ...output, bundle: true, logLevel: 'warning' };

await rm(dist, { recursive: true, force: true });
const esm = await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  entryNames: '[name]-[hash]',
  outdir: dist,
  splitting: true,
  format: 'esm',
  write: false,
  metafile: true,
  plugins: [rawText, precompiledTemplates, strippedShutdown],
});
await mkdir(dist, { recursive: true });
// CommonJS whatever the root package.json says ("type": "module").
await writeFile(path.join(dist, 'package.json'), '{ "type": "commonjs" }\n');
const buildHash = createHash('sha256');
for (const file of esm.outputFiles) {
  // Bundled ES modules that read import.meta.url (yargs finds its locale files by it) get this file's URL.
  const metaUrl = file.text.includes('import.meta.url');
  const { code } = await transform(file.text, {
    ...output,
    format: 'cjs',
    supported: { 'dynamic-import': false },
    ...(metaUrl && { define: { 'import.meta.url': '__import_meta_url' }, banner: 'var __import_meta_url = require("node:url").pathToFileURL(__filename).href;' }),
  });
  // Written inside the function wrapper Node gives a CommonJS module (on the first line, so line
  // numbers hold): the loader compiles the file as it is, without building a second copy of it.
  const text = `(function (exports, require, module, __filename, __dirname) { ${code}\n})`;
  await writeFile(file.path, text);
  buildHash.update(`${path.basename(file.path)}\0${text}\0`);
}
const [mainChunk] = Object.entries(esm.metafile.outputs).filter(([, output]) => output.entryPoint).map(([file]) => path.basename(file));
await build({
  ...common,
  entryPoints: ['src/cli/bundle-entry.ts'],
  outfile: path.join(dist, 'cli.js'),
  format: 'cjs',
  define: { __MAIN_CHUNK__: JSON.stringify(mainChunk), __BUILD_ID__: JSON.stringify(buildHash.digest('hex').slice(0, 16)) },
});
