// What verify needs to know about the written setup, what it may touch, and what it reports.
import type { PrivateRegistry } from '../options/options.js';
import type { EngineCli, RunCommand } from './engine.js';
import type { SecretFiles } from './npmrc-source.js';

export interface VerifyTarget {
  /** The build context: the project directory, or a workspace's root. */
  context: string;
  /** The Dockerfile's path when it is not <context>/Dockerfile (a workspace package, --dockerfile). */
  dockerfilePath?: string;
  /** The compose service name; the image and container names derive from it. */
  name: string;
  /** The Dockerfile as written (decides whether the npmrc secret is needed). */
  dockerfile: string;
  registry?: PrivateRegistry;
  worker: boolean;
  port?: number;
  healthcheckPath?: string;
  /** Relative to /app, as declared with --writable-dir. */
  writableDirs: string[];
  entry: string;
  sourceEntry: string;
  /** The lines that wire graceful shutdown in (printed when stop is not graceful). */
  wiring: string[];
  nodeMajor?: number;
  /** compose.yaml's stop_grace_period. */
  stopGraceSeconds: number;
  /** compose.yaml's `user:` (the runtime base's numeric user: 1000:1000, 65532:65532 on distroless). */
  runUser: string;
  /** How the image runs node: "node" on PATH, or a full path (distroless: /nodejs/bin/node). The probes exec it; no shell is needed. */
  nodePath: string;
  /** --run-env-file: handed to `docker run --env-file` only (never the build); its values are redacted from every message. */
  envFile?: RunEnvFile;
  /** A committed template such as .env.example, named in the missing-variable hint (never read). */
  envTemplate?: string;
  /** --build-arg / --build-secret names: their values come from the environment verify runs in. */
  buildVariables: { args: string[]; secrets: string[] };
}

export interface RunEnvFile {
  /** As the user gave it (relative to the project). */
  path: string;
  absolutePath: string;
  names: string[];
  values: string[];
}

/** The bounds of one verification (options.verify: flags --engine, --keep-image, --build-timeout, --start-timeout). */
export interface VerifySettings {
  /** The CLI that builds and runs (--engine; default docker). */
  engine: EngineCli;
  buildTimeoutSeconds: number;
  startTimeoutSeconds: number;
  keepImage: boolean;
}

export interface VerifyDeps {
  run: RunCommand;
  env: Record<string, string | undefined>;
  now(): number;
  /** Resolves after ms, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** One human line on stderr. */
  progress(line: string): void;
  secretFiles: SecretFiles;
  /** A short random id for this run's image and container names. */
  id: string;
}

export interface Check {
  name: string;
  ok: boolean;
  seconds: number;
  detail: string;
}

export interface VerifyResult {
  /** e.g. "Docker Engine 20.10.24"; undefined when none was reachable. */
  engine?: string;
  /** Set when no engine was reachable: how it was looked for. */
  unreachable?: string;
  checks: Check[];
  hint?: string;
  /** The container log (or build output) lines behind the hint. */
  logLines: string[];
  cancelled: boolean;
  /** Every check ran and passed. */
  ok: boolean;
  /** The image left behind on purpose (--keep-image). */
  keptImage?: string;
  /** What could not be removed, each with the command that removes it. */
  leftovers: string[];
}
