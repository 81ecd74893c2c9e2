// A minimal OCI distribution / Docker registry API v2 client for one repository: auth discovery
// (401 + WWW-Authenticate, Bearer token once per repository, or Basic), manifest HEAD/GET with the
// full Accept list, blob GET. Digests are always checked against the bytes when bytes are read.

import { ImageResolutionError } from '../errors.js';
import { basicAuthorization, type Credentials } from './credentials.js';
import { fetchBearerToken, rateLimitError } from './registry-auth.js';
import type { ImageCache } from './deps.js';
import { isDigest, sha256Digest } from '../core/digest.js';
import { discard, httpRequest, readBody, UnreachableError, type HttpContext } from './http.js';
import { parseWwwAuthenticate, type Challenge } from './www-authenticate.js';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** Without the OCI index type, distribution 2.8 answers 404 for an OCI index: list them all. */
export const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');

export interface RegistryEndpoint {
  /** "https://registry-1.docker.io" or "http://127.0.0.1:5000" */
  baseUrl: string;
  /** "registry-1.docker.io" or "127.0.0.1:5000" */
  host: string;
}

export interface ManifestRef {
  digest: string;
  mediaType: string;
}

export interface FetchedManifest extends ManifestRef {
  bytes: Uint8Array;
}

/** What the client remembers about a registry's auth between runs (saves the /v2/ ping). */
type CachedChallenge = { scheme: 'none' } | { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string };

export interface RegistryClientOptions {
  http: HttpContext;
  endpoint: RegistryEndpoint;
  repository: string;
  cache: ImageCache;
  credentials: () => Promise<Credentials | undefined>;
}

export class RegistryClient {
  private authorization: string | undefined;
  private authPromise: Promise<void> | undefined;

  constructor(private readonly opts: RegistryClientOptions) {}

  get host(): string {
    return this.opts.endpoint.host;
  }

  /** "<baseUrl>/<repository>": what cache keys about this repository start with. */
  get scope(): string {
    return `${this.opts.endpoint.baseUrl}/${this.opts.repository}`;
  }

  private get challengeKey(): string {
    return `challenge:${this.opts.endpoint.baseUrl}`;
  }

  /** Gets authorization ready once: from the remembered challenge, else by pinging /v2/. */
  prepare(): Promise<void> {
    this.authPromise ??= this.discoverAuth();
    return this.authPromise;
  }

  private async discoverAuth(): Promise<void> {
    const cached = (await this.opts.cache.get(this.challengeKey)) as CachedChallenge | undefined;
    if (cached?.scheme === 'none') return;
    if (cached?.scheme === 'basic') return this.authenticate([{ scheme: 'basic', params: {} }]);
    if (cached?.scheme === 'bearer') {
      return this.authenticate([{ scheme: 'bearer', params: { realm: cached.realm, ...(cached.service ? { service: cached.service } : {}) } }]);
    }
    const { response } = await httpRequest(this.opts.http, `${this.opts.endpoint.baseUrl}/v2/`, { method: 'GET' });
    await discard(response);
    if (response.status === 200) {
      await this.opts.cache.put(this.challengeKey, { scheme: 'none' } satisfies CachedChallenge);
      return;
    }
    if (response.status === 429) throw rateLimitError(this.host, response.headers);
    if (response.status !== 401) {
      // A registry answers /v2/ with 200 or 401. Anything else is usually a proxy's error page
      // (a blocked host behind a corporate TLS proxy): treat it like an unreachable registry.
      throw new UnreachableError(`${this.host}: GET /v2/ answered HTTP ${response.status} (a proxy error page, or not a registry)`);
    }
    await this.authenticate(parseWwwAuthenticate(response.headers.get('www-authenticate') ?? ''));
  }

  private async authenticate(challenges: Challenge[]): Promise<void> {
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    const creds = await this.opts.credentials();
    if (bearer?.params.realm) {
      const { realm, service } = bearer.params;
      this.authorization = `Bearer ${await fetchBearerToken(this.opts.http, { realm, service, repository: this.opts.repository, registryHost: this.host, creds })}`;
      await this.opts.cache.put(this.challengeKey, { scheme: 'bearer', realm, ...(service ? { service } : {}) } satisfies CachedChallenge);
      return;
    }
    if (basic) {
      if (!creds) {
        throw new ImageResolutionError(`${this.host} requires credentials: run \`docker login ${this.host}\` (read from $DOCKER_CONFIG or ~/.docker/config.json).`);
      }
      this.authorization = basicAuthorization(creds);
      await this.opts.cache.put(this.challengeKey, { scheme: 'basic' } satisfies CachedChallenge);
      return;
    }
    throw new ImageResolutionError(`${this.host} asked for authentication this tool does not support: "${challenges.map((c) => c.scheme).join(', ') || 'no challenge'}".`);
  }

  /** A registry call with auth: a 401 (expired/unknown auth) re-runs the challenge once. */
  private async call(path: string, method: 'GET' | 'HEAD', accept?: string): Promise<Response> {
    await this.prepare();
    const url = `${this.opts.endpoint.baseUrl}/v2/${this.opts.repository}/${path}`;
    const send = () =>
      httpRequest(this.opts.http, url, {
        method,
        headers: accept ? { accept } : {},
        ...(this.authorization ? { authorization: this.authorization } : {}),
      }).then((r) => r.response);
    let response = await send();
    if (response.status === 401) {
      const header = response.headers.get('www-authenticate') ?? '';
      await discard(response);
      this.authPromise = this.authenticate(parseWwwAuthenticate(header));
      await this.authPromise;
      response = await send();
      if (response.status === 401) {
        await discard(response);
        throw new ImageResolutionError(`${this.host} refused access to ${this.opts.repository} (HTTP 401): wrong credentials, or no such repository; check the name and \`docker login ${this.host}\`.`);
      }
    }
    if (response.status === 429) {
      await discard(response);
      throw rateLimitError(this.host, response.headers);
    }
    return response;
  }

  private unexpected(what: string, response: Response): ImageResolutionError {
    return new ImageResolutionError(`${this.host}: ${what} in ${this.opts.repository} answered HTTP ${response.status}.`);
  }

  /** HEAD a manifest: its digest without spending a pull. undefined when the tag does not exist. */
  async headManifest(reference: string): Promise<ManifestRef | undefined> {
    const response = await this.call(`manifests/${reference}`, 'HEAD', MANIFEST_ACCEPT);
    await discard(response);
    if (response.status === 404) return undefined;
    if (response.status === 405 || response.status === 501) return this.getManifest(reference);
    if (response.status !== 200) throw this.unexpected(`HEAD ${reference}`, response);
    const digest = response.headers.get('docker-content-digest');
    if (!digest) return this.getManifest(reference); // no header: GET and hash the exact bytes
    if (!isDigest(digest)) {
      throw new ImageResolutionError(`${this.host} returned a malformed Docker-Content-Digest for ${reference}: "${digest.slice(0, 100)}".`);
    }
    return { digest, mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '' };
  }

  /** GET a manifest; its digest is the hash of the exact bytes (and must equal the header, if any). */
  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.call(`manifests/${reference}`, 'GET', MANIFEST_ACCEPT);
    if (response.status === 404) {
      await discard(response);
      return undefined;
    }
    if (response.status !== 200) {
      await discard(response);
      throw this.unexpected(`GET ${reference}`, response);
    }
    const bytes = await readBody(this.opts.http, response);
    const digest = await sha256Digest(bytes);
    const header = response.headers.get('docker-content-digest');
    if (header && header !== digest) {
      throw new ImageResolutionError(`${this.host}: manifest ${reference} does not match its Docker-Content-Digest (${header.slice(0, 80)} vs computed ${digest}).`);
    }
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new ImageResolutionError(`${this.host}: manifest ${reference} has content with digest ${digest}.`);
    }
    return { digest, mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '', bytes };
  }

  /** GET a blob (redirects to a CDN go without credentials); verified against its digest. */
  async getBlob(digest: string): Promise<Uint8Array> {
    const response = await this.call(`blobs/${digest}`, 'GET');
    if (response.status !== 200) {
      await discard(response);
      throw this.unexpected(`GET blob ${digest}`, response);
    }
    const bytes = await readBody(this.opts.http, response);
    if ((await sha256Digest(bytes)) !== digest) throw new ImageResolutionError(`${this.host}: blob ${digest} content does not match its digest.`);
    return bytes;
  }
}
