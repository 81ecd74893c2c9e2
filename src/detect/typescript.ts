// The TypeScript layout of a project: whether it uses TypeScript and where tsc reads (rootDir,
// explicit or inferred) and writes (outDir), by tsc's rules (typescript-output.ts) for the config
// the build script compiles with.
import type { ProjectFs } from '../core/project-fs.js';
import type { PackageJson } from './package-json.js';
import { nestTsConfig, tscRunOf } from './tsc-project.js';
import { typeScriptOutput } from './typescript-output.js';

export interface TypeScriptLayout {
  typescript: boolean;
  /** compilerOptions.outDir relative to the project root ("dist"), when set. */
  outDir?: string;
  /** The config file that set outDir (tsconfig.json or a file it extends), for messages. */
  outDirFrom?: string;
  /** compilerOptions.rootDir relative to the project root ("src"), or the one tsc infers from its input files. */
  rootDir?: string;
  /** rootDir is not set: tsc infers it as the common directory of the input files. */
  rootDirInferred?: boolean;
  /** The tsconfig the build uses (tsconfig.build.json when the build script says -p tsconfig.build.json). */
  config?: string;
}

export async function detectTypeScript(fs: ProjectFs, pkg: PackageJson, warnings: string[]): Promise<TypeScriptLayout> {
  const hasConfig = await fs.exists('tsconfig.json');
  const hasDependency = 'typescript' in pkg.devDependencies || 'typescript' in pkg.dependencies;
  const layout: TypeScriptLayout = { typescript: hasConfig || hasDependency };
  // The config the build compiles with (`tsc -p tsconfig.build.json`, Nest's tsConfigPath), else tsconfig.json.
  const tsc = tscRunOf(pkg.scripts, 'build') ?? (pkg.scripts.build === undefined ? tscRunOf(pkg.scripts, 'start') : undefined);
  const config = tsc?.config ?? (await nestTsConfig(fs, pkg.scripts.build)) ?? 'tsconfig.json';
  // A config chain we cannot read matters when tsc is the build; for framework builds it is noise.
  const chainWarnings: string[] = [];
  const output = (await typeScriptOutput(fs, config, chainWarnings)) ?? (config === 'tsconfig.json' ? undefined : await typeScriptOutput(fs, 'tsconfig.json', chainWarnings));
  if (tsc) warnings.push(...chainWarnings);
  if (output === undefined) return layout;
  layout.typescript = true;
  layout.config = output.config.file;
  if (output.outDir !== undefined) {
    layout.outDir = output.outDir;
    layout.outDirFrom = output.config.outDirFrom ?? output.config.file;
  }
  layout.rootDir = output.rootDir;
  if (output.inferred) layout.rootDirInferred = true;
  return layout;
}
