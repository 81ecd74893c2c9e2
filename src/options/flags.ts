// What the user said, on the command line or in a prompt answer, before validation. One key per
// option declaration (declarations.ts); undefined = not given, so detection or a prompt fills it.
import type { PackageManagerName } from '../detect/facts.js';
import type { ShutdownChoice } from '../shutdown/choose.js';
import type { EngineCli } from '../core/engine-cli.js';

export type Base = 'alpine' | 'slim' | 'distroless' | 'dhi';

export interface Flags {
  /** The app directory, the positional [dir]. */
  dir?: string;
  yes: boolean;
  entry?: string;
  /** Where to write the Dockerfile, relative to [dir]. */
  dockerfile?: string;
  /** --start "<command>": what the container runs, parsed into exec form (no shell operators). */
  start?: string;
  port?: string;
  worker?: boolean;
  node?: string;
  packageManager?: PackageManagerName;
  native?: boolean;
  build?: boolean;
  npmRegistry?: string;
  writableDirs?: string[];
  /** --shutdown preload|wired|app; undefined = preload unless the app handles SIGTERM itself. */
  shutdown?: ShutdownChoice;
  healthcheckPath?: string;
  /** false when --no-healthcheck was given (or the prompt was left empty). */
  healthcheck?: boolean;
  base?: Base;
  registryMirror?: string;
  baseImage?: string;
  runtimeImage?: string;
  digest?: string;
  offline: boolean;
  fallback: boolean;
  allowNoLockfile?: boolean;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  /** undefined: not given (an interactive run asks after writing, when an engine answers). */
  verify?: boolean;
  /** --engine: the CLI --verify drives. */
  engine?: EngineCli;
  keepImage?: boolean;
  buildTimeout?: string;
  startTimeout?: string;
  /** --run-env-file: run-time variables for compose.yaml's env_file and the --verify run. */
  envFile?: string;
  /** --build-arg NAME (repeatable): an ARG the build step reads; public values only. */
  buildArgs?: string[];
  /** --build-secret NAME (repeatable): a BuildKit secret the build step reads as $NAME. */
  buildSecrets?: string[];
  /** --kubernetes: also write k8s/ (Deployment, Service, kustomization.yaml). */
  kubernetes?: boolean;
  /** --kubernetes-image <name>[:tag]@sha256:<digest>: the image k8s/ deploys (implies --kubernetes). */
  kubernetesImage?: string;
}

/** Prompt answers use the flags' own keys and shapes. */
export type Answers = Partial<Flags>;

/** Every key a declaration exists for (the positional dir is the command's, not an option). */
export type OptionKey = Exclude<keyof Flags, 'dir'>;
