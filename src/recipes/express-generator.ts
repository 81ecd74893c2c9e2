// express-generator apps: `node ./bin/www` runs an extensionless script that creates the server
// around app.js. The app owns its server, so the module is wired into bin/www (two printed lines).
import { nodePlan } from './node.js';
import type { Recipe } from './types.js';

export const expressGeneratorRecipe: Recipe = {
  id: 'express-generator',
  async detect({ pkg, fs }) {
    return pkg.dependencies.express !== undefined && /^node \.?\/?bin\/www$/.test(pkg.scripts.start?.trim() ?? '') && (await fs.exists('bin/www'));
  },
  async plan(ctx) {
    const plan = await nodePlan(ctx, 'express-generator', 'Express (express-generator, bin/www)');
    return plan.shutdown.kind === 'wired' && plan.commandScript === 'bin/www' ? { ...plan, shutdown: { kind: 'wired', sourceEntry: 'bin/www' } } : plan;
  },
};
