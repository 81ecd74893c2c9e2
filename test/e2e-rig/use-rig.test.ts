// useRig with an injected start function (no engine, no root): what a test file sees when the rig
// starts, when it cannot start, and before and after its hooks. The real start is proven by the e2e files.
import { afterAll, describe, expect, it } from 'vitest';
import { DockerCli } from '../e2e/rig/docker-cli.js';
import type { Rig } from '../e2e/rig/rig.js';
import { rigLifecycle, useRig } from '../e2e/rig/use-rig.js';

/** A rig value as startRig returns it, whose stop() is counted; nothing behind it runs (stop removes its client's config dir). */
function rigValue(events: string[]): Rig {
  const docker = new DockerCli('/usr/bin/docker', 'unix:///nonexistent/docker.sock');
  return {
    docker,
    registry: { url: 'http://127.0.0.1:5999', host: '127.0.0.1:5999', port: 5999, auth: 'none', users: [], pushAuthorization: undefined, dir: '/nonexistent', stop: async () => {} },
    standIns: [],
    verdaccio: undefined,
    timings: { registry: 0.1, dockerd: 0.2 },
    stop: async () => {
      docker.dispose();
      events.push('rig stop');
    },
  };
}

describe('rigLifecycle (the state behind useRig)', () => {
  it('read before beforeAll: says the rig did not start and where it starts', () => {
    const lifecycle = rigLifecycle(() => Promise.reject(new Error('not started in this test')));
    expect(() => lifecycle.access.registry).toThrow('the rig did not start (see beforeAll): it is there only in tests and hooks, not while the file is collected');
  });

  it('a start that fails: the error reaches beforeAll unchanged, later reads name it, stop has nothing to do', async () => {
    const events: string[] = [];
    const lifecycle = rigLifecycle(() => Promise.reject(new Error('the Docker e2e rig cannot start:\n  - root is needed to start a Docker engine (run with sudo)')));
    await expect(lifecycle.start()).rejects.toThrow(/^the Docker e2e rig cannot start:\n {2}- root is needed/);
    expect(() => lifecycle.access.docker).toThrow(/^the rig did not start \(see beforeAll\): Error: the Docker e2e rig cannot start:\n {2}- root is needed/);
    await lifecycle.stop();
    expect(events).toEqual([]);
  });

  it('a started rig: its parts are read through the accessor, stop() runs once, and reads after it say the rig has stopped', async () => {
    const events: string[] = [];
    const rig = rigValue(events);
    const lifecycle = rigLifecycle(() => Promise.resolve(rig));
    expect(await lifecycle.start()).toBe(rig);
    expect(lifecycle.access.docker).toBe(rig.docker);
    expect(lifecycle.access.registry.url).toBe('http://127.0.0.1:5999');
    expect(lifecycle.access.standIns).toBe(rig.standIns);
    expect(lifecycle.access.verdaccio).toBeUndefined();
    await lifecycle.stop();
    await lifecycle.stop();
    expect(events).toEqual(['rig stop']);
    expect(() => lifecycle.access.standIns).toThrow(/^the rig has stopped \(afterAll\)/);
  });
});

describe('useRig registers the hooks of the describe it is called in', () => {
  const events: string[] = [];
  const startedWith: unknown[] = [];
  describe('a file using the rig', () => {
    const rig = useRig({
      verdaccioPackages: ['/nonexistent/registry-package'],
      start: (options) => {
        startedWith.push(options);
        events.push('rig start');
        return Promise.resolve(rigValue(events));
      },
      setUp: ({ registry }) => {
        events.push(`set up with ${registry.host}`);
      },
      tearDown: () => {
        events.push('tear down');
      },
    });

    it('the rig is up in its tests, started once with the rig options and set up after the start', () => {
      expect(rig.registry.url).toBe('http://127.0.0.1:5999');
      expect(startedWith).toEqual([{ verdaccioPackages: ['/nonexistent/registry-package'] }]);
      expect(events).toEqual(['rig start', 'set up with 127.0.0.1:5999']);
    });

    it('and still up in the next test (one rig for the describe)', () => {
      expect(rig.docker.host).toBe('unix:///nonexistent/docker.sock');
      expect(events).toEqual(['rig start', 'set up with 127.0.0.1:5999']);
    });
  });

  // Runs after the inner describe's afterAll: the file's clean-up came first, then the rig stopped.
  afterAll(() => {
    expect(events).toEqual(['rig start', 'set up with 127.0.0.1:5999', 'tear down', 'rig stop']);
  });
});
