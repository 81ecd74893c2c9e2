// The real process around runCli: streams, TTY detection, environment, file system, network and
// the prompt library. Nothing else in src/ touches `process` (src/core/node-fs.ts only takes Node's
// fs module from process.getBuiltinModule, which reads no process state).
import { homedir } from 'node:os';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './run.js';
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
    // stdout first: reading process.stdin creates its stream, and for a file or /dev/null (CI, a
    // script) that loads fs streams, fs/promises and readline (about 15 internal modules on Node 26)
    // for a run that never reads stdin. When stdout is no terminal, stdin is not looked at.
    isTTY: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    width: process.stdout.columns || 100,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
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

