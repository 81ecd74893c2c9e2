// React Router 7 in framework mode, served by react-router-serve (see serve-cli.ts).
import { routeFiles } from './file-route-health.js';
import { serveCliRecipe } from './serve-cli.js';

export const reactRouterRecipe = serveCliRecipe({
  id: 'react-router',
  label: 'React Router (react-router-serve)',
  servePackage: '@react-router/serve',
  bin: 'react-router-serve',
  binFile: 'bin.js',
  buildTool: /\breact-router\s+build\b/,
  buildSuggestion: 'react-router build',
  defaultServerBuild: 'build/server/index.js',
  spaModeConfigs: ['react-router.config.ts', 'react-router.config.js', 'react-router.config.mjs'],
  // Routes are declared in app/routes.ts; the conventional files are the resource routes themselves.
  healthFiles: (name) => routeFiles('app/routes', name.replace('/', '.')),
});
