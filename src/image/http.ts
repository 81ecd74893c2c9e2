// One HTTP exchange for image resolution: a time budget shared by the whole resolution (one
// AbortSignal, so nothing can hang), bounded retries with backoff for 5xx and network errors,
// and manual redirects that drop credentials when the redirect leaves the original origin.

import { setMaxListeners } from 'node:events';
import type { FetchLike } from './deps.js';

/** The server could not be reached or kept failing (DNS, connect, timeout, repeated 5xx): fallback is allowed. */
export class UnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableError';
  }
}

export interface Budget {
  signal: AbortSignal;
  totalMs: number;
  remainingMs(): number;
  dispose(): void;
}

export function createBudget(totalMs: number): Budget {
  const controller = new AbortController();
  // Every in-flight request listens to the budget; a dozen parallel HEADs is normal, not a leak.
  setMaxListeners(100, controller.signal);
  // Date.now, not performance.now: the performance global loads perf_hooks (~10 internal modules) on
  // first use, a cost every run would pay for a budget an --offline run never spends.
  const started = Date.now();
  const timer = setTimeout(() => controller.abort(new UnreachableError(`time budget of ${totalMs} ms exhausted`)), totalMs);
  timer.unref?.();
  return {
    signal: controller.signal,
    totalMs,
    remainingMs: () => Math.max(0, totalMs - (Date.now() - started)),
    dispose: () => clearTimeout(timer),
  };
}

export interface HttpContext {
  fetch: FetchLike;
  budget: Budget;
}

export interface HttpRequest {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
}

const MAX_ATTEMPTS = 3;
const MAX_REDIRECTS = 5;
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/**
 * Network failures worth another attempt (timeouts, dropped connections, transient DNS). Anything
 * else (connection refused, unknown host, TLS trust errors) will not heal in a second: fail fast.
 */
const TRANSIENT = /^(timed out|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_\w*TIMEOUT|other side closed)/;

/** Waits `ms`, or less if `signal` aborts; leaves no listener behind. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Aborts `controller` when `signal` aborts (a strong link: AbortSignal.any can lose a source to GC
 * on Node 20). Returns the function that unlinks them.
 */
function follow(controller: AbortController, signal: AbortSignal): () => void {
  const abort = () => controller.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

/**
 * One attempt gets at most a third of the budget (at least 2 s), so a hanging server leaves room
 * to retry. The attempt's timer is cleared once the response headers arrive (`settle`).
 */
function attemptSignal(budget: Budget): { signal: AbortSignal; settle(): void } {
  const slice = Math.min(budget.remainingMs(), Math.max(2000, budget.totalMs / 3));
  const controller = new AbortController();
  const unfollow = follow(controller, budget.signal);
  const timer = setTimeout(() => controller.abort(new DOMException('attempt timed out', 'TimeoutError')), Math.max(1, Math.round(slice)));
  // After the headers, the body read is bounded by readBody's race with the budget.
  return { signal: controller.signal, settle: () => (clearTimeout(timer), unfollow()) };
}

async function send(ctx: HttpContext, url: string, req: HttpRequest): Promise<Response> {
  let lastProblem = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (ctx.budget.signal.aborted) break;
    try {
      const attemptAbort = attemptSignal(ctx.budget);
      const res = await ctx
        .fetch(url, { method: req.method ?? 'GET', headers: req.headers, redirect: 'manual', signal: attemptAbort.signal })
        .finally(attemptAbort.settle);
      if (!RETRYABLE_STATUS.has(res.status)) return res;
      lastProblem = `HTTP ${res.status}`;
      await discard(res);
    } catch (error) {
      lastProblem = describe(error);
      if (!TRANSIENT.test(lastProblem)) break;
    }
    const backoff = 250 * 2 ** (attempt - 1);
    if (attempt === MAX_ATTEMPTS || ctx.budget.remainingMs() < backoff + 100) break;
    await sleep(backoff, ctx.budget.signal);
  }
  const host = new URL(url).host;
  // The last attempt's own timeout may fire a moment before the budget's: both mean "out of time".
  if (ctx.budget.signal.aborted || ctx.budget.remainingMs() < 250) {
    throw new UnreachableError(`${host}: no answer within the ${ctx.budget.totalMs} ms time budget (${lastProblem || 'timed out'})`);
  }
  throw new UnreachableError(`${host}: ${lastProblem}`);
}

/**
 * GET/HEAD with retries and manual redirects. `authorization` is sent only to the origin of `url`;
 * a redirect to another origin (e.g. a blob CDN, or a hostile server) goes without it.
 */
export async function httpRequest(
  ctx: HttpContext,
  url: string,
  req: HttpRequest & { authorization?: string },
): Promise<{ response: Response; finalUrl: string }> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    const headers = { ...req.headers, ...(req.authorization && sameOrigin ? { authorization: req.authorization } : {}) };
    const response = await send(ctx, current, { method: req.method, headers });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
      return { response, finalUrl: current };
    }
    await discard(response);
    current = new URL(location, current).toString();
  }
  throw new UnreachableError(`${new URL(url).host}: more than ${MAX_REDIRECTS} redirects`);
}

/** Reads a body fully, under the budget (a server that sends headers and then stalls cannot hang us). */
export async function readBody(ctx: HttpContext, response: Response): Promise<Uint8Array> {
  const { signal } = ctx.budget;
  let fail = () => {};
  const abort = new Promise<never>((_, reject) => {
    fail = () => reject(new UnreachableError(`body not received within the ${ctx.budget.totalMs} ms time budget`));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return new Uint8Array(await Promise.race([response.arrayBuffer(), abort]));
  } catch (error) {
    if (error instanceof UnreachableError) {
      await discard(response);
      throw error;
    }
    throw new UnreachableError(`body could not be read: ${describe(error)}`);
  } finally {
    signal.removeEventListener('abort', fail);
  }
}

/** Drops a body we do not need (frees the keep-alive connection); never throws. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** A shorter budget inside `parent` (aborts with it), for a request that must not eat the whole budget. */
export function childBudget(parent: Budget, ms: number): Budget {
  const total = Math.min(ms, parent.remainingMs());
  const own = createBudget(Math.round(total));
  const controller = new AbortController();
  const unfollowParent = follow(controller, parent.signal);
  follow(controller, own.signal);
  return {
    signal: controller.signal,
    totalMs: total,
    remainingMs: () => Math.min(own.remainingMs(), parent.remainingMs()),
    dispose: () => (own.dispose(), unfollowParent()),
  };
}
