import { defineConfig } from 'vitest/config';
import { ENGINE_TEST_FILES } from './vitest.engine-files.js';

// Unit, golden, CLI, registry and shutdown tests. The Docker end-to-end suite and the other tests
// that need a Docker engine have their own config (vitest.e2e.config.ts): root, an engine, minutes.
// TEST_RESULTS_DIR (set by .ci/run) adds a JSON report there, from which CI prints its summary line.
const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  test: {
    reporters: results ? ['default', ['json', { outputFile: `${results}/unit-${process.versions.node}.json` }]] : ['default'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/fixtures/**', 'node_modules/**', ...ENGINE_TEST_FILES],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
