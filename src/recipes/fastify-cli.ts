// fastify-cli apps (`fastify start -l info app.js`): app.js only exports a plugin and fastify-cli
// creates the server, so the container runs fastify-cli's own JS file. Proven by hand and in the
// e2e suite: fastify-cli closes the server on SIGTERM through close-with-grace, but gives it only
// 500 ms (closeGraceDelay) before exiting 1; FASTIFY_CLOSE_GRACE_DELAY=8000 lets in-flight
// requests finish and the process exit 0. It listens on 0.0.0.0 only when it detects Docker
// (/.dockerenv) or Kubernetes, which Podman and others do not look like: FASTIFY_ADDRESS says it.
import { UsageError } from '../errors.js';
import { nodePlan } from './node.js';
import type { Recipe } from './types.js';

const START = /^fastify\s+start\b/;
/** The close-with-grace delay we give fastify-cli: below Docker's 10 s stop timeout, like our module's 8 s. */
export const FASTIFY_CLOSE_GRACE_DELAY_MS = 8000;

export const fastifyCliRecipe: Recipe = {
  id: 'fastify-cli',
  detect({ pkg }) {
    const usesCli = pkg.dependencies['fastify-cli'] !== undefined || pkg.devDependencies['fastify-cli'] !== undefined;
    return usesCli && Object.values(pkg.scripts).some((script) => START.test(script.trim()));
  },
  async plan(ctx) {
    if (ctx.pkg.dependencies['fastify-cli'] === undefined && !ctx.start) {
      throw new UsageError('package.json runs "fastify start" but fastify-cli is a devDependency: the image installs production dependencies only, so move fastify-cli to "dependencies" (or pass --start "<command>")');
    }
    const plan = await nodePlan(ctx, 'fastify-cli', 'Fastify (fastify-cli start)');
    if (plan.command.some((word) => word === '--socket' || word === '-s' || /^--socket=/.test(word))) {
      throw new UsageError('the fastify start command listens on a socket (--socket): a container serves on a TCP port; pass --start "<command>"');
    }
    const given = (names: string[]) => plan.command.some((word) => names.includes(word) || names.some((n) => n.startsWith('--') && word.startsWith(`${n}=`)));
    const env: Record<string, string> = { ...plan.env };
    if (!given(['--address', '-a'])) env.FASTIFY_ADDRESS = '0.0.0.0';
    if (!given(['--close-grace-delay', '-g'])) env.FASTIFY_CLOSE_GRACE_DELAY = String(FASTIFY_CLOSE_GRACE_DELAY_MS);
    return {
      ...plan,
      env,
      shutdown: {
        kind: 'framework',
        how: `fastify-cli closes the server on SIGTERM (close-with-grace); FASTIFY_CLOSE_GRACE_DELAY=${FASTIFY_CLOSE_GRACE_DELAY_MS} gives in-flight requests ${FASTIFY_CLOSE_GRACE_DELAY_MS / 1000} s instead of its 500 ms default`,
        env: { FASTIFY_CLOSE_GRACE_DELAY: String(FASTIFY_CLOSE_GRACE_DELAY_MS) },
      },
      port: ctx.facts.port ?? 3000,
      ...(ctx.facts.healthcheckPath !== undefined ? { healthcheckPath: ctx.facts.healthcheckPath } : {}),
    };
  },
};
