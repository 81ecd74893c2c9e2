// esbuild plugin: replaces src/render/templates.ts with the templates precompiled by Handlebars
// (same COMPILE_OPTIONS), so the bundle carries the small Handlebars runtime and no compiler.
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';

const templatesDir = new URL('../templates/', import.meta.url);
// Must match COMPILE_OPTIONS in src/render/templates.ts; test/render/precompiled.test.ts checks it.
export const COMPILE_OPTIONS = { noEscape: true, strict: true, knownHelpersOnly: true, data: false };

export async function precompiledModule() {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', templatesDir), 'utf8'));
  const spec = async (file) => Handlebars.precompile(await readFile(new URL(file, templatesDir), 'utf8'), COMPILE_OPTIONS);
  const lines = ["import Handlebars from 'handlebars/runtime.js';", 'const handlebars = Handlebars.create();'];
  for (const [name, file] of Object.entries(manifest.partials)) {
    lines.push(`handlebars.registerPartial(${JSON.stringify(name)}, handlebars.template(${await spec(file)}));`);
  }
  lines.push('export const templates = {');
  for (const [name, file] of Object.entries(manifest.templates)) lines.push(`  ${JSON.stringify(name)}: handlebars.template(${await spec(file)}),`);
  lines.push('};');
  return lines.join('\n');
}

export const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onResolve({ filter: /\/templates\.js$/ }, (args) =>
      args.importer.endsWith('/src/render/index.ts') ? { path: 'templates', namespace: 'precompiled-templates' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'precompiled-templates' }, async () => ({
      contents: await precompiledModule(),
      loader: 'js',
      resolveDir: new URL('..', import.meta.url).pathname,
    }));
  },
};
