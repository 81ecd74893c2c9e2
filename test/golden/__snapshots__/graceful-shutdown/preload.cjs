/**
 * Graceful shutdown for a Node.js HTTP server. Written by create-secure-node-docker; yours to keep.
 *
 * `docker stop` and Kubernetes stop a container with SIGTERM, then SIGKILL after a grace period
 * (10 s for `docker stop`, 30 s by default in Kubernetes). On the first SIGTERM or SIGINT this module:
 *   1. marks the process as shutting down, so a readiness check can answer 503 (isShuttingDown()),
 *   2. stops accepting connections and closes idle keep-alive connections at once,
 *   3. lets in-flight requests finish, telling their clients not to reuse the connection,
 *   4. runs the onShutdown hooks one after another (close database pools, flush queues),
 *   5. exits with 0, or with 1 if a hook failed or the whole shutdown took longer than timeoutMs.
 * A second signal during the shutdown exits at once with 128 + the signal's number (130 for SIGINT,
 * 143 for SIGTERM), the shell's convention for "killed by a signal": Ctrl+C twice always works.
 *
 * Usage (Express, Koa and node:http pass the server that listen() returns; Fastify and NestJS pass
 * the app itself, whose close() also runs the framework's own onClose / shutdown hooks):
 *   const server = app.listen(port);
 *   gracefulShutdown(server, { onShutdown: [() => db.end()] });
 *
 * Options:
 *   timeoutMs   time allowed for draining and the hooks together; default 8000, below Docker's 10 s
 *   signals     signals that start the shutdown; default ['SIGTERM', 'SIGINT']
 *   onShutdown  cleanup hooks (sync or async), run in order after the server has drained, each once
 *   logger      anything with console-style info() and error(); default console
 *
 * Calling gracefulShutdown() again (another server, more hooks) adds to the same shutdown; signal
 * handlers are installed once and the first call's timeoutMs, signals and logger apply.
 *
 * For a server your code never sees (one a framework's CLI creates), call
 * gracefulShutdownEveryServer() before it starts: every node:http server that starts listening
 * from then on is shut down this way. The preload copy of this module (graceful-shutdown.cjs,
 * given as `node --require ./graceful-shutdown.cjs <script>`) does exactly that, with no code change.
 * With the preload, the app adds its cleanup hooks without importing anything; the call is a no-op
 * when the app runs without the preload (npm run dev):
 *   globalThis[Symbol.for('graceful-shutdown')]?.onShutdown(() => db.end());
 * (TypeScript: `(globalThis as any)[Symbol.for('graceful-shutdown')]?.onShutdown(...)`.)
 * No dependencies; needs Node.js 18.2 or later.
 */
'use strict';

const { Server } = require('node:http');
const { constants } = require('node:os');

const DEFAULT_TIMEOUT_MS = 8000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

// One shutdown per process, however many times gracefulShutdown() is called.
const targets = new Set();
const servers = new Set();
const hooks = [];
let settings;
let shuttingDown = false;

/** True from the first shutdown signal on: let a readiness/health route answer 503. */
function isShuttingDown() {
  return shuttingDown;
}

function gracefulShutdown(target, options = {}) {
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  // setTimeout() would turn NaN, 0 or more than 2^31 - 1 ms into 1 ms: an instant exit 1.
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new RangeError(`gracefulShutdown: timeoutMs must be between 1 and ${MAX_TIMEOUT_MS} ms, got ${timeoutMs}`);
  }
  if (!targets.has(target)) {
    targets.add(target);
    const server = httpServerOf(target);
    if (server && !servers.has(server)) {
      servers.add(server);
      trackResponses(server);
    }
  }
  for (const hook of options.onShutdown ?? []) onShutdown(hook);
  if (settings) return;

  const current = {
    timeoutMs,
    signals: options.signals ?? ['SIGTERM', 'SIGINT'],
    logger: options.logger ?? console,
  };
  settings = current;
  for (const signal of current.signals) {
    process.on(signal, (received) => onSignal(received, current));
  }
}

/** Adds a cleanup hook, run once after the servers have drained, in the order hooks were added. */
function onShutdown(hook) {
  if (typeof hook !== 'function') throw new TypeError('graceful-shutdown: onShutdown takes a function');
  if (!hooks.includes(hook)) hooks.push(hook);
}

/** Where the preload publishes onShutdown and isShuttingDown for code that cannot import this file. */
const GLOBAL_KEY = Symbol.for('graceful-shutdown');

/**
 * Shuts down every node:http server that starts listening after this call, as if each had been
 * passed to gracefulShutdown(server, options). For servers created where the app cannot reach them.
 */
function gracefulShutdownEveryServer(options = {}) {
  everyServerOptions = options;
  Object.defineProperty(globalThis, GLOBAL_KEY, { value: Object.freeze({ onShutdown, isShuttingDown }), configurable: true });
  if (Server.prototype.listen === listenThenShutDownGracefully) return;
  Server.prototype.listen = listenThenShutDownGracefully;
}

// The listen() every http.Server inherits, wrapped: register the server, then listen as asked.
const originalListen = Server.prototype.listen;
let everyServerOptions = {};

function listenThenShutDownGracefully(...args) {
  gracefulShutdown(this, everyServerOptions);
  return Reflect.apply(originalListen, this, args);
}

function onSignal(signal, { timeoutMs, logger }) {
  if (shuttingDown) {
    logger.error(`graceful-shutdown: second ${signal} received, exiting now`);
    process.exit(128 + constants.signals[signal]);
  }
  shuttingDown = true;
  logger.info(`graceful-shutdown: ${signal} received, draining connections (at most ${timeoutMs} ms)`);

  // Not unref'd: this timer decides the exit code even if nothing else keeps the process alive.
  setTimeout(() => {
    logger.error(`graceful-shutdown: not finished after ${timeoutMs} ms, closing remaining connections`);
    for (const server of servers) server.closeAllConnections();
    process.exit(1);
  }, timeoutMs);

  drainThenCleanUp(logger).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      logger.error('graceful-shutdown: unexpected failure', error);
      process.exit(1);
    },
  );
}

// Resolves to false if closing a server or any hook failed; every hook runs regardless.
async function drainThenCleanUp(logger) {
  let ok = true;
  try {
    await Promise.all([...targets].map(closeTarget));
    logger.info('graceful-shutdown: server closed, in-flight requests finished');
  } catch (error) {
    ok = false;
    logger.error('graceful-shutdown: closing the server failed', error);
  }
  for (const [index, hook] of hooks.entries()) {
    try {
      await hook();
    } catch (error) {
      ok = false;
      logger.error(`graceful-shutdown: onShutdown hook ${hook.name || `#${index + 1}`} failed`, error);
    }
  }
  return ok;
}

function closeTarget(target) {
  return new Promise((resolve, reject) => {
    // Callback style (http.Server, Fastify) calls back when every connection has ended; promise
    // style (NestJS) ignores the argument and returns a promise. Fastify's close(callback) returns
    // the instance itself, which is thenable while it boots, so only another object counts.
    const result = target.close((error) => {
      if (error && !isNotRunning(error)) reject(error);
      else resolve();
    });
    if (result !== target && isPromiseLike(result)) result.then(() => resolve(), reject);

    const server = httpServerOf(target);
    if (server) {
      // Responses not yet started will carry "Connection: close"; idle sockets go now.
      for (const response of responsesOf(server)) {
        if (!response.headersSent) response.setHeader('connection', 'close');
      }
      server.closeIdleConnections();
    }
  });
}

// In-flight responses per server. Node's server.close() waits for keep-alive sockets to time out
// (5 s by default) unless something closes them, so shutdown needs to know which are busy.
const inFlight = new WeakMap();

function responsesOf(server) {
  return inFlight.get(server) ?? new Set();
}

function trackResponses(server) {
  const responses = new Set();
  inFlight.set(server, responses);
  // Prepended, so it runs before the app's handler can send the headers.
  server.prependListener('request', (_request, response) => {
    if (shuttingDown) {
      // A request that arrived on an open keep-alive connection during the drain.
      response.setHeader('connection', 'close');
      return;
    }
    responses.add(response);
    response.once('close', () => {
      responses.delete(response);
      // A response whose headers went out before the signal leaves an idle keep-alive socket.
      if (shuttingDown) server.closeIdleConnections();
    });
  });
}

// The node:http server behind a target: the target itself (node:http, Express, Koa), Fastify's
// `server` property or NestJS's getHttpServer(). Undefined for other targets (e.g. a wrapper
// around hapi's server.stop()), which manage their own connections.
function httpServerOf(target) {
  if (isHttpServer(target)) return target;
  if ('server' in target && isHttpServer(target.server)) return target.server;
  if ('getHttpServer' in target && typeof target.getHttpServer === 'function') {
    const server = target.getHttpServer();
    if (isHttpServer(server)) return server;
  }
  return undefined;
}

function isHttpServer(value) {
  return typeof value === 'object' && value !== null && 'closeIdleConnections' in value && 'prependListener' in value;
}

function isPromiseLike(value) {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

// http.Server.close() reports a server that was not listening; for shutdown that means "closed".
function isNotRunning(error) {
  return 'code' in error && error.code === 'ERR_SERVER_NOT_RUNNING';
}

module.exports = { isShuttingDown, gracefulShutdown, onShutdown, GLOBAL_KEY, gracefulShutdownEveryServer };

// Loaded with `node --require ./graceful-shutdown.cjs <script>`: every node:http server the process starts
// listening is shut down gracefully, with no change to the app's code.
gracefulShutdownEveryServer();
