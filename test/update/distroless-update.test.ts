// update on a --base distroless Dockerfile (the golden one): the trixie-slim build line and the
// distroless runtime line are both refreshed, the runtime line keeps its repository (the Node major is
// in its name) and the nonroot tag, and the header's runtime lines follow the new pin.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImageRequest, ImageResolution, ResolvedImage } from '../../src/image/types.js';
import { planUpdate } from '../../src/update/plan-update.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const GOLDEN = readFileSync(new URL('../golden/__snapshots__/express-distroless/Dockerfile', import.meta.url), 'utf8');

function resolver() {
  const requests: ImageRequest[] = [];
  const image = (ref: string, tag: string, version: string, d: string, resolvedFrom: string): ResolvedImage => ({ ref, repository: ref.split(':')[0]!, tag, version, digest: d, source: 'registry', resolvedAt: '2026-12-02T00:00:00.000Z', resolvedFrom });
  const resolve = async (request: ImageRequest): Promise<ImageResolution> => {
    requests.push(request);
    const build = image(`node:26.6.0-trixie-slim@${digest('b')}`, '26.6.0-trixie-slim', '26.6.0', digest('b'), 'registry-1.docker.io');
    if (request.runtime !== 'distroless') return { image: build, warnings: [] };
    const repo = request.runtimeImage ?? 'gcr.io/distroless/nodejs26-debian13';
    return { image: build, runtime: image(`${repo}:nonroot@${digest('c')}`, 'nonroot', '26.6.0', digest('c'), 'gcr.io'), warnings: [] };
  };
  return { requests, resolve };
}

describe('update on a distroless Dockerfile', () => {
  it('refreshes the build and runtime pins and the runtime header lines', async () => {
    const { requests, resolve } = resolver();
    const plan = await planUpdate(GOLDEN, { to: 'major' }, resolve);
    expect(plan.skipped).toEqual([]);
    expect(plan.changes.map((c) => c.to)).toEqual([`node:26.6.0-trixie-slim@${digest('b')}`, `gcr.io/distroless/nodejs26-debian13:nonroot@${digest('c')}`]);
    expect(plan.text).toContain(`FROM gcr.io/distroless/nodejs26-debian13:nonroot@${digest('c')} AS runtime`);
    expect(plan.text).toContain('# Runtime image: Node.js 26.6.0 on distroless');
    expect(plan.text).toMatch(/^# no version tags; .*\. Resolved from gcr\.io at 2026-12-02T00:00:00\.000Z\.$/m);
    expect(requests.find((r) => r.runtime === 'distroless')).toMatchObject({ nodeRange: '26', base: 'trixie-slim', noFallback: true });
    expect(requests.find((r) => r.runtime === 'distroless')?.runtimeImage).toBeUndefined();
  });

  it('a copy of the distroless repository on another registry is resolved there and keeps its name', async () => {
    const { requests, resolve } = resolver();
    const text = `FROM 127.0.0.1:5000/distroless/nodejs24-debian13:nonroot@${digest('a')} AS runtime\nCMD ["server.js"]\n`;
    const plan = await planUpdate(text, { to: 'major' }, resolve);
    expect(plan.text).toBe(`FROM 127.0.0.1:5000/distroless/nodejs24-debian13:nonroot@${digest('c')} AS runtime\nCMD ["server.js"]\n`);
    expect(requests[0]).toMatchObject({ nodeRange: '24', runtime: 'distroless', runtimeImage: '127.0.0.1:5000/distroless/nodejs24-debian13' });
  });
});
