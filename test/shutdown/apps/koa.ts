// Koa app: gracefulShutdown gets what app.listen() returns (an http.Server).
import Koa from 'koa';
import { gracefulShutdown } from './graceful-shutdown.js';
import { announce, route, testOptions } from './app-kit.js';

const app = new Koa();
app.use(async (ctx) => {
  const reply = await route(ctx.url);
  ctx.status = reply.status;
  ctx.type = 'text/plain';
  ctx.body = reply.body;
});
const server = app.listen(0, '127.0.0.1', () => announce(server, server));
gracefulShutdown(server, testOptions());
