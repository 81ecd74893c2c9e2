// Static sites: a Vite SPA (vite build, no server framework) has no Node server to run. It comes
// after the meta-framework recipes in the registry (SvelteKit, React Router and Astro build with
// Vite too and claim their apps first), which refuse their own static modes themselves.
import { allDependencyNames } from '../detect/package-json.js';
import { UsageError } from '../errors.js';
import type { Recipe } from './types.js';

/** Packages that mean the app does run a Node server next to (or instead of) its Vite build. */
const SERVER_PACKAGES = ['express', 'fastify', 'koa', '@hapi/hapi', 'hono', '@hono/node-server', '@nestjs/core', 'next', 'nuxt', '@sveltejs/kit', '@react-router/serve', '@remix-run/serve', 'astro', 'vite-plugin-ssr', 'vike', 'h3', 'polka'];

export const staticSiteRecipe: Recipe = {
  id: 'static',
  detect({ pkg }) {
    const names = allDependencyNames(pkg);
    const buildsWithVite = /\bvite\s+build\b/.test(pkg.scripts.build ?? '');
    const serves = names.some((name) => SERVER_PACKAGES.includes(name));
    const startsNode = /\bnode\s/.test(pkg.scripts.start ?? '');
    return buildsWithVite && !serves && !startsNode;
  },
  plan() {
    throw new UsageError('this is a static site (vite build writes HTML, JS and CSS to dist/) with no Node server to run: serve dist/ from a static web server image; pass --start "<command>" if the app does have a Node server');
  },
};
