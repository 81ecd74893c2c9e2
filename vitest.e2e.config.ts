import { defineConfig } from 'vitest/config';

// The end-to-end suite builds and runs generated Dockerfiles in a real Docker engine.
// Fixtures run one after another: parallel image builds thrash a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
  },
});
