// Where tsc writes the entry, by tsc 5's rules, over the layouts the real starters ship: Nest's
// official typescript-starter (no rootDir: inferred from the inputs), the Nest CLI 12 layout
// (explicit rootDir), fastify-cli's `generate --lang=ts` (include src/**/*.ts, extends a package).
import { describe, expect, test } from 'vitest';
import { commonDirectory, compiledPath, inputFiles, typeScriptOutput } from '../../src/detect/typescript-output.js';
import { readTsConfig } from '../../src/detect/typescript-config.js';
import { nestTsConfig, tscRunOf } from '../../src/detect/tsc-project.js';
import { memoryFs } from '../support/memory-fs.js';
import { UsageError } from '../../src/errors.js';

/** nestjs/typescript-starter: tsconfig.json has outDir ./dist and no rootDir; tsconfig.build.json only excludes. */
const NEST_STARTER = {
  'package.json': '{}',
  'tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "declaration": true, "outDir": "./dist", "baseUrl": "./", "incremental": true } }',
  'tsconfig.build.json': '{ "extends": "./tsconfig.json", "exclude": ["node_modules", "test", "dist", "**/*spec.ts"] }',
  'nest-cli.json': '{ "collection": "@nestjs/schematics", "sourceRoot": "src", "compilerOptions": { "deleteOutDir": true } }',
  'src/main.ts': '',
  'src/app.module.ts': '',
  'src/app.controller.spec.ts': '',
  'test/app.e2e-spec.ts': '',
  'test/jest-e2e.json': '{}',
  'eslint.config.mjs': '',
  'dist/main.js': '',
  'dist/main.d.ts': '',
  'node_modules/@nestjs/core/index.d.ts': '',
};

describe('typeScriptOutput', () => {
  test('Nest starter: tsconfig.build.json has no rootDir, so tsc infers src from its inputs: dist/main.js', async () => {
    const out = await typeScriptOutput(memoryFs(NEST_STARTER), 'tsconfig.build.json', []);
    expect(out).toMatchObject({ outDir: 'dist', rootDir: 'src', inferred: true, inputs: 2 });
    expect(compiledPath(out!, 'src/main.ts')).toBe('dist/main.js');
  });

  test('Nest starter through tsconfig.json (test/ included): the common root is the project, dist/src/main.js', async () => {
    const out = await typeScriptOutput(memoryFs(NEST_STARTER), 'tsconfig.json', []);
    expect(out).toMatchObject({ rootDir: '.', inferred: true });
    expect(compiledPath(out!, 'src/main.ts')).toBe('dist/src/main.js');
  });

  test('Nest CLI 12: explicit rootDir ./src in tsconfig.build.json beats tsconfig.json rootDir "."', async () => {
    const fs = memoryFs({
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", "rootDir": "." } }',
      'tsconfig.build.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "rootDir": "./src" }, "include": ["src"], "exclude": ["node_modules", "test", "dist", "**/*spec.ts"] }',
      'src/main.ts': '',
    });
    const out = await typeScriptOutput(fs, 'tsconfig.build.json', []);
    expect(out).toMatchObject({ outDir: 'dist', rootDir: 'src', inferred: false });
    expect(compiledPath(out!, 'src/main.ts')).toBe('dist/main.js');
  });

  test('fastify-cli --lang=ts: include src/**/*.ts, extends the fastify-tsconfig package (read when installed)', async () => {
    const files = {
      'tsconfig.json': '{ "extends": "fastify-tsconfig", "compilerOptions": { "outDir": "dist", "sourceMap": true }, "include": ["src/**/*.ts"] }',
      'src/app.ts': '',
      'src/plugins/sensible.ts': '',
      'src/routes/root.ts': '',
      'test/helper.ts': '',
    };
    const missing: string[] = [];
    const out = await typeScriptOutput(memoryFs(files), 'tsconfig.json', missing);
    expect(out).toMatchObject({ outDir: 'dist', rootDir: 'src', inferred: true, inputs: 3 });
    expect(compiledPath(out!, 'src/app.ts')).toBe('dist/app.js');
    expect(missing).toEqual([expect.stringMatching(/extends "fastify-tsconfig", which is not installed here \(node_modules\/fastify-tsconfig\/tsconfig\.json\)/)]);

    const installed: string[] = [];
    const withPackage = { ...files, 'node_modules/fastify-tsconfig/package.json': '{}', 'node_modules/fastify-tsconfig/tsconfig.json': '{ "compilerOptions": { "rootDir": "lib", "outDir": "build" } }' };
    const read = await typeScriptOutput(memoryFs(withPackage), 'tsconfig.json', installed);
    expect(installed).toEqual([]);
    // The package's rootDir applies (relative to the package's file); the project's outDir wins over the package's.
    expect(read).toMatchObject({ outDir: 'dist', rootDir: 'node_modules/fastify-tsconfig/lib', inferred: false });
  });

  test('a package that names its config with a "tsconfig" field, and a subpath extends', async () => {
    const fs = memoryFs({
      'tsconfig.json': '{ "extends": ["@acme/tsconfig", "base/node.json"] }',
      'node_modules/@acme/tsconfig/package.json': '{ "tsconfig": "./config/strict.json" }',
      'node_modules/@acme/tsconfig/config/strict.json': '{ "compilerOptions": { "outDir": "out-a" } }',
      'node_modules/base/node.json': '{ "compilerOptions": { "outDir": "out-b", "allowJs": true } }',
    });
    const config = await readTsConfig(fs, 'tsconfig.json', []);
    // In extends [A, B], B wins where both set a value.
    expect(config).toMatchObject({ outDir: 'node_modules/base/out-b', allowJs: true });
  });

  test('files lists inputs explicitly; declarations never count; no inputs: the config directory', async () => {
    const fs = memoryFs({ 'tsconfig.json': '{ "files": ["src/server/index.ts", "types/global.d.ts"], "compilerOptions": { "outDir": "build" } }', 'src/server/index.ts': '', 'types/global.d.ts': '', 'src/other.ts': '' });
    const out = await typeScriptOutput(fs, 'tsconfig.json', []);
    expect(out).toMatchObject({ rootDir: 'src/server', inputs: 1 });
    expect(compiledPath(out!, 'src/server/index.ts')).toBe('build/index.js');
    const empty = await typeScriptOutput(memoryFs({ 'tsconfig.json': '{ "include": ["nothing"] }' }), 'tsconfig.json', []);
    expect(empty).toMatchObject({ rootDir: '.', inputs: 0 });
  });

  test('the default exclude drops outDir and node_modules; dot directories never match a wildcard', async () => {
    const fs = memoryFs({ 'tsconfig.json': '{ "compilerOptions": { "outDir": "lib", "allowJs": true } }', 'src/a.mts': '', 'lib/a.mjs': '', '.cache/x.ts': '', 'node_modules/p/i.ts': '' });
    const config = await readTsConfig(fs, 'tsconfig.json', []);
    expect(await inputFiles(fs, config!)).toEqual(['src/a.mts']);
    expect(compiledPath(await typeScriptOutput(fs, 'tsconfig.json', []) as never, 'src/a.mts')).toBe('lib/a.mjs');
  });

  test('a source outside rootDir has no compiled path; commonDirectory of files in different trees is "."', () => {
    expect(compiledPath({ outDir: 'dist', rootDir: 'src' }, 'scripts/seed.ts')).toBeUndefined();
    expect(commonDirectory(['src/a/x.ts', 'src/b/y.ts'])).toBe('src');
    expect(commonDirectory(['src/x.ts', 'test/y.ts'])).toBe('.');
  });
});

describe('which tsconfig the build compiles with', () => {
  test('tsc -p / --project / --build in a script, through npm run chains; plain tsc is tsconfig.json', () => {
    expect(tscRunOf({ build: 'rimraf dist && tsc -p tsconfig.build.json' }, 'build')).toEqual({ config: 'tsconfig.build.json', script: 'build' });
    expect(tscRunOf({ build: 'npm run build:ts', 'build:ts': 'npm run clean && tsc --project=config/tsconfig.prod.json', clean: 'rm -rf dist' }, 'build')?.config).toBe('config/tsconfig.prod.json');
    expect(tscRunOf({ 'build:ts': 'npm run clean && tsc', clean: 'node -e "x"' }, 'build:ts')).toEqual({ config: 'tsconfig.json', script: 'build:ts' });
    expect(tscRunOf({ build: 'npx tsc -b packages/api' }, 'build')?.config).toBe('packages/api/tsconfig.json');
    expect(tscRunOf({ build: 'vite build' }, 'build')).toBeUndefined();
    expect(tscRunOf({ build: 'npm run build' }, 'build')).toBeUndefined();
  });

  test('nest build: nest-cli.json tsConfigPath, else tsconfig.build.json when present, else tsconfig.json', async () => {
    expect(await nestTsConfig(memoryFs(NEST_STARTER), 'nest build')).toBe('tsconfig.build.json');
    expect(await nestTsConfig(memoryFs({ 'nest-cli.json': '{ "compilerOptions": { "tsConfigPath": "config/tsconfig.app.json" } }' }), 'nest build')).toBe('config/tsconfig.app.json');
    expect(await nestTsConfig(memoryFs({ 'tsconfig.json': '{}' }), 'nest build')).toBe('tsconfig.json');
    expect(await nestTsConfig(memoryFs(NEST_STARTER), 'tsc')).toBeUndefined();
  });

  test('a tsConfigPath leaving the project is refused, as the Nest recipe refuses it (one reader: detect/nest-cli.ts)', async () => {
    const fs = memoryFs({ 'nest-cli.json': '{ "compilerOptions": { "tsConfigPath": "../outside/tsconfig.json" } }' });
    await expect(nestTsConfig(fs, 'nest build')).rejects.toThrow(new UsageError('nest-cli.json compilerOptions.tsConfigPath must stay inside the project directory, got "../outside/tsconfig.json"'));
    await expect(nestTsConfig(memoryFs({ 'nest-cli.json': '{ oops' }), 'nest build')).rejects.toThrow(/^nest-cli.json is not valid JSON/);
  });
});
