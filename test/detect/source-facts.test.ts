// Facts read from the entry source: framework, health route, worker; and the limits on reading.
import { describe, expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { MAX_SOURCE_CHARS } from '../../src/detect/source.js';
import { memoryFs } from '../support/memory-fs.js';

const detect = (deps: Record<string, string>, source: string, extra: Record<string, string> = {}) =>
  detectProject(memoryFs({ 'package.json': JSON.stringify({ main: 'index.js', dependencies: deps }), 'index.js': source, ...extra }));

describe('framework', () => {
  test.each([
    [{ express: '5' }, '', 'express'],
    [{ fastify: '5' }, '', 'fastify'],
    [{ koa: '3' }, '', 'koa'],
    [{ '@hapi/hapi': '21' }, '', 'hapi'],
    [{ '@nestjs/core': '11', express: '5', fastify: '5' }, "import express from 'express'", 'nest'],
    [{ fastify: '5', express: '5' }, "const express = require('express');", 'express'],
    [{ fastify: '5', express: '5' }, '', 'fastify'],
    [{}, "import { createServer } from 'node:http';\ncreateServer(handler).listen(3000);", 'http'],
    [{}, "const https = require('https');\nhttps.createServer(opts, h);", 'http'],
    [{}, 'setInterval(work, 1000);', 'unknown'],
  ])('%j with %j -> %s', async (deps, source, framework) => {
    expect((await detect(deps, source)).framework).toBe(framework);
  });
});

describe('health route and worker', () => {
  test('the conventional name wins when several routes appear', async () => {
    const facts = await detect({}, "router.get('/ready', r); router.get(\"/healthz\", h); app.get(`/status`, s);");
    expect(facts.healthcheckPath).toBe('/healthz');
  });

  test('a path that merely contains "health" is not a route literal', async () => {
    expect((await detect({}, "const doc = '/docs/health-and-safety';")).healthcheckPath).toBeUndefined();
  });

  test('no server in the entry: likely a worker', async () => {
    const facts = await detect({}, 'setInterval(tick, 1000);');
    expect(facts.likelyWorker).toBe(true);
  });

  test('a listen() call is no worker even without a known framework', async () => {
    expect((await detect({ polka: '0.5' }, 'polka().get("/", h).listen(3000);')).likelyWorker).toBe(false);
  });
});

describe('files the entry imports', () => {
  test('health route and port declared in directly imported local files', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': '{"main":"src/index.js","dependencies":{"express":"5"}}',
      'src/index.js': "const config = require('./config');\nconst routes = require('./routes');\nrequire('express')().use(routes).listen(config.port);",
      'src/config.js': 'module.exports = { port: Number(process.env.PORT) || 4500 };',
      'src/routes/index.js': "router.get('/healthz', (req, res) => res.send('ok'));",
    }));
    expect(facts).toMatchObject({ port: 4500, healthcheckPath: '/healthz', framework: 'express' });
  });

  test("a TypeScript source importing './app.js' reads app.ts", async () => {
    const facts = await detectProject(memoryFs({
      'package.json': '{"scripts":{"build":"tsc","start":"node dist/main.js"}}',
      'src/main.ts': "import { app } from './app.js';\napp.listen(process.env.PORT ?? 3100);",
      'src/app.ts': "import { createServer } from 'node:http';\nexport const app = createServer(handler); // '/ready'",
    }));
    expect(facts).toMatchObject({ port: 3100, healthcheckPath: '/ready', framework: 'http', likelyWorker: false });
  });

  test('the entry is trusted before what it imports', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': '{"main":"index.js"}',
      'index.js': "require('./legacy');\napp.get('/status'); app.listen(process.env.PORT || 3200);",
      'legacy.js': "app.get('/health'); other.listen(9999);",
    }));
    expect(facts).toMatchObject({ port: 3200, healthcheckPath: '/status' });
  });

  test('a server started from an imported file is no worker', async () => {
    const facts = await detectProject(memoryFs({
      'package.json': '{"main":"index.js"}',
      'index.js': "require('dotenv/config');\nrequire('./server');",
      'server.js': "require('http').createServer(h).listen(3000);",
    }));
    expect(facts).toMatchObject({ likelyWorker: false, framework: 'http', port: 3000 });
  });

  test('imports outside the project, into node_modules, and beyond the cap are not read', async () => {
    const imports = Array.from({ length: 20 }, (_, i) => `require('./m${i}');`).join('\n');
    const files: Record<string, string> = {
      'package.json': '{"main":"app/index.js"}',
      'app/index.js': `require('../../outside');\nrequire('./node_modules/x');\n${imports}`,
      'app/node_modules/x.js': '',
    };
    for (let i = 0; i < 20; i++) files[`app/m${i}.js`] = '';
    const fs = memoryFs(files);
    await detectProject(fs);
    expect(fs.reads.some((p) => p.includes('node_modules') || p.includes('outside'))).toBe(false);
    expect(fs.reads.filter((p) => /^app\/m\d+\.js$/.test(p)).length).toBeLessThanOrEqual(12);
  });
});

describe('reading limits', () => {
  test('only the first MAX_SOURCE_CHARS of the entry are examined', async () => {
    const padding = '/' + '*'.repeat(MAX_SOURCE_CHARS) + '*/\n';
    const facts = await detect({}, `${padding}app.get('/health', h); app.listen(process.env.PORT || 3999);`);
    expect(facts.port).toBeUndefined();
    expect(facts.healthcheckPath).toBeUndefined();
  });

  test('detection never reads node_modules or files it was not pointed at', async () => {
    const fs = memoryFs({
      'package.json': '{"scripts":{"start":"node server.js"}}',
      'server.js': 'app.listen(3000)',
      'node_modules/express/index.js': 'app.listen(1)',
      'src/other.js': "app.get('/health')",
    });
    await detectProject(fs);
    expect(fs.reads.filter((p) => p.startsWith('node_modules') || p === 'src/other.js')).toEqual([]);
  });

  test('each file is read at most once per run, the lockfile included', async () => {
    const fs = memoryFs({
      'package.json': '{"packageManager":"yarn@1.22.22","dependencies":{"x":"1"}}',
      'yarn.lock': '# yarn lockfile v1\n\nbcrypt@^5:\n  version "5.1.1"\n',
      'server.js': "app.get('/health'); app.listen(3000)",
    });
    const facts = await detectProject(fs);
    expect(facts).toMatchObject({ entry: 'server.js', native: true, port: 3000 });
    expect(fs.reads.filter((p, i) => fs.reads.indexOf(p) !== i)).toEqual([]);
  });
});
