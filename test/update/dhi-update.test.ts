// update on a --base dhi Dockerfile (the golden one): the -dev build line and the runtime line go
// through ONE --base dhi resolution on the same Node major and move together; each keeps its
// repository and variant, and both header blocks (build label, runtime lines) follow the new pins.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImageRequest, ImageResolution, ResolvedImage } from '../../src/image/types.js';
import { checkDockerfile } from '../support/dockerfile-rules.js';
import { planUpdate } from '../../src/update/plan-update.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const GOLDEN = readFileSync(new URL('../golden/__snapshots__/express-dhi/Dockerfile', import.meta.url), 'utf8');

function resolver() {
  const requests: ImageRequest[] = [];
  const image = (repo: string, tag: string, d: string): ResolvedImage => ({ ref: `${repo}:${tag}@${d}`, repository: repo, tag, version: '26.6.0', digest: d, source: 'registry', resolvedAt: '2026-12-02T00:00:00.000Z', resolvedFrom: repo.split('/')[0]! });
  const resolve = async (request: ImageRequest): Promise<ImageResolution> => {
    requests.push(request);
    const repo = request.runtimeImage ?? 'dhi.io/node';
    return { image: image(repo, '26.6.0-alpine3.25-dev', digest('b')), runtime: image(repo, '26.6.0-alpine3.25', digest('c')), warnings: [] };
  };
  return { requests, resolve };
}

describe('update on a Docker Hardened Images Dockerfile', () => {
  it('refreshes the -dev build pin and the runtime pin with one resolution, and the header follows', async () => {
    const { requests, resolve } = resolver();
    const plan = await planUpdate(GOLDEN, { to: 'major' }, resolve);
    expect(plan.skipped).toEqual([]);
    expect(plan.changes.map((c) => [c.to, c.oldVersion, c.stale])).toEqual([
      [`dhi.io/node:26.6.0-alpine3.25-dev@${digest('b')}`, '26.5.0', true],
      [`dhi.io/node:26.6.0-alpine3.25@${digest('c')}`, '26.5.0', true],
    ]);
    expect(requests).toEqual([{ nodeRange: '26', base: 'alpine-dev', runtime: 'dhi', noFallback: true }]);
    expect(plan.text).toContain(`FROM dhi.io/node:26.6.0-alpine3.25-dev@${digest('b')} AS base`);
    expect(plan.text).toContain(`FROM dhi.io/node:26.6.0-alpine3.25@${digest('c')} AS runtime`);
    expect(plan.text).toContain('# Base image: Node.js 26.6.0 on Docker Hardened Images Alpine 3.25 (-dev: root, shell, apk, npm), pinned by tag and image index digest');
    expect(plan.text).toContain('# Runtime image: Node.js 26.6.0 on Docker Hardened Images Alpine');
    expect(plan.text).toMatch(/^# \(its -dev variant\)\. .*\. Resolved from dhi\.io at 2026-12-02T00:00:00\.000Z\.$/m);
    // Still clean for check after the move (exact tags, digests, a non-root USER, tini as PID 1).
    expect(checkDockerfile(plan.text).map((v) => v.rule)).toEqual([]);
  });

  it('a copy on another registry is resolved there; a tag with no exact version is skipped with the reason', async () => {
    const { requests, resolve } = resolver();
    const text = `FROM 127.0.0.1:5000/dhi/node:24.11.0-alpine3.24-dev@${digest('a')} AS base\nFROM dhi.io/node:24-alpine AS runtime\n`;
    const plan = await planUpdate(text, { to: 'major' }, resolve);
    expect(plan.text.split('\n')[0]).toBe(`FROM 127.0.0.1:5000/dhi/node:26.6.0-alpine3.25-dev@${digest('b')} AS base`);
    expect(requests[0]).toMatchObject({ nodeRange: '24', runtime: 'dhi', runtimeImage: '127.0.0.1:5000/dhi/node' });
    expect(plan.skipped.map((s) => s.reason)).toEqual(['tag 24-alpine: only the <x.y.z>-alpine[3.N][-dev] tags of a Docker Hardened node image can be resolved']);
  });
});
