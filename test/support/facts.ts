// A complete ProjectFacts for pure option/render tests; override what a test is about.
import type { ProjectFacts } from '../../src/detect/facts.js';

export function factsFor(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    name: 'demo-app',
    packageManager: { name: 'npm', lockfile: 'package-lock.json' },
    entry: 'server.js',
    port: 3000,
    typescript: false,
    native: false,
    nativeReasons: [],
    framework: 'express',
    moduleSystem: 'commonjs',
    healthcheckPath: '/health',
    existing: { dockerfile: false, dockerignore: false, compose: false },
    install: { inputs: [], env: {} },
    warnings: [],
    ...overrides,
  };
}
