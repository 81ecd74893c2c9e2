// Faults a real registry will not produce, served by a small in-process HTTP server (hence the
// "fault server:" names): rate limiting, 5xx, missing or malformed digests, cross-host redirects,
// a server that never answers, malformed token JSON, connection refused.

import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageResolutionError } from '../../src/errors.js';
import { createMemoryCache } from '../../src/image/cache.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import snapshot from '../../src/image/snapshot.json' with { type: 'json' };
import { CLOSED_PORT, startHttpServer, testDeps } from './helpers.js';

const sha = (b: string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

// One small node image: config (NODE_VERSION in Env) -> manifest -> index.
const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Env: ['NODE_VERSION=26.6.0'] } });
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
  layers: [],
});
const index = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI_INDEX,
  manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length, platform: { os: 'linux', architecture: 'amd64' } }],
});
const INDEX_DIGEST = sha(index);
const manifests: Record<string, [string, string]> = {
  'lts-alpine': [index, OCI_INDEX],
  '26.6.0-alpine': [index, OCI_INDEX],
  '26.6.0-alpine3.24': [index, OCI_INDEX],
  [INDEX_DIGEST]: [index, OCI_INDEX],
  [sha(manifest)]: [manifest, 'application/vnd.oci.image.manifest.v1+json'],
};

type Hook = (req: IncomingMessage, res: ServerResponse) => boolean;

/** A registry that serves the image above; `hook` may answer a request first (returns true). */
function faultRegistry(hook: Hook = () => false, opts: { digestHeader?: (body: string) => string | undefined } = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (hook(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v2/') return void res.writeHead(200).end('{}');
    const m = /^\/v2\/library\/node\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    const kind = m?.[1];
    const ref = m?.[2] ?? '';
    if (kind === 'blobs' && ref === sha(config)) return void res.writeHead(200).end(config);
    const found = kind === 'manifests' ? manifests[ref] : undefined;
    if (!found) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
    const [body, type] = found;
    const digest = opts.digestHeader ? opts.digestHeader(body) : sha(body);
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...(digest ? { 'docker-content-digest': digest } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

const servers: { close(): Promise<void> }[] = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const s = await startHttpServer(handler);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('fault server', () => {
  it('fault server: 429 reports the ratelimit-* headers and when to retry (no silent fallback)', async () => {
    const reg = await serve(
      faultRegistry((req, res) => {
        if (!req.url?.startsWith('/v2/library/node/manifests/')) return false;
        res.writeHead(429, { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '0;w=21600', 'retry-after': '3600' }).end();
        return true;
      }),
    );
    const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
    expect((error as Error).message).toMatch(/429.*ratelimit-limit: 100;w=21600, ratelimit-remaining: 0;w=21600.*retry after 3600 s/);
  });

  it('fault server: 429 while naming a --digest: labelled offline with a warning, the digest kept', async () => {
    const reg = await serve((_req, res) => res.writeHead(429, { 'retry-after': '60' }).end());
    const digest = `sha256:${'f'.repeat(64)}`;
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, digest, nodeRange: '24.21.0' }, testDeps());
    expect(image).toMatchObject({ ref: `node:24.21.0-alpine@${digest}`, source: 'flag' });
    expect(warnings.join('\n')).toMatch(/Could not ask .* 429/);
  });

  it('fault server: 500 twice, then success: retried with backoff and resolved', async () => {
    let failures = 0;
    const reg = await serve(
      faultRegistry((req, res) => {
        if (req.url !== '/v2/library/node/manifests/lts-alpine' || failures >= 2) return false;
        failures++;
        res.writeHead(500).end('boom');
        return true;
      }),
    );
    const deps = testDeps();
    const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, deps);
    expect(image.ref).toBe(`node:26.6.0-alpine3.24@${INDEX_DIGEST}`);
    expect(deps.log.filter((r) => r.status === 500)).toHaveLength(2);
  });

  it('fault server: HEAD without Docker-Content-Digest: GET and hash the exact body bytes', async () => {
    const reg = await serve(faultRegistry(undefined, { digestHeader: () => undefined }));
    const deps = testDeps();
    const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '26.6.0' }, deps);
    expect(image.digest).toBe(INDEX_DIGEST);
    expect(image.tag).toBe('26.6.0-alpine3.24');
    expect(deps.log.some((r) => r.method === 'GET' && r.url.endsWith('/manifests/26.6.0-alpine'))).toBe(true);
  });

  it('fault server: a malformed Docker-Content-Digest is refused', async () => {
    const reg = await serve(faultRegistry(undefined, { digestHeader: () => 'sha256:NOT-HEX' }));
    const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, nodeRange: '26.6.0' }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as Error).message).toMatch(/malformed Docker-Content-Digest.*sha256:NOT-HEX/);
  });

  it('fault server: a blob redirect to another host is followed without the Authorization header', async () => {
    const cdnSaw: (string | undefined)[] = [];
    const cdn = await serve((req, res) => {
      cdnSaw.push(req.headers.authorization);
      res.writeHead(200).end(config);
    });
    const registrySaw: (string | undefined)[] = [];
    const reg = await serve(
      faultRegistry((req, res) => {
        registrySaw.push(req.headers.authorization);
        if (req.headers.authorization !== `Basic ${Buffer.from('carol:pw').toString('base64')}`) {
          res.writeHead(401, { 'www-authenticate': 'Basic realm="fault"' }).end();
          return true;
        }
        if (!req.url?.includes('/blobs/')) return false;
        res.writeHead(307, { location: `http://localhost:${new URL(cdn.url).port}/cdn/blob?sig=1` }).end();
        return true;
      }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'csnd-docker-config-'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from('carol:pw').toString('base64') } } }));
    try {
      const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ env: { DOCKER_CONFIG: dir } }));
      expect(image.version).toBe('26.6.0');
      expect(cdnSaw).toEqual([undefined]);
      expect(registrySaw.filter((a) => a?.startsWith('Basic ')).length).toBeGreaterThan(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fault server: a server that never answers: the time budget holds, then the snapshot is used', async () => {
    const reg = await serve(() => {
      /* accept the connection, never answer */
    });
    const started = performance.now();
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ timeBudgetMs: 1500 }));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1500 + 1000);
    expect(image.source).toBe('snapshot');
    expect(warnings.join('\n')).toMatch(/no answer within the 1500 ms time budget|time budget/);

    const again = performance.now();
    const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url, noFallback: true }, testDeps({ timeBudgetMs: 1500 })).catch((e: unknown) => e);
    expect(performance.now() - again).toBeLessThan(1500 + 1000);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
  });

  it('fault server: a hanging attempt times out on its own and is retried within the budget', async () => {
    // Collect garbage while the attempt hangs: a per-attempt timeout that is only weakly held
    // (AbortSignal.any over AbortSignal.timeout on Node 20) would be lost and the attempt never end.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let arrived = 0;
    const reg = await serve(() => {
      arrived++; // never answers
      setTimeout(gc, 200);
    });
    const started = performance.now();
    const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ timeBudgetMs: 4500 }));
    // Attempts get max(2 s, budget/3): 0-2 s, then 2.25-4.25 s; no room for a third before 4.5 s.
    expect(arrived).toBe(2);
    expect(performance.now() - started).toBeLessThan(4500 + 1000);
    expect(image.source).toBe('snapshot');
  });

  it('fault server: malformed token JSON is a clear error', async () => {
    const reg = await serve((req, res) => {
      if (req.url?.startsWith('/token')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"token": ');
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${(req.socket.localPort ?? 0).toString()}/token",service="fault"` }).end();
    });
    const error = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as Error).message).toMatch(/malformed token response/);
  });

  it('fault server: several challenges in one header, a quoted comma in the scope: Bearer wins, one token', async () => {
    let tokens = 0;
    const reg = await serve(
      faultRegistry((req, res) => {
        const port = req.socket.localPort ?? 0;
        if (req.url?.startsWith('/token')) {
          tokens++;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"t0k3n"}');
          return true;
        }
        if (req.headers.authorization === 'Bearer t0k3n') return false;
        res
          .writeHead(401, {
            'www-authenticate': `Basic realm="old", Bearer realm="http://127.0.0.1:${port}/token",service="fault",scope="repository:library/node:pull,push"`,
          })
          .end();
        return true;
      }),
    );
    const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps());
    expect(image.digest).toBe(INDEX_DIGEST);
    expect(tokens).toBe(1);
  });

  it('fault server: the release index behind a proxy error page (HTTP 403): version from the registry instead', async () => {
    const proxyPage = await serve((_req, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<html>Forbidden by proxy</html>'));
    const reg = await serve(faultRegistry());
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: reg.url }, testDeps({ releaseIndexUrl: `${proxyPage.url}/dist/index.json` }));
    expect(image.version).toBe('26.6.0');
    expect(warnings.join('\n')).toMatch(/release index could not be read \(HTTP 403\)/);
  });

  it('fault server: a proxy error page instead of the registry (HTTP 403 on /v2/) counts as unreachable', async () => {
    const proxyPage = await serve((_req, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<html>Blocked by policy</html>'));
    const { image, warnings } = await resolveNodeImage({ base: 'alpine', registryMirror: proxyPage.url }, testDeps());
    expect(image.source).toBe('snapshot');
    expect(warnings.join('\n')).toMatch(/answered HTTP 403 \(a proxy error page, or not a registry\)/);
    const error = await resolveNodeImage({ base: 'alpine', registryMirror: proxyPage.url, noFallback: true }, testDeps()).catch((e: unknown) => e);
    expect((error as ImageResolutionError).exitCode).toBe(4);
  });

  it('fault server: connection refused falls back to the cache, then the snapshot; --no-fallback exits 4', async () => {
    const cache = createMemoryCache();
    const reg = await serve(faultRegistry());
    const mirror = reg.url;
    await resolveNodeImage({ base: 'alpine', registryMirror: mirror }, testDeps({ cache }));
    await servers.pop()!.close(); // now nothing listens on that port

    const fromCache = await resolveNodeImage({ base: 'alpine', registryMirror: mirror }, testDeps({ cache }));
    expect(fromCache.image).toMatchObject({ source: 'cache', digest: INDEX_DIGEST, resolvedFrom: 'cache' });
    expect(fromCache.warnings.join('\n')).toMatch(/ECONNREFUSED/);

    const fromSnapshot = await resolveNodeImage({ base: 'alpine', registryMirror: `http://127.0.0.1:${CLOSED_PORT}` }, testDeps());
    const lts26 = snapshot.images.find((i) => i.nodeVersion.startsWith('26.'))!;
    expect(fromSnapshot.image).toMatchObject({ source: 'snapshot', ref: `node:${lts26.nodeVersion}-alpine3.24@${lts26.indexDigest}` });
    expect(fromSnapshot.warnings.join('\n')).toMatch(/WARNING.*snapshot.*\d+ days old/);

    const error = await resolveNodeImage({ base: 'alpine', registryMirror: mirror, noFallback: true }, testDeps({ cache })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageResolutionError);
    expect((error as ImageResolutionError).exitCode).toBe(4);
  });
});
