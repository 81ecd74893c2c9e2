// planProject: the chosen recipe's plan for a project, amended by every add-on that applies, with
// --start/--entry applied on top when the recipe did not use it itself.
import { uniqueInputs } from '../core/install-input.js';
import { ADD_ONS, RECIPES } from './registry.js';
import type { Recipe, RecipeContext, RecipePlan } from './types.js';

export type { Recipe, RecipeContext, RecipePlan } from './types.js';

export async function chooseRecipe(ctx: RecipeContext, recipes: readonly Recipe[] = RECIPES): Promise<Recipe> {
  for (const recipe of recipes) {
    if (await recipe.detect(ctx)) return recipe;
  }
  throw new Error('the recipe registry has no fallback recipe');
}

export async function planProject(ctx: RecipeContext, recipes: readonly Recipe[] = RECIPES): Promise<RecipePlan> {
  const recipe = await chooseRecipe(ctx, recipes);
  let plan = await recipe.plan(ctx);
  if (ctx.start && plan.command !== ctx.start.argv) {
    plan = { ...plan, command: ctx.start.argv, env: { ...plan.env, ...ctx.start.env }, ...(ctx.start.script !== undefined ? { commandScript: ctx.start.script } : {}) };
    if (ctx.start.script === undefined) delete plan.commandScript;
  }
  for (const addOn of ADD_ONS) {
    if (await addOn.applies(ctx)) plan = await addOn.amend(plan, ctx);
  }
  // What the install reads that detection found (patches/, pnpm files, hook scripts) joins the
  // recipe's own inputs: the plan carries every one, render reads no other list.
  const found = ctx.facts.install.inputs.map((input) => ({ ...input, installRoot: true as const }));
  return found.length > 0 ? { ...plan, installInputs: uniqueInputs([...found, ...plan.installInputs]) } : plan;
}
