// The real process around runCli: streams, TTY detection, environment, file system, network and
// the prompt library. Nothing else in src/ touches `process` (src/core/node-fs.ts only takes Node's
// fs module from process.getBuiltinModule, which reads no process state).
import { homedir } from 'node:os';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './run.js';
import { isTerminal, stdWriter } from './std-streams.js';
import { createDefaultImageDeps, resolveNodeImage } from '../image/index.js';
import { nodeProjectFs } from '../core/project-fs.js';
import { nodeSecretFiles, sleep, spawnRunner } from './docker-runner.js';
import { createInquirerAsk } from './prompt-inquirer.js';
import { nodeFileAccess } from '../write/write-generated.js';

export async function run(argv: string[]): Promise<number> {
  return runCli(argv, {
    version: packageJson.version,
    cwd: process.cwd(),
    env: process.env,
    // Read only when a run may prompt, stdout first: creating process.stdin for a file or /dev/null
    // (CI, a script) loads fs streams, fs/promises and readline (about 15 internal modules on
    // Node 26). When stdout is no terminal, stdin is not looked at.
    get isTTY() {
      return isTerminal(1) && isTerminal(0);
    },
    stderrIsTTY: isTerminal(2),
    get width() {
      return (isTerminal(1) && process.stdout.columns) || 100;
    },
    stdout: stdWriter(1),
    stderr: stdWriter(2),
    createAsk: createInquirerAsk,
    projectFs: nodeProjectFs,
    files: nodeFileAccess(),
    resolveImage: (request) => resolveNodeImage(request, createDefaultImageDeps(process.env)),
    verifyEngine: {
      // The user's own engine CLI (--engine: docker or podman), with the user's environment.
      runner: (cli) => spawnRunner(cli, process.env),
      secretFiles: nodeSecretFiles(process.env, safeHome()),
      now: () => Date.now(),
      sleep,
      // Web Crypto's global: node:crypto loads on the first id, not at start-up.
      randomId: () => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(4))).toString('hex'),
      interruptible: async (fn) => {
        // Ctrl-C during verification aborts it, and verification removes what it created.
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        process.on('SIGINT', onSigint);
        try {
          return await fn(controller.signal);
        } finally {
          process.off('SIGINT', onSigint);
        }
      },
    },
  });
}

function safeHome(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}

