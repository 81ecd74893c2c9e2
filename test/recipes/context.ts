// A RecipeContext over a project tree, with the facts a recipe reads (package manager and lockfile)
// filled in the way detection reports them.
import { readPackageJson } from '../../src/detect/package-json.js';
import type { ProjectFacts } from '../../src/detect/facts.js';
import type { Recipe, RecipeContext, RecipePlan } from '../../src/recipes/types.js';
import type { ProjectFs } from '../../src/core/project-fs.js';

export async function recipeContext(fs: ProjectFs): Promise<RecipeContext> {
  const pkg = await readPackageJson(fs, 'app');
  const lockfile = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];
  const found = (await Promise.all(lockfile.map((f) => fs.exists(f)))).findIndex(Boolean);
  const facts: ProjectFacts = {
    packageManager: { name: found === 1 ? 'pnpm' : found === 2 ? 'yarn' : 'npm', lockfile: lockfile[found] },
    typescript: false,
    native: false,
    nativeReasons: [],
    framework: 'unknown',
    moduleSystem: pkg.type === 'module' ? 'module' : 'commonjs',
    existing: { dockerfile: false, dockerignore: false, compose: false },
    install: { inputs: [], env: {} },
    warnings: [],
  };
  return { pkg, fs, facts, warnings: [] };
}

/** The first recipe that detects the project, and its plan (or the error the plan throws). */
export async function firstPlan(recipes: readonly Recipe[], fs: ProjectFs): Promise<{ recipe?: string; plan?: RecipePlan; error?: string; warnings: string[] }> {
  const ctx = await recipeContext(fs);
  for (const recipe of recipes) {
    if (!(await recipe.detect(ctx))) continue;
    try {
      return { recipe: recipe.id, plan: await recipe.plan(ctx), warnings: ctx.warnings };
    } catch (e) {
      return { recipe: recipe.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), warnings: ctx.warnings };
    }
  }
  return { warnings: ctx.warnings };
}
