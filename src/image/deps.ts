// What image resolution needs from the outside world, injected so the core stays testable:
// network (fetch), clock, cache store, environment, credential helpers and file reads.

export type FetchLike = typeof globalThis.fetch;

/** A small key/value store for resolutions and hints (JSON-serialisable values). */
export interface ImageCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

export interface HelperCredentials {
  username: string;
  secret: string;
}

export interface ImageDeps {
  /** WHATWG fetch. Called with `redirect: 'manual'`; redirects are followed by the resolver. */
  fetch: FetchLike;
  now(): Date;
  cache: ImageCache;
  /** Environment variables: DOCKER_CONFIG, HOME, HTTPS_PROXY, NO_PROXY, ... */
  env: Record<string, string | undefined>;
  /** Runs `docker-credential-<name> get` with `host` on stdin; undefined when it has nothing. */
  runCredentialHelper?(name: string, host: string): Promise<HelperCredentials | undefined>;
  /** Reads a text file; undefined when it does not exist. Default: node:fs. */
  readFile?(path: string): Promise<string | undefined>;
  /** Whole-resolution time budget in ms (default 15000). */
  timeBudgetMs?: number;
  /** Node's release index (default https://nodejs.org/dist/index.json). */
  releaseIndexUrl?: string;
}

export const DEFAULT_TIME_BUDGET_MS = 15_000;
export const DEFAULT_RELEASE_INDEX_URL = 'https://nodejs.org/dist/index.json';
