// Detection over every real fixture app in test/fixtures, read from disk through nodeProjectFs.
// The table is the expected facts per fixture; a fixture without a row fails the last test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import type { ProjectFacts } from '../../src/detect/facts.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const none = { dockerfile: false, dockerignore: false, compose: false };

const expected: Record<string, Partial<ProjectFacts>> = {
  'express-cjs': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'server.js',
    port: 3000,
    framework: 'express',
    moduleSystem: 'commonjs',
    typescript: false,
    native: false,
    nodeRange: '>=20',
    nodeRangeSource: 'engines.node',
    healthcheckPath: '/health',
    existing: none,
    likelyWorker: false,
  },
  'fastify-esm': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'src/index.js',
    port: 8080,
    framework: 'fastify',
    moduleSystem: 'module',
    typescript: false,
    native: false,
    healthcheckPath: '/health',
    existing: none,
  },
  'typescript-build': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'dist/server.js',
    sourceEntry: 'src/server.ts',
    build: { script: 'build', outDir: 'dist', outDirSource: 'tsconfig.json compilerOptions.outDir', rootDir: 'src' },
    port: 4000,
    framework: 'http',
    moduleSystem: 'module',
    typescript: true,
    native: false,
    nodeRange: '24',
    nodeRangeSource: '.node-version',
    healthcheckPath: '/health',
  },
  'native-module': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'app.js',
    port: 3000,
    framework: 'http',
    healthcheckPath: '/health',
    native: true,
    nativeReasons: ['bcrypt (install script)'],
  },
  'pnpm-app': {
    packageManager: { name: 'pnpm', version: '9.15.9', lockfile: 'pnpm-lock.yaml' },
    entry: 'index.js',
    port: 3000,
    framework: 'express',
    healthcheckPath: '/health',
  },
  'yarn-app': {
    packageManager: { name: 'yarn', version: '1.22.22', lockfile: 'yarn.lock', yarnBerry: false },
    entry: 'server.mjs',
    port: 3000,
    framework: 'koa',
    moduleSystem: 'module',
    healthcheckPath: '/health',
  },
  // Issue 18: no health route; detection sees no framework it knows (Hono's server is node:http underneath).
  'hono-app': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'server.js',
    port: 3000,
    framework: 'unknown',
    moduleSystem: 'module',
    healthcheckPath: undefined,
    likelyWorker: false,
  },
  'yarn-build': {
    packageManager: { name: 'yarn', version: '1.22.22', lockfile: 'yarn.lock', yarnBerry: false },
    entry: 'dist/server.js',
    sourceEntry: 'src/server.ts',
    build: { script: 'build', outDir: 'dist', outDirSource: 'tsconfig.json compilerOptions.outDir', rootDir: 'src' },
    port: 3000,
    framework: 'koa',
    moduleSystem: 'module',
    typescript: true,
    healthcheckPath: '/health',
  },
  'yarn-berry-app': {
    packageManager: { name: 'yarn', version: '4.9.2', lockfile: 'yarn.lock', yarnBerry: true },
    entry: 'app.js',
    port: 3000,
    framework: 'express',
    moduleSystem: 'module',
    healthcheckPath: '/health',
  },
  'private-registry': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'index.js',
    port: 3000,
    framework: 'http',
    healthcheckPath: '/health',
    registry: { scopes: [{ scope: '@acme', url: 'http://127.0.0.1:4873/' }], hasToken: true, source: '.npmrc' },
  },
  worker: {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'worker.js',
    framework: 'unknown',
    likelyWorker: true,
    port: undefined,
  },
  // The --verify fixtures (test/e2e/verify.test.ts): plain node:http, no dependencies.
  'verify-good': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'server.js', port: 3000, framework: 'http', healthcheckPath: '/health', likelyWorker: false },
  'verify-uploads': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'server.js', port: 3000, framework: 'http', healthcheckPath: '/health', likelyWorker: false },
  // No listen() anywhere: taken for a worker, which is why its hint says a worker must keep running.
  'verify-exits': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'plugin.js', framework: 'unknown', likelyWorker: true, port: undefined },
  'verify-missing-entry': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'dist/server.js', sourceEntry: 'src/server.js', build: { script: 'build', outDir: 'dist' }, port: 3000, framework: 'http' },
  'verify-no-shutdown': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'server.js', port: 3000, framework: 'http', likelyWorker: false },
  // Issue 16: needs SESSION_SECRET and DATABASE_URL at start; a JWT stack that breaks on Node 26 (SlowBuffer).
  'verify-needs-env': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'server.js', port: 3000, framework: 'http', healthcheckPath: '/health', likelyWorker: false },
  'verify-jwt': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, entry: 'server.js', port: 3000, framework: 'http', likelyWorker: false, nodeRange: '>=12', nodeRangeSource: 'engines.node' },
  'no-lockfile': {
    packageManager: { name: 'npm' },
    entry: 'server.js',
    port: 3000,
    framework: 'express',
    healthcheckPath: '/health',
  },
  'legacy-peer-deps': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'server.js',
    port: 3000,
    framework: 'http',
    healthcheckPath: '/health',
    install: { inputs: [], env: { npm_config_legacy_peer_deps: 'true' } },
  },
  'pnpm10-patched': {
    packageManager: { name: 'pnpm', version: '10.34.8', lockfile: 'pnpm-lock.yaml' },
    entry: 'index.js',
    port: 3000,
    framework: 'http',
    healthcheckPath: '/health',
    install: { inputs: [{ path: 'pnpm-workspace.yaml', kind: 'file' }, { path: 'patches', kind: 'folder' }], env: {} },
  },
  'existing-files': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'index.js',
    port: 3000,
    framework: 'http',
    healthcheckPath: '/healthz',
    existing: { dockerfile: true, dockerignore: true, compose: false },
  },
  // Scaffolded by the frameworks' own tools (issue 9). What runs is decided by their recipes
  // (test/recipes/recipes.test.ts); these are the facts detection reads from them.
  // `nest build` compiles with tsconfig.build.json (rootDir ./src), so detection agrees with the nest
  // recipe and with scripts.start:prod: dist/main.js.
  nest: {
    name: 'nest-app',
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'dist/main.js',
    sourceEntry: 'src/main.ts',
    build: { script: 'build', outDir: 'dist', outDirSource: 'tsconfig.json compilerOptions.outDir', rootDir: 'src' },
    framework: 'nest',
    moduleSystem: 'module',
    typescript: true,
    port: 3000,
  },
  'fastify-cli': {
    name: 'fastify-cli-app',
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'app.js',
    framework: 'fastify',
    moduleSystem: 'commonjs',
    typescript: false,
  },
  'express-generator': {
    name: 'express-generator-app',
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'bin/www',
    port: 3000,
    framework: 'express',
    moduleSystem: 'commonjs',
    typescript: false,
  },
  // Meta-framework apps (issue 9): detection finds no entry (the recipes own the command); the build
  // fact is the default one; none is native: sharp 0.35 (Next, Astro) ships prebuilt platform
  // packages and runs no install script, and the sqlite drivers and ws addons these lockfiles name
  // are optional peers that are not installed.
  'next-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, typescript: true, framework: 'unknown', build: { script: 'build', outDir: 'dist', rootDir: '.' }, likelyWorker: undefined },
  'nuxt-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, typescript: true, framework: 'unknown', moduleSystem: 'module', build: { script: 'build', outDir: 'dist', rootDir: '.' }, likelyWorker: undefined },
  'sveltekit-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, install: { inputs: [], env: { npm_config_engine_strict: 'true' } }, typescript: true, framework: 'unknown', moduleSystem: 'module', build: { script: 'build', outDir: 'dist', rootDir: '.' }, likelyWorker: undefined },
  'astro-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, typescript: true, framework: 'unknown', moduleSystem: 'module', build: { script: 'build', outDir: 'dist', rootDir: 'src/pages' }, likelyWorker: undefined },
  'react-router-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, framework: 'unknown', moduleSystem: 'module', build: { script: 'build', outDir: 'dist' }, likelyWorker: undefined },
  'remix-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, framework: 'unknown', moduleSystem: 'module', build: { script: 'build', outDir: 'dist' }, likelyWorker: undefined },
  'next15-app': { packageManager: { name: 'npm', lockfile: 'package-lock.json' }, typescript: true, framework: 'unknown', build: { script: 'build', outDir: 'dist', rootDir: '.' }, likelyWorker: undefined },
  // The template's package.json has no name.
  'react-router-custom-server': { name: undefined, packageManager: { name: 'npm', lockfile: 'package-lock.json' }, typescript: true, framework: 'express', moduleSystem: 'module', entry: 'server.js', port: 3000, build: { script: 'build', outDir: 'dist', rootDir: '.' } },
  'angular-ssr-app': {
    name: 'ng-ssr-app',
    packageManager: { name: 'npm', version: '11.19.1', lockfile: 'package-lock.json' },
    typescript: true,
    native: true,
    nativeReasons: ['lmdb (install script)', 'msgpackr-extract (install script)'],
    framework: 'express',
    entry: 'dist/src/server.js',
    sourceEntry: 'src/server.ts',
    port: 4000,
    build: { script: 'build', outDir: 'dist', rootDir: '.' },
    healthcheckPath: '/health',
  },
  // Nest's official starter (github:nestjs/typescript-starter): tsconfig.json has outDir ./dist and no
  // rootDir, tsconfig.build.json excludes test and specs, so tsc infers rootDir src: dist/main.js
  // (the old computation said dist/src/main.js, MODULE_NOT_FOUND at start).
  'nest-starter': {
    name: 'nest-typescript-starter',
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'dist/main.js',
    sourceEntry: 'src/main.ts',
    build: { script: 'build', outDir: 'dist', outDirSource: 'tsconfig.json compilerOptions.outDir', rootDir: 'src' },
    framework: 'nest',
    typescript: true,
    port: 3000,
    nodeRange: '>=20.0.0',
    nodeRangeSource: 'engines.node',
  },
  // fastify-cli generate --lang=ts, with the rootDir src TypeScript 6 asks for (TS5011).
  // fastify-tsconfig is not installed where detection runs, and the scaffold's main names app.ts: both said.
  'fastify-cli-ts': {
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'dist/app.js',
    sourceEntry: 'src/app.ts',
    build: { script: 'build:ts', outDir: 'dist', outDirSource: 'tsconfig.json compilerOptions.outDir', rootDir: 'src' },
    framework: 'fastify',
    typescript: true,
    warnings: [
      'tsconfig.json extends "fastify-tsconfig", which is not installed here (node_modules/fastify-tsconfig/tsconfig.json): its outDir/rootDir, if any, are not known; run npm install to read it',
      'package.json main names app.ts, which does not exist',
    ],
  },
};

/** What a row does not say is one of these; every other fact must be absent. */
const DEFAULTS: Partial<ProjectFacts> = {
  typescript: false,
  install: { inputs: [], env: {} },
  native: false,
  nativeReasons: [],
  moduleSystem: 'commonjs',
  existing: none,
  warnings: [],
  likelyWorker: false,
};

describe('detectProject over the fixture apps', () => {
  for (const [fixture, row] of Object.entries(expected)) {
    test(fixture, async () => {
      const facts = await detectProject(nodeProjectFs(path.join(FIXTURES, fixture)));
      expect(facts).toEqual({ name: fixture, ...DEFAULTS, ...row });
    });
  }

  test('every fixture directory has a row in the table', () => {
    // workspace-* fixtures are monorepos, not apps: test/detect/workspace.test.ts covers them.
    const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('workspace-')).map((e) => e.name);
    expect(dirs.sort()).toEqual(Object.keys(expected).sort());
  });

  test('the private-registry facts know a token line exists but carry no credential line', async () => {
    const facts = await detectProject(nodeProjectFs(path.join(FIXTURES, 'private-registry')));
    const text = JSON.stringify(facts);
    expect(facts.registry?.hasToken).toBe(true);
    expect(text).not.toContain('_authToken');
    expect(text).not.toContain('${');
  });
});

describe('fixture lockfiles match their manifests (so npm ci / pnpm --frozen-lockfile accept them)', () => {
  const read = (fixture: string, file: string) => readFileSync(path.join(FIXTURES, fixture, file), 'utf8');
  for (const fixture of Object.keys(expected)) {
    const dir = path.join(FIXTURES, fixture);
    const manifest = JSON.parse(read(fixture, 'package.json')) as { dependencies?: object; devDependencies?: object };
    if (existsSync(path.join(dir, 'package-lock.json'))) {
      test(`${fixture}: package-lock.json root lists the same dependencies`, () => {
        const lock = JSON.parse(read(fixture, 'package-lock.json')) as { lockfileVersion: number; packages: Record<string, { dependencies?: object; devDependencies?: object }> };
        expect(lock.lockfileVersion).toBe(3);
        expect(lock.packages['']?.dependencies).toEqual(manifest.dependencies);
        expect(lock.packages['']?.devDependencies).toEqual(manifest.devDependencies);
      });
    }
    if (existsSync(path.join(dir, 'pnpm-lock.yaml'))) {
      test(`${fixture}: pnpm-lock.yaml importer lists the same specifiers`, () => {
        const specifiers = [...read(fixture, 'pnpm-lock.yaml').matchAll(/^ {6}(\S+):\n {8}specifier: (\S+)$/gm)].map((m) => [m[1], m[2]]);
        expect(Object.fromEntries(specifiers)).toEqual({ ...manifest.dependencies, ...manifest.devDependencies });
      });
    }
  }
});

