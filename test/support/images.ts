// Fixed resolved images for rendering tests (resolution itself is tested in test/image).
import type { ResolvedImage } from '../../src/image/types.js';

/** The real published Node 26.5.0 Alpine index digest (shared/node-image-snapshot.json), with a fixed time. */
export const FIXED_IMAGE: ResolvedImage = {
  ref: 'node:26.5.0-alpine3.24@sha256:e88a35be04478413b7c71c455cd9865de9b9360e1f43456be5951032d7ac1a66',
  repository: 'node',
  tag: '26.5.0-alpine3.24',
  version: '26.5.0',
  digest: 'sha256:e88a35be04478413b7c71c455cd9865de9b9360e1f43456be5951032d7ac1a66',
  source: 'registry',
  resolvedAt: '2026-11-23T00:00:00.000Z',
  resolvedFrom: 'registry-1.docker.io',
};

/** The snapshot has no slim entries: a placeholder digest, well-formed, for rendering tests only. */
export const FIXED_SLIM_IMAGE: ResolvedImage = {
  ...FIXED_IMAGE,
  ref: 'node:26.5.0-bookworm-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111',
  tag: '26.5.0-bookworm-slim',
  digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
};

/** Placeholder digests (well-formed, for rendering tests only): the Debian 13 build image of --base distroless. */
export const FIXED_TRIXIE_IMAGE: ResolvedImage = {
  ...FIXED_IMAGE,
  ref: 'node:26.5.0-trixie-slim@sha256:2222222222222222222222222222222222222222222222222222222222222222',
  tag: '26.5.0-trixie-slim',
  digest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222',
};

/** ... and its runtime image, named by the only kind of tag distroless publishes. */
export const FIXED_DISTROLESS_IMAGE: ResolvedImage = {
  ...FIXED_IMAGE,
  ref: 'gcr.io/distroless/nodejs26-debian13:nonroot@sha256:3333333333333333333333333333333333333333333333333333333333333333',
  repository: 'gcr.io/distroless/nodejs26-debian13',
  tag: 'nonroot',
  digest: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
  resolvedFrom: 'gcr.io',
};

/** --base dhi: the build stages' Docker Hardened Image (-dev variant) ... */
export const FIXED_DHI_DEV_IMAGE: ResolvedImage = {
  ...FIXED_IMAGE,
  ref: 'dhi.io/node:26.5.0-alpine3.24-dev@sha256:4444444444444444444444444444444444444444444444444444444444444444',
  repository: 'dhi.io/node',
  tag: '26.5.0-alpine3.24-dev',
  digest: 'sha256:4444444444444444444444444444444444444444444444444444444444444444',
  resolvedFrom: 'dhi.io',
};

/** ... and its runtime variant (no shell, uid 1000), the same version and Alpine release. */
export const FIXED_DHI_IMAGE: ResolvedImage = {
  ...FIXED_DHI_DEV_IMAGE,
  ref: 'dhi.io/node:26.5.0-alpine3.24@sha256:5555555555555555555555555555555555555555555555555555555555555555',
  tag: '26.5.0-alpine3.24',
  digest: 'sha256:5555555555555555555555555555555555555555555555555555555555555555',
};
