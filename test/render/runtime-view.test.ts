// The runtime stage's shape per base, and what a shell-less base refuses (exit 2 at the CLI).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { RUNTIME_BASES } from '../../src/render/runtime-base.js';
import { runtimeView } from '../../src/render/runtime-view.js';
import { FIXED_DISTROLESS_IMAGE } from '../support/images.js';

const input = { image: FIXED_DISTROLESS_IMAGE, command: ['node', 'server.js'], writable: ['/app/uploads'], runtimePackages: [], healthScript: 'process.exit(0)' };

describe('runtimeView', () => {
  it('distroless: tini and writable dirs from the init stage, node by full path, CMD holds only node arguments', () => {
    const view = runtimeView({ ...input, runtime: RUNTIME_BASES.distroless });
    expect(view).toMatchObject({
      runtimeFrom: FIXED_DISTROLESS_IMAGE.ref,
      runtimePackages: false,
      writableRun: false,
      initCopy: '--from=init /usr/bin/tini-static /usr/local/bin/tini',
      writableCopies: ['--from=init --chown=65532:65532 /writable/app/uploads /app/uploads'],
      runUser: '65532:65532',
      entrypoint: '["/usr/local/bin/tini","--","/nodejs/bin/node"]',
      cmd: '["server.js"]',
      healthcheck: '["/nodejs/bin/node","-e","process.exit(0)"]',
    });
  });

  it('alpine: dumb-init from the package manager, CMD starts with it, writable dirs made by RUN', () => {
    const view = runtimeView({ ...input, image: undefined, runtime: RUNTIME_BASES.alpine });
    expect(view).toMatchObject({ runtimeFrom: 'base', runtimePackages: 'dumb-init', initStage: false, entrypoint: false, cmd: '["dumb-init","node","server.js"]', writableRun: '/app/uploads', runUser: '1000:1000' });
  });

  it.each([
    [{ runtimePackages: ['chromium'] }, '--base distroless has no package manager, but the app needs chromium at run time: use --base slim'],
    [{ command: ['./server'] }, '--base distroless has no shell and no /usr/bin/env: the command must start with "node", got "./server"'],
  ])('distroless refuses %j', (change, message) => {
    expect(() => runtimeView({ ...input, ...change, runtime: RUNTIME_BASES.distroless })).toThrow(new UsageError(message));
  });
});
