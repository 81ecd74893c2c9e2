// The in-container probe: /proc/net/tcp addresses decoded (lines captured in a real container), and
// the probe script itself run by a real node against a real server on this machine.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAddress, INSIDE_PROBE_SCRIPT, parseInsideFacts } from '../../src/verify/inside-probe.js';

const LOGS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'logs');

describe('/proc/net/tcp{,6} addresses', () => {
  it('decodes the listeners captured in a container: 127.0.0.1:3000, 0.0.0.0:3001, [::]:3002', () => {
    const listeners = readFileSync(path.join(LOGS, 'proc-net-tcp-listeners.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[3] === '0A')
      .map((c) => {
        const [hex, port] = c[1]!.split(':');
        return `${decodeAddress(hex!)}:${parseInt(port!, 16)}`;
      });
    expect(listeners.sort()).toEqual(['0.0.0.0:3001', '127.0.0.1:3000', ':::3002']);
  });

  it('IPv6 loopback and v4-mapped addresses', () => {
    expect(decodeAddress('00000000000000000000000001000000')).toBe('::1');
    expect(decodeAddress('0000000000000000FFFF00000100007F')).toBe('127.0.0.1');
  });
});

describe('the probe script, run by node', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health' ? 204 : 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sees this process, the listening port on 127.0.0.1 and the HTTP status', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', INSIDE_PROBE_SCRIPT, String(port), '/health']);
    const facts = parseInsideFacts(stdout)!;
    expect(facts.http).toEqual({ status: 204 });
    expect(facts.listening).toContainEqual({ address: '127.0.0.1', port });
    expect(facts.processes.find((p) => p.pid === process.pid)?.uid).toBe(process.getuid!());
  });

  it('a closed port gives the connection error, not a status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', INSIDE_PROBE_SCRIPT, String(free), '/']);
    expect(parseInsideFacts(stdout)!.http).toEqual({ error: 'ECONNREFUSED' });
  });
});
