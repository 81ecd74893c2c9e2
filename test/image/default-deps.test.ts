// The CLI's real dependencies: undici fetch through EnvHttpProxyAgent (a real local proxy here),
// loaded lazily; the file cache under XDG_CACHE_HOME.

import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDefaultImageDeps, runCredentialHelper } from '../../src/image/default-deps.js';
import { startHttpServer } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('createDefaultImageDeps', () => {
  it('does not import undici at module load (only inside fetch), so --offline never loads it', () => {
    const source = readFileSync(new URL('../../src/image/default-deps.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from 'undici'/m);
    expect(source).toMatch(/await import\('undici'\)/);
  });

  it('tunnels requests through HTTP_PROXY (CONNECT), except hosts in NO_PROXY', async () => {
    // A small forward proxy: CONNECT is answered 200 and the tunnel is served by an "upstream"
    // HTTP server in the same process (registry.invalid cannot be resolved here).
    const tunnels: string[] = [];
    const upstream = await startHttpServer((req, res) => res.writeHead(200).end(`upstream saw ${req.headers.host}${req.url}`));
    const proxy = await startHttpServer((_req, res) => res.writeHead(400).end());
    proxy.server.on('connect', (req: IncomingMessage, socket: Duplex) => {
      tunnels.push(req.url ?? '');
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.server.emit('connection', socket);
    });
    const direct = await startHttpServer((_req, res) => res.writeHead(200).end('direct'));
    cleanups.push(proxy.close, direct.close, upstream.close);
    const deps = createDefaultImageDeps({ HTTP_PROXY: proxy.url, NO_PROXY: direct.host, HOME: '/nonexistent' });
    const viaProxy = await deps.fetch('http://registry.invalid/v2/', { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    expect(await viaProxy.text()).toBe('upstream saw registry.invalid/v2/');
    expect(tunnels).toEqual(['registry.invalid:80']);
    const notProxied = await deps.fetch(`${direct.url}/v2/`, { signal: AbortSignal.timeout(5000) });
    expect(await notProxied.text()).toBe('direct');
    expect(tunnels).toHaveLength(1);
  });

  it('runs a real docker-credential-* helper found on PATH: host on stdin, JSON on stdout', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'csnd-helper-'));
    cleanups.push(() => rm(bin, { recursive: true, force: true }));
    const script = join(bin, 'docker-credential-csndtest');
    // Echoes the host it was asked about, as a real helper looks it up.
    await writeFile(script, '#!/bin/sh\n[ "$1" = get ] || exit 1\nread host\nprintf \'{"ServerURL":"%s","Username":"helper-user","Secret":"for-%s"}\' "$host" "$host"\n');
    await chmod(script, 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    expect(await runCredentialHelper(env, 'csndtest', 'r.example')).toEqual({ username: 'helper-user', secret: 'for-r.example' });
    expect(await runCredentialHelper(env, 'absent-helper', 'r.example')).toBeUndefined();
    expect(await runCredentialHelper(env, '../csndtest', 'r.example')).toBeUndefined();
  });

  it('stores the cache under $XDG_CACHE_HOME/create-secure-node-docker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csnd-xdg-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const deps = createDefaultImageDeps({ XDG_CACHE_HOME: dir });
    await deps.cache.put('k', { v: 1 });
    expect(await readdir(join(dir, 'create-secure-node-docker'))).toHaveLength(1);
    expect(deps.timeBudgetMs).toBe(15_000);
    expect(deps.releaseIndexUrl).toBe('https://nodejs.org/dist/index.json');
  });
});
