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
