// The generated graceful-shutdown module under real signals: each flavour (CommonJS, ES module,
// TypeScript compiled by tsc) is written next to small node:http, Express, Fastify and Koa apps
// that run as real child processes; the tests talk to them with the real node:http client and
// stop them with process.kill(). Bounds are generous limits on behaviour, not benchmarks.
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ShutdownFlavor } from '../../src/shutdown/module.js';
import { slowBody } from './apps/app-kit.js';
import { prepareFlavour, scratchDir } from './support/app-dirs.js';
import type { AppName, FlavourDir } from './support/app-dirs.js';
import { APP_NODE, ChildApp } from './support/child-app.js';
import { closed, keepAliveAgent, newConnection, request } from './support/http-probe.js';

const FLAVOURS: ShutdownFlavor[] = ['cjs', 'esm', 'ts'];
const FRAMEWORKS = ['http', 'express', 'fastify', 'koa'] as const satisfies readonly AppName[];
const DEFAULT_TIMEOUT_MS = 8000;
// The apps run on this process's Node, or on SHUTDOWN_TEST_NODE (see support/child-app.ts).
const APP_NODE_VERSION = execFileSync(APP_NODE, ['--version'], { encoding: 'utf8' }).trim();

let removeScratch: (() => Promise<void>) | undefined;
const flavourDirs = new Map<ShutdownFlavor, Promise<FlavourDir>>();

beforeAll(async () => {
  const scratch = await scratchDir('shutdown');
  removeScratch = scratch.remove;
  for (const flavour of FLAVOURS) flavourDirs.set(flavour, prepareFlavour(flavour, scratch.dir));
  await Promise.all(flavourDirs.values());
});

afterAll(async () => {
  await removeScratch?.();
});

/** Runs `body` against a started app, and makes sure the process is gone afterwards. */
async function withApp(
  flavour: ShutdownFlavor,
  app: AppName,
  env: Record<string, string>,
  body: (child: ChildApp) => Promise<void>,
): Promise<void> {
  const dir = await flavourDirs.get(flavour)!;
  const child = await ChildApp.start(dir.script(app), dir.dir, env);
  try {
    expect(child.matching(/^app: node /)[0]).toMatch(`app: node ${APP_NODE_VERSION},`);
    await body(child);
  } catch (error) {
    throw new Error(`${String(error)}\n--- app output ---\n${child.output()}`, { cause: error });
  } finally {
    await child.stop();
  }
}

// Spread the longer checks over the frameworks: within a flavour each check uses another
// framework, and across flavours each check meets three of them.
function frameworkFor(flavour: ShutdownFlavor, check: number): AppName {
  return FRAMEWORKS[(FLAVOURS.indexOf(flavour) + check) % FRAMEWORKS.length] ?? 'http';
}

describe.concurrent.each(FLAVOURS)(`%s flavour, apps on Node ${APP_NODE_VERSION}`, (flavour) => {
  test.each(FRAMEWORKS)(
    '%s: a 2 s request in flight completes with its full body, new connections are refused, idle keep-alive sockets close, exit 0',
    async (app) => {
      await withApp(flavour, app, {}, async (child) => {
        const idleAgent = keepAliveAgent();
        const warm = await request(child.port, '/health', idleAgent);
        expect(warm.headers.connection).toBe('keep-alive');
        const idleClosedAt = closed(warm.socket);

        const inFlight = request(child.port, '/slow?ms=2000', keepAliveAgent());
        await child.waitFor(/^app: \/slow received$/);
        const signalledAt = child.signal('SIGTERM');
        await child.waitFor(/SIGTERM received, draining connections \(at most 8000 ms\)$/);

        // A connection the kernel queued in the instant before the listener closed is reset:
        // rejected, not served. Once the listener is closed, connections are refused outright
        // (Fastify answers 503 to requests that reach it while it closes).
        expect([503, 'refused', 'reset']).toContain(await newConnection(child.port));
        await sleep(200);
        expect([503, 'refused']).toContain(await newConnection(child.port));
        expect((await idleClosedAt) - signalledAt).toBeLessThan(1000);

        const response = await inFlight;
        expect(response.status).toBe(200);
        expect(response.body).toBe(slowBody(2000));
        expect(response.headers.connection).toBe('close');

        const exit = await child.exited;
        expect(exit).toMatchObject({ code: 0, signal: null });
        expect(exit.at - signalledAt).toBeLessThan(DEFAULT_TIMEOUT_MS / 2);
        expect(exit.at - response.at).toBeLessThan(1000);
      });
    },
  );

  // Every framework's idle keep-alive socket is checked above; here one per flavour checks that
  // an idle client alone does not keep the process alive until the keep-alive timeout (5 s).
  // The TypeScript flavour starts its shutdown with SIGINT (Ctrl+C), the others with SIGTERM.
  const first = flavour === 'ts' ? 'SIGINT' : 'SIGTERM';
  test(`${frameworkFor(flavour, 5)}: after ${first}, an idle keep-alive client does not hold the process open`, async () => {
    await withApp(flavour, frameworkFor(flavour, 5), {}, async (child) => {
      const warm = await request(child.port, '/health', keepAliveAgent());
      expect(warm.headers.connection).toBe('keep-alive');
      const socketClosed = closed(warm.socket);
      const signalledAt = child.signal(first);
      const exit = await child.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalledAt).toBeLessThan(1000);
      expect((await socketClosed) - signalledAt).toBeLessThan(1000);
      expect(child.matching(/received, draining/)).toEqual([expect.stringContaining(`${first} received`)]);
    });
  });

  test('http: a response already streaming at the signal completes and its keep-alive socket is then closed', async () => {
    await withApp(flavour, 'http', {}, async (child) => {
      const streaming = request(child.port, '/stream?ms=1500', keepAliveAgent());
      await child.waitFor(/^app: \/stream received$/);
      const signalledAt = child.signal('SIGTERM');
      const response = await streaming;
      // Headers went out before the signal, so they still promised keep-alive.
      expect(response.headers.connection).toBe('keep-alive');
      expect(response.body).toBe(slowBody(1500));
      expect((await closed(response.socket)) - response.at).toBeLessThan(1000);
      const exit = await child.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalledAt).toBeLessThan(DEFAULT_TIMEOUT_MS / 2);
    });
  });

  test(`${frameworkFor(flavour, 0)}: a request longer than timeoutMs is cut off and the exit code is 1 at about timeoutMs`, async () => {
    await withApp(flavour, frameworkFor(flavour, 0), { SHUTDOWN_TIMEOUT_MS: '1500' }, async (child) => {
      const tooSlow = request(child.port, '/slow?ms=10000').then(
        () => 'completed',
        () => 'cut off',
      );
      await child.waitFor(/^app: \/slow received$/);
      const signalledAt = child.signal('SIGTERM');
      const exit = await child.exited;
      expect(exit).toMatchObject({ code: 1, signal: null });
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(1400);
      expect(exit.at - signalledAt).toBeLessThan(3500);
      expect(await tooSlow).toBe('cut off');
      expect(child.matching(/not finished after 1500 ms/)).toHaveLength(1);
    });
  });

  // SIGTERM then SIGTERM (143 = 128 + 15) in one flavour, SIGTERM then SIGINT (130) in the others.
  const second = flavour === 'esm' ? 'SIGTERM' : 'SIGINT';
  const secondCode = second === 'SIGTERM' ? 143 : 130;
  test(`${frameworkFor(flavour, 1)}: a second signal (${second}) during the drain exits at once with ${secondCode}`, async () => {
    await withApp(flavour, frameworkFor(flavour, 1), {}, async (child) => {
      const inFlight = request(child.port, '/slow?ms=10000').catch(() => 'cut off');
      await child.waitFor(/^app: \/slow received$/);
      child.signal('SIGTERM');
      await child.waitFor(/SIGTERM received, draining/);
      const secondAt = child.signal(second);
      const exit = await child.exited;
      expect(exit).toMatchObject({ code: secondCode, signal: null });
      expect(exit.at - secondAt).toBeLessThan(1000);
      expect(await inFlight).toBe('cut off');
    });
  });

  test(`${frameworkFor(flavour, 2)}: hooks run once each, in order, after the drain, even when registered twice`, async () => {
    const env = { SHUTDOWN_HOOKS: 'first,second,third', SHUTDOWN_REGISTER_TWICE: '1' };
    await withApp(flavour, frameworkFor(flavour, 2), env, async (child) => {
      expect(child.matching(/SIGTERM listeners/)).toEqual([expect.stringMatching(/SIGTERM listeners 1$/)]);
      const inFlight = request(child.port, '/slow?ms=1000');
      await child.waitFor(/^app: \/slow received$/);
      child.signal('SIGTERM');
      expect((await inFlight).status).toBe(200);
      expect(await child.exited).toMatchObject({ code: 0, signal: null });
      expect(child.matching(/^app: \/slow answered|server closed|^hook /)).toEqual([
        'app: /slow answered after 1000 ms',
        'graceful-shutdown: server closed, in-flight requests finished',
        'hook first start',
        'hook first done',
        'hook second start',
        'hook second done',
        'hook third start',
        'hook third done',
      ]);
    });
  });

  test(`${frameworkFor(flavour, 3)}: a throwing hook is logged (through a custom logger), the later hooks still run, exit 1`, async () => {
    const env = { SHUTDOWN_HOOKS: 'first,second:fail,third', SHUTDOWN_CUSTOM_LOGGER: '1' };
    await withApp(flavour, frameworkFor(flavour, 3), env, async (child) => {
      child.signal('SIGTERM');
      expect(await child.exited).toMatchObject({ code: 1, signal: null });
      expect(child.matching(/^hook /)).toEqual(['hook first start', 'hook first done', 'hook second start', 'hook third start', 'hook third done']);
      expect(child.matching(/^custom /)).toEqual([
        'custom info: graceful-shutdown: SIGTERM received, draining connections (at most 8000 ms)',
        'custom info: graceful-shutdown: server closed, in-flight requests finished',
        'custom error: graceful-shutdown: onShutdown hook #2 failed: hook second fails on purpose',
      ]);
    });
  });

  test(`${frameworkFor(flavour, 4)}: isShuttingDown() turns true at the signal, so a health check answers 503 during the drain`, async () => {
    await withApp(flavour, frameworkFor(flavour, 4), {}, async (child) => {
      expect(await request(child.port, '/health')).toMatchObject({ status: 200, body: 'ok' });
      // Asked before the signal, answered after it: what a readiness probe sees during the drain.
      const since = child.lines.length;
      const during = request(child.port, '/health?ms=500');
      await child.waitFor(/^app: \/health received$/, { since });
      child.signal('SIGTERM');
      // The app's own SIGTERM listener runs right after the module's.
      await child.waitFor(/^app: SIGTERM seen, isShuttingDown=true$/);
      expect(await during).toMatchObject({ status: 503, body: 'draining' });
      expect(await child.exited).toMatchObject({ code: 0, signal: null });
    });
  });

  test('NestJS-shaped target (promise-style close, getHttpServer()): drains and closes keep-alive sockets', async () => {
    await withApp(flavour, 'promise-target', {}, async (child) => {
      const warm = await request(child.port, '/health', keepAliveAgent());
      const inFlight = request(child.port, '/slow?ms=1000', keepAliveAgent());
      await child.waitFor(/^app: \/slow received$/);
      const signalledAt = child.signal('SIGTERM');
      expect((await closed(warm.socket)) - signalledAt).toBeLessThan(1000);
      const response = await inFlight;
      expect(response.body).toBe(slowBody(1000));
      expect(response.headers.connection).toBe('close');
      const exit = await child.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - response.at).toBeLessThan(1000);
    });
  });
});
