// A failed check -> the first relevant lines of the container log and ONE hint that names the fix.
// Pure: the same log always gives the same hint, so it is tested with log lines captured from real
// runs (test/verify/logs/).
import { posix } from 'node:path';
import { runtimeInstallHint } from './runtime-install.js';
import { buildVariableHint, runVariableHint } from './variable-hints.js';
import { missingVariable } from './missing-variable.js';
import { CHECK_PREFIX } from '../render/start-file-check.js';

/** The generated Dockerfile's WORKDIR. */
const APP_DIR = '/app';

export type Failure =
  | { kind: 'build'; lines: string[]; /** The failed step's whole output, when more than the lines shown. */ output?: string }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'no-answer'; port: number; listening: { address: string; port: number }[]; seconds: number }
  | { kind: 'unhealthy'; output?: string; path?: string }
  | { kind: 'stop'; exitCode: number; graceSeconds: number };

export interface HintContext {
  log: string;
  entry: string;
  sourceEntry: string;
  worker: boolean;
  /** Major of the Node line the image runs, for the "try the previous LTS" hint. */
  nodeMajor?: number;
  /** The newest LTS line below nodeMajor that is still supported (src/core/node-schedule.ts). */
  previousLts?: number;
  /** --run-env-file as given, and the names it sets. */
  envFile?: { path: string; names: string[] };
  /** A committed template such as .env.example (named in a hint, never read). */
  envTemplate?: string;
  wiring: string[];
  /** The engine CLI that ran it, for the stop hint (default docker). */
  cli?: 'docker' | 'podman';
}

export interface Diagnosis {
  hint: string;
  /** The log lines worth showing (empty when the log says nothing). */
  lines: string[];
}

export function diagnose(failure: Failure, ctx: HintContext): Diagnosis {
  const lines = failure.kind === 'build' ? withVariableLine(failure) : relevantLines(ctx.log);
  return { hint: hintFor(failure, ctx), lines };
}

/** The build lines shown, led by the line that says a variable is not set when it scrolled out of them. */
function withVariableLine(failure: Extract<Failure, { kind: 'build' }>): string[] {
  const missing = missingVariable(failure.output ?? '');
  if (!missing || failure.lines.some((l) => l.includes(missing.line))) return failure.lines;
  return [missing.line, '...', ...failure.lines];
}

function hintFor(failure: Failure, ctx: HintContext): string {
  switch (failure.kind) {
    case 'build':
      return buildVariableHint(failure.output ?? failure.lines.join('\n')) ?? buildHint(failure.lines.join('\n'));
    case 'exited':
      return fromLog(ctx) ?? exitedHint(failure.exitCode, ctx);
    case 'no-answer':
      // What the log says (a crash, a missing module, a variable) outranks the symptom on the port.
      return fromLog(ctx) ?? noAnswerHint(failure, ctx);
    case 'unhealthy':
      return `the HEALTHCHECK (GET ${failure.path ?? '?'}) does not pass${failure.output ? ` (${oneLine(failure.output)})` : ''}: pass --healthcheck-path <a path that answers 2xx>, or --no-healthcheck`;
    case 'stop':
      return stopHint(failure, ctx);
  }
}

/**
 * The log's own evidence, strongest first: an install at start-up (its npm errors would otherwise
 * read as a write to the read-only root), a write to the read-only root, a missing module, a
 * missing variable, a crash in a dependency.
 */
export function fromLog(ctx: HintContext): string | undefined {
  return runtimeInstallHint(ctx.log) ?? readOnlyWrite(ctx.log) ?? missingModule(ctx.log, ctx.entry) ?? runVariableHint(ctx) ?? dependencyCrash(ctx.log, ctx.nodeMajor, ctx.previousLts);
}

/** `EROFS: read-only file system, mkdir '/app/uploads'`; a recursive mkdir on the read-only root says ENOENT instead. */
const READ_ONLY = /\b(EROFS|EACCES|EPERM|ENOENT)\b[^\n']*?, (\w+) '([^']+)'/g;

function readOnlyWrite(log: string): string | undefined {
  const m = [...log.matchAll(READ_ONLY)].find(([, code, syscall]) => code !== 'ENOENT' || syscall === 'mkdir');
  if (!m) return undefined;
  const [, code = '', syscall = '', target = ''] = m;
  const inApp = target.startsWith(`${APP_DIR}/`);
  if (!inApp) {
    return `the app writes to ${target} (${code}, ${syscall}), outside the app and not writable: write under /tmp (the only writable path), or into a directory declared with --writable-dir`;
  }
  const relative = target.slice(APP_DIR.length + 1).replace(/\/+$/, '');
  const dir = syscall === 'mkdir' || syscall === 'rmdir' || syscall === 'scandir' ? relative : posix.dirname(relative);
  if (dir === '.' || dir === '') {
    return `the app writes ${relative} directly into ${APP_DIR}, which is read-only (${code}): move it into a directory and pass --writable-dir <that dir>, or write under /tmp`;
  }
  return `the app writes to ${APP_DIR}/${dir} (${code}, ${syscall}), which is read-only: pass --writable-dir ${dir}`;
}

const NOT_FOUND = /Cannot find (?:module|package) '([^']+)'(?: imported from (\S+))?/;

function missingModule(log: string, entry: string): string | undefined {
  const m = NOT_FOUND.exec(log);
  if (!m) return undefined;
  const [, target = '', importer] = m;
  if (target.startsWith(`${APP_DIR}/`)) {
    const file = target.slice(APP_DIR.length + 1);
    if (file === entry || importer === undefined) {
      return `the start command runs ${file}, which is not in the image: the entry or the build output is wrong (pass --start "<command>" or --entry <the file the build writes>, or fix the build's output directory)`;
    }
    return `${file} (imported from ${importer.replace(`${APP_DIR}/`, '')}) is not in the image: is it a build output that is not produced, or excluded by .dockerignore?`;
  }
  if (target.startsWith('.') || target.startsWith('/')) {
    return `${target} is required but not in the image: the start command or the build output is wrong`;
  }
  const pkg = target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!;
  return `package ${pkg} is not installed in the image (only "dependencies" are): move it from devDependencies to dependencies`;
}

const DEPENDENCY_FRAME = new RegExp(`${APP_DIR}/node_modules/((?:@[^/\\s]+/)?[^/\\s]+)/`);

function dependencyCrash(log: string, nodeMajor: number | undefined, lts: number | undefined): string | undefined {
  const errorAt = log.search(/^(\w*Error|\[?\w*Error)\b|^Uncaught|^node:internal/m);
  const firstFrame = log.slice(Math.max(0, errorAt)).split('\n').find((l) => /^\s+at\s/.test(l) || /^\/app\/node_modules\//.test(l));
  const m = firstFrame ? DEPENDENCY_FRAME.exec(firstFrame) : undefined;
  if (!m) return undefined;
  const pkg = m[1]!;
  if (nodeMajor === undefined) return `the app crashes inside node_modules/${pkg}: it may not support this Node line; upgrade ${pkg} or pin an older Node with --node`;
  return `the app crashes inside node_modules/${pkg} on Node ${nodeMajor}: it may not support this Node line yet; try --node ${lts ?? previousLts(nodeMajor)} (or upgrade ${pkg})`;
}

/** LTS lines are the even majors. */
export function previousLts(major: number): number {
  return major % 2 === 0 ? major - 2 : major - 1;
}

/** How to name the right start file. (With the start-command work merged: `--start <command>`.) */
export const START_FLAG = '--start "<the command that starts it>"';

function exitedHint(exitCode: number, ctx: HintContext): string {
  if (exitCode === 0) {
    return ctx.worker
      ? `${ctx.entry} exited at once with code 0: it starts no server and is no long-running worker either (a worker must keep running): pass ${START_FLAG}`
      : `${ctx.entry} exited at once with code 0: it starts no server. If it is a job or worker, pass --worker; otherwise pass ${START_FLAG}`;
  }
  return `the app exited with code ${exitCode} at start-up: the log lines above say why`;
}

function noAnswerHint(f: Extract<Failure, { kind: 'no-answer' }>, ctx: HintContext): string {
  const onPort = f.listening.filter((l) => l.port === f.port);
  if (onPort.length > 0 && onPort.every((l) => l.address.startsWith('127.') || l.address === '::1')) {
    return `the app listens only on ${onPort[0]!.address}:${f.port}, which nothing outside the container reaches: bind it to 0.0.0.0 (e.g. listen(${f.port}, '0.0.0.0'), or the framework's HOST=0.0.0.0)`;
  }
  if (onPort.length > 0) return `port ${f.port} is open but gives no HTTP answer: is it the app's HTTP port?`;
  const others = [...new Set(f.listening.map((l) => l.port))];
  if (others.length === 1) return `the app listens on port ${others[0]}, not ${f.port}: pass --port ${others[0]} (or have the app read PORT)`;
  return `nothing listens on port ${f.port} after ${f.seconds} s: check --port, and that ${ctx.entry} starts the server (or pass --worker if it is none)`;
}

function stopHint(f: Extract<Failure, { kind: 'stop' }>, ctx: HintContext): string {
  const wire = ctx.wiring.length > 0 ? ` Add to ${ctx.sourceEntry}:\n    ${ctx.wiring.join('\n    ')}` : '';
  const stop = `${ctx.cli ?? 'docker'} stop`;
  if (f.exitCode === 143) return `${stop} ended the app with SIGTERM (exit 143): graceful shutdown is not wired.${wire}`;
  if (f.exitCode === 137) return `the app did not exit within the ${f.graceSeconds} s grace period and was killed (exit 137): graceful shutdown is not wired, or something keeps it alive.${wire}`;
  return `${stop} ended the app with exit code ${f.exitCode}, not 0: the log lines above say why`;
}

function buildHint(text: string): string {
  // The generated Dockerfile's own check (render/start-file-check.ts) says what is wrong in one line.
  // BuildKit also prints the RUN line itself: the message is the printed line, not the echo command.
  const own = [...text.matchAll(new RegExp(`${CHECK_PREFIX} (.+)$`, 'gm'))].map((m) => m[1]!.trim()).filter((line) => !line.includes('>&2')).at(-1);
  if (own !== undefined) return own;
  if (/buildx component is missing|requires buildx|unknown flag: --secret/i.test(text)) {
    return 'this docker CLI cannot run BuildKit builds: install the buildx plugin (docker-buildx-plugin, or Debian\'s docker-buildx)';
  }
  if (/secret npmrc[^\n]*not found|npmrc.*no such file/i.test(text)) {
    return 'the build needs the npmrc secret: set NPM_TOKEN, or NPMRC_PATH to an .npmrc that holds the registry token';
  }
  if (/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/.test(text)) {
    return 'npm inside the build does not trust a TLS-intercepting proxy: hand its CA to the install step (see README.Docker.md)';
  }
  return 'the build failed: the build output above says why';
}

/** From the first line that looks like an error (a little before it), else the first lines. */
export function relevantLines(log: string, max = 12): string[] {
  const lines = log.split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const at = lines.findIndex((l) => /\b(\w*Error|EROFS|EACCES|EPERM|MODULE_NOT_FOUND|ERR_\w+)\b|Cannot find|^node:|Uncaught|SIGTERM|SIGKILL|Installing \S+ as it was not found/.test(l));
  const from = at < 0 ? 0 : Math.max(0, at - 4);
  return lines.slice(from, from + max);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').slice(0, 200);
}
