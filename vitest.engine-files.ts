// Test files outside test/e2e that need a real Docker Engine 20.10: they run with the end-to-end
// suite (which starts an engine under E2E=1), not with the unit tests, so CI never skips them.
export const ENGINE_TEST_FILES = ['test/dockerignore/docker-context.test.ts', 'test/rules/engine-frontend.test.ts', 'test/dockerignore/dockerfile-ignore.test.ts'];
