// The HTTP layer on real local servers: listeners are cleaned up (no MaxListeners warning on the
// CLI's stderr), redirect loops end, a body that stalls after the headers cannot outlive the budget.

import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createBudget, httpRequest, readBody, UnreachableError } from '../../src/image/http.js';
import { startHttpServer } from './helpers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

describe('http layer', () => {
  it('30 parallel requests on one budget: no MaxListenersExceededWarning, no listener left behind', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const server = await startHttpServer((_req, res) => res.end('ok'));
    closers.push(server.close);
    const budget = createBudget(5000);
    try {
      const bodies = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const { response } = await httpRequest({ fetch, budget }, server.url, {});
          return new TextDecoder().decode(await readBody({ fetch, budget }, response));
        }),
      );
      await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on the next tick
      expect(bodies.every((b) => b === 'ok')).toBe(true);
      expect(warnings.filter((w) => w === 'MaxListenersExceededWarning')).toEqual([]);
      expect(getEventListeners(budget.signal, 'abort')).toHaveLength(0);
    } finally {
      budget.dispose();
      process.off('warning', onWarning);
    }
  });

  it('a redirect loop ends with an error instead of spinning', async () => {
    const server = await startHttpServer((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end());
    closers.push(server.close);
    const budget = createBudget(5000);
    await expect(httpRequest({ fetch, budget }, `${server.url}/loop`, {})).rejects.toThrow(/more than 5 redirects/);
    budget.dispose();
  });

  it('a body that stalls after the headers fails when the budget ends', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('only a little'); // and never the rest
    });
    closers.push(server.close);
    const budget = createBudget(800);
    const started = performance.now();
    const { response } = await httpRequest({ fetch, budget }, server.url, {});
    await expect(readBody({ fetch, budget }, response)).rejects.toBeInstanceOf(UnreachableError);
    expect(performance.now() - started).toBeLessThan(800 + 500);
    budget.dispose();
  });
});
