// Table-driven: framework configs and start scripts in memory, the recipe that claims each, and the
// plan (command, copies, env) or the one-line refusal it must give. The configs are never evaluated,
// so every case here is also a case of "read, don't run".
import { describe, expect, test } from 'vitest';
import { META_FRAMEWORK_RECIPES } from '../../src/recipes/meta-frameworks.js';
import type { RecipePlan } from '../../src/recipes/types.js';
import { memoryFs } from '../support/memory-fs.js';
import { firstPlan } from './context.js';

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'app', private: true, ...fields });
const nextPkg = (scripts: Record<string, string> = { build: 'next build', start: 'next start' }) => pkg({ scripts, dependencies: { next: '16.4.3', react: '19.3.0', 'react-dom': '19.3.0' } });
const nuxtPkg = (build = 'nuxt build') => pkg({ type: 'module', scripts: { build, postinstall: 'nuxt prepare' }, dependencies: { nuxt: '^4.5.2', vue: '^3.5.0' } });
const kitPkg = pkg({ type: 'module', scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2.63.0', '@sveltejs/adapter-node': '^5.5.4', vite: '^8.0.16' } });
const astroPkg = pkg({ type: 'module', scripts: { build: 'astro build' }, dependencies: { astro: '^7.3.5', '@astrojs/node': '^11.1.6' } });
const rrPkg = (start = 'react-router-serve ./build/server/index.js') => pkg({ type: 'module', scripts: { build: 'react-router build', start }, dependencies: { '@react-router/serve': '7.18.4', 'react-router': '7.18.4' }, devDependencies: { '@react-router/dev': '7.18.4' } });
const remixPkg = (build: string, start: string) => pkg({ type: 'module', scripts: { build, start }, dependencies: { '@remix-run/serve': '^2.17.5', '@remix-run/node': '^2.17.5' }, devDependencies: { '@remix-run/dev': '^2.17.5' } });
const kitVite = (adapterImport: string, call = 'adapter()') => `import adapter from '${adapterImport}';\nimport { sveltekit } from '@sveltejs/kit/vite';\nexport default defineConfig({ plugins: [sveltekit({ adapter: ${call} })] });\n`;
const astroConfig = (body: string, imports = "import node from '@astrojs/node';") => `import { defineConfig } from 'astro/config';\n${imports}\nexport default defineConfig(${body});\n`;

const ngPkg = (scripts: Record<string, string> = { start: 'ng serve', build: 'ng build', 'serve:ssr:shop': 'node dist/shop/server/server.mjs' }) =>
  pkg({ scripts, dependencies: { '@angular/core': '22.2.0', '@angular/ssr': '22.2.0', express: '^5.1.0' }, devDependencies: { '@angular/cli': '22.2.0', '@angular/build': '22.2.0' } });
const ngJson = (options: Record<string, unknown>, name = 'shop') =>
  JSON.stringify({ version: 1, projects: { [name]: { projectType: 'application', root: '', architect: { build: { builder: '@angular/build:application', options } } } } });
const SSR = { browser: 'src/main.ts', server: 'src/main.server.ts', outputMode: 'server', ssr: { entry: 'src/server.ts' } };
const rrExpressPkg = (start = 'node server.js', build = 'react-router build') =>
  pkg({ type: 'module', scripts: { build, start }, dependencies: { '@react-router/express': '7.16.0', '@react-router/node': '7.16.0', express: '^5.2.1', 'react-router': '7.16.0' }, devDependencies: { '@react-router/dev': '7.16.0' } });
const remixExpressPkg = (start: string) =>
  pkg({ type: 'module', scripts: { build: 'remix vite:build', start }, dependencies: { '@remix-run/express': '*', '@remix-run/node': '*', 'cross-env': '^7.0.3', express: '^4.19.2' }, devDependencies: { '@remix-run/dev': '*' } });
const next15Pkg = pkg({ scripts: { build: 'next build --turbopack', start: 'next start' }, dependencies: { next: '15.5.28', react: '19.1.0', 'react-dom': '19.1.0' }, devDependencies: { typescript: '^5' } });

interface Case {
  name: string;
  files: Record<string, string>;
  recipe?: string;
  plan?: Partial<RecipePlan>;
  error?: RegExp;
}

const CASES: Case[] = [
  // --- Next.js
  {
    name: 'next.config.ts without output: next start through its JS file, node_modules + .next + public + the config compiled to next.config.mjs',
    files: { 'package.json': nextPkg(), 'next.config.ts': 'const nextConfig: NextConfig = {\n  cacheComponents: true,\n};\nexport default nextConfig;\n', 'public/robots.txt': '' },
    recipe: 'next',
    plan: {
      id: 'next',
      command: ['node', 'node_modules/next/dist/bin/next', 'start'],
      commandScript: 'node_modules/next/dist/bin/next',
      productionDependencies: true,
      runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'public' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'next.config.mjs' }],
      buildSteps: ['npm run build', expect.stringContaining("writeFileSync('next.config.mjs'") as never, 'rm -rf .next/cache'],
      writablePaths: ['.next/cache'],
      env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: '1', PORT: '3000' },
      buildEnv: { NEXT_TELEMETRY_DISABLED: '1' },
      shutdown: expect.objectContaining({ kind: 'preload' }) as never,
      nextSteps: [expect.stringContaining('output: "standalone" in next.config.ts') as never],
      port: 3000,
    },
  },
  {
    name: 'next.config.js (CommonJS) with output: "standalone": only standalone, static and public; node server.js on 0.0.0.0',
    files: { 'package.json': nextPkg(), 'next.config.js': "/** @type {import('next').NextConfig} */\nmodule.exports = { output: 'standalone', reactStrictMode: true };\n", 'public/favicon.ico': '' },
    plan: {
      id: 'next-standalone',
      command: ['node', 'server.js'],
      commandScript: 'server.js',
      productionDependencies: false,
      runtimeCopies: [{ from: 'build', src: '.next/standalone', dest: '.' }, { from: 'build', src: '.next/static' }, { from: 'context', src: 'public' }],
      buildSteps: ['npm run build'],
      env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: '1', HOSTNAME: '0.0.0.0', PORT: '3000' },
      nextSteps: [],
    },
  },
  {
    name: 'next.config.mjs with output: "standalone" as const and no public dir: no public copy',
    files: { 'package.json': nextPkg(), 'next.config.mjs': 'export default { output: "standalone" as const };\n' },
    plan: { id: 'next-standalone', runtimeCopies: [{ from: 'build', src: '.next/standalone', dest: '.' }, { from: 'build', src: '.next/static' }] },
  },
  { name: 'next.config.mjs with output: "export" is a static site', files: { 'package.json': nextPkg(), 'next.config.mjs': "export default { output: 'export' };\n" }, recipe: 'next', error: /output: "export" in next\.config\.mjs: static site, no Node server to run/ },
  { name: 'output from an expression is refused, not guessed', files: { 'package.json': nextPkg(), 'next.config.ts': "export default { output: process.env.STANDALONE ? 'standalone' : undefined };\n" }, error: /sets output to something other than "standalone" or "export" written as a string/ },
  { name: 'a quoted key counts', files: { 'package.json': nextPkg(), 'next.config.js': 'module.exports = { "output": "standalone" };\n' }, plan: { id: 'next-standalone' } },
  { name: 'a commented-out output does not count', files: { 'package.json': nextPkg(), 'next.config.ts': "export default {\n  // output: 'standalone',\n  /* output: 'export' */\n};\n" }, plan: { id: 'next' } },
  { name: 'a string that only mentions output does not count', files: { 'package.json': nextPkg(), 'next.config.js': "module.exports = { env: { NOTE: \"output: 'export'\" } };\n" }, plan: { id: 'next' } },
  {
    name: 'next start -p 4000: the port becomes PORT and leaves the command',
    files: { 'package.json': nextPkg({ build: 'next build', start: 'NODE_ENV=production next start -p 4000 --keepAliveTimeout 70000' }) },
    plan: { port: 4000, command: ['node', 'node_modules/next/dist/bin/next', 'start', '--keepAliveTimeout', '70000'], env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: '1', PORT: '4000' }, runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'package.json' }] },
  },
  { name: 'next start --port=70000 is refused', files: { 'package.json': nextPkg({ build: 'next build', start: 'next start --port=70000' }) }, error: /next start --port must be from 1 to 65535/ },
  { name: 'next start -H localhost would listen inside the container only', files: { 'package.json': nextPkg({ build: 'next build', start: 'next start -H localhost' }) }, error: /must listen on 0\.0\.0\.0/ },
  { name: 'a custom server start is not next start', files: { 'package.json': nextPkg({ build: 'next build', start: 'node server.js' }) }, error: /not "next start"; a custom server is started with --start/ },
  { name: 'next dev as start is refused', files: { 'package.json': nextPkg({ build: 'next build', start: 'next dev' }) }, error: /not "next start"/ },
  { name: 'shell operators in the start script are refused', files: { 'package.json': nextPkg({ build: 'next build', start: 'next start && echo done' }) }, error: /uses shell syntax an exec-form CMD cannot run/ },
  { name: 'no build script names the fix', files: { 'package.json': nextPkg({ start: 'next start' }) }, error: /no "build" script; add "build": "next build"/ },
  { name: 'distDir moves every copy and the writable cache', files: { 'package.json': nextPkg(), 'next.config.js': "module.exports = { distDir: 'build', output: 'standalone' };\n" }, plan: { runtimeCopies: [{ from: 'build', src: 'build/standalone', dest: '.' }, { from: 'build', src: 'build/static' }], writablePaths: ['build/cache'], dockerignore: ['build', 'out'] } },
  { name: 'a distDir outside the project is refused', files: { 'package.json': nextPkg(), 'next.config.js': "module.exports = { distDir: '../out' };\n" }, error: /distDir must stay inside the project directory/ },
  { name: 'pnpm: the step stays npm run build (rendering maps it to the package manager) and the next binary is the known path', files: { 'package.json': nextPkg(), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }, plan: { buildSteps: ['npm run build', 'rm -rf .next/cache'], command: ['node', 'node_modules/next/dist/bin/next', 'start'] } },
  { name: 'the next binary comes from the lockfile bin entry', files: { 'package.json': nextPkg(), 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/next': { version: '16.4.3', bin: { next: 'dist/bin/next-cli.js' } } } }) }, plan: { command: ['node', 'node_modules/next/dist/bin/next-cli.js', 'start'] } },
  { name: 'a hostile lockfile bin path is refused', files: { 'package.json': nextPkg(), 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/next': { bin: { next: 'x"; rm -rf /' } } } }) }, error: /may contain only letters, digits/ },
  { name: 'a route handler at app/api/health/route.ts is the health path', files: { 'package.json': nextPkg(), 'app/api/health/route.ts': '' }, plan: { healthcheckPath: '/api/health' } },
  { name: 'src/app/health/route.js is the health path', files: { 'package.json': nextPkg(), 'src/app/health/route.js': '' }, plan: { healthcheckPath: '/health' } },

  // --- Nuxt
  {
    name: 'Nuxt 4: .output only, no node_modules stage, Nitro drains with an 8 s timeout',
    files: { 'package.json': nuxtPkg(), 'nuxt.config.ts': "export default defineNuxtConfig({ compatibilityDate: '2026-12-01' });\n", 'server/routes/health.ts': '' },
    recipe: 'nuxt',
    plan: { command: ['node', '.output/server/index.mjs'], commandScript: '.output/server/index.mjs', productionDependencies: false, runtimeCopies: [{ from: 'build', src: '.output' }], env: { NUXT_TELEMETRY_DISABLED: '1', PORT: '3000', NITRO_SHUTDOWN_TIMEOUT: '8000' }, buildEnv: { NUXT_TELEMETRY_DISABLED: '1' }, shutdown: expect.objectContaining({ kind: 'framework' }) as never, healthcheckPath: '/health' },
  },
  { name: 'Nuxt with server/api/health.ts: /api/health', files: { 'package.json': nuxtPkg(), 'server/api/health.ts': '' }, plan: { healthcheckPath: '/api/health' } },
  { name: 'Nuxt with the node-server preset written out', files: { 'package.json': nuxtPkg(), 'nuxt.config.ts': "export default defineNuxtConfig({ nitro: { preset: 'node-server' } });\n" }, plan: { id: 'nuxt' } },
  { name: 'Nuxt with the vercel preset builds no Node server', files: { 'package.json': nuxtPkg(), 'nuxt.config.ts': "export default defineNuxtConfig({ nitro: { preset: 'vercel' } });\n" }, error: /Nitro preset to "vercel", which builds no Node server/ },
  { name: 'Nuxt built with nuxt generate is a static site', files: { 'package.json': nuxtPkg('nuxt generate') }, error: /static site, no Node server to run/ },

  // --- SvelteKit
  {
    name: 'SvelteKit, adapter-node in vite.config.ts (sv 0.17): node build, production node_modules',
    files: { 'package.json': kitPkg, 'vite.config.ts': kitVite('@sveltejs/adapter-node'), 'src/routes/health/+server.ts': '' },
    recipe: 'sveltekit',
    plan: { command: ['node', 'build'], commandScript: 'build/index.js', productionDependencies: true, runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }], env: { PORT: '3000', HOST: '0.0.0.0', SHUTDOWN_TIMEOUT: '8' }, healthcheckPath: '/health' },
  },
  {
    name: 'SvelteKit, adapter-node in svelte.config.js with out and envPrefix',
    files: { 'package.json': kitPkg, 'svelte.config.js': "import nodeAdapter from '@sveltejs/adapter-node';\nexport default { kit: { adapter: nodeAdapter({ out: 'server-build', envPrefix: 'APP_' }) } };\n" },
    plan: { command: ['node', 'server-build'], commandScript: 'server-build/index.js', env: { APP_PORT: '3000', APP_HOST: '0.0.0.0', APP_SHUTDOWN_TIMEOUT: '8' }, dockerignore: ['.svelte-kit', 'server-build'] },
  },
  { name: 'SvelteKit with adapter-auto says how to add adapter-node', files: { 'package.json': kitPkg, 'svelte.config.js': "import adapter from '@sveltejs/adapter-auto';\nexport default { kit: { adapter: adapter() } };\n" }, error: /@sveltejs\/adapter-auto \(svelte\.config\.js\) builds no Node server; add adapter-node: npx sv add sveltekit-adapter=adapter:node/ },
  { name: 'SvelteKit with no adapter at all', files: { 'package.json': kitPkg, 'vite.config.ts': "import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n" }, error: /with no adapter builds no Node server; add adapter-node/ },
  { name: 'SvelteKit with adapter-static is a static site', files: { 'package.json': kitPkg, 'svelte.config.js': "import adapter from '@sveltejs/adapter-static';\nexport default { kit: { adapter: adapter() } };\n" }, error: /adapter-static in svelte\.config\.js: static site, no Node server to run/ },
  { name: 'SvelteKit adapter-node out outside the project is refused', files: { 'package.json': kitPkg, 'vite.config.ts': kitVite('@sveltejs/adapter-node', "adapter({ out: '../srv' })") }, error: /adapter-node out must stay inside the project directory/ },

  // --- Astro
  {
    name: 'Astro with @astrojs/node standalone: dist/server/entry.mjs on 0.0.0.0:4321, preloaded shutdown',
    files: { 'package.json': astroPkg, 'astro.config.mjs': astroConfig("{ output: 'server', adapter: node({ mode: 'standalone' }) }"), 'src/pages/health.ts': '' },
    recipe: 'astro',
    plan: { command: ['node', 'dist/server/entry.mjs'], commandScript: 'dist/server/entry.mjs', runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'dist' }, { from: 'context', src: 'package.json' }], env: { ASTRO_TELEMETRY_DISABLED: '1', HOST: '0.0.0.0', PORT: '4321' }, buildEnv: { ASTRO_TELEMETRY_DISABLED: '1' }, port: 4321, shutdown: expect.objectContaining({ kind: 'preload' }) as never, healthcheckPath: '/health' },
  },
  { name: 'Astro with outDir', files: { 'package.json': astroPkg, 'astro.config.ts': astroConfig("{ outDir: './out', adapter: nodeAdapter({ mode: \"standalone\" }) }", "import nodeAdapter from '@astrojs/node';") }, plan: { command: ['node', 'out/server/entry.mjs'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'out' }, { from: 'context', src: 'package.json' }] } },
  { name: 'Astro without an adapter is a static site', files: { 'package.json': astroPkg, 'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n" }, error: /Astro without a server adapter in astro\.config\.mjs: static site, no Node server to run/ },
  { name: 'Astro without a config is a static site', files: { 'package.json': astroPkg }, error: /static site, no Node server to run/ },
  { name: 'Astro with the Vercel adapter is refused with npx astro add node', files: { 'package.json': astroPkg, 'astro.config.mjs': astroConfig('{ adapter: vercel() }', "import vercel from '@astrojs/vercel';") }, error: /@astrojs\/vercel builds for a hosting platform.*npx astro add node/ },
  { name: 'Astro node adapter in middleware mode starts no server of its own', files: { 'package.json': astroPkg, 'astro.config.mjs': astroConfig("{ adapter: node({ mode: 'middleware' }) }") }, error: /mode "middleware".*set node\(\{ mode: 'standalone' \}\)/ },

  // --- React Router 7 / Remix 2
  {
    name: 'React Router 7: react-router-serve through its bin.js, build + node_modules + package.json',
    files: { 'package.json': rrPkg(), 'app/routes/health.ts': '' },
    recipe: 'react-router',
    plan: { command: ['node', 'node_modules/@react-router/serve/bin.js', './build/server/index.js'], commandScript: 'node_modules/@react-router/serve/bin.js', runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }], env: { PORT: '3000' }, buildSteps: ['npm run build'], shutdown: expect.objectContaining({ kind: 'framework' }) as never, healthcheckPath: '/health' },
  },
  { name: 'React Router with its own Express server is not react-router-serve', files: { 'package.json': rrPkg('node server.js') } },
  { name: 'React Router start with options is refused', files: { 'package.json': rrPkg('react-router-serve --port 4000 ./build/server/index.js') }, error: /should be "react-router-serve \.\/build\/server\/index\.js"/ },
  { name: 'React Router in SPA mode (ssr: false) is a static site', files: { 'package.json': rrPkg(), 'react-router.config.ts': 'export default { ssr: false } satisfies Config;\n' }, recipe: 'react-router', error: /ssr: false in react-router\.config\.ts: static site, no Node server to run/ },
  { name: 'Remix SPA mode in vite.config.ts is a static site', files: { 'package.json': remixPkg('remix vite:build', 'remix-serve ./build/server/index.js'), 'vite.config.ts': 'export default defineConfig({ plugins: [remix({ ssr: false })] });\n' }, error: /static site, no Node server to run/ },
  { name: 'Remix 2 (Vite): remix-serve through dist/cli.js', files: { 'package.json': remixPkg('remix vite:build', 'remix-serve ./build/server/index.js'), 'app/routes/api.health.ts': '' }, recipe: 'remix', plan: { command: ['node', 'node_modules/@remix-run/serve/dist/cli.js', './build/server/index.js'], healthcheckPath: '/api/health' } },
  { name: 'Remix 2 (classic compiler): build/index.js', files: { 'package.json': remixPkg('remix build', 'remix-serve build/index.js') }, plan: { command: ['node', 'node_modules/@remix-run/serve/dist/cli.js', './build/index.js'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }] } },
  { name: 'Remix server build at the project root is refused', files: { 'package.json': remixPkg('remix build', 'remix-serve index.js') }, error: /must be inside a build folder/ },

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
    files: { 'package.json': rrExpressPkg(), 'server.js': 'import express from "express";\n', 'app/routes/health.ts': '' },
    recipe: 'react-router-express',
    plan: { command: ['node', 'server.js'], commandScript: 'server.js', runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }], productionDependencies: true, buildSteps: ['npm run build'], shutdown: expect.objectContaining({ kind: 'preload' }) as never, healthcheckPath: '/health' },
  },
  { name: 'React Router custom server: buildDirectory moves the build copy', files: { 'package.json': rrExpressPkg(), 'server.js': '', 'react-router.config.ts': 'export default { ssr: true, buildDirectory: "out" } satisfies Config;\n' }, plan: { runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'out' }, { from: 'context', src: 'package.json' }] } },
  { name: 'React Router custom server in SPA mode is a static site', files: { 'package.json': rrExpressPkg(), 'server.js': '', 'react-router.config.ts': 'export default { ssr: false } satisfies Config;\n' }, error: /ssr: false in react-router\.config\.ts: static site/ },
  { name: 'React Router custom server whose server file is missing names it', files: { 'package.json': rrExpressPkg('node srv/index.js') }, error: /scripts\.start runs srv\/index\.js, which is not in the project/ },
  { name: 'Remix 2 express template: cross-env NODE_ENV=production node ./server.js', files: { 'package.json': remixExpressPkg('cross-env NODE_ENV=production node ./server.js'), 'server.js': '' }, recipe: 'remix-express', plan: { command: ['node', 'server.js'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'context', src: 'server.js' }, { from: 'build', src: 'build' }, { from: 'context', src: 'package.json' }] } },
  // --- Next.js next.config.ts
  {
    name: 'Next.js next start with next.config.ts: the build compiles it to next.config.mjs, the runtime ships that instead of the .ts',
    files: { 'package.json': next15Pkg, 'next.config.ts': 'import type { NextConfig } from "next";\nconst nextConfig: NextConfig = {};\nexport default nextConfig;\n' },
    recipe: 'next',
    plan: { buildSteps: ['npm run build', expect.stringMatching(/^node -e ".*require\('next\/dist\/build\/swc'\)\.loadBindings\(\)\.then\(b=>b\.transform\(fs\.readFileSync\('next\.config\.ts'.*writeFileSync\('next\.config\.mjs'.*process\.exit\(1\).*"$/) as never, 'rm -rf .next/cache'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'package.json' }, { from: 'build', src: 'next.config.mjs' }] },
  },
  { name: 'Next.js next start with next.config.mjs ships it as it is', files: { 'package.json': next15Pkg, 'next.config.mjs': 'export default {};\n' }, plan: { buildSteps: ['npm run build', 'rm -rf .next/cache'], runtimeCopies: [{ from: 'deps', src: 'node_modules' }, { from: 'build', src: '.next' }, { from: 'context', src: 'package.json' }, { from: 'context', src: 'next.config.mjs' }] } },
];

describe('meta-framework recipes', () => {
  test.each(CASES)('$name', async ({ files, recipe, plan, error }) => {
    const result = await firstPlan(META_FRAMEWORK_RECIPES, memoryFs(files));
    if (recipe) expect(result.recipe).toBe(recipe);
    if (error) {
      expect(result.error).toMatch(/^UsageError: /);
      expect(result.error).toMatch(error);
      expect(result.error).not.toContain('\n');
    } else if (plan) {
      expect(result.error).toBeUndefined();
      expect(result.plan).toMatchObject(plan);
    } else {
      expect(result.recipe).toBeUndefined();
    }
  });

  test('every refusal case refuses and every plan case plans (the table cannot pass by one kind alone)', () => {
    expect(CASES.filter((c) => c.error).length).toBeGreaterThan(10);
    expect(CASES.filter((c) => c.plan).length).toBeGreaterThan(10);
  });
});
