// One fixture case of an image suite, as generated-images, framework-images, workspace-images,
// workspace-framework-images and shell-less-images each had it: a temp copy of the fixture, a free
// port, the file's own generation, and afterwards every container it ran removed, its image
// `rm -f`'d and the copy deleted. Call it in the case's describe, inside the one that called useRig.
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../../support/registry.js';
import type { Container } from './container.js';
import { fixtureWorkspace, type FixtureWorkspace, type FixtureWorkspaceOptions } from './fixture-workspace.js';
import type { RigAccess } from './use-rig.js';

/** A case's set-up (copy + generate) and its clean-up each get this long. */
export const IMAGE_CASE_HOOK_TIMEOUT_MS = 120_000;

export interface ImageCaseOptions {
  /** test/fixtures/<fixture>, copied by fixtureWorkspace. */
  fixture: string;
  /** The tag the case builds: removed with `docker image rm -f` after the case. */
  image: string;
  /** fixtureWorkspace's options, asked for when the case starts (the rig's Verdaccio port is known by then). */
  workspace?: () => FixtureWorkspaceOptions;
  /** The port to get instead of any free one (an app that hard-codes its port). */
  fixedPort?: number;
  /** Changes the copy before anything else runs in it. */
  prepare?: (dir: string) => void;
  /** The file's own set-up (generation), in the same beforeAll, once the copy and the port are there. */
  setUp?: (app: ImageCase) => Promise<void> | void;
  /** More clean-up, after the containers, the image and the copy are gone. */
  tearDown?: () => void;
}

export interface ImageCase {
  /** The fixture's temp copy. */
  readonly ws: FixtureWorkspace;
  /** The app's port (PORT in the container; the engine has host networking only). */
  readonly port: number;
  /** Remembers a container to remove when the case ends (or at removeContainers). */
  track(container: Container): Container;
  /** Removes the containers tracked so far (for an afterEach, so a failed test frees the port). */
  removeContainers(): Promise<void>;
  /** The build test says its image is there... */
  markBuilt(): void;
  /** ...and the tests that need the image throw a clear error first when it is not. */
  requireImage(): void;
}

export function useImageCase(rig: RigAccess, options: ImageCaseOptions): ImageCase {
  let ws: FixtureWorkspace | undefined;
  let port: number | undefined;
  let built = false;
  const containers: Container[] = [];
  const app: ImageCase = {
    get ws() {
      if (!ws) throw new Error(`the copy of ${options.fixture} was not made (see this case's beforeAll)`);
      return ws;
    },
    get port() {
      if (port === undefined) throw new Error(`no port was taken for ${options.fixture} (see this case's beforeAll)`);
      return port;
    },
    track(container) {
      containers.push(container);
      return container;
    },
    async removeContainers() {
      for (const container of containers.splice(0)) await container.remove();
    },
    markBuilt() {
      built = true;
    },
    requireImage() {
      if (!built) throw new Error('the image did not build (see the first test of this case)');
    },
  };
  beforeAll(async () => {
    ws = await fixtureWorkspace(options.fixture, options.workspace?.());
    options.prepare?.(ws.dir);
    port = await freePort(options.fixedPort);
    await options.setUp?.(app);
  }, IMAGE_CASE_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await app.removeContainers();
    await rig.docker.run(['image', 'rm', '-f', options.image], { allowFailure: true });
    ws?.remove();
    options.tearDown?.();
  }, IMAGE_CASE_HOOK_TIMEOUT_MS);
  return app;
}
