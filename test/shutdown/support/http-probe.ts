// HTTP client side of the shutdown tests, on the real node:http client.
import { Agent, get } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the whole body had arrived. */
  at: number;
  socket: Socket;
}

/** GET a path; `agent` false means a fresh connection that is closed afterwards. */
export function request(port: number, path: string, agent: Agent | false = false): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, agent }, (res) => {
      // Taken now: a keep-alive agent detaches the socket from the response when it ends.
      const socket = res.socket;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const complete = res.complete;
        if (!complete) reject(new Error(`response to ${path} cut off after ${body.length} characters`));
        else resolve({ status: res.statusCode ?? 0, headers: res.headers, body, at: performance.now(), socket });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * What a client opening a new connection now gets: "refused" (ECONNREFUSED), "reset" (accepted
 * into the backlog of a listener that then closed), or the status of GET /health.
 */
export async function newConnection(port: number): Promise<'refused' | 'reset' | number> {
  try {
    return (await request(port, '/health')).status;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') return 'refused';
    if (code === 'ECONNRESET') return 'reset';
    throw error;
  }
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/** Resolves with performance.now() when the socket closes. */
export function closed(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve(performance.now());
    else socket.once('close', () => resolve(performance.now()));
  });
}
