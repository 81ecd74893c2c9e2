// `update` on a distroless runtime FROM line (`gcr.io/distroless/nodejs<major>-debian13:nonroot@…`):
// the same Node major (it is in the repository name), the `nonroot` tag, the digest the registry
// serves now. Resolved through the generator's resolver (its build image for that major comes
// along; the runtime pin is the one used). A copy on another registry is resolved there.
import { DISTROLESS_TAG, distrolessRepository } from '../image/distroless.js';
import type { ImageRequest, ImageResolution, ResolvedImage } from '../image/types.js';
import type { FromLine } from './from-lines.js';
import type { PinChange, UpdateRequest } from './types.js';

export async function distrolessPin(
  from: FromLine,
  c: { name: string; major: number; digest: string | null },
  request: UpdateRequest,
  /** Asked once per distinct request (plan-update's memo), so lines of one base share a resolution. */
  resolve: (request: ImageRequest) => Promise<ImageResolution>,
): Promise<{ pin: PinChange; warnings: string[]; image: ResolvedImage }> {
  const imageRequest: ImageRequest = {
    nodeRange: String(c.major),
    base: 'trixie-slim',
    runtime: 'distroless',
    ...(c.name === distrolessRepository(c.major) ? {} : { runtimeImage: c.name }),
    registryMirror: request.registryMirror,
    baseImage: request.baseImage,
    noFallback: true,
  };
  const resolution = await resolve(imageRequest);
  const image = resolution.runtime!;
  const next = `${c.name}:${DISTROLESS_TAG}@${image.digest}`;
  return {
    pin: { line: from.line, from: from.image, to: next, oldVersion: null, newVersion: image.version, oldDigest: c.digest, newDigest: image.digest, stale: next !== from.image },
    warnings: resolution.warnings,
    image,
  };
}
