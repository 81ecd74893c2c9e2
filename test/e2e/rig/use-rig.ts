// One rig per e2e test file: `const rig = useRig()` at the top describe registers the beforeAll that
// starts it and the afterAll that stops it, with the timeouts every file used to repeat, and returns
// the started rig's parts behind getters that say what went wrong when read too early or too late.
import { afterAll, beforeAll } from 'vitest';
import type { StartedRegistry } from '../../support/registry.js';
import type { DockerCli } from './docker-cli.js';
import { RIG_STOP_TIMEOUT_MS, startRig, type Rig, type RigOptions } from './rig.js';
import type { StandInImage } from './stand-in-images.js';
import type { Verdaccio } from './verdaccio.js';

/** How long the rig's start (and a file's own set-up after it) may take: a cold start builds the stand-in images. */
export const RIG_START_TIMEOUT_MS = 1_200_000;

/** The parts of the started rig a test reads; stopping it is useRig's afterAll. */
export interface RigAccess {
  readonly docker: DockerCli;
  readonly registry: StartedRegistry;
  readonly standIns: StandInImage[];
  readonly verdaccio: Verdaccio | undefined;
}

export interface UseRigOptions extends RigOptions {
  /** The file's own set-up once the rig is up, in the same beforeAll (and its timeout). */
  setUp?: (rig: RigAccess) => Promise<void> | void;
  /** The file's own clean-up, in the same afterAll, before the rig stops (also when it did not start). */
  tearDown?: () => Promise<void> | void;
  /** What starts the rig: startRig, or a stand-in in the helper's own unit test. */
  start?: (options: RigOptions) => Promise<Rig>;
}

type RigState = { kind: 'not started' } | { kind: 'up'; rig: Rig } | { kind: 'failed'; error: unknown } | { kind: 'stopped' };

function unavailable(state: RigState): Error {
  if (state.kind === 'failed') return new Error(`the rig did not start (see beforeAll): ${String(state.error)}`);
  if (state.kind === 'stopped') return new Error('the rig has stopped (afterAll): read it in a test or in a hook of the describe that called useRig');
  return new Error('the rig did not start (see beforeAll): it is there only in tests and hooks, not while the file is collected');
}

/** The rig's start, stop and accessor without vitest's hooks: what useRig wires into beforeAll/afterAll. */
export function rigLifecycle(start: () => Promise<Rig>) {
  let state: RigState = { kind: 'not started' };
  const current = (): Rig => {
    if (state.kind !== 'up') throw unavailable(state);
    return state.rig;
  };
  const access: RigAccess = {
    get docker() {
      return current().docker;
    },
    get registry() {
      return current().registry;
    },
    get standIns() {
      return current().standIns;
    },
    get verdaccio() {
      return current().verdaccio;
    },
  };
  return {
    access,
    async start(): Promise<Rig> {
      try {
        const rig = await start();
        state = { kind: 'up', rig };
        return rig;
      } catch (error) {
        state = { kind: 'failed', error };
        throw error;
      }
    },
    /** Stops a started rig once; nothing to do when it never came up. */
    async stop(): Promise<void> {
      if (state.kind !== 'up') return;
      const { rig } = state;
      state = { kind: 'stopped' };
      await rig.stop();
    },
  };
}

/** Call at describe level (the file's top describe): the rig is up for every test and hook inside it. */
export function useRig(options: UseRigOptions = {}): RigAccess {
  const { setUp, tearDown, start = startRig, ...rigOptions } = options;
  const lifecycle = rigLifecycle(() => start(rigOptions));
  beforeAll(async () => {
    // Under E2E=1 a missing engine, registry or Verdaccio throws here: a failure, never a skip.
    const rig = await lifecycle.start();
    console.log(`[e2e] rig up: ${JSON.stringify(rig.timings)} (seconds)`);
    await setUp?.(lifecycle.access);
  }, RIG_START_TIMEOUT_MS);
  afterAll(async () => {
    try {
      await tearDown?.();
    } finally {
      await lifecycle.stop();
    }
  }, RIG_STOP_TIMEOUT_MS);
  return lifecycle.access;
}
