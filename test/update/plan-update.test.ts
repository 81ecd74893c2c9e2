// The update transform on its own: which FROM lines it moves and which it lists, and that every
// other byte stays. The resolver is a recording stand-in here (what it answers for a request is
// proven against a real registry in update-registry.test.ts).
import { describe, expect, it } from 'vitest';
import type { ImageRequest, ImageResolution } from '../../src/image/types.js';
import { planUpdate } from '../../src/update/plan-update.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function recordingResolve() {
  const requests: ImageRequest[] = [];
  const resolve = async (request: ImageRequest): Promise<ImageResolution> => {
    requests.push(request);
    const version = request.nodeRange === '22' ? '22.22.0' : '26.6.0';
    const tag = request.base === 'slim' ? `${version}-trixie-slim` : `${version}-alpine3.24`;
    return { image: { ref: `node:${tag}@${digest('b')}`, repository: 'node', tag, version, digest: digest('b'), source: 'registry', resolvedAt: '2026-12-01T00:00:00.000Z', resolvedFrom: 'registry-1.docker.io' }, warnings: [] };
  };
  return { requests, resolve };
}

describe('planUpdate', () => {
  it('keeps flags and stage names, resolves each distinct line once, and lists what it cannot pin', async () => {
    const text = [
      'FROM --platform=$BUILDPLATFORM node:22-alpine AS build',
      'FROM docker.io/library/node:22.1.0-alpine3.20 AS again',
      'FROM node:26-slim AS slim',
      'FROM node:22 AS full-debian',
      `FROM node@${digest('a')} AS digest-only`,
      'FROM node:lts-alpine AS lts',
      'FROM build',
      '',
    ].join('\n');
    const { requests, resolve } = recordingResolve();
    const plan = await planUpdate(text, { to: 'major' }, resolve);
    expect(plan.text.split('\n')).toEqual([
      `FROM --platform=$BUILDPLATFORM node:22.22.0-alpine3.24@${digest('b')} AS build`,
      `FROM docker.io/library/node:22.22.0-alpine3.24@${digest('b')} AS again`,
      `FROM node:26.6.0-trixie-slim@${digest('b')} AS slim`,
      'FROM node:22 AS full-debian',
      `FROM node@${digest('a')} AS digest-only`,
      'FROM node:lts-alpine AS lts',
      'FROM build',
      '',
    ]);
    expect(requests.map((r) => [r.nodeRange, r.base, r.noFallback])).toEqual([['22', 'alpine', true], ['26', 'slim', true]]);
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, 'tag 22: only the alpine and slim variants of the node image can be resolved'],
      [5, 'no tag, so no Node line to stay on: pass --to lts'],
      [6, 'tag lts-alpine names no Node line to stay on: pass --to lts'],
    ]);
    expect(plan.changes.map((c) => [c.line, c.oldVersion, c.newVersion])).toEqual([[1, '22-alpine', '22.22.0'], [2, '22.1.0', '22.22.0'], [3, '26-slim', '26.6.0']]);
  });

  it('--to lts moves every line to the newest LTS, tagless ones included', async () => {
    const { requests, resolve } = recordingResolve();
    const plan = await planUpdate('FROM node:22-alpine\nFROM node:lts-alpine\n', { to: 'lts' }, resolve);
    expect(plan.text).toBe(`FROM node:26.6.0-alpine3.24@${digest('b')}\nFROM node:26.6.0-alpine3.24@${digest('b')}\n`);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.nodeRange).toBeUndefined();
  });

  it('a current pin is reported, not rewritten; a foreign header is never touched', async () => {
    const { resolve } = recordingResolve();
    const current = `# my header: Digest resolved from nowhere (registry) at yesterday.\nFROM node:22.22.0-alpine3.24@${digest('b')}\r\nRUN true\r\n`;
    const plan = await planUpdate(current, { to: 'major' }, resolve);
    expect(plan.text).toBe(current);
    expect(plan.changes).toEqual([expect.objectContaining({ stale: false })]);
  });
});
