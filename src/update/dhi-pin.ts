// `update` on a Docker Hardened Images FROM line (`dhi.io/node:<x.y.z>-alpine3.N[-dev]@…`): both
// lines of a `--base dhi` Dockerfile go through one `--base dhi` resolution on the same Node major
// (the -dev line takes its build image, the runtime line its runtime image), so they move together.
// A copy on another registry (<host>/dhi/node) is resolved there.
import { DHI_REPOSITORY } from '../image/dhi.js';
import type { ImageRequest, ImageResolution, ResolvedImage } from '../image/types.js';
import type { FromLine } from './from-lines.js';
import type { PinChange } from './types.js';

export async function dhiPin(
  from: FromLine,
  c: { name: string; major: number; version: string; dev: boolean; digest: string | null },
  /** Asked once per distinct request (plan-update's memo), so lines of one base share a resolution. */
  resolve: (request: ImageRequest) => Promise<ImageResolution>,
): Promise<{ pin: PinChange; warnings: string[]; image: ResolvedImage }> {
  const imageRequest: ImageRequest = {
    nodeRange: String(c.major),
    base: 'alpine-dev',
    runtime: 'dhi',
    ...(c.name === DHI_REPOSITORY ? {} : { runtimeImage: c.name }),
    noFallback: true,
  };
  const resolution = await resolve(imageRequest);
  const image = c.dev ? resolution.image : resolution.runtime!;
  const next = `${c.name}:${image.tag}@${image.digest}`;
  return {
    pin: { line: from.line, from: from.image, to: next, oldVersion: c.version, newVersion: image.version, oldDigest: c.digest, newDigest: image.digest, stale: next !== from.image },
    warnings: resolution.warnings,
    image,
  };
}
