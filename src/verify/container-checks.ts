// The image, run the way compose.yaml runs it, and the checks on the running container: stays up,
// runs as a non-root uid, answers on its port, HEALTHCHECK healthy, `docker stop` exits 0 in time.
import { HARDENED_RUN_FLAGS } from '../core/hardening.js';
import type { Engine } from './engine.js';
import { INSIDE_PROBE_SCRIPT, isLoopback, parseInsideFacts, type InsideFacts } from './inside-probe.js';
import type { Failure } from './log-hint.js';
import type { Check, VerifyDeps, VerifySettings, VerifyTarget } from './types.js';

/** A worker has no port to answer on: it passes "stays up" when it still runs after this long. */
export const WORKER_SETTLE_SECONDS = 5;
const POLL_MS = 500;
/** Only the HEALTHCHECK interval is shortened, so `healthy` comes in seconds instead of 30. */
const HEALTH_INTERVAL = '2s';

export interface RunContext {
  image: string;
  container: string;
  bridge: boolean;
  label: string;
  record: (check: Check) => void;
}

export interface ContainerOutcome {
  failure?: Failure;
  log: string;
}

/** compose.yaml's settings as `docker run` flags; declared writable dirs become anonymous volumes (removed with the container). */
export function hardenedRunArgs(target: VerifyTarget, ctx: { container: string; label: string; bridge: boolean; healthcheck: boolean }): string[] {
  const args = ['--name', ctx.container, '--label', ctx.label];
  args.push(...HARDENED_RUN_FLAGS, '--user', target.runUser);
  for (const dir of target.writableDirs) args.push('-v', `/app/${dir}`);
  // The run's variables, as compose.yaml's env_file gives them: docker reads the file, so no value is in an argument.
  if (target.envFile) args.push('--env-file', target.envFile.absolutePath);
  // No bridge: no network at all; the probes run inside the container on its loopback.
  if (!ctx.bridge) args.push('--network', 'none');
  if (ctx.healthcheck) args.push('--health-interval', HEALTH_INTERVAL);
  return args;
}

export async function runContainerChecks(engine: Engine, target: VerifyTarget, settings: VerifySettings, deps: VerifyDeps, ctx: RunContext): Promise<ContainerOutcome> {
  const { signal } = deps;
  const seconds = (since: number) => Math.round((deps.now() - since) / 100) / 10;
  const healthcheck = ((await engine.inspect('image', ctx.image, '{{json .Config.Healthcheck}}', signal)) ?? 'null') !== 'null';
  const started = deps.now();
  const run = await engine.start([...hardenedRunArgs(target, { ...ctx, healthcheck }), ctx.image], signal);
  const logs = () => engine.logs(ctx.container);
  if (run.code !== 0) {
    ctx.record({ name: 'stays up', ok: false, seconds: seconds(started), detail: `${engine.cli} run failed: ${run.stderr.trim().split('\n')[0] ?? ''}` });
    return { failure: { kind: 'exited', exitCode: -1 }, log: run.stderr };
  }

  // Poll until the port answers (server) or the worker has run long enough, the container exits, or time runs out.
  const deadline = started + settings.startTimeoutSeconds * 1000;
  const settleUntil = started + Math.min(WORKER_SETTLE_SECONDS, settings.startTimeoutSeconds) * 1000;
  let facts: InsideFacts | undefined;
  for (;;) {
    if (signal.aborted) return { log: '' };
    const state = await engine.state(ctx.container, signal);
    if (!state?.running) {
      const exitCode = state?.exitCode ?? -1;
      ctx.record({ name: 'stays up', ok: false, seconds: seconds(started), detail: `exited with code ${exitCode} after ${seconds(started)} s` });
      return { failure: { kind: 'exited', exitCode }, log: await logs() };
    }
    const probe = await engine.exec(ctx.container, [target.nodePath, '-e', INSIDE_PROBE_SCRIPT, target.port === undefined ? '' : String(target.port), target.healthcheckPath ?? '/'], signal);
    facts = parseInsideFacts(probe.stdout) ?? facts;
    const answered = facts?.http?.status !== undefined && facts.listening.some((l) => l.port === target.port && !isLoopback(l.address));
    if (target.worker ? deps.now() >= settleUntil : answered) break;
    if (deps.now() >= deadline) break;
    await deps.sleep(POLL_MS, signal);
  }
  if (signal.aborted) return { log: '' };
  const upFor = seconds(started);
  ctx.record({ name: 'stays up', ok: true, seconds: upFor, detail: target.worker ? `still running after ${upFor} s` : `running` });

  const uids = [...new Set((facts?.processes ?? []).map((p) => p.uid))];
  const rootProcesses = (facts?.processes ?? []).filter((p) => p.uid === 0);
  const nonRoot = facts !== undefined && facts.processes.length > 0 && rootProcesses.length === 0;
  ctx.record({
    name: 'runs as non-root',
    ok: nonRoot,
    seconds: 0,
    detail: facts ? (nonRoot ? `uid ${uids.join(', ')} inside the container (${facts.processes.map((p) => p.name).join(', ')})` : `root: ${rootProcesses.map((p) => p.name).join(', ')}`) : 'could not look inside the container',
  });
  if (!nonRoot) return { failure: { kind: 'exited', exitCode: -1 }, log: await logs() };

  if (target.port !== undefined) {
    const status = facts?.http?.status;
    const onPort = (facts?.listening ?? []).filter((l) => l.port === target.port);
    const ok = status !== undefined && onPort.some((l) => !isLoopback(l.address));
    ctx.record({
      name: `answers on port ${target.port}`,
      ok,
      seconds: upFor,
      detail: ok ? `GET ${target.healthcheckPath ?? '/'} -> ${status} (from inside the container)` : `no HTTP answer on ${onPort.map((l) => l.address).join(', ') || 'any address'} within ${settings.startTimeoutSeconds} s`,
    });
    if (!ok) return { failure: { kind: 'no-answer', port: target.port, listening: facts?.listening ?? [], seconds: settings.startTimeoutSeconds }, log: await logs() };
  }

  if (healthcheck) {
    const t0 = deps.now();
    const health = async () => {
      await engine.runHealthcheck(ctx.container, signal);
      return engine.state(ctx.container, signal);
    };
    let state = await health();
    while (state?.running && state.health !== 'healthy' && state.health !== 'unhealthy' && deps.now() < Math.max(deadline, t0 + 30_000) && !signal.aborted) {
      await deps.sleep(POLL_MS, signal);
      state = await health();
    }
    if (signal.aborted) return { log: '' };
    const ok = state?.health === 'healthy';
    ctx.record({ name: 'HEALTHCHECK healthy', ok, seconds: seconds(t0), detail: `${state?.health ?? 'gone'}${!ok && state?.healthOutput ? `: ${state.healthOutput}` : ''}` });
    if (!ok) return { failure: { kind: 'unhealthy', output: state?.healthOutput, path: target.healthcheckPath }, log: await logs() };
  }

  const t0 = deps.now();
  await engine.stop(ctx.container, target.stopGraceSeconds, signal);
  if (signal.aborted) return { log: '' };
  const stopSeconds = seconds(t0);
  const exitCode = (await engine.state(ctx.container))?.exitCode ?? -1;
  const ok = exitCode === 0 && stopSeconds <= target.stopGraceSeconds;
  ctx.record({ name: `${engine.cli} stop exits 0`, ok, seconds: stopSeconds, detail: `exit code ${exitCode} after ${stopSeconds} s (grace period ${target.stopGraceSeconds} s)` });
  if (!ok) return { failure: { kind: 'stop', exitCode, graceSeconds: target.stopGraceSeconds }, log: await logs() };
  return { log: '' };
}
