// Fetches Node's release index, remembering it in the cache for an hour (releases come out about
// weekly, and the file is large). Any failure (DNS, a proxy's 403/502 page, non-JSON) yields
// undefined plus the reason: the caller then asks the registry images for their NODE_VERSION.
// A failure is remembered for an hour too, so in a closed network later runs do not wait on it.

import type { ImageCache } from './deps.js';
import { childBudget, httpRequest, readBody, type HttpContext } from './http.js';
import { parseReleaseIndex, type NodeRelease } from './release-index.js';

const FRESH_MS = 60 * 60 * 1000;
/** The index must not eat the registry's budget: it gets a few seconds of its own. */
const INDEX_BUDGET_MS = 5000;

interface CachedIndex {
  fetchedAt: string;
  releases: NodeRelease[];
}

export type ReleaseIndexResult = { releases: NodeRelease[] } | { releases: undefined; problem: string };

export async function loadReleaseIndex(http: HttpContext, url: string, cache: ImageCache, now: Date): Promise<ReleaseIndexResult> {
  const key = `release-index:${url}`;
  const cached = (await cache.get(key)) as CachedIndex | undefined;
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < FRESH_MS && Array.isArray(cached.releases)) {
    return { releases: cached.releases };
  }
  const failureKey = `release-index-failure:${url}`;
  const failure = (await cache.get(failureKey)) as { failedAt: string; problem: string } | undefined;
  if (failure && now.getTime() - Date.parse(failure.failedAt) < FRESH_MS) {
    return { releases: undefined, problem: `${failure.problem}, at ${failure.failedAt}; not retried for an hour` };
  }
  const result = await fetchReleaseIndex(http, url);
  if (result.releases) await cache.put(key, { fetchedAt: now.toISOString(), releases: result.releases } satisfies CachedIndex);
  else await cache.put(failureKey, { failedAt: now.toISOString(), problem: result.problem });
  return result;
}

async function fetchReleaseIndex(http: HttpContext, url: string): Promise<ReleaseIndexResult> {
  const budget = childBudget(http.budget, INDEX_BUDGET_MS);
  try {
    const { response } = await httpRequest({ fetch: http.fetch, budget }, url, { method: 'GET', headers: { accept: 'application/json' } });
    const bytes = await readBody({ fetch: http.fetch, budget }, response);
    if (response.status !== 200) return { releases: undefined, problem: `HTTP ${response.status}` };
    return { releases: parseReleaseIndex(JSON.parse(new TextDecoder().decode(bytes))) };
  } catch (error) {
    return { releases: undefined, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    budget.dispose();
  }
}
