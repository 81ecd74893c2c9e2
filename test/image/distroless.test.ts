// --base distroless resolution against a real registry (CNCF distribution on 127.0.0.1): the build
// image is node:<v>-trixie-slim (through the mirror), the runtime image <repo>:nonroot pinned by
// its index digest, with the Node version read from the manifest annotation distroless sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageResolutionError } from '../../src/errors.js';
import { DISTROLESS_VERSION_ANNOTATION } from '../../src/image/distroless.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import { registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex, type PushedNodeImage } from '../support/registry-push.js';
import { testDeps } from './helpers.js';

const binary = registryBinaryStatus();

describe.skipIf(!binary.available)('--base distroless: build and runtime images from a real registry', () => {
  let reg: StartedRegistry;
  let trixie: PushedNodeImage;
  let runtime: PushedNodeImage;
  let bare: PushedNodeImage;
  beforeAll(async () => {
    reg = await startRegistry();
    trixie = await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '26.6.0', tags: ['26.6.0-trixie-slim', '26.6.0-slim', '26-trixie-slim', 'lts-trixie-slim'] });
    await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '26.6.0', tags: ['26.6.0-bookworm-slim'], labels: { flavor: 'bookworm' } });
    runtime = await pushNodeImageIndex(reg, { repository: 'distroless/nodejs26-debian13', nodeVersion: '26.5.0', tags: ['nonroot', 'latest'], annotations: { [DISTROLESS_VERSION_ANNOTATION]: 'v26.5.0' } });
    bare = await pushNodeImageIndex(reg, { repository: 'bare/nodejs26-debian13', nodeVersion: '26.5.0', tags: ['nonroot'] });
  });
  afterAll(() => reg.stop());

  const request = (repo: string) => ({ base: 'trixie-slim' as const, runtime: 'distroless' as const, registryMirror: reg.url, runtimeImage: `${reg.host}/${repo}` });

  it('pins trixie-slim for the build stages and <repo>:nonroot@<index digest> for the runtime, with the annotated Node version', async () => {
    const deps = testDeps();
    const { image, runtime: rt, warnings } = await resolveNodeImage(request('distroless/nodejs26-debian13'), deps);
    expect(image.ref).toBe(`node:26.6.0-trixie-slim@${trixie.indexDigest}`);
    expect(rt).toMatchObject({ ref: `${reg.host}/distroless/nodejs26-debian13:nonroot@${runtime.indexDigest}`, tag: 'nonroot', version: '26.5.0', source: 'registry' });
    expect(warnings).toContain('The build stages run Node 26.6.0 and the distroless runtime Node 26.5.0 (same major 26; distroless publishes no version tags).');

    // Offline afterwards: the cached runtime resolution, said loudly.
    const offline = await resolveNodeImage({ ...request('distroless/nodejs26-debian13'), offline: true }, { ...testDeps(), cache: deps.cache });
    expect(offline.runtime).toMatchObject({ digest: runtime.indexDigest, source: 'cache' });
    expect(offline.warnings.join('\n')).toMatch(/runtime image not checked against the registry \(--offline\)/);
  });

  it('an image without the version annotation: the header claims only the major, and a warning says why', async () => {
    const { runtime: rt, warnings } = await resolveNodeImage(request('bare/nodejs26-debian13'), testDeps());
    expect(rt).toMatchObject({ digest: bare.indexDigest, version: '26.x' });
    expect(warnings.join('\n')).toContain(`no ${DISTROLESS_VERSION_ANNOTATION} annotation`);
  });

  it('offline with nothing cached: one line, exit 4, no guessed digest', async () => {
    const deps = testDeps();
    await resolveNodeImage(request('distroless/nodejs26-debian13'), deps).catch(() => undefined);
    const error = await resolveNodeImage({ ...request('distroless/nodejs26-debian13'), offline: true }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a Node major distroless does not build is refused by name', async () => {
    await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '25.1.0', tags: ['25.1.0-trixie-slim', '25-trixie-slim'] });
    const error = await resolveNodeImage({ base: 'trixie-slim', runtime: 'distroless', registryMirror: reg.url, nodeRange: '25' }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as Error).message).toMatch(/distroless publishes Node 22, 24, 26 only/);
  });
});
