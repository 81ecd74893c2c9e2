// The preload flavour (graceful-shutdown.cjs given as `node --require`) on apps that were NOT
// changed at all: their servers are created where the app never passes them to us, as a framework
// CLI does. Real child processes, real SIGTERM, the real node:http client. The control runs the
// same app without the preload and sees the in-flight request die, so the preload is what made
// the difference.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRELOAD_FILE, shutdownModuleSource } from '../../src/shutdown/module.js';
import { APP_NODE } from './support/child-app.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(repo, '.tmp', `preload-${process.pid}`);

// Unwired apps: no import of the module, no signal handling of their own.
const APPS: Record<string, string> = {
  'http-cjs.cjs': `const http = require('node:http');
const server = http.createServer((req, res) => {
  const ms = Number(new URL(req.url, 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => res.end('slow done after ' + ms + ' ms'), ms);
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  'http-esm.mjs': `import { createServer } from 'node:http';
const server = createServer((req, res) => {
  const ms = Number(new URL(req.url, 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => res.end('slow done after ' + ms + ' ms'), ms);
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  // Like fastify-cli's close-with-grace: the app's own SIGTERM handler, registered before the
  // server listens, closes the listener first; the preloaded module still waits for the request
  // (Node calls a second close()'s callback at the server's 'close' event, after the last socket).
  'closes-first.cjs': `const http = require('node:http');
const server = http.createServer((req, res) => {
  const ms = Number(new URL(req.url, 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => res.end('slow done after ' + ms + ' ms'), ms);
});
process.on('SIGTERM', () => server.close());
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  'express.cjs': `const express = require(${JSON.stringify(join(repo, 'node_modules/express'))});
const app = express();
app.get('/slow', (req, res) => setTimeout(() => res.send('slow done after ' + req.query.ms + ' ms'), Number(req.query.ms)));
const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  // Apps that own their server, as written for `node app`, with no line about shutdown: ESM Express,
  // Koa, Fastify (its listen() creates a node:http server underneath), Hono's @hono/node-server,
  // an express-generator style bin/www, and a TypeScript entry run by Node's type stripping. The apps
  // live in the repository's .tmp/, so bare imports resolve to its node_modules.
  'express-esm.mjs': `import express from 'express';
const app = express();
app.get('/slow', (req, res) => setTimeout(() => res.send('slow done after ' + req.query.ms + ' ms'), Number(req.query.ms)));
const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  'koa.cjs': `const Koa = require(${JSON.stringify(join(repo, 'node_modules/koa'))});
const app = new Koa();
app.use(async (ctx) => {
  const ms = Number(ctx.query.ms);
  await new Promise((r) => setTimeout(r, ms));
  ctx.body = 'slow done after ' + ms + ' ms';
});
const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`,
  'fastify.mjs': `import Fastify from 'fastify';
const app = Fastify();
app.get('/slow', async (req) => {
  await new Promise((r) => setTimeout(r, Number(req.query.ms)));
  return 'slow done after ' + req.query.ms + ' ms';
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening on ' + app.server.address().port);
`,
  'hono.mjs': `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.get('/slow', async (c) => {
  const ms = Number(c.req.query('ms'));
  await new Promise((r) => setTimeout(r, ms));
  return c.text('slow done after ' + ms + ' ms');
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('listening on ' + info.port));
`,
  // In bin/ beside an empty package.json: CommonJS, as in an express-generator app.
  'bin/www': `#!/usr/bin/env node
const http = require('node:http');
const app = require(${JSON.stringify(join(repo, 'node_modules/express'))})();
app.get('/slow', (req, res) => setTimeout(() => res.send('slow done after ' + req.query.ms + ' ms'), Number(req.query.ms)));
const server = http.createServer(app);
server.listen(0, '127.0.0.1');
server.on('listening', () => console.log('listening on ' + server.address().port));
`,
};

/**
 * Node runs a .ts entry by stripping its types without a flag from 23.6 on; Node 20 cannot. Under an
 * older Node the case runs on $TYPE_STRIPPING_NODE (.ci/run points it at the LTS binary it caches);
 * without one it is skipped with that reason on a laptop, and fails under CI, where a skip is a failure.
 */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const STRIP_NODE = major > 23 || (major === 23 && minor >= 6) ? APP_NODE : (process.env.TYPE_STRIPPING_NODE ?? (process.env.CI ? 'TYPE_STRIPPING_NODE is not set under CI' : undefined));
const TYPED = `import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const ms: number = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => res.end('slow done after ' + ms + ' ms'), ms);
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + (server.address() as { port: number }).port));
`;

// An unwired app that registers a cleanup hook through the global the preload publishes.
const HOOKED = `const http = require('node:http');
const pool = { end: () => new Promise((r) => setTimeout(() => { console.log('pool ended'); r(); }, 100)) };
globalThis[Symbol.for('graceful-shutdown')]?.onShutdown(() => pool.end());
const server = http.createServer((req, res) => {
  const ms = Number(new URL(req.url, 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => { console.log('request answered'); res.end('slow done after ' + ms + ' ms'); }, ms);
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;

interface Run {
  status: number | string;
  body: string;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  output: string;
}

/** Starts the app, asks GET /slow?ms=1500, sends SIGTERM 300 ms into it, and reports what happened. */
async function stopDuringSlowRequest(app: string, nodeArgs: string[], node: string = APP_NODE): Promise<Run> {
  const child = spawn(node, [...nodeArgs, app], { cwd: dir, stdio: 'pipe' });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line: ${output}`)), 10_000);
      child.stdout.on('data', () => {
        const m = /listening on (\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    const response = new Promise<{ status: number | string; body: string }>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/slow?ms=1500' }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (e) => resolve({ status: `error: ${e.message}`, body }));
      }).on('error', (e) => resolve({ status: `error: ${e.message}`, body: '' }));
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const [{ status, body }, [code, signal]] = await Promise.all([response, exited]);
    return { status, body, exit: { code, signal }, output };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

beforeAll(async () => {
  await mkdir(join(dir, 'bin'), { recursive: true });
  await writeFile(join(dir, 'bin/package.json'), '{}');
  await writeFile(join(dir, PRELOAD_FILE), shutdownModuleSource('preload'));
  for (const [name, text] of Object.entries(APPS)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'hooked.cjs'), HOOKED);
  await writeFile(join(dir, 'typed.mts'), TYPED);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('preload flavour: node --require ./graceful-shutdown.cjs, app unchanged', () => {
  test.each(Object.keys(APPS))('%s: the in-flight request finishes with 200 and the process exits 0', async (app) => {
    const run = await stopDuringSlowRequest(app, ['--require', `./${PRELOAD_FILE}`]);
    expect(run.status, run.output).toBe(200);
    expect(run.body).toBe('slow done after 1500 ms');
    expect(run.exit).toEqual({ code: 0, signal: null });
    expect(run.output).toContain('graceful-shutdown: SIGTERM received, draining connections');
  });

  test('a cleanup hook registered through globalThis[Symbol.for("graceful-shutdown")] runs after the drain, then exit 0', async () => {
    const run = await stopDuringSlowRequest('hooked.cjs', ['--require', `./${PRELOAD_FILE}`]);
    expect(run.status, run.output).toBe(200);
    expect(run.exit).toEqual({ code: 0, signal: null });
    expect(run.output.indexOf('pool ended')).toBeGreaterThan(run.output.indexOf('request answered'));
    expect(run.output.indexOf('request answered')).toBeGreaterThan(-1);
  });

  test('the same hook line is a no-op without the preload (npm run dev): the app starts and serves', async () => {
    const run = await stopDuringSlowRequest('hooked.cjs', []);
    expect(run.output).toContain('listening on');
    expect(run.output).not.toContain('pool ended');
    expect(run.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  test.skipIf(STRIP_NODE === undefined)('typed.mts, a TypeScript entry Node runs by stripping types (Node 23.6+: this Node or $TYPE_STRIPPING_NODE; skipped without one off CI): 200 and exit 0', async () => {
    const run = await stopDuringSlowRequest('typed.mts', ['--require', `./${PRELOAD_FILE}`], STRIP_NODE);
    expect(run.status, run.output).toBe(200);
    expect(run.body).toBe('slow done after 1500 ms');
    expect(run.exit).toEqual({ code: 0, signal: null });
  });

  test.each(['express-esm.mjs', 'koa.cjs', 'fastify.mjs', 'hono.mjs', 'bin/www'])('control: %s without the preload dies on SIGTERM (exit 143 in a container) and the request fails', async (app) => {
    const run = await stopDuringSlowRequest(app, []);
    expect(run.status).toMatch(/^error: /);
    expect(run.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  test('control: the same app without the preload dies on SIGTERM and the request fails', async () => {
    const run = await stopDuringSlowRequest('http-cjs.cjs', []);
    expect(run.status).toMatch(/^error: /);
    expect(run.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  test('the preload flavour is the CommonJS flavour plus the one call that hooks every server', () => {
    const preload = shutdownModuleSource('preload');
    expect(preload.startsWith(shutdownModuleSource('cjs'))).toBe(true);
    expect(preload.slice(shutdownModuleSource('cjs').length).match(/^[^/\n].*$/gm)).toEqual(['gracefulShutdownEveryServer();']);
  });
});
