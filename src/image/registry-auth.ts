// Registry authentication pieces: the Bearer token request (Docker's token flow: GET the realm
// named in WWW-Authenticate with service and scope, optionally with Basic credentials) and the
// error for HTTP 429 that tells the user the limits and when to retry.

import { ImageResolutionError } from '../errors.js';
import { basicAuthorization, type Credentials } from './credentials.js';
import { httpRequest, readBody, type HttpContext } from './http.js';

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
}

export function rateLimitError(host: string, headers: Headers): ImageResolutionError {
  const parts = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'docker-ratelimit-source']
    .map((name) => [name, headers.get(name)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value}`);
  const retryAfter = headers.get('retry-after');
  return new ImageResolutionError(
    `${host} answered 429 Too Many Requests (pull rate limit)` +
      (parts.length ? ` [${parts.join(', ')}]` : '') +
      (retryAfter ? `; retry after ${/^\d+$/.test(retryAfter) ? `${retryAfter} s` : retryAfter}` : '') +
      '. Log in (docker login) for a higher limit, use a registry mirror, or --offline for the cached/shipped digest.',
  );
}

export async function fetchBearerToken(
  http: HttpContext,
  { realm, service, repository, registryHost, creds }: { realm: string; service?: string; repository: string; registryHost: string; creds?: Credentials },
): Promise<string> {
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new ImageResolutionError(`${registryHost} named an invalid token realm "${realm}".`);
  }
  if (service) url.searchParams.set('service', service);
  url.searchParams.set('scope', `repository:${repository}:pull`);
  // Credentials go to the realm the registry names (that is how the token flow works), but never
  // over plain HTTP to a non-local host.
  const sendCreds = creds && (url.protocol === 'https:' || isLoopback(url));
  const { response } = await httpRequest(http, url.toString(), {
    method: 'GET',
    ...(sendCreds ? { authorization: basicAuthorization(creds) } : {}),
  });
  const text = new TextDecoder().decode(await readBody(http, response));
  if (response.status === 429) throw rateLimitError(url.host, response.headers);
  if (response.status === 401 || response.status === 403) {
    throw new ImageResolutionError(`Token endpoint ${url.host} refused the credentials for ${registryHost} (HTTP ${response.status}); check \`docker login ${registryHost}\`.`);
  }
  if (response.status !== 200) throw new ImageResolutionError(`Token endpoint ${url.host} answered HTTP ${response.status}.`);
  let token: unknown;
  try {
    const body = JSON.parse(text) as { token?: unknown; access_token?: unknown };
    token = body.token ?? body.access_token;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') {
    throw new ImageResolutionError(`Token endpoint ${url.host} returned a malformed token response (expected JSON with "token" or "access_token").`);
  }
  return token;
}
