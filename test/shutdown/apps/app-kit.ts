// What the test apps share: the routes' behaviour, the test knobs read from the environment, and
// the log lines the tests wait for. Each app maps its framework's request onto route().
import type { Server } from 'node:http';
import { gracefulShutdown, isShuttingDown } from './graceful-shutdown.js';
import type { ShutdownLogger, ShutdownOptions, ShutdownTarget } from './graceful-shutdown.js';

export interface Reply {
  status: number;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body of GET /slow?ms=N: large enough that a cut-off response would be visibly short. */
export function slowBody(ms: number): string {
  return `slow ${ms} ms\n`.repeat(8192);
}

/**
 * GET /slow?ms=N answers 200 after N ms. GET /health?ms=N answers after N ms: 200 "ok", or 503
 * once isShuttingDown() is true (a readiness check during the drain).
 */
export async function route(url: string): Promise<Reply> {
  const { pathname, searchParams } = new URL(url, 'http://app.invalid');
  const ms = Number(searchParams.get('ms') ?? '0');
  console.log(`app: ${pathname} received`);
  await sleep(ms);
  if (pathname === '/slow') {
    console.log(`app: /slow answered after ${ms} ms`);
    return { status: 200, body: slowBody(ms) };
  }
  if (pathname === '/health') return isShuttingDown() ? { status: 503, body: 'draining' } : { status: 200, body: 'ok' };
  return { status: 404, body: 'not found' };
}

let options: ShutdownOptions | undefined;

/**
 * Options from SHUTDOWN_TIMEOUT_MS, SHUTDOWN_HOOKS ("first,second:fail": hooks that log "hook NAME
 * start/done", take 100 ms, and throw when marked :fail) and SHUTDOWN_CUSTOM_LOGGER (a logger
 * that prefixes its lines). The same object on every call, so registering twice passes the very
 * same hooks.
 */
export function testOptions(): ShutdownOptions {
  options ??= {
    ...(process.env.SHUTDOWN_TIMEOUT_MS ? { timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS) } : {}),
    ...(process.env.SHUTDOWN_CUSTOM_LOGGER ? { logger: prefixedLogger } : {}),
    onShutdown: (process.env.SHUTDOWN_HOOKS ?? '').split(',').filter(Boolean).map(hookFor),
  };
  return options;
}

const prefixedLogger: ShutdownLogger = {
  info: (message) => console.log(`custom info: ${message}`),
  error: (message, error) => console.log(`custom error: ${message}: ${error instanceof Error ? error.message : 'no error object'}`),
};

function hookFor(spec: string): () => Promise<void> {
  const [name, behaviour] = spec.split(':');
  return async () => {
    console.log(`hook ${name} start`);
    await sleep(100);
    if (behaviour === 'fail') throw new Error(`hook ${name} fails on purpose`);
    console.log(`hook ${name} done`);
  };
}

/**
 * Called once the app listens: registers a second time when SHUTDOWN_REGISTER_TWICE is set, logs
 * the SIGTERM listener count, adds the app's own signal listeners (they run after the module's and
 * show what isShuttingDown() says at the signal), and logs the port the tests wait for.
 */
export function announce(target: ShutdownTarget, server: Server): void {
  if (process.env.SHUTDOWN_REGISTER_TWICE) gracefulShutdown(target, testOptions());
  console.log(`app: node ${process.version}, SIGTERM listeners ${process.listenerCount('SIGTERM')}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => console.log(`app: ${signal} seen, isShuttingDown=${isShuttingDown()}`));
  }
  const address = server.address();
  console.log(`app: listening on ${typeof address === 'object' && address ? address.port : address}`);
}
