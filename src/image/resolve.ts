// resolveNodeImage: the one entry point the generator calls. Validates the request, then
// --digest (given-digest.ts), --offline (cache, snapshot), or the registry (online.ts) with a
// fallback to cache and snapshot when the registry cannot be reached. Returns warnings; prints nothing.

import { ImageResolutionError } from '../errors.js';
import { credentialsFor } from './credentials.js';
import { DEFAULT_RELEASE_INDEX_URL, DEFAULT_TIME_BUDGET_MS, type ImageDeps } from './deps.js';
import { fallbackResolution, resolutionKey, type CachedResolution } from './fallback.js';
import { resolveDhi } from './dhi.js';
import { distrolessTarget, resolveDistroless } from './distroless.js';
import { resolveGivenDigest } from './given-digest.js';
import { createBudget, UnreachableError, type HttpContext } from './http.js';
import { resolveOnline } from './online.js';
import { RegistryClient } from './registry-client.js';
import { imageTarget, type ImageTarget } from './target.js';
import type { ImageRequest, ImageResolution } from './types.js';
import * as v from '../core/validate.js';

function clientFor(target: ImageTarget, http: HttpContext, deps: ImageDeps): RegistryClient {
  return new RegistryClient({
    http,
    endpoint: target.endpoint,
    repository: target.repository,
    cache: deps.cache,
    credentials: () => credentialsFor(target.endpoint.host, deps),
  });
}

export async function resolveNodeImage(request: ImageRequest, deps: ImageDeps): Promise<ImageResolution> {
  if (request.runtime === 'dhi') return resolveDhi(request, (r) => resolveBuildImage(r, deps));
  const build = await resolveBuildImage(request, deps);
  if (request.runtime !== 'distroless') return build;
  // The final stage's image: its Node major follows the build image's, so native modules built
  // there load in it (same major = same ABI; trixie-slim = the same Debian 13 glibc).
  const major = Number(build.image.version.split('.')[0]);
  const target = distrolessTarget(major, request.runtimeImage);
  const budget = createBudget(deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  try {
    const client = request.offline ? undefined : clientFor(target, { fetch: deps.fetch, budget }, deps);
    const runtime = await resolveDistroless({ major, target, client, cache: deps.cache, now: deps.now(), offlineReason: request.offline ? '--offline' : undefined, noFallback: request.noFallback });
    const warnings = [...build.warnings, ...runtime.warnings];
    if (runtime.image.version !== build.image.version && /^\d+\.\d+\.\d+$/.test(runtime.image.version)) {
      warnings.push(`The build stages run Node ${build.image.version} and the distroless runtime Node ${runtime.image.version} (same major ${major}; distroless publishes no version tags).`);
    }
    return { image: build.image, runtime: runtime.image, warnings };
  } finally {
    budget.dispose();
  }
}

async function resolveBuildImage(request: ImageRequest, deps: ImageDeps): Promise<ImageResolution> {
  // Validation first: bad input is a usage error (exit 2) whatever the network does.
  const range = request.nodeRange !== undefined ? v.nodeRange(request.nodeRange) : undefined;
  const target = imageTarget(request);
  const digest = request.digest !== undefined ? v.digest(request.digest) : undefined;
  const base = request.base;
  const now = deps.now();
  const key = resolutionKey(target, base, range);
  const budget = createBudget(deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const http: HttpContext = { fetch: deps.fetch, budget };
  try {
    if (digest) {
      const client = request.offline ? undefined : clientFor(target, http, deps);
      return await resolveGivenDigest({ digest, target, base, range, now, cache: deps.cache, cacheKey: key, client });
    }
    if (request.offline) {
      return await fallbackResolution({ cache: deps.cache, key, target, range, base, now, reason: '--offline', warnings: [] });
    }
    try {
      const resolved = await resolveOnline({
        client: clientFor(target, http, deps),
        target,
        http,
        cache: deps.cache,
        now,
        range,
        base,
        releaseIndexUrl: deps.releaseIndexUrl ?? DEFAULT_RELEASE_INDEX_URL,
      });
      await deps.cache.put(key, { image: resolved.image, storedAt: now.toISOString() } satisfies CachedResolution);
      return resolved;
    } catch (error) {
      if (!(error instanceof UnreachableError)) throw error;
      if (request.noFallback) {
        throw new ImageResolutionError(`Cannot reach the registry to resolve the base image: ${error.message}. (--no-fallback: no cached or shipped digest used.)`);
      }
      return await fallbackResolution({ cache: deps.cache, key, target, range, base, now, reason: `registry unreachable: ${error.message}`, warnings: [] });
    }
  } finally {
    budget.dispose();
  }
}
