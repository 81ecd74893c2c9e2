import { defineConfig } from 'vitest/config';
import { ENGINE_TEST_FILES } from './vitest.engine-files.js';

// The end-to-end suite builds and runs generated Dockerfiles in a real Docker engine, with the
// other engine tests. Files run one after another: parallel image builds thrash a 2-core machine,
// and they share the rig's cached Docker data root.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', ...ENGINE_TEST_FILES],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
