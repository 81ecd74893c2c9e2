// The two public templates that run the framework behind its Express adapter in a server file of their
// own (see express-adapter-server.ts): React Router 7 `node-custom-server` and Remix 2 `express`.
import { expressAdapterServerRecipe } from './express-adapter-server.js';

export const reactRouterExpressRecipe = expressAdapterServerRecipe({
  id: 'react-router-express',
  label: 'React Router (custom Express server)',
  adapterPackage: '@react-router/express',
  buildTool: /\breact-router\s+build\b/,
  buildSuggestion: 'react-router build',
  configs: ['react-router.config.ts', 'react-router.config.js', 'react-router.config.mjs'],
});

export const remixExpressRecipe = expressAdapterServerRecipe({
  id: 'remix-express',
  label: 'Remix (custom Express server)',
  adapterPackage: '@remix-run/express',
  buildTool: /\bremix\s+(vite:)?build\b/,
  buildSuggestion: 'remix vite:build',
  configs: ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'],
});
