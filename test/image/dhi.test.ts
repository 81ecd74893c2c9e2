// --base dhi resolution against a real registry (CNCF distribution on 127.0.0.1) holding a copy of
// dhi.io/node's tag scheme (docker-hardened-images/catalog image/node/alpine-3.24): the -dev build
// image and the runtime image, each pinned by its most exact tag and index digest; a runtime that
// lags the -dev image stays on the same major; a registry that refuses anonymous pulls is one line
// naming `docker login`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageResolutionError } from '../../src/errors.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import type { ImageRequest } from '../../src/image/types.js';
import { registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex, type PushedNodeImage } from '../support/registry-push.js';
import { testDeps } from './helpers.js';

const binary = registryBinaryStatus();

const dhiTags = (version: string, suffix: string) => [`${version}-alpine3.24${suffix}`, `${version}-alpine${suffix}`, `${version.split('.')[0]}-alpine${suffix}`];

describe.skipIf(!binary.available)('--base dhi: -dev build and runtime images from a real registry', () => {
  let reg: StartedRegistry;
  let dev: PushedNodeImage;
  let runtime: PushedNodeImage;
  beforeAll(async () => {
    reg = await startRegistry();
    dev = await pushNodeImageIndex(reg, { repository: 'dhi/node', nodeVersion: '26.6.0-r0', tags: dhiTags('26.6.0', '-dev'), labels: { variant: 'dev' } });
    runtime = await pushNodeImageIndex(reg, { repository: 'dhi/node', nodeVersion: '26.6.0-r0', tags: dhiTags('26.6.0', '') });
    // A -dev image newer than any runtime image of its line (DHI publishes the variants separately).
    await pushNodeImageIndex(reg, { repository: 'lagging/dhi/node', nodeVersion: '26.7.0-r0', tags: dhiTags('26.7.0', '-dev'), labels: { variant: 'dev' } });
    await pushNodeImageIndex(reg, { repository: 'lagging/dhi/node', nodeVersion: '26.6.0-r0', tags: dhiTags('26.6.0', '') });
    // A line newer than the release schedule this package ships (it ends at 26).
    for (const suffix of ['-dev', '']) await pushNodeImageIndex(reg, { repository: 'future/dhi/node', nodeVersion: '28.1.0-r0', tags: dhiTags('28.1.0', suffix) });
  });
  afterAll(() => reg.stop());

  const request = (repo: string, extra: Partial<ImageRequest> = {}): ImageRequest => ({ base: 'alpine-dev', runtime: 'dhi', runtimeImage: `${reg.host}/${repo}`, nodeRange: '>=24', ...extra });

  it('pins <v>-alpine3.N-dev for the build stages and <v>-alpine3.N for the runtime by their index digests (NODE_VERSION=<v>-r0 read as <v>)', async () => {
    const deps = testDeps();
    const { image, runtime: rt, warnings } = await resolveNodeImage(request('dhi/node'), deps);
    expect(image).toMatchObject({ ref: `${reg.host}/dhi/node:26.6.0-alpine3.24-dev@${dev.indexDigest}`, version: '26.6.0', source: 'registry' });
    expect(rt).toMatchObject({ ref: `${reg.host}/dhi/node:26.6.0-alpine3.24@${runtime.indexDigest}`, version: '26.6.0', source: 'registry' });
    // No release index here (as in the e2e rig) and DHI publishes no lts-* tags: the shipped schedule says 26 is LTS since 2026-10-28.
    expect(warnings.filter((w) => !/release index could not be read/.test(w))).toEqual([]);

    const offline = await resolveNodeImage(request('dhi/node', { offline: true }), { ...testDeps(), cache: deps.cache });
    expect(offline.image.digest).toBe(dev.indexDigest);
    expect(offline.runtime?.digest).toBe(runtime.indexDigest);
  });

  // The release index fault is real (connection refused on a closed port); dhi.io has no lts-* tags to read instead.
  it('release index unreachable (closed port), no lts tags: LTS status from the shipped release schedule, never a false "not an LTS release"', async () => {
    const lts = (now: string, extra: Partial<ImageRequest> = {}, repo = 'dhi/node') =>
      resolveNodeImage(request(repo, extra), testDeps({ now: () => new Date(now) })).then((r) => r.warnings.filter((w) => /LTS/.test(w)));
    // 26 became LTS on 2026-10-28: a month before, it truly was not.
    expect(await lts('2026-10-01T00:00:00Z')).toEqual(['Node 26.6.0 satisfies ">=24" but is not an LTS release (shorter support).']);
    expect(await lts('2026-12-03T00:00:00Z')).toEqual([]);
    expect(await lts('2026-12-03T00:00:00Z', { nodeRange: '26.6.0' })).toEqual([]);
    // A line the schedule does not know: unknown, said as unknown.
    expect(await lts('2026-12-03T00:00:00Z', { nodeRange: '28.1.0' }, 'future/dhi/node')).toEqual([
      `Node 28.1.0 satisfies "28.1.0"; whether it is an LTS release is unknown (no lts-alpine-dev tag in ${reg.host}, and the release schedule this package ships predates it).`,
    ]);
  });

  it('a runtime image that lags the -dev image: the newest runtime of the same major, and a warning says so', async () => {
    const { image, runtime: rt, warnings } = await resolveNodeImage(request('lagging/dhi/node'), testDeps());
    expect(image.version).toBe('26.7.0');
    expect(rt?.version).toBe('26.6.0');
    expect(warnings.join('\n')).toContain('has no runtime image for Node 26.7.0 (its -dev build image); the runtime stage runs Node 26.6.0, same major 26.');
  });

  it('offline with nothing cached: one line, exit 4, no guessed digest', async () => {
    const error = await resolveNodeImage(request('dhi/node', { offline: true }), testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe.skipIf(!binary.available)('--base dhi against a registry that refuses anonymous pulls (as dhi.io does)', () => {
  let reg: StartedRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: [{ user: 'dhi-user', password: 'docker-id' }] });
    await pushNodeImageIndex(reg, { repository: 'dhi/node', nodeVersion: '26.6.0', tags: dhiTags('26.6.0', '-dev') });
  });
  afterAll(() => reg.stop());

  it('without credentials: one line naming docker login <host>, exit 4, no stack trace', async () => {
    const error = await resolveNodeImage({ base: 'alpine-dev', runtime: 'dhi', runtimeImage: `${reg.host}/dhi/node`, nodeRange: '26' }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(new RegExp(`^${reg.host.replace(/\./g, '\\.')} refused to serve ${reg.host.replace(/\./g, '\\.')}/dhi/node without valid credentials: Docker Hardened Images need a \\(free\\) Docker ID, so run \`docker login ${reg.host.replace(/\./g, '\\.')}\``));
  });
});
