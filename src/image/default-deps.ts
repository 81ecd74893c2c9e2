// The real dependencies for the CLI shell: undici fetch through EnvHttpProxyAgent (HTTPS_PROXY /
// NO_PROXY honoured), the file cache in the user cache dir, docker-credential-* helpers.
// undici, node:child_process and node:crypto are imported on first use, so --offline runs never load them.

import { createFileCache, createMemoryCache, defaultCacheDir } from './cache.js';
import { DEFAULT_RELEASE_INDEX_URL, DEFAULT_TIME_BUDGET_MS, type FetchLike, type HelperCredentials, type ImageDeps } from './deps.js';

type Env = Record<string, string | undefined>;

function lazyProxyFetch(env: Env): FetchLike {
  let ready: Promise<FetchLike> | undefined;
  const load = async (): Promise<FetchLike> => {
    // Bundled by esbuild, the CommonJS package arrives as the chunk's default export.
    const imported = await import('undici');
    const undici = (imported as unknown as { default?: typeof imported }).default ?? imported;
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: env.HTTP_PROXY ?? env.http_proxy,
      httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
    });
    return ((input: Parameters<FetchLike>[0], init?: Parameters<FetchLike>[1]) =>
      undici.fetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as FetchLike;
  };
  return async (input, init) => {
    ready ??= load();
    return (await ready)(input, init);
  };
}

/** `docker-credential-<name> get` (found on env.PATH), host on stdin, JSON {Username, Secret} on stdout; 5 s at most. */
export async function runCredentialHelper(env: Env, name: string, host: string): Promise<HelperCredentials | undefined> {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
  const { execFile } = await import('node:child_process'); // on demand: most runs spawn nothing
  return new Promise((resolve) => {
    const child = execFile(`docker-credential-${name}`, ['get'], { timeout: 5000, env }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        const parsed = JSON.parse(stdout) as { Username?: string; Secret?: string };
        resolve(parsed.Username && parsed.Secret ? { username: parsed.Username, secret: parsed.Secret } : undefined);
      } catch {
        resolve(undefined);
      }
    });
    child.stdin?.end(host);
  });
}

export function createDefaultImageDeps(env: NodeJS.ProcessEnv): ImageDeps {
  const dir = defaultCacheDir(env);
  return {
    fetch: lazyProxyFetch(env),
    now: () => new Date(),
    cache: dir ? createFileCache(dir) : createMemoryCache(),
    env,
    runCredentialHelper: (name, host) => runCredentialHelper(env, name, host),
    timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
    releaseIndexUrl: DEFAULT_RELEASE_INDEX_URL,
  };
}
