// generate's last step: after the files are written, --verify (or "Build and try it now?" in an
// interactive run) proves them on the user's engine. Turns the run's options and rendered files
// into a VerifyTarget, and the outcome into an exit code and the "verify" member of --json.
import { runtimeBase } from '../render/runtime-base.js';
import path from 'node:path';
import { ExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import type { ResolvedImage } from '../image/types.js';
import type { Options } from '../options/options.js';
import type { RenderResult } from '../render/index.js';
import type { RecipePlan } from '../recipes/types.js';
import type { VerifyRequest } from './verify-request.js';
import { planEntry, planSourceEntry } from '../recipes/plan-entry.js';
import { serviceNameFrom } from '../render/view.js';
import { STOP_GRACE_PERIOD_SECONDS } from '../core/hardening.js';
import { Engine, probeEngine, verify, verifyHuman, verifyJson, type EngineCli, type RunCommand, type RunEnvFile, type SecretFiles, type VerifyJson, type VerifyTarget } from '../verify/index.js';

/** What the shell gives --verify: the user's engine CLI (docker or podman), the clock, and Ctrl-C as an AbortSignal. */
export interface VerifyEngineDeps {
  /** Spawns the named CLI (--engine) with the user's environment. */
  runner(cli: EngineCli): RunCommand;
  secretFiles: SecretFiles;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  randomId(): string;
  /** Runs fn with a signal that Ctrl-C (SIGINT) aborts, for as long as fn runs. */
  interruptible<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** `context`: the absolute build context the files were written under (options.layout says where the Dockerfile is in it). */
export function verifyTarget(context: string, projectName: string, options: Options, plan: RecipePlan, rendered: RenderResult, image: ResolvedImage, env: { envFile?: RunEnvFile; envTemplate?: string } = {}): VerifyTarget {
  const { dockerfile } = options.layout;
  const major = Number(/^(\d+)\./.exec(image.version)?.[1]);
  return {
    context,
    ...(dockerfile === 'Dockerfile' ? {} : { dockerfilePath: path.join(context, dockerfile) }),
    name: serviceNameFrom(projectName),
    dockerfile: rendered.files.find((f) => f.path === dockerfile)?.content ?? '',
    registry: options.registry,
    worker: options.worker,
    port: options.port,
    healthcheckPath: options.healthcheckPath,
    writableDirs: options.writableDirs,
    entry: planEntry(plan),
    sourceEntry: planSourceEntry(plan),
    wiring: rendered.wiring,
    nodeMajor: Number.isInteger(major) ? major : undefined,
    stopGraceSeconds: STOP_GRACE_PERIOD_SECONDS,
    buildVariables: options.buildVariables,
    runUser: runtimeBase(options.base).user,
    nodePath: runtimeBase(options.base).nodePath,
    ...(env.envFile ? { envFile: env.envFile } : {}),
    ...(env.envTemplate ? { envTemplate: env.envTemplate } : {}),
  };
}

/**
 * The engine to verify on, or undefined when this run does not verify. `request` is never no
 * (verify-request.ts settles that before this module loads): --verify needs an engine client;
 * an interactive run asks, when an engine answers.
 */
export async function verifyEngineFor(request: Exclude<VerifyRequest, { verify: 'no' }>, options: Options, engine: VerifyEngineDeps | undefined): Promise<VerifyEngineDeps | undefined> {
  if (engine === undefined) {
    if (request.verify === 'yes') throw new UsageError('--verify is not available in this shell (no container engine client)');
    return undefined;
  }
  if (request.verify === 'yes') return engine;
  const reachable = (await probeEngine(new Engine(engine.runner(options.verify.engine), options.verify.engine), engine.sleep)).ok;
  const yes = reachable && ((await request.ask({ type: 'confirm', name: 'verify', message: 'Build and try it now?', default: true })) as boolean);
  return yes ? engine : undefined;
}

export interface VerifyStepOutcome {
  exitCode: ExitCodeValue;
  json: VerifyJson;
}

export async function runVerifyStep(
  target: VerifyTarget,
  options: Options,
  engine: VerifyEngineDeps,
  io: { env: Record<string, string | undefined>; stderr: (text: string) => void },
): Promise<VerifyStepOutcome> {
  io.stderr('\n');
  const result = await engine.interruptible((signal) =>
    verify(target, options.verify, {
      run: engine.runner(options.verify.engine),
      env: io.env,
      now: engine.now,
      sleep: engine.sleep,
      signal,
      progress: (line) => io.stderr(`${line}\n`),
      secretFiles: engine.secretFiles,
      id: engine.randomId(),
    }),
  );
  io.stderr(verifyHuman(result));
  const exitCode = result.cancelled ? ExitCode.cancelled : result.ok ? ExitCode.ok : ExitCode.verifyFailed;
  return { exitCode, json: verifyJson(result) };
}
