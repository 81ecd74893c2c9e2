// The meta-framework recipes of issue 9, in the order the registry asks them. They go before the
// static-site recipe (SvelteKit, React Router, Remix, Nuxt and Astro build with Vite too) and before
// the Node fallback; each refuses its own static mode itself.
import { angularSsrRecipe } from './angular.js';
import { astroRecipe } from './astro.js';
import { reactRouterExpressRecipe, remixExpressRecipe } from './express-adapter-templates.js';
import { nextRecipe } from './next.js';
import { nuxtRecipe } from './nuxt.js';
import { reactRouterRecipe } from './react-router.js';
import { remixRecipe } from './remix.js';
import { svelteKitRecipe } from './sveltekit.js';
import type { Recipe } from './types.js';

export const META_FRAMEWORK_RECIPES: readonly Recipe[] = [nextRecipe, nuxtRecipe, svelteKitRecipe, astroRecipe, reactRouterRecipe, remixRecipe, reactRouterExpressRecipe, remixExpressRecipe, angularSsrRecipe];
