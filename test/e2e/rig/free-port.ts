import { createServer } from 'node:net';

/** True when `port` on 127.0.0.1 can be bound right now (for fixed ports such as Verdaccio's 4873). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
