// Shared pieces for the image resolution tests: deps with an in-memory cache and a fetch that
// records every HTTP request (to count requests and sequential round trips), a static file server.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryCache } from '../../src/image/cache.js';
import type { ImageDeps } from '../../src/image/deps.js';
import { freePort } from '../support/registry.js';

/** A port nothing listens on: connection refused, fast. */
export const CLOSED_PORT = await freePort();

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  start: number;
  end: number;
  status?: number;
}

export function recordingFetch(): { fetch: typeof fetch; log: RecordedRequest[] } {
  const log: RecordedRequest[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const entry: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization') ?? undefined,
      start: performance.now(),
      end: Number.POSITIVE_INFINITY,
    };
    log.push(entry);
    try {
      const res = await fetch(input, init);
      entry.status = res.status;
      return res;
    } finally {
      entry.end = performance.now();
    }
  };
  return { fetch: wrapped, log };
}

/**
 * Sequential round trips: the longest chain of requests where each starts after the previous one
 * ended (requests that overlap in time count as one round trip).
 */
export function sequentialRoundTrips(log: RecordedRequest[]): number {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= r.start) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
  });
  return Math.max(0, ...depth);
}

export function testDeps(overrides: Partial<ImageDeps> = {}): ImageDeps & { log: RecordedRequest[]; cache: ReturnType<typeof createMemoryCache> } {
  const { fetch, log } = recordingFetch();
  return {
    fetch,
    now: () => new Date('2026-11-23T00:00:00Z'),
    env: {},
    timeBudgetMs: 10_000,
    releaseIndexUrl: `http://127.0.0.1:${CLOSED_PORT}/dist/index.json`, // connection refused
    ...overrides,
    cache: (overrides.cache as ReturnType<typeof createMemoryCache>) ?? createMemoryCache(),
    log,
  };
}

export async function startHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; host: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
