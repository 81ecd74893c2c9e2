// Measures what one resolution costs against the local real registry: HTTP requests and
// sequential round trips, cold (empty cache) and warm (the cache of the previous run), and how
// long a resolution against a server that never answers takes under the default time budget.
// Prints a table; run: IMAGE_MEASURE=1 npx vitest run test/image/round-trips.test.ts
// The assertions are upper bounds, so a change that adds round trips fails here.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../src/image/cache.js';
import { DEFAULT_TIME_BUDGET_MS } from '../../src/image/deps.js';
import { resolveNodeImage } from '../../src/image/resolve.js';
import { registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex } from '../support/registry-push.js';
import { sequentialRoundTrips, startHttpServer, testDeps, type RecordedRequest } from './helpers.js';

const binary = registryBinaryStatus();
const rows: string[] = [];
/** The hanging-server run waits out the whole budget: the default 15 s with IMAGE_MEASURE=1, else 3 s. */
const HANG_BUDGET_MS = process.env.IMAGE_MEASURE ? DEFAULT_TIME_BUDGET_MS : 3000;

function summarize(log: RecordedRequest[]): { requests: number; roundTrips: number; detail: string } {
  const counts = new Map<string, number>();
  for (const r of log) {
    const u = new URL(r.url);
    const what = u.pathname.startsWith('/v2/') ? `${r.method} ${u.pathname.split('/').slice(-2, -1)[0] ?? '/v2/'}` : `${r.method} ${u.pathname}`;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return { requests: log.length, roundTrips: sequentialRoundTrips(log), detail: [...counts].map(([k, v]) => `${v}×${k}`).join(', ') };
}

describe.skipIf(!binary.available)('requests and round trips per resolution (local registry)', () => {
  let none: StartedRegistry;
  let token: StartedRegistry;
  let index: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    const body = await readFile(new URL('../fixtures/node-release-index.json', import.meta.url));
    index = await startHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    [none, token] = await Promise.all([startRegistry(), startRegistry({ auth: 'token' })]);
    for (const reg of [none, token]) {
      await pushNodeImageIndex(reg, { repository: 'library/node', nodeVersion: '26.6.0', tags: ['26.6.0-alpine3.24', '26.6.0-alpine', '26-alpine', 'lts-alpine'] });
    }
  });
  afterAll(async () => {
    await Promise.all([none.stop(), token.stop(), index.close()]);
    console.log(['', 'One resolution (no range, alpine) against docker-registry on 127.0.0.1:', ...rows, ''].join('\n'));
  });

  const cases = [
    { name: 'no auth, release index reachable', reg: () => none, withIndex: true, cold: 2, warm: 1 },
    { name: 'no auth, release index unreachable', reg: () => none, withIndex: false, cold: 5, warm: 2 },
    { name: 'token auth, release index reachable', reg: () => token, withIndex: true, cold: 3, warm: 2 },
    { name: 'token auth, release index unreachable', reg: () => token, withIndex: false, cold: 6, warm: 3 },
  ];
  for (const c of cases) {
    it(`${c.name}: cold at most ${c.cold} round trips, warm at most ${c.warm}`, async () => {
      const cache = createMemoryCache();
      const request = { base: 'alpine' as const, registryMirror: c.reg().url };
      const opts = { cache, ...(c.withIndex ? { releaseIndexUrl: `${index.url}/dist/index.json` } : {}) };
      const cold = testDeps(opts);
      const first = await resolveNodeImage(request, cold);
      const warm = testDeps(opts);
      const second = await resolveNodeImage(request, warm);
      expect(second.image.digest).toBe(first.image.digest);
      expect(first.image.tag).toBe('26.6.0-alpine3.24');
      const a = summarize(cold.log);
      const b = summarize(warm.log);
      rows.push(`  ${c.name}:`, `    cold: ${a.requests} requests, ${a.roundTrips} sequential round trips (${a.detail})`, `    warm: ${b.requests} requests, ${b.roundTrips} sequential round trips (${b.detail})`);
      expect(a.roundTrips).toBeLessThanOrEqual(c.cold);
      expect(b.roundTrips).toBeLessThanOrEqual(c.warm);
      // Warm runs do not ask for the release index again: its content, or its failure, is remembered for an hour.
      expect(warm.log.filter((r) => r.url.includes('/dist/index.json'))).toEqual([]);
    });
  }

  it(`a server that never answers: the ${HANG_BUDGET_MS} ms budget bounds the run, then the snapshot`, { timeout: HANG_BUDGET_MS + 10_000 }, async () => {
    const hang = await startHttpServer(() => {
      /* never answers */
    });
    const deps = testDeps({ timeBudgetMs: HANG_BUDGET_MS });
    const started = performance.now();
    const { image } = await resolveNodeImage({ base: 'alpine', registryMirror: hang.url }, deps);
    const elapsed = Math.round(performance.now() - started);
    await hang.close();
    const attempts = deps.log.filter((r) => r.url.startsWith(hang.url)).length;
    rows.push(`  hanging server: gave up after ${elapsed} ms (budget ${HANG_BUDGET_MS} ms, ${attempts} attempts at it), answered from the ${image.source}`);
    expect(image.source).toBe('snapshot');
    expect(elapsed).toBeGreaterThanOrEqual(HANG_BUDGET_MS - 100);
    expect(elapsed).toBeLessThan(HANG_BUDGET_MS + 1500);
  });
});
