// Which shutdown an app that owns its server gets: the preload by default, nothing when the app
// already handles SIGTERM (read from its entry and the local files it imports), the wired form when
// asked for or already pasted in. The files are the shapes real apps have (Nest's main.ts, fastify
// with close-with-grace, express-generator's bin/www requiring ../app).
import { describe, expect, test } from 'vitest';
import type { RecipePlan } from '../../src/recipes/types.js';
import { chooseShutdown, shutdownHow, type ShutdownChoice } from '../../src/shutdown/choose.js';
import { findOwnHandler } from '../../src/shutdown/own-handler.js';
import { memoryFs } from '../support/memory-fs.js';

function ownerPlan(sourceEntry: string, command = ['node', sourceEntry]): RecipePlan {
  return {
    id: 'node', label: 'Node.js', buildSteps: [], installInputs: [], runtimeCopies: [{ from: 'context', src: '.' }], productionDependencies: true,
    command, env: {}, buildEnv: {}, writablePaths: [], systemPackages: { build: [], runtime: [] }, shutdown: { kind: 'wired', sourceEntry }, dockerignore: [], nextSteps: [],
  };
}

const choose = (files: Record<string, string>, entry: string, choice?: ShutdownChoice, worker = false) =>
  chooseShutdown(ownerPlan(entry), { fs: memoryFs(files), worker, choice });

describe('findOwnHandler: does the app handle SIGTERM itself?', () => {
  test.each([
    ["process.on('SIGTERM', () => server.close());", "a process.on('SIGTERM') handler"],
    ['process.once("SIGTERM", stop);', "a process.on('SIGTERM') handler"],
    ['process\n  .prependListener(`SIGTERM`, stop);', "a process.on('SIGTERM') handler"],
    ['const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks();', "Nest's enableShutdownHooks()"],
    ["import closeWithGrace from 'close-with-grace';", 'close-with-grace'],
    ["const { createTerminus } = require('@godaddy/terminus');", '@godaddy/terminus'],
  ])('%s -> %s', async (code, what) => {
    expect(await findOwnHandler(memoryFs({ 'server.js': code }), 'server.js')).toEqual({ kind: 'app', file: 'server.js', what });
  });

  test('follows local imports: bin/www requires ../app, which requires ./lib/shutdown (a .ts behind .js too)', async () => {
    const fs = memoryFs({
      'bin/www': "const app = require('../app');\nrequire('http').createServer(app).listen(3000);",
      'app.js': "const express = require('express');\nrequire('./lib/shutdown');\nmodule.exports = express();",
      'lib/shutdown.js': "process.on('SIGTERM', () => process.exit(0));",
    });
    expect(await findOwnHandler(fs, 'bin/www')).toEqual({ kind: 'app', file: 'lib/shutdown.js', what: "a process.on('SIGTERM') handler" });
    const ts = memoryFs({ 'src/main.ts': "import { stop } from './stop.js';", 'src/stop.ts': "process.on('SIGTERM', stop);" });
    expect(await findOwnHandler(ts, 'src/main.ts')).toMatchObject({ kind: 'app', file: 'src/stop.ts' });
  });

  test('our own module, imported: already wired', async () => {
    expect(await findOwnHandler(memoryFs({ 'src/main.ts': "import { gracefulShutdown } from './graceful-shutdown.js';" }), 'src/main.ts')).toEqual({ kind: 'wired', file: 'src/main.ts' });
    expect(await findOwnHandler(memoryFs({ 'server.js': "const { gracefulShutdown } = require('./graceful-shutdown.js');" }), 'server.js')).toEqual({ kind: 'wired', file: 'server.js' });
  });

  test('none: a plain server, a commented-out handler, a SIGINT-only handler, a package named like ours, a missing entry', async () => {
    const none = memoryFs({
      'server.js': "// process.on('SIGTERM', stop);\n/* app.enableShutdownHooks() */\nprocess.on('SIGINT', () => {});\nrequire('my-graceful-shutdown-fork');\nrequire('./routes');",
      'routes/index.js': "module.exports = require('express').Router();",
    });
    expect(await findOwnHandler(none, 'server.js')).toBeUndefined();
    expect(await findOwnHandler(memoryFs({}), 'missing.js')).toBeUndefined();
  });

  test('does not leave the project or read node_modules', async () => {
    const fs = memoryFs({ 'app/server.js': "require('../../outside');\nrequire('../node_modules/x');", 'node_modules/x.js': "process.on('SIGTERM', f);" }, 'app');
    expect(await findOwnHandler(fs, 'server.js')).toBeUndefined();
  });
});

describe('chooseShutdown', () => {
  const plain = { 'server.js': "require('express')().listen(3000);" };

  test('default for an app that owns its server: the preload, one line saying so', async () => {
    const { plan, warnings } = await choose(plain, 'server.js');
    expect(plan.shutdown).toEqual({ kind: 'preload', how: expect.stringContaining('preloaded with node --require') });
    expect(warnings).toEqual([]);
  });

  test('an app with its own SIGTERM handler gets no preload, and the line names the file and what was found', async () => {
    const { plan } = await choose({ 'main.js': "process.on('SIGTERM', stop);" }, 'main.js');
    expect(plan.shutdown.kind).toBe('app');
    expect(shutdownHow(plan.shutdown)).toBe("main.js handles SIGTERM itself (a process.on('SIGTERM') handler), so nothing is preloaded and its own shutdown runs alone (--shutdown preload adds ours)");
  });

  test('--shutdown preload on such an app preloads anyway and warns that two handlers race', async () => {
    const { plan, warnings } = await choose({ 'main.js': "process.on('SIGTERM', stop);" }, 'main.js', 'preload');
    expect(plan.shutdown.kind).toBe('preload');
    expect(warnings).toEqual(["--shutdown preload: main.js also handles SIGTERM (a process.on('SIGTERM') handler); two handlers will race on docker stop"]);
  });

  test('already wired by hand: stays wired, nothing to paste', async () => {
    const { plan } = await choose({ 'server.js': "require('./graceful-shutdown.js').gracefulShutdown(server);" }, 'server.js');
    expect(plan.shutdown).toEqual({ kind: 'wired', sourceEntry: 'server.js', already: 'server.js' });
    expect(shutdownHow(plan.shutdown)).toContain('server.js already imports the graceful-shutdown module');
  });

  test('--shutdown wired keeps the two-line form; --shutdown app writes nothing', async () => {
    expect((await choose(plain, 'server.js', 'wired')).plan.shutdown).toEqual({ kind: 'wired', sourceEntry: 'server.js' });
    expect((await choose(plain, 'server.js', 'app')).plan.shutdown.kind).toBe('app');
  });

  test('workers, framework-owned servers and non-node commands are left as they are', async () => {
    expect((await choose(plain, 'server.js', undefined, true)).plan.shutdown.kind).toBe('wired');
    const framework: RecipePlan = { ...ownerPlan('x'), shutdown: { kind: 'framework', how: 'own' } };
    expect((await chooseShutdown(framework, { fs: memoryFs(plain), worker: false, choice: undefined })).plan).toBe(framework);
    const tsx = await chooseShutdown(ownerPlan('server.ts', ['tsx', 'server.ts']), { fs: memoryFs({ 'server.ts': '' }), worker: false, choice: 'preload' });
    expect(tsx.plan.shutdown.kind).toBe('wired');
    expect(tsx.warnings[0]).toContain('--shutdown preload needs a command that starts with "node"');
  });
});
