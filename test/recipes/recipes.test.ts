// Which recipe owns an app, which command it runs, what the runtime stage copies, and when it refuses:
// table-driven over package.json scripts and config files (in-memory trees through the real
// detection), then over the committed fixtures made by the frameworks' own scaffolders.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { readPackageJson } from '../../src/detect/package-json.js';
import { parseStartFlag } from '../../src/detect/start-command/index.js';
import { UsageError } from '../../src/errors.js';
import { chooseRecipe, planProject, type RecipePlan } from '../../src/recipes/index.js';
import { startContextOf } from '../../src/recipes/start.js';
import type { Copy } from '../../src/recipes/types.js';
import { checkRuntimeHoldsCommand, withPreload } from '../../src/render/recipe-view.js';
import type { ProjectFs } from '../../src/core/project-fs.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { memoryFs } from '../support/memory-fs.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': {} } });

async function planFor(fs: ProjectFs, start?: string): Promise<RecipePlan> {
  const facts = await detectProject(fs);
  const pkg = await readPackageJson(fs, '.');
  const parsed = start === undefined ? undefined : await parseStartFlag(start, await startContextOf({ pkg, fs, facts }));
  return planProject({ pkg, fs, facts, warnings: [], ...(parsed ? { start: parsed } : {}) });
}

const pkg = (json: object) => JSON.stringify({ name: 'app', ...json });

interface Row {
  name: string;
  files: Record<string, string>;
  start?: string;
  id?: string;
  command?: string[];
  copies?: Copy[];
  env?: Record<string, string>;
  shutdown?: RecipePlan['shutdown']['kind'];
  error?: RegExp;
}

const ROWS: Row[] = [
  {
    name: 'plain node server.js: the context is copied, the module is wired into server.js',
    files: { 'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { express: '5' } }), 'package-lock.json': LOCK, 'server.js': 'app.listen(3000)' },
    id: 'node',
    command: ['node', 'server.js'],
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: '.' }],
    shutdown: 'wired',
  },
  {
    name: 'a TypeScript build: package.json and the outDir are copied, dist/server.js runs',
    files: { 'package.json': pkg({ scripts: { build: 'tsc', start: 'node dist/server.js' } }), 'package-lock.json': LOCK, 'tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}', 'src/server.ts': 'createServer().listen(1)' },
    id: 'node',
    command: ['node', 'dist/server.js'],
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'dist' }],
  },
  {
    name: 'pre-steps move into the build stage, env prefixes into ENV',
    files: { 'package.json': pkg({ scripts: { start: 'npm run scss && NODE_ENV=production LOG_LEVEL=info node app.js', scss: 'sass in.scss out.css' } }), 'package-lock.json': LOCK, 'app.js': 'x' },
    id: 'node',
    command: ['node', 'app.js'],
    env: { LOG_LEVEL: 'info' },
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.' }],
  },
  {
    name: '--start with a package binary runs its JS file, and the preload does the shutdown',
    files: { 'package.json': pkg({ dependencies: { serve: '1' } }), 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/serve': { bin: { serve: 'build/main.js' } } } }), 'index.js': 'x' },
    start: 'serve -l 3000',
    id: 'node',
    command: ['node', 'node_modules/serve/build/main.js', '-l', '3000'],
    shutdown: 'preload',
  },
  {
    name: 'express-generator: node ./bin/www, wired into bin/www',
    files: { 'package.json': pkg({ scripts: { start: 'node ./bin/www' }, dependencies: { express: '4' } }), 'package-lock.json': LOCK, 'bin/www': '#!/usr/bin/env node\nserver.listen(port)', 'app.js': 'x' },
    id: 'express-generator',
    command: ['node', 'bin/www'],
    shutdown: 'wired',
  },
  {
    name: 'fastify-cli: its cli.js runs the plugin, on 0.0.0.0, our module preloaded, close-with-grace held off to 9 s',
    files: {
      'package.json': pkg({ scripts: { start: 'fastify start -l info app.js' }, dependencies: { fastify: '5', 'fastify-cli': '8' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/fastify-cli': { bin: { fastify: 'cli.js' } } } }),
      'app.js': 'module.exports = async function () {}',
    },
    id: 'fastify-cli',
    command: ['node', 'node_modules/fastify-cli/cli.js', 'start', '-l', 'info', 'app.js'],
    env: { FASTIFY_ADDRESS: '0.0.0.0', FASTIFY_CLOSE_GRACE_DELAY: '9000' },
    shutdown: 'preload',
  },
  {
    name: 'fastify-cli with an explicit --address keeps it and sets only the grace delay',
    files: {
      'package.json': pkg({ scripts: { start: 'fastify start -a 0.0.0.0 app.js' }, dependencies: { fastify: '5', 'fastify-cli': '8' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/fastify-cli': { bin: { fastify: 'cli.js' } } } }),
      'app.js': 'x',
    },
    id: 'fastify-cli',
    env: { FASTIFY_CLOSE_GRACE_DELAY: '9000' },
  },
  {
    name: 'fastify-cli only as a devDependency: refused, the production install would not have it',
    files: { 'package.json': pkg({ scripts: { start: 'fastify start app.js' }, dependencies: { fastify: '5' }, devDependencies: { 'fastify-cli': '8' } }), 'package-lock.json': LOCK, 'app.js': 'x' },
    error: /fastify-cli is a devDependency.*move fastify-cli to "dependencies"/,
  },
  {
    name: 'Nest: nest-cli.json entryFile and tsconfig.build.json rootDir decide dist/main.js',
    files: {
      'package.json': pkg({ scripts: { build: 'nest build', start: 'nest start', 'start:prod': 'node dist/main' }, dependencies: { '@nestjs/core': '12' }, devDependencies: { '@nestjs/cli': '12' } }),
      'package-lock.json': LOCK,
      'nest-cli.json': '{ "sourceRoot": "src" }',
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", "rootDir": "." } }',
      'tsconfig.build.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "rootDir": "./src" }, "include": ["src"] }',
      'src/main.ts': 'await app.listen(3000)',
    },
    id: 'nest',
    command: ['node', 'dist/main.js'],
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'dist' }],
    shutdown: 'wired',
  },
  {
    name: 'fastify-cli generate --lang=ts (start: npm run build:ts && fastify start dist/app.js): the runtime gets tsc\'s outDir, not the build stage with its full install',
    files: {
      'package.json': pkg({ scripts: { start: 'npm run build:ts && fastify start -l info dist/app.js', 'build:ts': 'npm run clean && tsc', clean: 'node -e "1"', 'dev:start': 'fastify start --ignore-watch=.ts$ -w -l info -P dist/app.js' }, dependencies: { fastify: '5', 'fastify-cli': '8' }, devDependencies: { typescript: '6', 'ts-node': '10' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/fastify-cli': { version: '8.0.2', bin: { fastify: 'cli.js' } } } }),
      'tsconfig.json': '{ "extends": "fastify-tsconfig", "compilerOptions": { "outDir": "dist", "rootDir": "src" }, "include": ["src/**/*.ts"] }',
      'src/app.ts': 'export default async function app() {}',
    },
    id: 'fastify-cli',
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'dist' }],
  },
  {
    name: 'pre-steps whose output is unknown (npm run scss && node app.js): the build stage drops its full node_modules before the runtime copies it',
    files: {
      'package.json': pkg({ scripts: { start: 'npm run scss && node app.js', scss: 'sass in.scss out.css' }, dependencies: { express: '5' }, devDependencies: { sass: '1' } }),
      'package-lock.json': LOCK,
      'app.js': 'require("express")().listen(3000)',
    },
    id: 'node',
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.' }],
  },
  {
    name: "Nest's official starter (no rootDir; tsconfig.build.json only excludes): tsc infers src, dist/main.js",
    files: {
      'package.json': pkg({ scripts: { build: 'nest build', start: 'nest start', 'start:prod': 'node dist/main' }, dependencies: { '@nestjs/core': '11' }, devDependencies: { '@nestjs/cli': '11' } }),
      'package-lock.json': LOCK,
      'nest-cli.json': '{ "collection": "@nestjs/schematics", "sourceRoot": "src", "compilerOptions": { "deleteOutDir": true } }',
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", "baseUrl": "./" } }',
      'tsconfig.build.json': '{ "extends": "./tsconfig.json", "exclude": ["node_modules", "test", "dist", "**/*spec.ts"] }',
      'src/main.ts': 'await app.listen(3000)',
      'src/app.controller.spec.ts': '',
      'test/app.e2e-spec.ts': '',
    },
    id: 'nest',
    command: ['node', 'dist/main.js'],
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'dist' }],
  },
  {
    name: 'Nest whose start:prod disagrees with the computed path: the script wins (its author runs it)',
    files: {
      'package.json': pkg({ scripts: { build: 'nest build', 'start:prod': 'node dist/src/main' }, dependencies: { '@nestjs/core': '11' }, devDependencies: { '@nestjs/cli': '11' } }),
      'package-lock.json': LOCK,
      'nest-cli.json': '{ "sourceRoot": "src" }',
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" }, "include": ["src"] }',
      'src/main.ts': 'await app.listen(3000)',
    },
    id: 'nest',
    command: ['node', 'dist/src/main.js'],
  },
  {
    name: 'Nest with only tsconfig.json (rootDir ".") and a custom entryFile: dist/src/server.js',
    files: {
      'package.json': pkg({ scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '12' } }),
      'package-lock.json': LOCK,
      'nest-cli.json': '{ "sourceRoot": "src", "entryFile": "server" }',
      'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist", "rootDir": "." } }',
      'src/server.ts': 'x',
    },
    id: 'nest',
    command: ['node', 'dist/src/server.js'],
  },
  {
    name: 'a Nest monorepo is refused naming --start',
    files: { 'package.json': pkg({ scripts: { build: 'nest build' }, dependencies: { '@nestjs/core': '12' } }), 'package-lock.json': LOCK, 'nest-cli.json': '{ "monorepo": true, "projects": {} }' },
    error: /monorepo.*--start/,
  },
  {
    name: 'a Vite SPA is a static site: refused in one line',
    files: { 'package.json': pkg({ scripts: { dev: 'vite', build: 'vite build', preview: 'vite preview' }, devDependencies: { vite: '7' } }), 'package-lock.json': LOCK, 'index.html': '<div id=app>' },
    error: /static site .* no Node server to run/,
  },
  {
    name: 'Prisma in any recipe: generate before the build, schema before the install, openssl, client copied after node_modules',
    files: {
      'package.json': pkg({ scripts: { build: 'tsc', start: 'node dist/server.js' }, dependencies: { '@prisma/client': '6' }, devDependencies: { prisma: '6' } }),
      'package-lock.json': LOCK,
      'tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
      'src/server.ts': 'x',
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n',
    },
    id: 'node',
    copies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'node_modules/.prisma' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'dist' }],
    env: { CHECKPOINT_DISABLE: '1' },
  },
  {
    name: 'no start script, no main, no common file: refused naming --start',
    files: { 'package.json': pkg({}), 'package-lock.json': LOCK },
    error: /could not detect the start command.*--start/,
  },
];

describe('recipes over start scripts and configs', () => {
  test.each(ROWS)('$name', async (row) => {
    const fs = memoryFs(row.files);
    if (row.error) {
      const failure = await planFor(fs, row.start).then(() => undefined, (e: unknown) => e);
      expect(failure).toBeInstanceOf(UsageError);
      expect(String((failure as Error).message)).toMatch(row.error);
      return;
    }
    const plan = await planFor(fs, row.start);
    if (row.id) expect(plan.id).toBe(row.id);
    if (row.command) expect(plan.command).toEqual(row.command);
    if (row.copies) expect(plan.runtimeCopies).toEqual(row.copies);
    if (row.env) expect(plan.env).toEqual(row.env);
    if (row.shutdown) expect(plan.shutdown.kind).toBe(row.shutdown);
    // Whatever the recipe, what it runs is in the runtime stage.
    expect(() => checkRuntimeHoldsCommand(withPreload(plan))).not.toThrow();
  });

  test('a whole-/app runtime copy from the build stage always comes after the build stage dropped its full install', async () => {
    for (const row of ROWS.filter((r) => r.copies?.some((c) => c.from === 'build' && c.src === '.'))) {
      const plan = await planFor(memoryFs(row.files), row.start);
      expect(plan.buildSteps.at(-1), row.name).toBe('rm -rf node_modules');
    }
  });

  test('Prisma: the schema is an install input, generate runs first, openssl at run time, migrations only in next steps', async () => {
    const row = ROWS.find((r) => r.name.startsWith('Prisma'))!;
    const plan = await planFor(memoryFs(row.files));
    expect(plan.installInputs).toEqual([{ path: 'prisma/schema.prisma', kind: 'file' }]);
    expect(plan.buildSteps).toEqual(['npx prisma generate', 'npm run build']);
    expect(plan.systemPackages.runtime).toEqual(['openssl']);
    expect(plan.buildSteps.join(' ')).not.toMatch(/migrate/);
    expect(plan.nextSteps.join(' ')).toMatch(/prisma migrate deploy.*release step/);
  });

  test('the preload is rendered into the command and the runtime copies', async () => {
    const row = ROWS.find((r) => r.shutdown === 'preload')!;
    const plan = withPreload(await planFor(memoryFs(row.files), row.start));
    expect(plan.command.slice(0, 3)).toEqual(['node', '--require', './graceful-shutdown.cjs']);
    expect(plan.runtimeCopies).toContainEqual({ from: 'deps', src: 'node_modules' });
  });
});

describe('recipes over the scaffolded fixtures', () => {
  test.each([
    ['nest', 'nest', ['node', 'dist/main.js'], 'wired'],
    ['fastify-cli', 'fastify-cli', ['node', 'node_modules/fastify-cli/cli.js', 'start', '-l', 'info', 'app.js'], 'preload'],
    ['express-generator', 'express-generator', ['node', 'bin/www'], 'wired'],
    ['express-cjs', 'node', ['node', 'server.js'], 'wired'],
    ['typescript-build', 'node', ['node', '--enable-source-maps', 'dist/server.js'], 'wired'],
    // Issue 18's real starters: the old code ran dist/src/main.js here (no rootDir in the Nest starter)...
    ['nest-starter', 'nest', ['node', 'dist/main.js'], 'wired'],
    // ...and copied the whole build stage (its full node_modules: typescript, ts-node, c8) into the runtime.
    ['fastify-cli-ts', 'fastify-cli', ['node', 'node_modules/fastify-cli/cli.js', 'start', '-l', 'info', 'dist/app.js'], 'preload'],
  ] as const)('%s -> recipe %s runs %j, shutdown %s', async (fixture, id, command, shutdown) => {
    const fs = nodeProjectFs(path.join(FIXTURES, fixture));
    const facts = await detectProject(fs);
    const pkg = await readPackageJson(fs, '.');
    expect((await chooseRecipe({ pkg, fs, facts, warnings: [] })).id).toBe(id);
    const plan = await planFor(fs);
    expect(plan.command).toEqual(command);
    expect(plan.shutdown.kind).toBe(shutdown);
    // No fixture's runtime takes the build stage whole: that would bring its full install along.
    expect(plan.runtimeCopies.filter((c) => c.from === 'build').map((c) => c.src)).not.toContain('.');
    if (plan.shutdown.kind === 'wired' && fixture === 'nest') expect(plan.shutdown.sourceEntry).toBe('src/main.ts');
  });
});
