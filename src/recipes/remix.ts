// Remix 2 (Vite or the classic compiler), served by remix-serve (see serve-cli.ts).
import { routeFiles } from './file-route-health.js';
import { serveCliRecipe } from './serve-cli.js';

export const remixRecipe = serveCliRecipe({
  id: 'remix',
  label: 'Remix (remix-serve)',
  servePackage: '@remix-run/serve',
  bin: 'remix-serve',
  binFile: 'dist/cli.js',
  buildTool: /\bremix\s+(vite:)?build\b/,
  buildSuggestion: 'remix vite:build',
  defaultServerBuild: 'build/server/index.js',
  spaModeConfigs: ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'],
  // Flat routes: app/routes/health.ts is /health, app/routes/api.health.ts is /api/health.
  healthFiles: (name) => routeFiles('app/routes', name.replace('/', '.')),
});
