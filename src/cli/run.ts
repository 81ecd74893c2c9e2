// The shell's core: one run from argv to exit code. Everything it touches (output streams, TTY,
// environment, file system, network, prompts) arrives in CliDeps, so tests run it in-process with
// real directories and a scripted prompt, and src/cli/main.ts wires the real process.
import path from 'node:path';
import { parseArgs, type Flags } from './args.js';
import { detectProject } from '../detect/index.js';
import { CancelledError, CliError, ExitCode, UsageError } from '../errors.js';
import type { ImageRequest, ImageResolution } from '../image/types.js';
import { resolveOptions, type Options } from '../options/resolve.js';
import type { ProjectFs } from '../write/project-fs.js';
import { askForMissing, type Ask } from './prompts.js';
import { renderFiles } from '../render/index.js';
import { reportHuman, reportJson, equivalentCommand, summarize } from './report.js';
import { decideWrites, type FileAccess } from '../write/write-generated.js';
import { refuseSkippedWrites } from '../write/plan.js';

export interface CliDeps {
  version: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdin and stdout are both terminals. */
  isTTY: boolean;
  width: number;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Created only when the run is interactive (loads the prompt library lazily). */
  createAsk: () => Promise<Ask>;
  projectFs: (root: string) => ProjectFs;
  files: FileAccess;
  resolveImage: (request: ImageRequest) => Promise<ImageResolution>;
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    const parsed = parseArgs(argv, { version: deps.version, width: deps.width });
    if (parsed.kind === 'output') {
      deps.stdout(`${parsed.text}\n`);
      return ExitCode.ok;
    }
    return await generate(parsed.flags, deps);
  } catch (error) {
    return failure(error, deps);
  }
}

async function generate(flags: Flags, deps: CliDeps): Promise<number> {
  const root = path.resolve(deps.cwd, flags.dir ?? '.');
  if (!(await deps.files.isDirectory(root))) throw new UsageError(`${root} is not a directory`);
  const fs = deps.projectFs(root);
  const facts = await detectProject(fs, { dir: flags.dir });
  const interactive = deps.isTTY && !flags.yes && !isCi(deps.env);

  let ask: Ask | undefined;
  let answers = {};
  if (interactive) {
    ask = await deps.createAsk();
    answers = await askForMissing(flags, facts, ask);
  }
  const options = resolveOptions(flags, facts, answers);
  const entryWarnings = await checkEntry(options, fs);

  if (interactive && ask) {
    deps.stderr(summarize(options, facts));
    const go = await ask({ type: 'confirm', name: 'confirm', message: 'Generate these files?', default: true });
    if (!go) throw new CancelledError();
    deps.stderr(`Same result without prompts:\n  ${equivalentCommand(flags, options, root, deps.cwd)}\n\n`);
  }

  const resolution = await deps.resolveImage({
    nodeRange: options.nodeRange,
    base: options.base,
    registryMirror: options.image.registryMirror,
    baseImage: options.image.baseImage,
    digest: options.image.digest,
    offline: options.image.offline,
    noFallback: options.image.noFallback,
  });
  const rendered = renderFiles({
    options,
    image: resolution.image,
    generatorVersion: deps.version,
    projectName: facts.name ?? path.basename(root),
  });
  const warnings = [...facts.warnings, ...entryWarnings, ...resolution.warnings, ...rendered.warnings];

  const outcome = await decideWrites(root, rendered.files, {
    force: options.force,
    dryRun: options.dryRun,
    confirmOverwrite: interactive && ask ? confirmWith(ask, deps) : undefined,
    files: deps.files,
  });
  warnings.push(...outcome.warnings);

  const report = { options, image: resolution.image, plan: outcome.plan, warnings, wiring: rendered.wiring, rendered };
  if (options.json) deps.stdout(`${reportJson(report)}\n`);
  deps.stderr(reportHuman(report, colorEnabled(deps)));
  if (outcome.refused.length > 0) refuseSkippedWrites(outcome.plan);
  return ExitCode.ok;
}

/** The entry must exist, unless it is the output of the build (then its source should). */
async function checkEntry(options: Options, fs: ProjectFs): Promise<string[]> {
  const built = options.build !== undefined && options.entry.startsWith(`${options.build.outDir}/`);
  if (!built) {
    if (!(await fs.exists(options.entry))) throw new UsageError(`entry file ${options.entry} does not exist in the project: pass --entry <file>`);
    return [];
  }
  if (!(await fs.exists(options.sourceEntry))) {
    return [`could not find the source of ${options.entry} (looked for ${options.sourceEntry}); wire the graceful-shutdown module into your entry by hand`];
  }
  return [];
}

function confirmWith(ask: Ask, deps: CliDeps) {
  return async (file: string, diff: string): Promise<boolean> => {
    deps.stderr(`\n${diff}\n`);
    return (await ask({ type: 'confirm', name: 'overwrite', message: `${file} has changes. Overwrite it?`, default: false })) as boolean;
  };
}

function failure(error: unknown, deps: CliDeps): number {
  if (error instanceof CliError) {
    deps.stderr(`create-secure-node-docker: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    deps.stderr('create-secure-node-docker: cancelled\n');
    return ExitCode.cancelled;
  }
  const message = error instanceof Error ? error.message : String(error);
  deps.stderr(`create-secure-node-docker: unexpected error: ${oneLine(message)}\n`);
  if (deps.env.DEBUG) deps.stderr(`${error instanceof Error ? error.stack : ''}\n`);
  return ExitCode.unexpected;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function isCi(env: Record<string, string | undefined>): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
}

function colorEnabled(deps: CliDeps): boolean {
  return deps.isTTY && deps.env.NO_COLOR === undefined && deps.env.TERM !== 'dumb';
}

