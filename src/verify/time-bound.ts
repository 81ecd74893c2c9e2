// One bound on one engine command: the command gets a signal that aborts when the outer signal
// (Ctrl-C) does or when `seconds` have passed, and the caller learns which of the two it was.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export async function withinSeconds<T>(seconds: number, sleep: Sleep, outer: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<{ value: T; timedOut: boolean }> {
  const timeout = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  void sleep(seconds * 1000, timer.signal).then(() => {
    if (timer.signal.aborted) return;
    timedOut = true;
    timeout.abort();
  });
  const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
  const value = await fn(signal).finally(() => timer.abort());
  return { value, timedOut };
}
