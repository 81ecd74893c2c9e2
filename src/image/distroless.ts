// The distroless runtime image: `gcr.io/distroless/nodejs<major>-debian13:nonroot`, pinned by its
// index digest. Distroless publishes no version tags (only latest, nonroot, debug, debug-nonroot per
// Node major), so the FROM line names `nonroot` and the header records the Node version the digest
// carries, read from the image manifest's `com.google.distroless.nodejs.version` annotation (set by
// nodejs/nodejs.bzl in GoogleContainerTools/distroless). An image without it: the version is not
// claimed ("<major>.x"), and a warning says so.
//
// There is no shipped snapshot of distroless digests: offline, only a cached resolution is used;
// without one this is one clear line (exit 4), never a guessed digest.

import { ImageResolutionError } from '../errors.js';
import type { ImageCache } from './deps.js';
import { ageInDays, readCachedResolution, type CachedResolution } from './fallback.js';
import { UnreachableError } from './http.js';
import { MEDIA_TYPES, type RegistryClient } from './registry-client.js';
import { imageTarget, type ImageTarget } from './target.js';
import type { ResolvedImage } from './types.js';

export const DISTROLESS_TAG = 'nonroot';
export const DISTROLESS_VERSION_ANNOTATION = 'com.google.distroless.nodejs.version';
/** Node majors distroless builds (nodejs/config.bzl NODEJS_MAJOR_VERSIONS). */
export const DISTROLESS_MAJORS = [22, 24, 26] as const;

export function distrolessRepository(major: number): string {
  return `gcr.io/distroless/nodejs${major}-debian13`;
}

export function distrolessTarget(major: number, override?: string): ImageTarget {
  if (override === undefined && !(DISTROLESS_MAJORS as readonly number[]).includes(major)) {
    throw new ImageResolutionError(`distroless publishes Node ${DISTROLESS_MAJORS.join(', ')} only (gcr.io/distroless/nodejs<major>-debian13), not Node ${major}: pick one with --node, or use --base slim.`);
  }
  return { ...imageTarget({ baseImage: override ?? distrolessRepository(major) }), officialNode: false };
}

interface ManifestJson {
  manifests?: { digest?: string; platform?: { os?: string; architecture?: string }; annotations?: Record<string, unknown> }[];
  annotations?: Record<string, unknown>;
}

function parse(bytes: Uint8Array): ManifestJson {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as ManifestJson;
  } catch {
    return {};
  }
}

function versionIn(annotations: Record<string, unknown> | undefined): string | undefined {
  const value = annotations?.[DISTROLESS_VERSION_ANNOTATION];
  return typeof value === 'string' && /^v?\d+\.\d+\.\d+$/.test(value) ? value.replace(/^v/, '') : undefined;
}

/** The Node version the digest carries: the index's annotations, else the linux/amd64 manifest's. */
async function annotatedVersion(client: RegistryClient, digest: string): Promise<string | undefined> {
  const top = await client.getManifest(digest);
  if (!top) return undefined;
  const index = parse(top.bytes);
  const own = versionIn(index.annotations);
  if (own) return own;
  const isIndex = top.mediaType === MEDIA_TYPES.ociIndex || top.mediaType === MEDIA_TYPES.dockerList || Array.isArray(index.manifests);
  if (!isIndex) return undefined;
  const amd64 = index.manifests?.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64');
  if (!amd64?.digest) return undefined;
  const fromEntry = versionIn(amd64.annotations);
  if (fromEntry) return fromEntry;
  const child = await client.getManifest(amd64.digest);
  return child ? versionIn(parse(child.bytes).annotations) : undefined;
}

export interface DistrolessInput {
  major: number;
  target: ImageTarget;
  client: RegistryClient | undefined;
  cache: ImageCache;
  now: Date;
  /** Why the registry is not asked (--offline), or undefined to ask it. */
  offlineReason?: string;
  noFallback?: boolean;
}

export async function resolveDistroless(input: DistrolessInput): Promise<{ image: ResolvedImage; warnings: string[] }> {
  const { target, now, major } = input;
  const key = `distroless:${target.endpoint.baseUrl}/${target.repository}:${DISTROLESS_TAG}`;
  const fallback = async (reason: string) => {
    const cached = await readCachedResolution(input.cache, key);
    if (!cached) {
      throw new ImageResolutionError(
        `Cannot resolve ${target.fromRepository}:${DISTROLESS_TAG} (${reason}) and nothing is cached; no distroless digest ships with this package. Run once with network access, or use --base alpine.`,
      );
    }
    const days = ageInDays(cached.resolvedAt, now);
    const warning = `WARNING: runtime image not checked against the registry (${reason}). Using the digest cached ${days} day(s) ago: ${cached.ref}. Re-run online to refresh.`;
    return { image: { ...cached, source: 'cache' as const, resolvedFrom: 'cache' }, warnings: [warning] };
  };
  if (input.offlineReason || !input.client) return fallback(input.offlineReason ?? '--offline');
  const client = input.client;
  try {
    const head = await client.headManifest(DISTROLESS_TAG);
    if (!head) throw new ImageResolutionError(`No image tagged ${DISTROLESS_TAG} in ${client.host}/${target.repository}.`);
    const version = await annotatedVersion(client, head.digest);
    const warnings = version
      ? []
      : [`${target.fromRepository}:${DISTROLESS_TAG}@${head.digest} does not say which Node ${major} release it carries (no ${DISTROLESS_VERSION_ANNOTATION} annotation); the header names Node ${major}.x.`];
    const image: ResolvedImage = {
      ref: `${target.fromRepository}:${DISTROLESS_TAG}@${head.digest}`,
      repository: target.fromRepository,
      tag: DISTROLESS_TAG,
      version: version ?? `${major}.x`,
      digest: head.digest,
      source: 'registry',
      resolvedAt: now.toISOString(),
      resolvedFrom: client.host,
    };
    if (version) await input.cache.put(key, { image, storedAt: now.toISOString() } satisfies CachedResolution);
    return { image, warnings };
  } catch (error) {
    if (!(error instanceof UnreachableError)) throw error;
    if (input.noFallback) throw new ImageResolutionError(`Cannot reach ${target.endpoint.host} to resolve ${target.fromRepository}:${DISTROLESS_TAG}: ${error.message}. (--no-fallback)`);
    return fallback(`registry unreachable: ${error.message}`);
  }
}
