// Runs the CLI in-process (runCli) on real directories with a scripted prompt and a fixed base
// image, and copies fixtures into temp directories so tests never touch the committed ones.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliDeps } from '../../src/cli.js';
import type { ImageRequest, ImageResolution, ResolvedImage } from '../../src/image/types.js';
import { nodeProjectFs } from '../../src/project-fs.js';
import type { Ask, Question } from '../../src/prompts.js';
import { nodeFileAccess } from '../../src/write-decision.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The real published Node 26.5.0 Alpine index digest (shared/node-image-snapshot.json), with a fixed time. */
export const FIXED_IMAGE: ResolvedImage = {
  ref: 'node:26.5.0-alpine3.24@sha256:e88a35be04478413b7c71c455cd9865de9b9360e1f43456be5951032d7ac1a66',
  repository: 'node',
  tag: '26.5.0-alpine3.24',
  version: '26.5.0',
  digest: 'sha256:e88a35be04478413b7c71c455cd9865de9b9360e1f43456be5951032d7ac1a66',
  source: 'registry',
  resolvedAt: '2026-11-23T00:00:00.000Z',
  resolvedFrom: 'registry-1.docker.io',
};

/** The snapshot has no slim entries: a placeholder digest, well-formed, for rendering tests only. */
export const FIXED_SLIM_IMAGE: ResolvedImage = {
  ...FIXED_IMAGE,
  ref: 'node:26.5.0-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111',
  tag: '26.5.0-bookworm-slim',
  digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
};

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
  env?: Record<string, string | undefined>;
  resolveImage?: (request: ImageRequest) => Promise<ImageResolution>;
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
    resolveImage:
      opts.resolveImage ??
      (async (request) => {
        requests.push(request);
        return { image: request.base === 'slim' ? FIXED_SLIM_IMAGE : FIXED_IMAGE, warnings: [] };
      }),
  };
  const code = await runCli(argv, deps);
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
