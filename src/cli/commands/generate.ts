// The default command: detect, ask for what is missing (on a terminal), resolve the options and
// the base image, render, and write the files. `create-secure-node-docker [dir]` runs it.
import path from 'node:path';
import { detectProject } from '../../detect/index.js';
import type { RecipePlan } from '../../recipes/index.js';
import { CancelledError, ExitCode, UsageError } from '../../errors.js';
import type { Ask } from '../../options/declaration.js';
import { FLAGS, type Answers, type Flags } from '../../options/flags.js';
import { resolveOptions } from '../../options/resolve.js';
import { recipePlan } from '../../options/recipe-plan.js';
import { parseEnvFile, type EnvFile } from '../../options/validate-env-file.js';
import { equivalentCommand } from '../../options/write-back.js';
import { renderFiles } from '../../render/index.js';
import type { ProjectFs } from '../../core/project-fs.js';
import { blockedWritesError } from '../../write/file-writes.js';
import { writeGenerated } from '../../write/write-generated.js';
import { colorEnabled, isCi, type CliDeps } from '../deps.js';
import { askForMissing } from '../prompts.js';
import { verifyRequest } from '../verify-request.js';
import { reportHuman, reportJson, summarize } from '../report.js';
import { defineCommand } from './command.js';
import { runtimeBase } from '../../render/runtime-base.js';

export const command = defineCommand({
  options: FLAGS,
  help: {
    usage:
      '$0 [dir] [options]\n\nGenerate a secure, digest-pinned Docker setup (Dockerfile, .dockerignore, compose.yaml,\nREADME.Docker.md, graceful-shutdown module) for the Node.js app in [dir] (default: the current directory).',
    examples: [
      ['$0', 'Detect everything in the current directory and ask about the rest'],
      ['$0 ./api --yes', 'Non-interactive: detected values and defaults, no prompts'],
      ['$0 --yes --entry dist/server.js --port 8080 --writable-dir uploads', 'Scripted run with explicit values'],
      ['$0 --yes --start "node --enable-source-maps dist/main.js"', 'Say what the container runs (exec form, no shell operators)'],
      ['$0 --yes --offline --dry-run --json', 'Show what would be written, without network or writes'],
      ['$0 --yes --registry-mirror https://mirror.example.com', 'Resolve the digest through a Docker Hub mirror'],
      ['$0 --yes --verify', 'Write the files, then build, run and check the image on your Docker engine (exit 5 if it fails)'],
    ],
  },
  run: generate,
});

async function generate(flags: Flags, deps: CliDeps): Promise<number> {
  const root = path.resolve(deps.cwd, flags.dir ?? '.');
  if (!(await deps.files.isDirectory(root))) throw new UsageError(`${root} is not a directory`);
  const fs = deps.projectFs(root);
  const facts = await detectProject(fs, { dir: flags.dir, dirSegments: root.split(path.sep).filter(Boolean) });
  // isTTY last: reading it may create process.stdin (see src/cli/main.ts).
  const interactive = !flags.yes && !isCi(deps.env) && deps.isTTY;

  let ask: Ask | undefined;
  let answers: Answers = {};
  if (interactive) {
    ask = await deps.createAsk();
    answers = await askForMissing(flags, facts, ask, async (sofar) => (await recipePlan(flags, facts, sofar, fs)).plan);
  }
  const recipe = await recipePlan(flags, facts, answers, fs);
  const options = resolveOptions(flags, facts, answers, recipe.plan);
  const envFile = options.envFile !== undefined ? await readEnvFile(fs, options.envFile) : undefined;
  const entryWarnings = [...recipe.warnings, ...(await checkEntry(recipe.plan, fs))];

  if (interactive && ask) {
    deps.stderr(summarize(options, facts, recipe.plan));
    const go = await ask({ type: 'confirm', name: 'confirm', message: 'Generate these files?', default: true });
    if (!go) throw new CancelledError();
    deps.stderr(`Same result without prompts:\n  ${equivalentCommand(options, recipe.plan, root, deps.cwd)}\n\n`);
  }

  const runtime = runtimeBase(options.base);
  const resolution = await deps.resolveImage({
    nodeRange: options.nodeRange,
    base: runtime.buildFlavor,
    ...(runtime.separateImage ? { runtime: runtime.separateImage, runtimeImage: options.image.runtimeImage } : {}),
    registryMirror: options.image.registryMirror,
    baseImage: options.image.baseImage,
    digest: options.image.digest,
    offline: options.image.offline,
    noFallback: options.image.noFallback,
  });
  const rendered = renderFiles({
    options,
    image: resolution.image,
    runtimeImage: resolution.runtime,
    generatorVersion: deps.version,
    projectName: facts.name ?? path.basename(root),
    plan: recipe.plan,
  });
  const warnings = [...facts.warnings, ...entryWarnings, ...resolution.warnings, ...rendered.warnings];

  // A workspace package's files are planned from the workspace root, where its .dockerignore goes.
  const writeRoot = path.resolve(root, options.layout.context);
  const outcome = await writeGenerated(writeRoot, rendered.files, {
    force: options.force,
    dryRun: options.dryRun,
    confirmOverwrite: interactive && ask ? confirmWith(ask, deps) : undefined,
    files: deps.files,
  });
  warnings.push(...outcome.warnings);

  // What happened, not what was planned: a refused run (exit 3) and a dry run write nothing.
  const refusal = outcome.refused.length > 0 ? blockedWritesError(outcome.writes) : undefined;
  const written = !options.dryRun && refusal === undefined && outcome.writes.some((w) => w.action === 'create' || w.action === 'overwrite');
  const build = buildReport(deps.cwd, writeRoot, options.layout.dockerfile);
  const report = { options, image: resolution.image, writes: outcome.writes, written, warnings, wiring: rendered.wiring, composeToMerge: rendered.composeToMerge, build, rendered };
  deps.stderr(reportHuman(report, colorEnabled(deps)));
  if (refusal) {
    if (options.json) deps.stdout(`${reportJson(report, { error: refusal })}\n`);
    throw refusal;
  }

  // The files are in place: prove them on the user's engine when asked to (--json waits for the result).
  // The verify code (a third of this chunk's own modules) loads only when a run may verify.
  const request = verifyRequest(options, ask);
  if (request.verify !== 'no') {
    const { runVerifyStep, verifyEngineFor, verifyTarget } = await import('../verify-step.js');
    const engine = await verifyEngineFor(request, options, deps.verifyEngine);
    if (engine) {
      const envTemplate = envFile ? undefined : await findEnvTemplate(fs);
      const target = verifyTarget(writeRoot, facts.name ?? path.basename(root), options, recipe.plan, rendered, resolution.image, {
        ...(envFile ? { envFile: { ...envFile, absolutePath: path.resolve(root, envFile.path) } } : {}),
        ...(envTemplate ? { envTemplate } : {}),
      });
      const verified = await runVerifyStep(target, options, engine, { env: deps.env, stderr: deps.stderr });
      if (options.json) deps.stdout(`${reportJson(report, { verify: verified.json })}\n`);
      return verified.exitCode;
    }
  }
  if (options.json) deps.stdout(`${reportJson(report)}\n`);
  return ExitCode.ok;
}

/** Build context and Dockerfile as paths relative to where the command ran (a plain app in "." is "." and "Dockerfile"). */
function buildReport(cwd: string, context: string, dockerfileInContext: string): { context: string; dockerfile: string } {
  const relative = (to: string) => path.relative(cwd, to).split(path.sep).join('/') || '.';
  return { context: relative(context), dockerfile: relative(path.join(context, dockerfileInContext)) };
}

/** A script run from the build context must exist (a build's output may not exist yet). */
async function checkEntry(plan: RecipePlan, fs: ProjectFs): Promise<string[]> {
  const script = plan.commandScript;
  if (script === undefined || plan.buildSteps.length > 0 || script.startsWith('node_modules/')) return [];
  for (const file of [script, `${script}.js`, `${script}.mjs`, `${script}.cjs`, `${script}/index.js`]) if (await fs.exists(file)) return [];
  throw new UsageError(`start script ${script} does not exist in the project: pass --start "<command>" (or --entry <file>)`);
}

function confirmWith(ask: Ask, deps: CliDeps) {
  return async (file: string, diff: string): Promise<boolean> => {
    deps.stderr(`\n${diff}\n`);
    return (await ask({ type: 'confirm', name: 'overwrite', message: `${file} has changes. Overwrite it?`, default: false })) as boolean;
  };
}

/** --run-env-file must name a file in the project that parses (before anything is written). */
async function readEnvFile(fs: ProjectFs, file: string): Promise<EnvFile> {
  const text = await fs.read(file).catch(() => {
    throw new UsageError(`--run-env-file ${file}: not a readable file`);
  });
  if (text === undefined) throw new UsageError(`--run-env-file ${file}: no such file in the project (write NAME=value lines into it first)`);
  return parseEnvFile(text, file);
}

/** A committed variables template, named in the missing-variable hint; never read (it is no secret, and no value either). */
async function findEnvTemplate(fs: ProjectFs): Promise<string | undefined> {
  for (const name of ['.env.example', '.env.sample', '.env.template']) if (await fs.exists(name)) return name;
  return undefined;
}
