// fastify-cli apps (`fastify start -l info app.js`): app.js only exports a plugin and fastify-cli
// creates the server, so the container runs fastify-cli's own JS file. Its own shutdown is not
// enough (measured): close-with-grace gives fastify.close() 500 ms (closeGraceDelay) and then exits
// 1 mid-request; with a longer delay the request finishes, but fastify.close() then waits for the
// client's keep-alive socket (keepAliveTimeout 72 s) and still exits 1 at the delay. So our module
// is preloaded: it answers in-flight requests with "Connection: close" and closes idle sockets, and
// FASTIFY_CLOSE_GRACE_DELAY=9000 keeps close-with-grace from exiting before our 8 s timeout.
// fastify-cli listens on 0.0.0.0 only when it detects Docker (/.dockerenv) or Kubernetes, which
// Podman and others do not look like: FASTIFY_ADDRESS says it.
import { UsageError } from '../errors.js';
import { nodePlan } from './node.js';
import type { Recipe } from './types.js';

const START = /^fastify\s+start\b/;
/** The close-with-grace delay we give fastify-cli: past our module's 8 s timeout, below Docker's 10 s stop timeout. */
export const FASTIFY_CLOSE_GRACE_DELAY_MS = 9000;

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
        kind: 'preload',
        how: `our module is preloaded (node --require ./graceful-shutdown.cjs) and drains fastify-cli's server, keep-alive sockets included; FASTIFY_CLOSE_GRACE_DELAY=${FASTIFY_CLOSE_GRACE_DELAY_MS} keeps fastify-cli's own close-with-grace (500 ms by default) from exiting first`,
      },
      port: ctx.facts.port ?? 3000,
      ...(ctx.facts.healthcheckPath !== undefined ? { healthcheckPath: ctx.facts.healthcheckPath } : {}),
    };
  },
};
