// esbuild plugin: replaces src/shutdown/stripped-template.ts with the text it computes, computed
// here with the same src/shutdown/strip-types.ts (bundled by esbuild and run once), so the CLI
// does not strip the shutdown template's types at start-up.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);

export async function strippedShutdownTemplate() {
  const { outputFiles } = await build({ entryPoints: [new URL('src/shutdown/strip-types.ts', root).pathname], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'error' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports.stripTypes(await readFile(new URL('templates/graceful-shutdown.ts', root), 'utf8'));
}

export const strippedShutdown = {
  name: 'stripped-shutdown',
  setup(b) {
    b.onResolve({ filter: /\/stripped-template\.js$/ }, (args) =>
      args.importer.endsWith('/src/shutdown/module.ts') ? { path: 'stripped-template', namespace: 'stripped-shutdown' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stripped-shutdown' }, async () => ({
      contents: `export const strippedTemplate = ${JSON.stringify(await strippedShutdownTemplate())};\n`,
      loader: 'js',
    }));
  },
};
