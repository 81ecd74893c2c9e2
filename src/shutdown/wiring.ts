// The two lines the generator prints (and README.Docker.md shows) to wire the graceful-shutdown
// module into the user's app: how to import it, and what to pass it for the detected framework.
import type { Framework } from '../detect/facts.js';
import type { ShutdownFlavor } from './flavor.js';

// The call for each framework, with a comment naming the value to pass.
const CALLS: Record<Framework, string> = {
  express: 'gracefulShutdown(server); // server = app.listen(port)',
  koa: 'gracefulShutdown(server); // server = app.listen(port)',
  http: 'gracefulShutdown(server); // server = http.createServer(handler).listen(port)',
  fastify: 'gracefulShutdown(fastify); // your Fastify instance, once fastify.listen() has resolved',
  nest: "gracefulShutdown(app); // after await app.listen(port), instead of app.enableShutdownHooks(); app.close() still runs Nest's shutdown hooks",
  hapi: 'gracefulShutdown({ close: () => server.stop() }); // hapi drains its own connections in server.stop()',
  unknown: 'gracefulShutdown(server); // the http.Server your app listens on, or anything with close()',
};

/** `[importLine, callLine]` for a framework, module flavour and the path the app imports it by. */
export function shutdownWiring(framework: Framework, flavor: ShutdownFlavor, importSpecifier: string): string[] {
  const specifier = `'${importSpecifier.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const importLine =
    flavor === 'cjs'
      ? `const { gracefulShutdown } = require(${specifier});`
      : `import { gracefulShutdown } from ${specifier};`;
  return [importLine, CALLS[framework]];
}
