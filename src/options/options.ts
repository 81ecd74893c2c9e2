// The one typed options object every run ends in (built by resolve.ts), as plain types so that
// declarations, rendering and reporting can read it without importing the merge.
import type { BuildFact, Framework, ModuleSystem, PackageManagerName } from '../detect/facts.js';
import type { Base } from './flags.js';
import type { ShutdownChoice } from '../shutdown/choose.js';
import type { EngineCli } from '../core/engine-cli.js';
import type { WorkspaceOptions } from './workspace.js';
import type { BuildVariables } from './build-variables.js';
import type { Layout } from './layout.js';

export type { Base } from './flags.js';
export type { PackageManagerName } from '../detect/facts.js';

export interface PrivateRegistry {
  /** Default registry for unscoped packages, when it is not the public one. */
  url?: string;
  scopes: { scope: string; url: string }[];
}

/** The user's choices, merged with detection and defaults; what the container runs is the recipe plan's (recipes/plan-entry.ts). */
export interface Options {
  /** The Dockerfile's path relative to [dir] (--dockerfile; default "Dockerfile"). */
  dockerfile: string;
  /** Build context, package directory, the Dockerfile inside the context, the app's directory in the image. */
  layout: Layout;
  worker: boolean;
  /** Undefined for workers. */
  port?: number;
  healthcheckPath?: string;
  /** --no-healthcheck: no HEALTHCHECK at all (without a path, the check is that the port answers HTTP). */
  noHealthcheck?: true;
  nodeRange?: string;
  packageManager: { name: PackageManagerName; version?: string; lockfile?: string; yarnBerry: boolean };
  native: boolean;
  build?: BuildFact;
  registry?: PrivateRegistry;
  writableDirs: string[];
  /** --shutdown as given (the plan's shutdown kind says what was chosen). */
  shutdown?: ShutdownChoice;
  base: Base;
  framework: Framework;
  moduleSystem: ModuleSystem;
  image: { registryMirror?: string; baseImage?: string; runtimeImage?: string; digest?: string; offline: boolean; noFallback: boolean };
  /**
   * The user's own compose file when it is one `docker compose` would prefer over nothing we write
   * (compose.yml, docker-compose.yaml, docker-compose.yml): it is left alone and compose.yaml is not
   * written, since it would change which file `docker compose` uses.
   */
  userComposeFile?: string;
  /** --run-env-file, relative to [dir]: compose.yaml's env_file and the --verify run's variables (never the build). */
  envFile?: string;
  /** --build-arg / --build-secret: the variables the build step reads (names only; values come from the build's environment). */
  buildVariables: BuildVariables;
  /** Install-stage ENV, from detection (validated at the facts boundary); the install inputs are the plan's. */
  install: { env: Record<string, string> };
  allowNoLockfile: boolean;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  /** [dir] is one package of a workspace: the build context is the workspace root. */
  workspace?: WorkspaceOptions;
  verify: VerifyOptions;
  /** --kubernetes: write k8s/ manifests from the same plan. */
  kubernetes: boolean;
  /** --kubernetes-image, validated (pinned by digest): kustomization.yaml's `images:` names it; undefined = a placeholder tag. */
  kubernetesImage?: string;
}

/** --verify and its bounds (src/verify). */
export interface VerifyOptions {
  /** true: --verify; false: --no-verify; undefined: ask in an interactive run. */
  requested?: boolean;
  /** --engine: docker (default) or podman. */
  engine: EngineCli;
  keepImage: boolean;
  buildTimeoutSeconds: number;
  startTimeoutSeconds: number;
}
