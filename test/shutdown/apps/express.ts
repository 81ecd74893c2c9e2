// Express app: gracefulShutdown gets what app.listen() returns.
import express from 'express';
import { gracefulShutdown } from './graceful-shutdown.js';
import { announce, route, testOptions } from './app-kit.js';

const app = express();
app.use(async (request, response) => {
  const reply = await route(request.originalUrl);
  response.status(reply.status).type('text/plain').send(reply.body);
});
const server = app.listen(0, '127.0.0.1', () => announce(server, server));
gracefulShutdown(server, testOptions());
