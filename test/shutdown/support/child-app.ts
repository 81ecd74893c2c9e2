// A test app running in a real child process: its output as timestamped lines, a way to wait for
// a line, real signals, and when and how it exited. Times are performance.now() in this process.
// SHUTDOWN_TEST_NODE names another Node binary to run the apps with (a Node version matrix).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** The Node binary the apps run on. */
export const APP_NODE = process.env.SHUTDOWN_TEST_NODE ?? process.execPath;

export interface Line {
  text: string;
  at: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export class ChildApp {
  readonly lines: Line[] = [];
  readonly exited: Promise<Exit>;
  port = 0;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(script: string, cwd: string, env: Record<string, string>) {
    this.child = spawn(APP_NODE, [script], { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) this.lines.push({ text, at: performance.now() });
        for (const wake of this.waiters) wake();
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        resolve({ code, signal, at: performance.now() });
        for (const wake of this.waiters) wake();
      });
    });
  }

  /** Starts an app and resolves once it logs the port it listens on. */
  static async start(script: string, cwd: string, env: Record<string, string> = {}): Promise<ChildApp> {
    const app = new ChildApp(script, cwd, env);
    const line = await app.waitFor(/^app: listening on (\d+)$/);
    app.port = Number(/(\d+)$/.exec(line.text)?.[1]);
    return app;
  }

  /**
   * The first line matching `pattern` among the lines from index `since` on (default: all),
   * waiting up to `timeoutMs` for it. Pass `since: app.lines.length` to wait for a new line.
   */
  async waitFor(pattern: RegExp, { since = 0, timeoutMs = 10_000 } = {}): Promise<Line> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.lines.slice(since).find((line) => pattern.test(line.text));
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null || performance.now() > deadline) {
        throw new Error(`no line matching ${pattern}; output so far:\n${this.output()}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - performance.now()));
        this.waiters.add(wake);
      });
    }
  }

  /** Sends a real signal and returns when it was sent. */
  signal(name: NodeJS.Signals): number {
    this.child.kill(name);
    return performance.now();
  }

  /** Line texts matching `pattern`, in order. */
  matching(pattern: RegExp): string[] {
    return this.lines.filter((line) => pattern.test(line.text)).map((line) => line.text);
  }

  output(): string {
    return this.lines.map((line) => line.text).join('\n');
  }

  /** Cleanup after a test: SIGKILL if it is still running. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
