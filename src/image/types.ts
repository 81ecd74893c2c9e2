// The contract between the generator and base image resolution.

/**
 * The node image variant the build stages start from; trixie-slim matches distroless's Debian 13;
 * alpine-dev is Docker Hardened Images' build variant (`<v>-alpine3.N-dev`: root, shell, apk, npm).
 */
export type BaseFlavor = 'alpine' | 'slim' | 'trixie-slim' | 'alpine-dev';
export type ImageSource = 'registry' | 'cache' | 'snapshot' | 'flag';

export interface ImageRequest {
  /** The app's Node constraint: a semver range or exact version; undefined = newest LTS. */
  nodeRange?: string;
  base: BaseFlavor;
  /** A Docker Hub mirror to resolve against; the FROM line still says `node:...`. */
  registryMirror?: string;
  /** Another repository that hosts node images (e.g. "registry.example.com/base/node"); used on the FROM line. */
  baseImage?: string;
  /** A digest given by the user (`--digest`): validated and used as is. */
  digest?: string;
  /** Skip the network: cache, then the shipped snapshot. */
  offline?: boolean;
  /** Failure to reach the registry is fatal instead of falling back. */
  noFallback?: boolean;
  /** A separate runtime image for the final stage (distroless, dhi), pinned by digest beside the build image. */
  runtime?: 'distroless' | 'dhi';
  /** Where the runtime image is resolved and named on its FROM line (default gcr.io/distroless/nodejs<major>-debian13, dhi.io/node). */
  runtimeImage?: string;
}

export interface ResolvedImage {
  /** What goes on the FROM line, e.g. "node:26.5.0-alpine3.24@sha256:<64 hex>". */
  ref: string;
  /** Repository as written on the FROM line ("node" for Docker Hub official images). */
  repository: string;
  /** Exact tag, e.g. "26.5.0-alpine3.24". */
  tag: string;
  /** Node version, e.g. "26.5.0". */
  version: string;
  /** Image index digest "sha256:<64 hex>". */
  digest: string;
  source: ImageSource;
  /** ISO 8601 time the digest was resolved (for cache/snapshot: when it was originally resolved). */
  resolvedAt: string;
  /** Where it was resolved: registry host, "cache", "snapshot", or "flag". */
  resolvedFrom: string;
}

export interface ImageResolution {
  image: ResolvedImage;
  /** The final stage's own image, when it is not the build image (distroless). */
  runtime?: ResolvedImage;
  /** Human warnings for stderr (stale snapshot, range outside LTS, ...). */
  warnings: string[];
}
