// Resolution against a real registry (CNCF distribution, docker-registry) on 127.0.0.1: as a
// Docker Hub mirror (FROM stays node:...), as --base-image, with htpasswd Basic auth from a
// DOCKER_CONFIG written here, and with a token challenge. Expected digests come from pushed bytes.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageResolutionError } from '../../src/errors.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import { registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex, type PushedNodeImage } from '../support/registry-push.js';
import { startHttpServer, testDeps } from './helpers.js';

const binary = registryBinaryStatus();
const fixture = new URL('../fixtures/node-release-index.json', import.meta.url);

/** The docker-node tag set for one version on one Alpine release, as the official images have it. */
async function pushNode(reg: StartedRegistry, repository: string, version: string, alpine: string, extraTags: string[] = [], labels?: Record<string, string>): Promise<PushedNodeImage> {
  return pushNodeImageIndex(reg, { repository, nodeVersion: version, tags: [`${version}-alpine${alpine}`, `${version}-alpine`, ...extraTags], labels });
}

async function dockerConfigDir(host: string, user: string, password: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csnd-docker-config-'));
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
  return dir;
}

describe.skipIf(!binary.available)('resolution against a real registry', () => {
  let indexServer: Awaited<ReturnType<typeof startHttpServer>>;
  let releaseIndexUrl: string;
  beforeAll(async () => {
    const body = await readFile(fixture);
    indexServer = await startHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    releaseIndexUrl = `${indexServer.url}/dist/index.json`;
  });
  afterAll(() => indexServer.close());

  describe('no auth: mirror and --base-image', () => {
    let reg: StartedRegistry;
    let lts26: PushedNodeImage;
    let node24: PushedNodeImage;
    let slim26: PushedNodeImage;
    beforeAll(async () => {
      reg = await startRegistry();
      // A different build of 26.6.0 on Alpine 3.23, so the exact tag must be found by digest.
      await pushNode(reg, 'library/node', '26.6.0', '3.23', [], { build: 'alpine3.23' });
      lts26 = await pushNode(reg, 'library/node', '26.6.0', '3.24', ['26-alpine', 'lts-alpine']);
      node24 = await pushNode(reg, 'library/node', '24.21.0', '3.24', ['24-alpine']);
      await pushNode(reg, 'library/node', '27.2.0', '3.24', ['27-alpine', 'current-alpine']);
      await pushNode(reg, 'some/node', '24.21.0', '3.24', ['24-alpine']);
      await pushNode(reg, 'old/node', '20.20.0', '3.24', ['20-alpine', 'lts-alpine']);
      slim26 = await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '26.6.0', tags: ['26.6.0-trixie-slim', '26.6.0-slim', 'lts-slim'], labels: { flavor: 'slim' } });
      await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '26.6.0', tags: ['26.6.0-bookworm-slim'], labels: { flavor: 'bookworm' } });
    });
    afterAll(() => reg.stop());

    it('mirror + release index: newest LTS, exact Alpine tag by digest, FROM stays node:', async () => {
      const deps = testDeps({ releaseIndexUrl });
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, deps);
      expect(image).toMatchObject({
        ref: `node:26.6.0-alpine3.24@${lts26.indexDigest}`,
        repository: 'node',
        tag: '26.6.0-alpine3.24',
        version: '26.6.0',
        digest: lts26.indexDigest,
        source: 'registry',
        resolvedFrom: reg.host,
      });
      expect(warnings).toEqual([]);
      expect(deps.log.every((r) => r.method !== 'GET' || !r.url.includes('/manifests/'))).toBe(true); // HEAD only
    });

    it('slim: <x.y.z>-<codename>-slim found by digest, with and without the release index', async () => {
      for (const deps of [testDeps({ releaseIndexUrl }), testDeps()]) {
        const { image } = await resolveNodeImage({ base: 'slim', registryMirror: reg.url }, deps);
        expect(image.ref).toBe(`node:26.6.0-trixie-slim@${slim26.indexDigest}`);
      }
    });

    it('mirror + range ^24 + release index: 24.21.0', async () => {
      const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '^24' }, testDeps({ releaseIndexUrl }));
      expect(image.ref).toBe(`node:24.21.0-alpine3.24@${node24.indexDigest}`);
    });

    it('release index unreachable: the version comes from lts-alpine NODE_VERSION in the image config', async () => {
      const deps = testDeps(); // releaseIndexUrl points at a closed port
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, deps);
      expect(image.ref).toBe(`node:26.6.0-alpine3.24@${lts26.indexDigest}`);
      expect(warnings.join('\n')).toMatch(/release index could not be read/);
      expect(deps.log.some((r) => r.url.includes('/blobs/sha256:'))).toBe(true);
    });

    it('release index unreachable + range ^24: reads 24-alpine', async () => {
      const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '^24' }, testDeps());
      expect(image.ref).toBe(`node:24.21.0-alpine3.24@${node24.indexDigest}`);
    });

    it('release index unreachable + range >=27: non-LTS with a warning', async () => {
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '>=27' }, testDeps());
      expect(image.version).toBe('27.2.0');
      expect(warnings.join('\n')).toMatch(/not an LTS/);
    });

    it('walks down when the newest LTS has no image yet (registry is the authority)', async () => {
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', baseImage: `${reg.host}/some/node` }, testDeps({ releaseIndexUrl }));
      expect(image.ref).toBe(`${reg.host}/some/node:24.21.0-alpine3.24@${image.digest}`);
      expect(image.repository).toBe(`${reg.host}/some/node`);
      expect(warnings.join('\n')).toMatch(/26\.6\.0-alpine is not published/);
    });

    it('a registry that hosts only an older line: after the release-index walk, its own lts tag decides', async () => {
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', baseImage: `${reg.host}/old/node` }, testDeps({ releaseIndexUrl }));
      expect(image.tag).toBe('20.20.0-alpine3.24');
      expect(warnings.join('\n')).toMatch(/None of 26\.6\.0-alpine, 24\.21\.0-alpine, .* exists in .*old\/node/);
    });

    it('--digest online: the version and exact tag are read from the registry', async () => {
      const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, digest: node24.indexDigest }, testDeps());
      expect(image).toMatchObject({ tag: '24.21.0-alpine3.24', version: '24.21.0', source: 'flag', digest: node24.indexDigest });
    });

    it('--digest that the registry does not have: exit 4 naming it', async () => {
      const missing = `sha256:${'ab'.repeat(32)}`;
      const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, digest: missing }, testDeps()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageResolutionError);
      expect((error as ImageResolutionError).message).toContain(missing);
    });

    it('a requested version without an image: a clear error naming the tag tried', async () => {
      const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '20.x' }, testDeps({ releaseIndexUrl })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageResolutionError);
      expect((error as Error).message).toMatch(/20\.20\.0-alpine/);
    });

    it('registry stopped after a success: the cached resolution is used, with its age', async () => {
      const deps = testDeps({ releaseIndexUrl });
      const other = await startRegistry();
      const pushed = await pushNode(other, 'library/node', '26.6.0', '3.24', ['lts-alpine']);
      await resolveNodeImage({ base: 'alpine', registryMirror: other.url }, deps);
      await other.stop();
      const later = { ...deps, now: () => new Date('2026-12-03T00:00:00Z') };
      const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: other.url }, later);
      expect(image).toMatchObject({ source: 'cache', resolvedFrom: 'cache', digest: pushed.indexDigest });
      expect(warnings.join('\n')).toMatch(/cached 10 day\(s\) ago/);
    });
  });

  describe('htpasswd Basic auth via DOCKER_CONFIG', () => {
    let reg: StartedRegistry;
    let pushed: PushedNodeImage;
    let configDir: string;
    beforeAll(async () => {
      reg = await startRegistry({ auth: 'htpasswd', users: [{ user: 'alice', password: 's3cret:with colon' }] });
      pushed = await pushNode(reg, 'base/node', '24.21.0', '3.24', ['24-alpine', 'lts-alpine']);
      configDir = await dockerConfigDir(reg.host, 'alice', 's3cret:with colon');
    });
    afterAll(async () => {
      await reg.stop();
      await rm(configDir, { recursive: true, force: true });
    });

    it('resolves with the credentials from config.json auths', async () => {
      const deps = testDeps({ env: { DOCKER_CONFIG: configDir } });
      const { image } = await resolveNodeImage({ base: 'alpine', baseImage: `${reg.host}/base/node`, nodeRange: '24' }, deps);
      expect(image.ref).toBe(`${reg.host}/base/node:24.21.0-alpine3.24@${pushed.indexDigest}`);
      expect(deps.log.filter((r) => r.method === 'HEAD').every((r) => r.authorization?.startsWith('Basic '))).toBe(true);
    });

    it('wrong password: exit 4 saying access was refused', async () => {
      const dir = await dockerConfigDir(reg.host, 'alice', 'wrong');
      try {
        const error = await resolveNodeImage({ base: 'alpine', baseImage: `${reg.host}/base/node` }, testDeps({ env: { DOCKER_CONFIG: dir } })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImageResolutionError);
        expect((error as Error).message).toMatch(/refused access to base\/node \(HTTP 401\)/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('without credentials: exit 4 saying to docker login', async () => {
      const error = await resolveNodeImage({ base: 'alpine', baseImage: `${reg.host}/base/node` }, testDeps({ env: { HOME: '/nonexistent' } })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImageResolutionError);
      expect((error as Error).message).toMatch(/docker login 127\.0\.0\.1/);
    });
  });

  describe('token challenge (auth: silly + token endpoint)', () => {
    let reg: StartedRegistry;
    let pushed: PushedNodeImage;
    beforeAll(async () => {
      reg = await startRegistry({ auth: 'token', users: [{ user: 'bob', password: 'pw' }] });
      pushed = await pushNode(reg, 'library/node', '26.6.0', '3.24', ['26-alpine', 'lts-alpine']);
    });
    afterAll(() => reg.stop());

    it('fetches one token for the repository and resolves', async () => {
      reg.token!.requests.length = 0;
      const deps = testDeps({ releaseIndexUrl });
      const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, deps);
      expect(image.digest).toBe(pushed.indexDigest);
      expect(reg.token!.requests).toHaveLength(1);
      expect(reg.token!.requests[0]).toMatchObject({ service: 'csnd-test-registry', scope: ['repository:library/node:pull'], authorization: undefined });
    });

    it('credentials the token endpoint refuses: exit 4 naming the token endpoint', async () => {
      const dir = await dockerConfigDir(reg.host, 'bob', 'wrong');
      try {
        await expect(resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ releaseIndexUrl, env: { DOCKER_CONFIG: dir } }))).rejects.toThrow(
          /Token endpoint 127\.0\.0\.1:\d+ refused the credentials/,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('sends DOCKER_CONFIG credentials to the token endpoint named by the challenge', async () => {
      reg.token!.requests.length = 0;
      const dir = await dockerConfigDir(reg.host, 'bob', 'pw');
      try {
        await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ releaseIndexUrl, env: { DOCKER_CONFIG: dir } }));
        expect(reg.token!.requests[0]?.authorization).toBe(`Basic ${Buffer.from('bob:pw').toString('base64')}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
