import { defineConfig } from 'vitest/config';

// Unit, golden, CLI, registry and shutdown tests. The Docker end-to-end suite has its own config
// (vitest.e2e.config.ts) because it needs root, a Docker engine and several minutes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/fixtures/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
