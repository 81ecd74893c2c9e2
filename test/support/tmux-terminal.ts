// A real terminal for the interactive CLI: a tmux pane (its own server socket, so nothing touches a
// user's tmux) that runs one command, shows what the user would see, and takes key presses.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Terminal {
  /** Everything the pane has shown so far, colours stripped (tmux capture-pane). */
  screen(): Promise<string>;
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

/** One word for the pane's shell: single-quoted, any ' inside closed, escaped and reopened. */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

export async function tmuxAvailable(): Promise<boolean> {
  try {
    await exec('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
}

/** Starts `shellCommand` in a detached 200x50 pane; it prints `EXIT=<code>` when it ends and the pane stays open. */
export async function openTerminal(socket: string, name: string, shellCommand: string): Promise<Terminal> {
  const tmux = (...args: string[]) => exec('tmux', ['-L', socket, ...args]);
  await tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', `${shellCommand}; echo "EXIT=$?"; exec sleep 600`);
  return {
    screen: async () => (await tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name)).stdout,
    press: async (key) => void (await tmux('send-keys', '-t', name, key)),
    close: async () => void (await tmux('kill-session', '-t', name).catch(() => undefined)),
  };
}

export async function killTerminals(socket: string): Promise<void> {
  await exec('tmux', ['-L', socket, 'kill-server']).catch(() => undefined);
}

/** The exit code once the command has ended (`EXIT=<n>` on screen), else undefined. */
export function exitCodeOn(screen: string): number | undefined {
  const match = /^EXIT=(\d+)$/m.exec(screen);
  return match ? Number(match[1]) : undefined;
}

/**
 * Presses Enter once for every question the program asks, as a user accepting each default does:
 * a question is a line starting with "? " (inquirer's prompt), answered once it turns into "✔ ".
 * Fails with the screen when a question stays unanswered (a validation message instead of an
 * answer) or the program does not end in `timeoutMs`.
 */
export async function enterThroughEveryQuestion(terminal: Terminal, timeoutMs = 20_000): Promise<{ screen: string; code: number; questions: string[] }> {
  const deadline = Date.now() + timeoutMs;
  let pressed = 0;
  let pressedAt = 0;
  for (;;) {
    const screen = await terminal.screen();
    const code = exitCodeOn(screen);
    const answered = screen.split('\n').filter((line) => line.startsWith('✔ '));
    if (code !== undefined) return { screen, code, questions: answered.map((line) => line.slice(2)) };
    if (Date.now() > deadline) throw new Error(`the program did not finish after ${pressed} Enter presses; the terminal shows:\n${screen}`);
    const lines = screen.trimEnd().split('\n');
    const lastAnswered = lines.map((line) => line.startsWith('✔ ')).lastIndexOf(true);
    const asking = lines.slice(lastAnswered + 1).some((line) => line.startsWith('? '));
    if (asking && pressed === answered.length) {
      await terminal.press('Enter');
      pressed += 1;
      pressedAt = Date.now();
    } else if (asking && pressed > answered.length && Date.now() - pressedAt > 5_000) {
      throw new Error(`Enter did not answer the question; the terminal shows:\n${screen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
