// The build step that runs a package.json script. Recipes write `npm run <script>`; rendering turns it
// into the project's package manager (see RecipePlan.buildSteps).
import { UsageError } from '../errors.js';
import { printable } from '../core/validate.js';
import type { RecipeContext } from './types.js';

export function runScript(script: string): string {
  if (!/^[A-Za-z0-9:._-]+$/.test(script)) throw new UsageError(`script name "${printable(script)}" may contain only letters, digits and : . _ -`);
  return `npm run ${script}`;
}

/** `run <build>` when package.json has a build script that runs `tool`, else a one-line refusal naming the fix. */
export function buildStep(ctx: RecipeContext, label: string, tool: RegExp, suggestion: string): string {
  const build = ctx.pkg.scripts.build;
  if (build === undefined) throw new UsageError(`${label}: package.json has no "build" script; add "build": "${suggestion}"`);
  if (!tool.test(build)) throw new UsageError(`${label}: the "build" script is "${printable(build)}", expected it to run ${suggestion}`);
  return runScript('build');
}
