// Everything a run touches (output streams, TTY, environment, file system, network, prompts),
// injected: src/cli/main.ts wires the real process, tests run in-process with real directories
// and a scripted prompt.
import type { ImageRequest, ImageResolution } from '../image/types.js';
import type { Ask } from '../options/declaration.js';
import type { ProjectFs } from '../core/project-fs.js';
import type { VerifyEngineDeps } from './verify-step.js';
import type { FileAccess } from '../write/write-generated.js';

export interface CliDeps {
  version: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdin and stdout are both terminals: prompts are possible. */
  isTTY: boolean;
  /** stderr is a terminal: the human report (which goes there) may use colour. */
  stderrIsTTY: boolean;
  width: number;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Created only when the run is interactive (loads the prompt library lazily). */
  createAsk: () => Promise<Ask>;
  projectFs: (root: string) => ProjectFs;
  files: FileAccess;
  resolveImage: (request: ImageRequest) => Promise<ImageResolution>;
  /** The container engine for --verify; absent, verification is not offered. */
  verifyEngine?: VerifyEngineDeps;
  /** The clock (check judges Node end-of-life dates by it); defaults to the real one. */
  now?: () => Date;
}

export function isCi(env: Record<string, string | undefined>): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
}

export function colorEnabled(deps: CliDeps): boolean {
  // The report goes to stderr, so stderr decides, whatever stdin and stdout are (e.g. --json > file).
  return deps.stderrIsTTY && deps.env.NO_COLOR === undefined && deps.env.TERM !== 'dumb';
}
