// The recipe registry: the first recipe whose detect() answers true owns the app, so order decides
// ties (specific before general; plain Node last, it always matches). Add-ons amend whichever plan
// was chosen. Adding a framework means adding its file here, not editing the template.
import { expressGeneratorRecipe } from './express-generator.js';
import { META_FRAMEWORK_RECIPES } from './meta-frameworks.js';
import { fastifyCliRecipe } from './fastify-cli.js';
import { nestRecipe } from './nest.js';
import { nodeRecipe } from './node.js';
import { prismaAddOn, type AddOn } from './prisma.js';
import { staticSiteRecipe } from './static-site.js';
import type { Recipe } from './types.js';

export const RECIPES: readonly Recipe[] = [
  // Meta-frameworks (next, nuxt, sveltekit, astro, react-router, remix) go first, before static-site.
  ...META_FRAMEWORK_RECIPES,
  staticSiteRecipe,
  nestRecipe,
  fastifyCliRecipe,
  expressGeneratorRecipe,
  nodeRecipe,
];

export const ADD_ONS: readonly AddOn[] = [prismaAddOn];
