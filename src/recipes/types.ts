// The contract between framework recipes and rendering (issue 9). The recipes-core helper commits this
// as src/recipes/types.ts (and may refine it; keep the meta-frameworks helper's recipes compiling).
// A recipe is one file: it detects itself from facts read from the project and returns a plan. The
// template renders the plan by looping over its lists; it never branches on a framework name.
import type { InstallInput } from '../core/install-input.js';

export interface RecipeContext {
  /** Parsed package.json (name, scripts, dependencies, devDependencies, type, main, engines...). */
  pkg: import('../detect/package-json.js').PackageJson;
  /** Read-only project file access (exists/read/list), relative posix paths. */
  fs: import('../core/project-fs.js').ProjectFs;
  /** Facts detection already produced (package manager, typescript layout, build script, port...). */
  facts: import('../detect/facts.js').ProjectFacts;
  /** The command given with --start / --entry, parsed: a recipe runs it instead of its own (the registry applies it when a recipe does not). */
  start?: import('../detect/start-command/index.js').StartCommand;
  warnings: string[];
}

export interface Copy {
  /** 'build' = the build stage's /app, 'deps' = production node_modules stage, 'context' = the build context. */
  from: 'build' | 'deps' | 'context';
  /** Path relative to /app in that stage (or the context root); a directory or file. */
  src: string;
  /** Path relative to /app in the runtime stage. Default: same as src. */
  dest?: string;
  /**
   * The copied tree mirrors the workspace root, not the package: Next's standalone output traces from
   * the directory of the lockfile, so in a workspace its server.js sits at <package dir>/server.js.
   * Outside a workspace the two are the same; the workspace transform keeps such a copy's dest at the root.
   */
  mirrorsWorkspaceRoot?: boolean;
}

/**
 * What the workspace transform (render/workspace-transform.ts) adds to a plan: the package re-rooted at
 * the workspace root, which is then the build context and /app. Every Copy of such a plan is relative
 * to the root; the command runs in /app/<dir>, so command, commandScript and writablePaths stay relative to the package.
 */
export interface WorkspaceStages {
  /** The package directory relative to the workspace root ("apps/web"). */
  dir: string;
  /** Root files the install reads besides package.json and the lockfile (pnpm-workspace.yaml, .yarnrc.yml). */
  rootFiles: string[];
  /** Every workspace package directory: its package.json goes in before the install (the lockfile names them all). */
  manifestDirs: string[];
  /** The deps stage's install (npm, yarn); undefined when the closure is deployed in the build stage (pnpm). */
  productionInstall: string | undefined;
  /** Packages outside the closure whose manifests the deps stage drops before the runtime copies it. */
  pruneDirs: string[];
  fullInstall: string;
  /** Build-stage instructions before the package's own sources: workspace deps copied and built, in order. */
  prepare: BuildInstruction[];
  /** A note on the monorepo tool found (turbo.json, nx.json), for the summary and the Dockerfile header. */
  note: string | undefined;
  /**
   * `turbo prune <package> --docker` at the lockfile's turbo version, in a stage of its own: the
   * installs then take its pruned lockfile and the closure's manifests, so a change in a package
   * outside the closure no longer reruns them.
   */
  turboPrune?: { version: string; packageName: string };
}

export type BuildInstruction = { copy: string } | { run: string } | { install: string } | { workdir: string };

export type Shutdown =
  /** The framework's own server drains in-flight requests on SIGTERM and exits 0 (proven per framework). */
  | { kind: 'framework'; how: string; env?: Record<string, string> }
  /**
   * Our module, preloaded so the app needs no code change: rendering writes graceful-shutdown.cjs at
   * the project root, copies it into the runtime stage and inserts `--require ./graceful-shutdown.cjs`
   * after "node" in `command`. The recipe only returns its plain command.
   */
  | { kind: 'preload'; how: string }
  /** The app owns its server: we write the module and print the two wiring lines for this entry. */
  | { kind: 'wired'; sourceEntry: string; /** The file that already imports the module (nothing to print). */ already?: string }
  /** The app handles SIGTERM itself (detected, or --shutdown app): nothing is written or preloaded. */
  | { kind: 'app'; how: string };

export interface RecipePlan {
  /** Stable id for reports/json: 'node', 'next-standalone', 'next', 'nuxt', 'sveltekit', 'astro', 'react-router', 'remix', 'nest', 'fastify-cli', 'express-generator'. */
  id: string;
  /** Human name for messages: "Next.js (standalone output)". */
  label: string;
  /** Shell commands run in the build stage after `COPY . .` (e.g. ["npm run build"], ["npx prisma generate", "npm run build"]). Empty: no build stage. `npm run <script>` is rendered with the project's package manager. */
  buildSteps: string[];
  /** Files and folders the install needs before it runs (prisma/schema.prisma for a postinstall, patches/...). */
  installInputs: InstallInput[];
  /** What the runtime stage copies, in order. */
  runtimeCopies: Copy[];
  /** Whether the runtime needs the production node_modules stage at all (false: Next standalone, Nuxt .output). */
  productionDependencies: boolean;
  /** Exec-form command after dumb-init: ["node", "server.js"]. Its script must be inside runtimeCopies (checked at render). */
  command: string[];
  /** The file `command` runs, relative to /app (for the "runtime holds it" check). */
  commandScript?: string;
  /** Runtime ENV (besides NODE_ENV=production): HOSTNAME=0.0.0.0, HOST=0.0.0.0, PORT, telemetry off... */
  env: Record<string, string>;
  /** ENV in build stages only (telemetry off, CYPRESS_INSTALL_BINARY=0, ...). */
  buildEnv: Record<string, string>;
  /** Paths under /app the app writes at run time (.next/cache): owned by uid 1000, tmpfs/volume in compose. */
  writablePaths: string[];
  /** Extra system packages: build stage (python3 make g++) and runtime (openssl for Prisma). */
  systemPackages: { build: string[]; runtime: string[] };
  shutdown: Shutdown;
  /** Extra .dockerignore lines (.next, .nuxt, .output, .svelte-kit, build, dist...). */
  dockerignore: string[];
  /** Lines printed after writing and put in README.Docker.md (suggest standalone, prisma migrate deploy as a release step...). */
  nextSteps: string[];
  /** Default port when the framework fixes one (Next 3000, Nuxt 3000, Astro 4321 with PORT env...). */
  port?: number;
  /** Health path when the framework has a conventional one, else undefined. */
  healthcheckPath?: string;
  /** Set only by the workspace transform. */
  workspace?: WorkspaceStages;
}

export interface Recipe {
  id: string;
  /** Cheap check from dependencies/config files; true means "this recipe owns the app". Order in the registry decides ties. */
  detect(ctx: RecipeContext): Promise<boolean> | boolean;
  /** The plan, or throws a UsageError (exit 2, one line naming what was found and the flag to pass). */
  plan(ctx: RecipeContext): Promise<RecipePlan> | RecipePlan;
}
