// Fastify app: gracefulShutdown gets the Fastify instance, whose close() runs Fastify's onClose
// hooks and closes fastify.server.
import Fastify from 'fastify';
import { gracefulShutdown } from './graceful-shutdown.js';
import { announce, route, testOptions } from './app-kit.js';

const fastify = Fastify();
fastify.get('/*', async (request, reply) => {
  const { status, body } = await route(request.url);
  return reply.code(status).type('text/plain').send(body);
});
void fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  gracefulShutdown(fastify, testOptions());
  announce(fastify, fastify.server);
});
