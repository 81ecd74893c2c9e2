// node:http app. GET /stream?ms=N sends its headers and half the body at once, the rest after N
// ms: a response whose headers went out before the signal, on a keep-alive connection.
import { createServer } from 'node:http';
import { gracefulShutdown } from './graceful-shutdown.js';
import { announce, route, slowBody, testOptions } from './app-kit.js';

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  if (url.startsWith('/stream')) {
    const ms = Number(new URL(url, 'http://app.invalid').searchParams.get('ms') ?? '0');
    const body = slowBody(ms);
    console.log('app: /stream received');
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    response.write(body.slice(0, body.length / 2));
    setTimeout(() => response.end(body.slice(body.length / 2)), ms);
    return;
  }
  void route(url).then((reply) => response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body));
});
server.listen(0, '127.0.0.1', () => announce(server, server));
gracefulShutdown(server, testOptions());
