// What detection learns about a project. Every field can be overridden by a flag or a prompt;
// `undefined` means "could not be detected" (the shell then prompts, or fails naming the flag).
import type { InstallInput } from '../core/install-input.js';
import type { WorkspaceManifest } from './workspace-manifest.js';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn';
export type Framework = 'express' | 'fastify' | 'koa' | 'hapi' | 'nest' | 'http' | 'unknown';
export type ModuleSystem = 'commonjs' | 'module';

export interface PackageManagerFact {
  name: PackageManagerName;
  /** Exact version from the `packageManager` field (e.g. "9.12.0"), when present. */
  version?: string;
  /** Lockfile name relative to the root (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock), if any. */
  lockfile?: string;
  /** Yarn 2+ ("berry"): from packageManager yarn@>=2, `.yarnrc.yml`, or a berry-format yarn.lock. */
  yarnBerry?: boolean;
}

export interface BuildFact {
  /** Name of the npm script that builds the app (usually "build"). */
  script: string;
  /** Output directory of the build (TypeScript `outDir`, else "dist"), relative posix path. */
  outDir: string;
  /** Where outDir was read ("tsconfig.json compilerOptions.outDir"), for messages; absent for the default. */
  outDirSource?: string;
  /** tsc's rootDir for this build (explicit or inferred from its input files), when it compiles TypeScript. */
  rootDir?: string;
}

export interface RegistryFact {
  /** Default registry URL from .npmrc `registry=`, if not the public one. */
  url?: string;
  /** Scoped registries from `@scope:registry=` lines. */
  scopes: { scope: string; url: string }[];
  /** Whether an auth token / password line is present (its value is never read into facts). */
  hasToken: boolean;
  /** Where these settings come from: .npmrc (npm, pnpm, yarn 1) or .yarnrc.yml (yarn 2+, which ignores .npmrc). */
  source?: '.npmrc' | '.yarnrc.yml';
}

export interface ProjectFacts {
  /** package.json `name`, for image tags and the README. */
  name?: string;
  packageManager: PackageManagerFact;
  /** Runtime entry file, relative posix path inside the project (compiled output for TypeScript). */
  entry?: string;
  /** Source entry when it differs from the runtime entry (e.g. src/server.ts -> dist/server.js). */
  sourceEntry?: string;
  port?: number;
  build?: BuildFact;
  typescript: boolean;
  native: boolean;
  /** Why native was detected (package names, binding.gyp, hasInstallScript), for the summary. */
  nativeReasons: string[];
  registry?: RegistryFact;
  framework: Framework;
  /** Module system of the entry (package.json `type`, or the entry's extension). */
  moduleSystem: ModuleSystem;
  /** Node constraint from engines.node, .nvmrc or .node-version, as a semver range. */
  nodeRange?: string;
  nodeRangeSource?: 'engines.node' | '.nvmrc' | '.node-version';
  /** A health route found in the sources ("/health", "/healthz", ...). */
  healthcheckPath?: string;
  /** Files present that the generator may overwrite or merge. */
  existing: {
    dockerfile: boolean;
    dockerignore: boolean;
    compose: boolean;
    /** Which compose file exists (compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml). */
    composeFile?: string;
  };
  /** What the install needs besides the manifests: files/folders to copy first, ENV for the install stages. */
  install: { inputs: InstallInput[]; env: Record<string, string> };
  /** Set when [dir] is one package of an npm, pnpm or yarn workspace (packageManager then describes the root). */
  workspace?: WorkspaceFact;
  /** True when the entry starts no server (no framework, no listen(), no createServer): a worker. */
  likelyWorker?: boolean;
  warnings: string[];
}

// --- workspaces (detect/workspace.ts) ---------------------------------------------

export interface WorkspacePackage {
  /** Directory relative to the workspace root ("packages/shared"). */
  dir: string;
  name?: string;
  manifest: WorkspaceManifest;
}

export interface WorkspaceDependency {
  name: string;
  dir: string;
  /** Reached only through devDependencies: needed to build, not to run. */
  devOnly: boolean;
  /** Its `build` script exists: it is built before the package that uses it. */
  builds: boolean;
}

export type MonorepoTool = 'turbo' | 'nx';

export interface WorkspaceFact {
  /** Package manager the root declares its workspace for (pnpm-workspace.yaml: pnpm; else the lockfile / packageManager). */
  manager: PackageManagerName;
  /** The root as a path from [dir], posix ("../.."). */
  root: string;
  /** Where the patterns came from, for messages: "package.json workspaces" or "pnpm-workspace.yaml". */
  declaredIn: 'package.json workspaces' | 'pnpm-workspace.yaml';
  /** [dir] relative to the root ("apps/api"). */
  packageDir: string;
  packageName: string;
  /** Lockfile relative to the root, when there is one. */
  lockfile?: string;
  /** Every workspace package (the root excluded), sorted by directory. */
  packages: WorkspacePackage[];
  /** [dir]'s workspace dependencies, transitively, each after the ones it depends on. */
  dependencies: WorkspaceDependency[];
  /** Turborepo (turbo.json) or Nx (nx.json) at the root. */
  monorepoTool?: MonorepoTool;
  /** turbo.json at the root of a pnpm or npm workspace whose lockfile pins turbo and whose root names its packageManager: that exact version. */
  turboVersion?: string;
}
