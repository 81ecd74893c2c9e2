// The recipes on the real framework apps in test/fixtures (made with each framework's own packages, see
// test/fixtures/FRAMEWORKS.md): the recipe that claims each, and the command, copies and health path
// its plan gives. The e2e rig builds and runs these same plans.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { META_FRAMEWORK_RECIPES } from '../../src/recipes/meta-frameworks.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { firstPlan } from './context.js';
import { switchNextToStandalone } from '../e2e/rig/next-standalone.js';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const planOf = async (dir: string) => firstPlan(META_FRAMEWORK_RECIPES, nodeProjectFs(dir));

test.each([
  ['next-app', 'next', ['node', 'node_modules/next/dist/bin/next', 'start'], '/health'],
  ['nuxt-app', 'nuxt', ['node', '.output/server/index.mjs'], '/health'],
  ['sveltekit-app', 'sveltekit', ['node', 'build'], '/health'],
  ['astro-app', 'astro', ['node', 'dist/server/entry.mjs'], '/health'],
  ['react-router-app', 'react-router', ['node', 'node_modules/@react-router/serve/bin.js', './build/server/index.js'], '/health'],
  ['remix-app', 'remix', ['node', 'node_modules/@remix-run/serve/dist/cli.js', './build/server/index.js'], '/health'],
  ['react-router-custom-server', 'react-router-express', ['node', 'server.js'], '/health'],
  ['angular-ssr-app', 'angular-ssr', ['node', 'dist/ng-ssr-app/server/server.mjs'], '/health'],
  ['next15-app', 'next', ['node', 'node_modules/next/dist/bin/next', 'start'], '/health'],
])('%s: claimed by %s, runs %j, health %s', async (name, recipe, command, health) => {
  const result = await planOf(fixture(name));
  expect(result.error).toBeUndefined();
  expect(result.recipe).toBe(recipe);
  expect(result.plan?.command).toEqual(command);
  expect(result.plan?.healthcheckPath).toBe(health);
  expect(result.warnings).toEqual([]);
});

test('next-app with output: "standalone" switched on in a copy (as the e2e case does) plans the standalone runtime', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'next-standalone-'));
  try {
    cpSync(fixture('next-app'), dir, { recursive: true });
    switchNextToStandalone(dir);
    const { plan } = await planOf(dir);
    expect(plan?.id).toBe('next-standalone');
    expect(plan?.productionDependencies).toBe(false);
    expect(plan?.runtimeCopies.map((c) => c.src)).toEqual(['.next/standalone', '.next/static', 'public']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
