// A Docker engine for test files outside the fixture suite that need a real 20.10 engine (the
// .dockerignore context test, the frontend-compatibility test). Under E2E=1 with no DOCKER_HOST
// they start this one; it shares the rig's cached data root, which is safe because the e2e config
// runs test files one after another.
import { startRegistry } from '../../support/registry.js';
import { startDockerd } from './dockerd.js';
import { missingPrerequisites } from './rig.js';

export interface TestEngine {
  /** unix:// socket of the engine, for DOCKER_HOST. */
  host: string;
  /** A client binary able to run BuildKit builds against it. */
  cli: string;
  stop(): Promise<void>;
}

export async function startTestEngine(): Promise<TestEngine> {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`E2E=1 but a Docker engine cannot start:\n  - ${missing.join('\n  - ')}`);
  const registry = await startRegistry();
  try {
    const engine = await startDockerd({ mirrorUrl: registry.url });
    return {
      host: engine.docker.host,
      cli: engine.docker.binary,
      stop: async () => {
        await engine.stop();
        engine.docker.dispose();
        await registry.stop();
      },
    };
  } catch (error) {
    await registry.stop();
    throw error;
  }
}

/**
 * For a test file's top level: under E2E=1 without DOCKER_HOST, start an engine and point
 * DOCKER_HOST / E2E_DOCKER_CLI at it before the file decides whether to skip. Returns the stop
 * function (a no-op when nothing was started).
 */
export async function engineForE2e(): Promise<() => Promise<void>> {
  if (process.env.E2E !== '1' || process.env.DOCKER_HOST) return async () => {};
  const engine = await startTestEngine();
  process.env.DOCKER_HOST = engine.host;
  process.env.E2E_DOCKER_CLI = engine.cli;
  return engine.stop;
}
