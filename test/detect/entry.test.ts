// Entry detection on in-memory projects: scripts, main, common names, TypeScript mapping, and the
// rule that an entry lies inside the project and exists (or is build output with a source).
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', ...fields });

describe('entry', () => {
  test('scripts.start wins over main and common names', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ main: 'lib/index.js', scripts: { start: 'node bin/www.js' } }),
      'bin/www.js': '', 'lib/index.js': '', 'index.js': '',
    }));
    expect(facts.entry).toBe('bin/www.js');
  });

  test('an extension-less script file resolves like node does', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ scripts: { start: 'node server' } }), 'server.js': '' }));
    expect(facts.entry).toBe('server.js');
  });

  test('main pointing at a directory means its index.js', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ main: 'lib' }), 'lib/index.js': '' }));
    expect(facts.entry).toBe('lib/index.js');
  });

  test('`node .` falls through to main', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ main: 'app.js', scripts: { start: 'node .' } }), 'app.js': '' }));
    expect(facts.entry).toBe('app.js');
  });

  test('common names, root before src/', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({}), 'src/index.js': '', 'app.js': '' }));
    expect(facts.entry).toBe('app.js');
  });

  test('a start script outside the project is refused with a warning, then main is used', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ main: 'index.js', scripts: { start: 'node ../other/server.js' } }),
      'index.js': '',
    }));
    expect(facts.entry).toBe('index.js');
    expect(facts.warnings).toContain('scripts.start names "../other/server.js", which is outside the project: ignored');
  });

  test('an absolute path is outside the project too', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ scripts: { start: 'node /srv/app.js' } }) }));
    expect(facts.entry).toBeUndefined();
    expect(facts.warnings.join('\n')).toContain('outside the project');
  });

  test('a missing file is not an entry', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ scripts: { start: 'node server.js' } }) }));
    expect(facts.entry).toBeUndefined();
    expect(facts.warnings).toContain('scripts.start names server.js, which does not exist');
  });

  test('nothing to find: entry undefined (the shell then asks or names --entry)', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({}) }));
    expect(facts.entry).toBeUndefined();
  });
});

describe('TypeScript entries', () => {
  const tsProject = (extra: Record<string, string>) => memoryFs({
    'tsconfig.json': '{ "compilerOptions": { "outDir": "build", "rootDir": "./src" } }',
    ...extra,
  });

  test('compiled entry not built yet: accepted because its source exists', async () => {
    const facts = await detectProject(tsProject({
      'package.json': pkg({ scripts: { build: 'tsc', start: 'node build/server.js' } }),
      'src/server.ts': '',
    }));
    expect(facts).toMatchObject({ entry: 'build/server.js', sourceEntry: 'src/server.ts', build: { script: 'build', outDir: 'build' }, typescript: true });
  });

  test('compiled entry already built locally: still reports its source', async () => {
    const facts = await detectProject(tsProject({
      'package.json': pkg({ scripts: { build: 'tsc', start: 'node build/server.js' } }),
      'src/server.ts': "app.get('/healthz')",
      'build/server.js': "app.get('/healthz')",
    }));
    expect(facts).toMatchObject({ entry: 'build/server.js', sourceEntry: 'src/server.ts', healthcheckPath: '/healthz' });
  });

  test('build output of a JavaScript build without a matching source is accepted when it exists', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ scripts: { build: 'rollup -c', start: 'node dist/bundle.js' } }),
      'dist/bundle.js': 'require("http").createServer().listen(3000)',
    }));
    expect(facts.entry).toBe('dist/bundle.js');
    expect(facts.sourceEntry).toBeUndefined();
  });

  test('a hostile path in a start script is shown on one line in the warning', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ scripts: { start: 'node "../x\ny.js"' } }) }));
    expect(facts.warnings).toHaveLength(1);
    expect(facts.warnings[0]).not.toContain('\n');
  });

  test('a tsx/ts-node start script maps the source to the compiled output', async () => {
    const facts = await detectProject(tsProject({
      'package.json': pkg({ scripts: { build: 'tsc', start: 'tsx src/api/main.mts' } }),
      'src/api/main.mts': '',
    }));
    expect(facts.entry).toBe('build/api/main.mjs');
    expect(facts.sourceEntry).toBe('src/api/main.mts');
    expect(facts.moduleSystem).toBe('module');
  });

  test('Nest layout: "nest start" is skipped, start:prod "node dist/main" is used', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ scripts: { build: 'nest build', start: 'nest start', 'start:prod': 'node dist/main' }, dependencies: { '@nestjs/core': '^11' } }),
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", } }',
      'src/main.ts': 'await app.listen(process.env.PORT ?? 3000);',
    }));
    expect(facts).toMatchObject({ entry: 'dist/main.js', sourceEntry: 'src/main.ts', framework: 'nest', port: 3000 });
  });

  test('outDir from an extended config, relative to that config', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ scripts: { build: 'tsc -p tsconfig.build.json', start: 'node out/index.js' } }),
      'tsconfig.json': '{ "extends": "./config/base", }',
      'config/base.json': '{ // shared\n "compilerOptions": { "outDir": "../out" } }',
      'src/index.ts': '',
    }));
    expect(facts.build).toEqual({ script: 'build', outDir: 'out', outDirSource: 'config/base.json compilerOptions.outDir', rootDir: 'src' });
    expect(facts.sourceEntry).toBe('src/index.ts');
  });

  test('a TypeScript entry without a build runs by type stripping, with a warning', async () => {
    const facts = await detectProject(memoryFs({ 'package.json': pkg({ scripts: { start: 'node src/server.ts' } }), 'src/server.ts': '' }));
    expect(facts.entry).toBe('src/server.ts');
    expect(facts.build).toBeUndefined();
    expect(facts.typescript).toBe(true);
    expect(facts.warnings.join('\n')).toContain('type stripping');
  });

  test('a tsconfig that is not even JSONC is a warning, and the default outDir is used', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': pkg({ scripts: { build: 'tsc' } }),
      'tsconfig.json': '{ compilerOptions: ',
      'src/index.ts': '',
    }));
    expect(facts.build).toEqual({ script: 'build', outDir: 'dist' });
    expect(facts.entry).toBe('dist/index.js');
    expect(facts.warnings.join('\n')).toContain('could not read tsconfig.json');
  });
});
