// Runs the CLI in-process (runCli) on real directories with a scripted prompt and a fixed base
// image, and copies fixtures into temp directories so tests never touch the committed ones.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CommandEntry } from '../../src/cli/commands/table.js';
import type { VerifyEngineDeps } from '../../src/cli/verify-step.js';
import { runCli, type CliDeps } from '../../src/cli/run.js';
import type { ImageRequest, ImageResolution } from '../../src/image/types.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import type { Ask, Question } from '../../src/cli/prompts.js';
import { nodeFileAccess } from '../../src/write/write-generated.js';
import { CHECK_DATE } from './dockerfile-rules.js';
import { FIXED_DHI_DEV_IMAGE, FIXED_DHI_IMAGE, FIXED_DISTROLESS_IMAGE, FIXED_IMAGE, FIXED_SLIM_IMAGE, FIXED_TRIXIE_IMAGE } from './images.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  requests: ImageRequest[];
  questions: Question[];
}

export interface RunOptions {
  cwd: string;
  /** Scripted answers by question name; a question without an answer takes its default. */
  answers?: Record<string, string | boolean>;
  isTTY?: boolean;
  /** Default: the same as isTTY. */
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  resolveImage?: (request: ImageRequest) => Promise<ImageResolution>;
  /** Another command table (default: the real one). */
  commands?: readonly CommandEntry[];
  /** The container engine for --verify (default: none, as in a shell without one). */
  verifyEngine?: VerifyEngineDeps;
  /** The clock `check` judges Node end-of-life by (default: the fixed CHECK_DATE). */
  now?: Date;
}

export async function runInProcess(argv: string[], opts: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const requests: ImageRequest[] = [];
  const questions: Question[] = [];
  const ask: Ask = async (question) => {
    questions.push(question);
    const scripted = opts.answers?.[question.name];
    if (scripted !== undefined) return scripted;
    return question.type === 'input' ? (question.default ?? '') : question.default;
  };
  const deps: CliDeps = {
    version: '0.0.0-test',
    cwd: opts.cwd,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? opts.isTTY ?? false,
    width: 100,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    createAsk: async () => ask,
    projectFs: nodeProjectFs,
    files: nodeFileAccess(),
    now: () => opts.now ?? CHECK_DATE,
    resolveImage:
      opts.resolveImage ??
      (async (request) => {
        requests.push(request);
        if (request.runtime === 'distroless') return { image: FIXED_TRIXIE_IMAGE, runtime: FIXED_DISTROLESS_IMAGE, warnings: [] };
        if (request.runtime === 'dhi') return { image: FIXED_DHI_DEV_IMAGE, runtime: FIXED_DHI_IMAGE, warnings: [] };
        return { image: request.base === 'slim' ? FIXED_SLIM_IMAGE : FIXED_IMAGE, warnings: [] };
      }),
    verifyEngine: opts.verifyEngine,
  };
  const code = await runCli(argv, deps, opts.commands);
  return { code, stdout, stderr, requests, questions };
}

/** A temp copy of a fixture; removed by the returned cleanup. */
export async function copyFixture(name: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(path.join(os.tmpdir(), `csnd-${name}-`));
  const dir = path.join(base, name);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return { dir, cleanup: () => rm(base, { recursive: true, force: true }) };
}

export function readText(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}
