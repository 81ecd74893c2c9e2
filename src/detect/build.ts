// The build step: an npm script named "build" (else the tsc script the start script runs first) whose
// output directory is TypeScript's outDir, else dist.
import type { BuildFact } from './facts.js';
import type { PackageJson } from './package-json.js';
import { tscRunOf } from './tsc-project.js';
import type { TypeScriptLayout } from './typescript.js';

export const BUILD_SCRIPT = 'build';
export const DEFAULT_OUT_DIR = 'dist';

export function detectBuild(pkg: PackageJson, layout: TypeScriptLayout, warnings: string[]): BuildFact | undefined {
  if (pkg.scripts[BUILD_SCRIPT] === undefined) {
    // No "build", but the start script compiles first (`npm run build:ts && fastify start dist/app.js`): that script is the build.
    const tsc = tscRunOf(pkg.scripts, 'start');
    if (tsc !== undefined && tsc.script !== 'start' && layout.outDir !== undefined) {
      return { script: tsc.script, outDir: layout.outDir, outDirSource: `${layout.outDirFrom ?? 'tsconfig.json'} compilerOptions.outDir`, ...(layout.rootDir !== undefined ? { rootDir: layout.rootDir } : {}) };
    }
    if (layout.typescript && layout.outDir !== undefined) {
      warnings.push(`tsconfig.json writes to ${layout.outDir}/ but package.json has no "build" script: add "build": "tsc" or pass --no-build`);
    }
    return undefined;
  }
  const rootDir = layout.rootDir !== undefined ? { rootDir: layout.rootDir } : {};
  if (layout.outDir === undefined) return { script: BUILD_SCRIPT, outDir: DEFAULT_OUT_DIR, ...rootDir };
  return { script: BUILD_SCRIPT, outDir: layout.outDir, outDirSource: `${layout.outDirFrom ?? 'tsconfig.json'} compilerOptions.outDir`, ...rootDir };
}
