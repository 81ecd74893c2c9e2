// The real pieces --verify is handed by the shell: the user's own docker CLI as a child process
// (so DOCKER_HOST, contexts and credential helpers apply), a private temp file for a secret, and
// a cancellable sleep.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fsPromises } from '../core/node-fs.js';
import type { RunCommand, SecretFiles } from '../verify/index.js';

/** How long a cancelled command gets after SIGINT before SIGKILL. */
const CANCEL_GRACE_MS = 10_000;

export function spawnRunner(cli: string, env: Record<string, string | undefined>): RunCommand {
  // node:child_process is loaded on the first command, so a run that never verifies never loads it.
  const childProcess = import('node:child_process');
  return async (args, opts = {}) => {
    const { spawn } = await childProcess;
    return new Promise((resolve) => {
      if (opts.signal?.aborted) return resolve({ code: 130, stdout: '', stderr: 'cancelled' });
      const child = spawn(cli, args, { env: { ...env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: string[] = [];
      const err: string[] = [];
      const lines = (sink: string[]) => {
        let partial = '';
        return (chunk: Buffer) => {
          const text = chunk.toString();
          sink.push(text);
          if (!opts.onLine) return;
          const parts = (partial + text).split('\n');
          partial = parts.pop() ?? '';
          for (const line of parts) opts.onLine(line.replace(/\r$/, ''));
        };
      };
      child.stdout.on('data', lines(out));
      child.stderr.on('data', lines(err));
      let killTimer: NodeJS.Timeout | undefined;
      const cancel = () => {
        // SIGINT is what Ctrl-C gives the CLI: docker build cancels its build session on it.
        child.kill('SIGINT');
        killTimer = setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS);
      };
      opts.signal?.addEventListener('abort', cancel, { once: true });
      child.on('error', (e: NodeJS.ErrnoException) => {
        opts.signal?.removeEventListener('abort', cancel);
        resolve({ code: 127, stdout: '', stderr: e.code === 'ENOENT' ? `${cli}: command not found on PATH` : e.message });
      });
      child.on('close', (code, signal) => {
        opts.signal?.removeEventListener('abort', cancel);
        if (killTimer) clearTimeout(killTimer);
        resolve({ code: code ?? (signal ? 128 : 1), stdout: out.join(''), stderr: err.join('') });
      });
    });
  };
}

export function nodeSecretFiles(env: Record<string, string | undefined>, home: string | undefined): SecretFiles {
  return {
    env,
    home,
    isFile: async (p) => (await fsPromises().stat(p).catch(() => undefined))?.isFile() ?? false,
    writePrivateTemp: async (content) => {
      const { mkdtemp, rm, writeFile } = fsPromises();
      const dir = await mkdtemp(path.join(tmpdir(), 'csnd-secret-'));
      const file = path.join(dir, 'npmrc');
      await writeFile(file, content, { mode: 0o600 });
      return { path: file, remove: () => rm(dir, { recursive: true, force: true }) };
    },
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
