// A command run in a real terminal, the way a user types it: a detached tmux session (a pty the
// CLI sees as a TTY, so it prompts), read by capture-pane and answered with send-keys. The test
// decides each key from what the screen shows; the session ends when the command has exited.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exec, sleep } from './exec.js';

export interface TerminalRun {
  /** The command's exit code. */
  code: number;
  /** Everything the terminal showed, wrapped lines joined. */
  screen: string;
  /** The keys sent, in order, with the screen line each answered. */
  answered: { key: string; at: string }[];
}

export interface TerminalOptions {
  env: Record<string, string>;
  /** Where the session's launcher script goes (a temp dir of the test's). */
  scratchDir: string;
  timeoutMs: number;
  /** The key to send for this screen (tmux key names: "Enter", "y"), or undefined to wait. */
  answer(screen: string): string | undefined;
}

let sessions = 0;
const EXIT = /^__EXIT=(\d+)$/m;

export async function runInTerminal(argv: readonly string[], opts: TerminalOptions): Promise<TerminalRun> {
  const name = `e2e-${process.pid}-${++sessions}`;
  const script = path.join(opts.scratchDir, `${name}.sh`);
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const exports = Object.entries(opts.env).map(([k, v]) => `export ${k}=${quote(v)}`);
  // The pane stays after the command so its last screen can be read; the session is killed below.
  writeFileSync(script, [...exports, argv.map(quote).join(' '), 'echo "__EXIT=$?"', 'sleep 600', ''].join('\n'));
  await exec('tmux', ['new-session', '-d', '-s', name, '-x', '200', '-y', '60', 'env', '-i', 'sh', script]);
  const capture = async () => (await exec('tmux', ['capture-pane', '-p', '-J', '-S', '-5000', '-t', name])).stdout;
  const answered: TerminalRun['answered'] = [];
  const deadline = Date.now() + opts.timeoutMs;
  let lastAnswered = '';
  try {
    for (;;) {
      const screen = await capture();
      const exit = EXIT.exec(screen);
      if (exit) return { code: Number(exit[1]), screen, answered };
      if (Date.now() > deadline) throw new Error(`no exit within ${opts.timeoutMs} ms; the terminal shows:\n${screen}`);
      const key = opts.answer(screen);
      // One key per screen: a prompt that has not redrawn yet is not answered twice.
      if (key !== undefined && screen !== lastAnswered) {
        answered.push({ key, at: screen.trimEnd().split('\n').filter((l) => l.trim() !== '').at(-1) ?? '' });
        await exec('tmux', ['send-keys', '-t', name, key]);
        lastAnswered = screen;
      }
      await sleep(400);
    }
  } finally {
    await exec('tmux', ['kill-session', '-t', name], { allowFailure: true });
  }
}
