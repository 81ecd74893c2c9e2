import { defineConfig } from 'vitest/config';
import { ENGINE_TEST_FILES } from './vitest.engine-files.js';

// The end-to-end suite builds and runs generated Dockerfiles in a real Docker engine, with the
// other engine tests. Files run one after another: parallel image builds thrash a 2-core machine,
// and they share the rig's cached Docker data root.
// TEST_RESULTS_DIR (set by .ci/run) adds a JSON report there, from which CI prints its summary line.
const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  test: {
    reporters: results ? ['default', ['json', { outputFile: `${results}/e2e-${process.versions.node}.json` }]] : ['default'],
    include: ['test/e2e/**/*.test.ts', ...ENGINE_TEST_FILES],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
