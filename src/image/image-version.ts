// Reads the Node version an image carries, for when Node's release index cannot be reached (a
// closed network with only a registry mirror): the official images set ENV NODE_VERSION, so
// index -> linux/amd64 manifest -> config blob -> Env gives it. Three sequential GETs.

import { ImageResolutionError } from '../errors.js';
import type { ImageCache } from './deps.js';
import { MEDIA_TYPES, type RegistryClient } from './registry-client.js';

interface IndexJson {
  manifests?: { digest?: string; mediaType?: string; platform?: { os?: string; architecture?: string } }[];
  config?: { digest?: string };
}

export interface ImageVersion {
  version: string;
  /** Digest of what the reference points at (the index, for multi-arch images). */
  digest: string;
  mediaType: string;
}

function parseJson(bytes: Uint8Array, what: string): IndexJson & { config?: { Env?: unknown } } {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as IndexJson;
  } catch {
    throw new ImageResolutionError(`${what} is not valid JSON.`);
  }
}

/**
 * undefined when the reference does not exist. With a cache, a tag read before is only HEADed:
 * when its digest is unchanged the version is known (a digest's content never changes), which
 * saves the manifest and config round trips on warm runs.
 */
export async function readImageNodeVersion(client: RegistryClient, reference: string, cache?: ImageCache): Promise<ImageVersion | undefined> {
  const key = `image-version:${client.scope}:${reference}`;
  const cached = (await cache?.get(key)) as ImageVersion | undefined;
  if (cached?.digest && cached.version) {
    const head = await client.headManifest(reference);
    if (!head) return undefined;
    if (head.digest === cached.digest) return { ...cached, mediaType: head.mediaType };
  }
  const read = await readFromManifests(client, reference);
  if (read) await cache?.put(key, read);
  return read;
}

async function readFromManifests(client: RegistryClient, reference: string): Promise<ImageVersion | undefined> {
  const top = await client.getManifest(reference);
  if (!top) return undefined;
  let manifest = parseJson(top.bytes, `manifest ${reference}`);
  const isIndex = top.mediaType === MEDIA_TYPES.ociIndex || top.mediaType === MEDIA_TYPES.dockerList || Array.isArray(manifest.manifests);
  if (isIndex) {
    const entries = manifest.manifests ?? [];
    const amd64 = entries.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64') ?? entries.find((m) => m.platform?.os === 'linux');
    if (!amd64?.digest) throw new ImageResolutionError(`${reference} in ${client.host} has no linux image.`);
    const child = await client.getManifest(amd64.digest);
    if (!child) throw new ImageResolutionError(`${reference} in ${client.host} references a missing manifest ${amd64.digest}.`);
    manifest = parseJson(child.bytes, `manifest ${amd64.digest}`);
  }
  const configDigest = manifest.config?.digest;
  if (!configDigest) throw new ImageResolutionError(`${reference} in ${client.host}: manifest has no config.`);
  const config = parseJson(await client.getBlob(configDigest), `config ${configDigest}`);
  const env = Array.isArray(config.config?.Env) ? (config.config.Env as unknown[]) : [];
  const line = env.find((e): e is string => typeof e === 'string' && e.startsWith('NODE_VERSION='));
  // Docker Hardened Images set the Alpine package's version, revision included (NODE_VERSION=26.3.1-r0).
  const version = line?.slice('NODE_VERSION='.length).replace(/^v/, '').replace(/-r\d+$/, '');
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new ImageResolutionError(`${reference} in ${client.host} does not declare NODE_VERSION in its config; is it a node image?`);
  }
  return { version, digest: top.digest, mediaType: top.mediaType };
}
