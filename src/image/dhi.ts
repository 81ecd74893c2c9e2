// Docker Hardened Images for `--base dhi`: the build stages start from `dhi.io/node:<v>-alpine3.N-dev`
// (root, busybox shell, apk, npm, yarn, corepack) and the final stage from `dhi.io/node:<v>-alpine3.N`
// (user node 1000, no shell, no npm, CMD ["node"], no ENTRYPOINT): docker-hardened-images/catalog
// image/node/alpine-3.24/26.yaml and 26-dev.yaml. Both are pinned by tag and index digest through
// the same resolver as node:<v>-alpine (the tags follow docker-node's scheme), the runtime on the
// build image's exact version when it has it, else the newest of the same major (the ABI native
// modules are built for). The Alpine variant, as our default base: musl, the smallest image.
//
// dhi.io refuses anonymous pulls (docs.docker.com/dhi/how-to/use: "You must authenticate to the
// Docker Hardened Images registry (dhi.io)… Run docker login dhi.io"): a refusal is one line that
// says so. There is no shipped snapshot of DHI digests: offline, only a cached resolution is used.
import { ImageResolutionError } from '../errors.js';
import type { ImageRequest, ImageResolution } from './types.js';

export const DHI_REPOSITORY = 'dhi.io/node';

type Resolve = (request: ImageRequest) => Promise<ImageResolution>;

function loginHint(error: unknown, repository: string): unknown {
  if (!(error instanceof ImageResolutionError) || !/docker login|HTTP 40[13]/.test(error.message)) return error;
  const host = repository.split('/')[0]!;
  return new ImageResolutionError(
    `${host} refused to serve ${repository} without valid credentials: Docker Hardened Images need a (free) Docker ID, so run \`docker login ${host}\` and re-run. (${error.message.replace(/\.$/, '')})`,
  );
}

export async function resolveDhi(request: ImageRequest, resolve: Resolve): Promise<ImageResolution> {
  const repository = request.runtimeImage ?? DHI_REPOSITORY;
  const common: ImageRequest = { base: 'alpine', baseImage: repository, offline: request.offline, noFallback: request.noFallback, digest: undefined };
  try {
    const build = await resolve({ ...common, base: 'alpine-dev', nodeRange: request.nodeRange, digest: request.digest });
    const version = build.image.version;
    const major = version.split('.')[0]!;
    const warnings = [...build.warnings];
    let runtime: ImageResolution;
    try {
      runtime = await resolve({ ...common, nodeRange: version });
    } catch (error) {
      if (!(error instanceof ImageResolutionError) || /docker login|HTTP 40[13]/.test(error.message)) throw error;
      runtime = await resolve({ ...common, nodeRange: major });
      warnings.push(`${repository} has no runtime image for Node ${version} (its -dev build image); the runtime stage runs Node ${runtime.image.version}, same major ${major}.`);
    }
    if (runtime.image.version.split('.')[0] !== major) {
      throw new ImageResolutionError(`${repository}: the runtime image is Node ${runtime.image.version} but the -dev build image Node ${version}: native modules need the same major.`);
    }
    // The runtime is resolved on the build image's version: its LTS verdict only repeats the build's.
    const runtimeWarnings = runtime.warnings.filter((w) => !w.includes('LTS release'));
    return { image: build.image, runtime: runtime.image, warnings: [...new Set([...warnings, ...runtimeWarnings])] };
  } catch (error) {
    throw loginHint(error, repository);
  }
}
