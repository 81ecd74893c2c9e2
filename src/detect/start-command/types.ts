// The shapes the start-command module exchanges; documented in index.ts.
import type { PackageJson } from '../package-json.js';
import type { LockfileBins, PackageBinary } from './package-binary.js';

export interface StartCommand {
  /** Exec form after dumb-init, e.g. ["node", "--enable-source-maps", "dist/server.js"]. */
  argv: string[];
  /** Project-relative file Node runs, as Node receives it ("bin/www", "dist/main": Node also tries .js). */
  script?: string;
  /** The package binary the command runs, when it runs one. */
  packageBinary?: PackageBinary;
  /** Variables from NAME=value / cross-env / env prefixes (NODE_ENV is left out: the image sets production). */
  env: Record<string, string>;
  /** Steps that ran before the server in the script, for the build stage ("npm run build"). */
  buildSteps: string[];
  warnings: string[];
  /** Where the command came from: "scripts.start", "scripts.start:prod", "--start", "--entry", "main". */
  origin: string;
  /** Lowest Node version the command needs (type stripping: "22.18.0"). */
  minNode?: string;
}

export interface StartContext {
  pkg: Pick<PackageJson, 'scripts' | 'dependencies' | 'devDependencies' | 'main'>;
  /** From binsFromNpmLockfile; an empty map for yarn/pnpm or no lockfile. */
  lockfileBins: LockfileBins;
  /** Reads a project-relative file (ecosystem files, node_modules/<pkg>/package.json); undefined when absent. */
  read: (file: string) => Promise<string | undefined>;
  /** The project's build, when a build script compiles TypeScript: where its output goes. */
  build?: { outDir: string; rootDir?: string };
}

/** What interpreting one command gives before the origin is attached. */
export type Interpreted = Omit<StartCommand, 'origin' | 'warnings'>;
