// --verify: build the written setup on the user's engine, run it with the hardened settings, check
// it, and clean up whatever it created: also after a failure and after Ctrl-C.
import { BuildProgress } from './build-progress.js';
import { runContainerChecks } from './container-checks.js';
import { Engine, probeEngine, VERIFY_LABEL, type EngineCli } from './engine.js';
import { previousSupportedLts } from '../core/node-schedule.js';
import { diagnose, type Diagnosis } from './log-hint.js';
import { npmrcSecret, type NpmrcSecret } from './npmrc-source.js';
import { buildVariableArgs, type BuildVariableValues } from './build-variables.js';
import { redactResult, valueRedactor } from './redact-values.js';
import { withinSeconds } from './time-bound.js';
import type { Check, VerifyDeps, VerifyResult, VerifySettings, VerifyTarget } from './types.js';

export async function verify(target: VerifyTarget, settings: VerifySettings, deps: VerifyDeps): Promise<VerifyResult> {
  // No --run-env-file value or build secret reaches a progress line, the report or --json.
  const buildSecretValues = target.buildVariables.secrets.map((n) => deps.secretFiles.env[n] ?? '').filter((value) => value !== '');
  const redact = valueRedactor([...(target.envFile?.values ?? []), ...buildSecretValues]);
  const result = await verifyUnredacted(target, settings, { ...deps, progress: (line) => deps.progress(redact(line)) });
  return redactResult(result, redact);
}

async function verifyUnredacted(target: VerifyTarget, settings: VerifySettings, deps: VerifyDeps): Promise<VerifyResult> {
  const engine = new Engine(deps.run, settings.engine);
  const result: VerifyResult = { checks: [], logLines: [], cancelled: false, ok: false, leftovers: [] };
  const probe = await probeEngine(engine, deps.sleep, deps.signal);
  if (deps.signal.aborted) return cancelled(result);
  if (!probe.ok) return { ...result, unreachable: unreachableMessage(probe.reason, deps.env, engine.cli) };
  result.engine = probe.info.name;
  deps.progress(`Verifying on ${probe.info.name}${hostNote(engine.cli, deps.env)}`);

  const image = `${target.name}:verify-${deps.id}`;
  const container = `${target.name}-verify-${deps.id}`;
  const record = (check: Check) => {
    result.checks.push(check);
    deps.progress(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name} (${check.seconds} s)${check.detail ? `: ${check.detail}` : ''}`);
  };
  const fail = (diagnosis: Diagnosis) => {
    result.hint = diagnosis.hint;
    result.logLines = diagnosis.lines;
  };

  let secret: NpmrcSecret = { kind: 'none' };
  let variables: BuildVariableValues | undefined;
  try {
    secret = await npmrcSecret(target.dockerfile, target.registry, deps.secretFiles);
    if (secret.kind === 'missing') {
      record({ name: 'builds', ok: false, seconds: 0, detail: 'no npmrc secret for the private registry' });
      result.hint = secret.message;
      return result;
    }
    variables = await buildVariableArgs(target.buildVariables, deps.secretFiles);
    if (variables.kind === 'missing') {
      record({ name: 'builds', ok: false, seconds: 0, detail: 'a build variable is not set' });
      result.hint = variables.message;
      return result;
    }
    const built = await build(engine, target, settings, deps, { image, secret, variableArgs: variables.args, bridge: probe.info.bridge });
    if (deps.signal.aborted) return cancelled(result);
    record(built.check);
    if (!built.check.ok) {
      fail(built.diagnosis!);
      return result;
    }
    const outcome = await runContainerChecks(engine, target, settings, deps, { image, container, bridge: probe.info.bridge, label: `${VERIFY_LABEL}=${deps.id}`, record });
    if (deps.signal.aborted) return cancelled(result);
    if (outcome.failure) fail(diagnose(outcome.failure, { ...hintContext(target, deps.now()), cli: engine.cli, log: outcome.log }));
    result.ok = outcome.failure === undefined;
    return result;
  } finally {
    // Clean-up takes no signal: it runs after Ctrl-C too.
    await engine.removeContainer(container);
    if (await engine.inspect('container', container, '{{.Id}}')) result.leftovers.push(`${engine.cli} rm -f -v ${container}`);
    if (settings.keepImage && result.checks[0]?.ok) result.keptImage = image;
    else {
      await engine.removeImage(image);
      if (await engine.inspect('image', image, '{{.Id}}')) result.leftovers.push(`${engine.cli} image rm ${image}`);
    }
    await engine.removeStageImages(`${VERIFY_LABEL}=${deps.id}`);
    if (secret.kind === 'file') await secret.remove?.();
    if (variables?.kind === 'ok') await variables.remove();
  }
}

interface BuildContext {
  image: string;
  secret: NpmrcSecret;
  /** --build-arg NAME=value and --secret id=NAME,src=<temp file> for the build's variables. */
  variableArgs: string[];
  bridge: boolean;
}

async function build(engine: Engine, target: VerifyTarget, settings: VerifySettings, deps: VerifyDeps, ctx: BuildContext): Promise<{ check: Check; diagnosis?: Diagnosis }> {
  const progress = new BuildProgress(deps.now, (line) => deps.progress(`  ${line}`));
  const args = ['-t', ctx.image, '--label', `${VERIFY_LABEL}=${deps.id}`];
  // Without a bridge network (rootless setups, the e2e rig) RUN steps need the host network.
  if (!ctx.bridge) args.push('--network', 'host');
  if (ctx.secret.kind === 'file') args.push('--secret', `id=npmrc,src=${ctx.secret.path}`);
  args.push(...ctx.variableArgs);
  if (target.dockerfilePath) args.push('-f', target.dockerfilePath);
  args.push(target.context);

  const { value: r, timedOut } = await withinSeconds(settings.buildTimeoutSeconds, deps.sleep, deps.signal, (signal) => engine.build(args, { signal, onLine: (line) => progress.line(line) }));
  const seconds = progress.elapsed();
  if (r.code === 0) {
    const cached = progress.cachedSteps();
    return { check: { name: 'builds', ok: true, seconds, detail: `${ctx.image}${cached > 0 ? `, ${cached} steps cached` : ''}${ctx.secret.kind === 'file' ? `, npmrc secret from ${ctx.secret.from}` : ''}` } };
  }
  if (timedOut) {
    return {
      check: { name: 'builds', ok: false, seconds, detail: `no result within ${settings.buildTimeoutSeconds} s` },
      diagnosis: { hint: `the build took longer than ${settings.buildTimeoutSeconds} s: pass --build-timeout <seconds> to allow more`, lines: progress.failureLines() },
    };
  }
  const lines = progress.failureLines();
  if (lines.length === 0) lines.push(...r.stderr.split('\n').filter(Boolean).slice(-15));
  return { check: { name: 'builds', ok: false, seconds, detail: `${engine.cli} build exited ${r.code}` }, diagnosis: diagnose({ kind: 'build', lines, output: progress.failureOutput() }, { ...hintContext(target, deps.now()), log: '' }) };
}

function cancelled(result: VerifyResult): VerifyResult {
  result.cancelled = true;
  return result;
}

function hintContext(target: VerifyTarget, now: number) {
  const previousLts = target.nodeMajor !== undefined ? previousSupportedLts(target.nodeMajor, new Date(now)) : undefined;
  return {
    entry: target.entry,
    sourceEntry: target.sourceEntry,
    worker: target.worker,
    nodeMajor: target.nodeMajor,
    wiring: target.wiring,
    ...(previousLts !== undefined ? { previousLts } : {}),
    ...(target.envFile ? { envFile: { path: target.envFile.path, names: target.envFile.names } } : {}),
    ...(target.envTemplate ? { envTemplate: target.envTemplate } : {}),
  };
}

/** The variable that points each CLI at a remote engine. */
const HOST_VARIABLE = { docker: 'DOCKER_HOST', podman: 'CONTAINER_HOST' } as const;

function hostNote(cli: EngineCli, env: Record<string, string | undefined>): string {
  const name = HOST_VARIABLE[cli];
  return env[name] ? ` (${name}=${env[name]})` : '';
}

/** One line: how the engine was looked for, and what answered. */
export function unreachableMessage(reason: string, env: Record<string, string | undefined>, cli: EngineCli = 'docker'): string {
  if (cli === 'podman') {
    const where = env.CONTAINER_HOST ? ` with CONTAINER_HOST=${env.CONTAINER_HOST}` : '';
    return `no container engine reachable: "podman info"${where} answered: ${reason}`;
  }
  const where = env.DOCKER_HOST
    ? `DOCKER_HOST=${env.DOCKER_HOST}`
    : env.DOCKER_CONTEXT
      ? `DOCKER_CONTEXT=${env.DOCKER_CONTEXT} (DOCKER_HOST unset)`
      : "DOCKER_HOST unset, so the docker CLI's current context (docker context ls)";
  return `no container engine reachable: "docker version" with ${where} answered: ${reason}`;
}
