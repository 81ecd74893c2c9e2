// The real process around runCli: streams, TTY detection, environment, file system, network and
// the prompt library. Nothing else in src/ touches `process`.
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './run.js';
import { createDefaultImageDeps, resolveNodeImage } from '../image/index.js';
import { nodeProjectFs } from '../write/project-fs.js';
import { createInquirerAsk } from './prompt-inquirer.js';
import { nodeFileAccess } from '../write/write-generated.js';

export async function run(argv: string[]): Promise<number> {
  return runCli(argv, {
    version: packageJson.version,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    width: process.stdout.columns || 100,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    createAsk: createInquirerAsk,
    projectFs: nodeProjectFs,
    files: nodeFileAccess(),
    resolveImage: (request) => resolveNodeImage(request, createDefaultImageDeps(process.env)),
  });
}

