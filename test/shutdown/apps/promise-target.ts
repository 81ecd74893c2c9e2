// A target in the shape of a NestJS app (INestApplication): close() takes no callback and returns
// a promise, and getHttpServer() returns the node:http server. Nest itself is not a dependency of
// this repository; this checks the promise-style path and the getHttpServer() lookup.
import { createServer } from 'node:http';
import { gracefulShutdown } from './graceful-shutdown.js';
import { announce, route, testOptions } from './app-kit.js';

const server = createServer((request, response) => {
  void route(request.url ?? '/').then((reply) => response.writeHead(reply.status).end(reply.body));
});
const app = {
  getHttpServer: () => server,
  close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
};
server.listen(0, '127.0.0.1', () => announce(app, server));
gracefulShutdown(app, testOptions());
