// `update` against a real registry (CNCF distribution on 127.0.0.1), as a Docker Hub mirror and as
// --base-image, with the generator's own resolver: a pin goes stale when the same tag is pushed
// with new content and when a newer patch is published; --check finds it and writes nothing;
// update rewrites only the FROM lines (and the header comment); a registry fault leaves the file
// untouched with exit 4.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNodeImage } from '../../src/image/resolve.js';
import type { ImageRequest } from '../../src/image/types.js';
import { CLOSED_PORT, startHttpServer, testDeps } from '../image/helpers.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';
import { registryBinaryStatus, startRegistry, type StartedRegistry } from '../support/registry.js';
import { pushNodeImageIndex, type PushedNodeImage } from '../support/registry-push.js';

const binary = registryBinaryStatus();
const fixtureIndex = JSON.parse(await readFile(new URL('../fixtures/node-release-index.json', import.meta.url), 'utf8')) as { version: string; lts: string | false }[];

function pushNode(reg: StartedRegistry, repository: string, version: string, extraTags: string[] = [], labels?: Record<string, string>): Promise<PushedNodeImage> {
  return pushNodeImageIndex(reg, { repository, nodeVersion: version, tags: [`${version}-alpine3.24`, `${version}-alpine`, ...extraTags], labels });
}

/** Lines that differ between two texts of the same length in lines, as 1-based numbers. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe.skipIf(!binary.available)('update against a real registry', () => {
  let reg: StartedRegistry;
  let index: { version: string; lts: string | false }[] = fixtureIndex;
  let indexServer: Awaited<ReturnType<typeof startHttpServer>>;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    indexServer = await startHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(index)));
    reg = await startRegistry();
  });
  afterAll(async () => {
    await Promise.all(cleanups.map((c) => c()));
    await reg?.stop();
    await indexServer?.close();
  });

  /** The real resolver with fresh deps each run (no cache carried over), the release index served here. */
  let clock = new Date('2026-11-23T00:00:00Z');
  const resolveImage = (request: ImageRequest) => resolveNodeImage(request, testDeps({ releaseIndexUrl: `${indexServer.url}/dist/index.json`, now: () => clock }));
  /** Each run a day later than the last, so a refreshed "resolved at" is visible. */
  const run = (argv: string[], cwd: string) => {
    clock = new Date(clock.getTime() + 86_400_000);
    return runInProcess(argv, { cwd, resolveImage });
  };

  it('as a mirror: same tag re-pushed, then a newer patch; --check writes nothing, update touches only FROM and the header', async () => {
    const first = await pushNode(reg, 'library/node', '26.6.0', ['26-alpine', 'lts-alpine']);
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    const generated = await run(['--yes', '--registry-mirror', reg.url], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const file = path.join(dir, 'Dockerfile');
    // The user's own lines, which update must keep byte for byte.
    const original = `${(await readFile(file, 'utf8')).replace('WORKDIR /app\n', 'WORKDIR /app\n# my note: keep me\nLABEL team="payments"\n')}\n# trailing user comment\n`;
    await writeFile(file, original);
    expect(original).toContain(`FROM node:26.6.0-alpine3.24@${first.indexDigest} AS base`);
    expect(original).toContain('# Refresh the pin: npx create-secure-node-docker update');

    const current = await run(['update', '--check', '--registry-mirror', reg.url], dir);
    expect(current.code, current.stderr).toBe(0);
    expect(current.stderr).toContain('Every node pin is current.');

    // The same tags pushed again with new content (a rebuilt image): the digest moves.
    const rebuilt = await pushNode(reg, 'library/node', '26.6.0', ['26-alpine', 'lts-alpine'], { rebuilt: 'yes' });
    expect(rebuilt.indexDigest).not.toBe(first.indexDigest);
    const stale = await run(['update', '--check', '--json', '--registry-mirror', reg.url], dir);
    expect(stale.code, stale.stderr).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(original);
    const staleReport = JSON.parse(stale.stdout) as { changes: { line: number; stale: boolean; oldDigest: string; newDigest: string }[]; written: boolean };
    expect(staleReport.written).toBe(false);
    expect(staleReport.changes).toEqual([expect.objectContaining({ stale: true, oldDigest: first.indexDigest, newDigest: rebuilt.indexDigest })]);

    const updated = await run(['update', '--registry-mirror', reg.url], dir);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stderr).toContain(`26.6.0 -> 26.6.0, ${first.indexDigest.slice(0, 19)} -> ${rebuilt.indexDigest.slice(0, 19)}`);
    const afterRebuild = await readFile(file, 'utf8');
    const fromLine = original.split('\n').findIndex((l) => l.startsWith('FROM node:')) + 1;
    const headerLine = original.split('\n').findIndex((l) => l.includes('Digest resolved from')) + 1;
    expect(changedLines(original, afterRebuild)).toEqual([headerLine, fromLine]);
    expect(afterRebuild.split('\n')[fromLine - 1]).toBe(`FROM node:26.6.0-alpine3.24@${rebuilt.indexDigest} AS base`);
    expect(afterRebuild.split('\n')[headerLine - 1]).toBe(`# build starts from the same bytes. Digest resolved from ${reg.host} (registry) at ${clock.toISOString()}.`);

    // A newer patch is released and published.
    index = [{ version: 'v26.6.1', lts: 'Lithium' }, ...fixtureIndex];
    const patch = await pushNode(reg, 'library/node', '26.6.1', ['26-alpine', 'lts-alpine']);
    expect((await run(['update', '--check', '--registry-mirror', reg.url], dir)).code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(afterRebuild);
    const patched = await run(['update', '--registry-mirror', reg.url], dir);
    expect(patched.code, patched.stderr).toBe(0);
    expect(patched.stderr).toContain('26.6.0 -> 26.6.1');
    const afterPatch = await readFile(file, 'utf8');
    expect(changedLines(afterRebuild, afterPatch)).toEqual([headerLine - 1, headerLine, fromLine]); // "Base image: Node.js 26.6.1 on ...", resolved at, FROM
    expect(afterPatch).toContain(`FROM node:26.6.1-alpine3.24@${patch.indexDigest} AS base`);
    expect(afterPatch).toContain('# Base image: Node.js 26.6.1 on Alpine 3.24, pinned by tag and image index digest');
    expect(afterPatch).toContain('# my note: keep me\nLABEL team="payments"\n');
    expect(afterPatch.endsWith('\n# trailing user comment\n')).toBe(true);
    expect((await run(['update', '--check', '--registry-mirror', reg.url], dir)).code).toBe(0);
    index = fixtureIndex;
  });

  it('a foreign Dockerfile: an unpinned node:22-alpine is pinned; other images and ARG-built FROMs are listed, untouched', async () => {
    const node22 = await pushNode(reg, 'library/node', '22.22.0', ['22-alpine']);
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    const foreign = 'ARG BASE=node:24-alpine\r\nFROM node:22-alpine AS build\r\nRUN npm ci\r\nFROM ${BASE} AS other\r\nFROM python:3.12-slim AS tool\r\nFROM build\r\nCMD ["node", "server.js"]\r\n';
    await writeFile(path.join(dir, 'Dockerfile'), foreign);
    const result = await run(['update', '--json', '--registry-mirror', reg.url], dir);
    expect(result.code, result.stderr).toBe(0);
    const after = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(after).toBe(foreign.replace('FROM node:22-alpine AS build', `FROM node:22.22.0-alpine3.24@${node22.indexDigest} AS build`));
    const report = JSON.parse(result.stdout) as { skipped: { line: number; image: string; reason: string }[] };
    expect(report.skipped.map((s) => [s.line, s.image])).toEqual([[4, '${BASE}'], [5, 'python:3.12-slim']]);
    expect(result.stderr).toMatch(/Dockerfile:4 {2}FROM \$\{BASE\} not updated: built from an ARG/);
    expect(result.stderr).toMatch(/Dockerfile:5 {2}FROM python:3.12-slim not updated: not a node image/);
  });

  it('as --base-image: the FROM lines naming that repository are refreshed in place', async () => {
    const old = await pushNode(reg, 'base/node', '24.21.0', ['24-alpine'], { build: 'old' });
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    const repo = `${reg.host}/base/node`;
    const generated = await run(['--yes', '--node', '24', '--base-image', repo], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const before = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(before).toContain(`FROM ${repo}:24.21.0-alpine3.24@${old.indexDigest} AS base`);
    expect(before).toContain(`# Refresh the pin: npx create-secure-node-docker update --base-image ${repo}`);
    const fresh = await pushNode(reg, 'base/node', '24.21.0', ['24-alpine'], { build: 'new' });
    expect((await run(['update', '--check', '--base-image', repo], dir)).code).toBe(1);
    const updated = await run(['update', '--base-image', repo], dir);
    expect(updated.code, updated.stderr).toBe(0);
    const after = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(after).toContain(`FROM ${repo}:24.21.0-alpine3.24@${fresh.indexDigest} AS base`);
    expect(changedLines(before, after)).toHaveLength(2); // the header's resolved-at line and FROM
  });

  it('a registry fault leaves the file untouched and exits 4; --offline is a usage error', async () => {
    const { dir, cleanup } = await copyFixture('express-cjs');
    cleanups.push(cleanup);
    await pushNode(reg, 'library/node', '26.6.0', ['26-alpine', 'lts-alpine']);
    expect((await run(['--yes', '--registry-mirror', reg.url], dir)).code).toBe(0);
    const before = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    const fault = await run(['update', '--registry-mirror', `http://127.0.0.1:${CLOSED_PORT}`], dir);
    expect(fault.code, fault.stderr).toBe(4);
    expect(fault.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(before);
    const offline = await run(['update', '--offline'], dir);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/update --offline/);
  });
});
