// Where the build steps a start script runs before the server write their output, when one of them
// is a tsc build (`npm run build:ts && fastify start dist/app.js`, build:ts = `tsc`): tsc's outDir
// by tsc's own rules (detect/typescript-output.ts). Undefined when no step is a tsc build we can see.
import { scriptOfStep, tscRunOf } from '../detect/tsc-project.js';
import { typeScriptOutput } from '../detect/typescript-output.js';
import type { RecipeContext } from './types.js';

export async function tscOutDirOf(ctx: Pick<RecipeContext, 'pkg' | 'fs' | 'warnings'>, steps: readonly string[]): Promise<string | undefined> {
  for (const step of steps) {
    const script = scriptOfStep(step);
    const tsc = script === undefined ? undefined : tscRunOf(ctx.pkg.scripts, script);
    if (tsc === undefined) continue;
    const output = await typeScriptOutput(ctx.fs, tsc.config, ctx.warnings);
    if (output?.outDir !== undefined && output.outDir !== '.') return output.outDir;
  }
  return undefined;
}

/**
 * The last build step when the runtime copies the whole build stage (pre-steps whose output is not
 * known, e.g. `npm run scss && node app.js`): the build stage's node_modules is the full install, so it
 * is removed before the copy and the runtime keeps the production node_modules from the deps stage.
 * (Engine 20.10 has no COPY --exclude; this works on every engine.)
 */
export const DROP_FULL_INSTALL = 'rm -rf node_modules';
