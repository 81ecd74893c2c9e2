// Table-driven, like meta-frameworks.test.ts: the recipes for apps whose production server is a file of
// the template's own (Angular SSR's server.mjs, React Router's node-custom-server and Remix's express
// template) and Next.js's next.config.ts compiled for the runtime. Configs are read, never run.
import { describe, expect, test } from 'vitest';
import { META_FRAMEWORK_RECIPES } from '../../src/recipes/meta-frameworks.js';
import type { RecipePlan } from '../../src/recipes/types.js';
import { memoryFs } from '../support/memory-fs.js';
import { firstPlan } from './context.js';

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', private: true, ...fields });
const ngPkg = (scripts: Record<string, string> = { start: 'ng serve', build: 'ng build', 'serve:ssr:shop': 'node dist/shop/server/server.mjs' }) =>
  pkg({ scripts, dependencies: { '@angular/core': '22.2.0', '@angular/ssr': '22.2.0', express: '^5.1.0' }, devDependencies: { '@angular/cli': '22.2.0', '@angular/build': '22.2.0' } });
const ngJson = (options: Record<string, unknown>, name = 'shop') =>
  JSON.stringify({ version: 1, projects: { [name]: { projectType: 'application', root: '', architect: { build: { builder: '@angular/build:application', options } } } } });
const SSR = { browser: 'src/main.ts', server: 'src/main.server.ts', outputMode: 'server', ssr: { entry: 'src/server.ts' } };
const rrPkg = (start = 'node server.js', build = 'react-router build') =>
  pkg({ type: 'module', scripts: { build, start }, dependencies: { '@react-router/express': '7.16.0', '@react-router/node': '7.16.0', express: '^5.2.1', 'react-router': '7.16.0' }, devDependencies: { '@react-router/dev': '7.16.0' } });
const remixPkg = (start: string) =>
  pkg({ type: 'module', scripts: { build: 'remix vite:build', start }, dependencies: { '@remix-run/express': '*', '@remix-run/node': '*', 'cross-env': '^7.0.3', express: '^4.19.2' }, devDependencies: { '@remix-run/dev': '*' } });
const nextPkg = pkg({ scripts: { build: 'next build --turbopack', start: 'next start' }, dependencies: { next: '15.5.28', react: '19.1.0', 'react-dom': '19.1.0' }, devDependencies: { typescript: '^5' } });

interface Case {
  name: string;
  files: Record<string, string>;
  recipe?: string;
  plan?: Partial<RecipePlan>;
  error?: RegExp;
}

const CASES: Case[] = [
  // --- Angular SSR
  {
    name: 'Angular SSR: the serve:ssr script runs dist/<project>/server/server.mjs, the runtime holds dist/<project> only',
    files: { 'package.json': ngPkg(), 'angular.json': ngJson(SSR) },
    recipe: 'angular-ssr',
    plan: { command: ['node', 'dist/shop/server/server.mjs'], commandScript: 'dist/shop/server/server.mjs', runtimeCopies: [{ from: 'build', src: 'dist/shop' }], productionDependencies: false, buildSteps: ['npm run build'], env: { PORT: '4000' }, port: 4000, shutdown: expect.objectContaining({ kind: 'preload' }) as never },
  },
  { name: 'Angular SSR: outputPath as a string moves the server file', files: { 'package.json': ngPkg({ build: 'ng build' }), 'angular.json': ngJson({ ...SSR, outputPath: 'out/web' }) }, plan: { command: ['node', 'out/web/server/server.mjs'], runtimeCopies: [{ from: 'build', src: 'out/web' }] } },
  { name: 'Angular SSR: outputPath { base } is the base', files: { 'package.json': ngPkg({ build: 'ng build' }), 'angular.json': ngJson({ ...SSR, outputPath: { base: 'build/site', browser: '' } }) }, plan: { command: ['node', 'build/site/server/server.mjs'] } },
  { name: 'Angular SSR: outputPath outside the project is refused', files: { 'package.json': ngPkg(), 'angular.json': ngJson({ ...SSR, outputPath: '../srv' }) }, error: /outputPath must stay inside the project directory/ },
  { name: 'Angular SSR: a serve:ssr script that runs another file than the build output is refused', files: { 'package.json': ngPkg({ build: 'ng build', 'serve:ssr:shop': 'node server/main.js' }), 'angular.json': ngJson(SSR) }, error: /scripts\["serve:ssr:shop"\] is "node server\/main\.js", expected "node dist\/shop\/server\/server\.mjs"/ },
  { name: 'Angular with outputMode "static" is a static site', files: { 'package.json': ngPkg(), 'angular.json': ngJson({ ...SSR, outputMode: 'static' }) }, error: /static site, no Node server to run/ },
  { name: 'Angular SSR without angular.json names the file', files: { 'package.json': ngPkg() }, error: /angular\.json is missing/ },
  { name: 'Angular SSR: a broken angular.json is one line', files: { 'package.json': ngPkg(), 'angular.json': '{ "projects": ' }, error: /angular\.json is not valid JSON/ },
  { name: 'Angular SSR: a hostile project name is refused', files: { 'package.json': ngPkg({ build: 'ng build' }), 'angular.json': ngJson(SSR, 'a b;rm') }, error: /project name "a b;rm" may contain only/ },
  { name: 'Angular SSR: a build script that does not run ng build', files: { 'package.json': ngPkg({ build: 'vite build', 'serve:ssr:shop': 'node dist/shop/server/server.mjs' }), 'angular.json': ngJson(SSR) }, error: /expected it to run ng build/ },
  // --- React Router node-custom-server / Remix express template
  {
    name: 'React Router node-custom-server: node server.js, the runtime holds server.js, build and production node_modules',
    files: { 'package.json': rrPkg(), 'server.js': 'import express from "express";\n', 'app/routes/health.ts': '' },
    recipe: 'react-router-express',
    plan: { command: ['node', 'server.js'], commandScript: 'server.js', runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }], productionDependencies: true, buildSteps: ['npm run build'], shutdown: expect.objectContaining({ kind: 'preload' }) as never, healthcheckPath: '/health' },
  },
  { name: 'React Router custom server: buildDirectory moves the build copy', files: { 'package.json': rrPkg(), 'server.js': '', 'react-router.config.ts': 'export default { ssr: true, buildDirectory: "out" } satisfies Config;\n' }, plan: { runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'out' }, { from: 'context', src: 'package.json' }] } },
  { name: 'React Router custom server in SPA mode is a static site', files: { 'package.json': rrPkg(), 'server.js': '', 'react-router.config.ts': 'export default { ssr: false } satisfies Config;\n' }, error: /ssr: false in react-router\.config\.ts: static site/ },
  { name: 'React Router custom server whose server file is missing names it', files: { 'package.json': rrPkg('node srv/index.js') }, error: /scripts\.start runs srv\/index\.js, which is not in the project/ },
  { name: 'Remix 2 express template: cross-env NODE_ENV=production node ./server.js', files: { 'package.json': remixPkg('cross-env NODE_ENV=production node ./server.js'), 'server.js': '' }, recipe: 'remix-express', plan: { command: ['node', 'server.js'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }] } },
  // --- Next.js next.config.ts
  {
    name: 'Next.js next start with next.config.ts: the build compiles it to next.config.mjs, the runtime ships that instead of the .ts',
    files: { 'package.json': nextPkg, 'next.config.ts': 'import type { NextConfig } from "next";\nconst nextConfig: NextConfig = {};\nexport default nextConfig;\n' },
    recipe: 'next',
    plan: { buildSteps: ['npm run build', expect.stringMatching(/^node -e ".*require\('next\/dist\/build\/swc'\)\.transform\(fs\.readFileSync\('next\.config\.ts'.*writeFileSync\('next\.config\.mjs'.*process\.exit\(1\).*"$/) as never, 'rm -rf .next/cache'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'next.config.mjs' }] },
  },
  { name: 'Next.js next start with next.config.mjs ships it as it is', files: { 'package.json': nextPkg, 'next.config.mjs': 'export default {};\n' }, plan: { buildSteps: ['npm run build', 'rm -rf .next/cache'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'package.json' }, { from: 'context', src: 'next.config.mjs' }] } },
];

describe('recipes for template-owned servers and next.config.ts', () => {
  test.each(CASES)('$name', async ({ files, recipe, plan, error }) => {
    const result = await firstPlan(META_FRAMEWORK_RECIPES, memoryFs(files));
    if (recipe) expect(result.recipe).toBe(recipe);
    if (error) {
      expect(result.error).toMatch(/^UsageError: /);
      expect(result.error).toMatch(error);
      expect(result.error).not.toContain('\n');
    } else {
      expect(result.error).toBeUndefined();
      expect(result.plan).toMatchObject(plan ?? {});
    }
  });
});
