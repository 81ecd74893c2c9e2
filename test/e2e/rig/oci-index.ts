import { MEDIA, type StartedRegistry } from '../../support/registry.js';
import { pushManifest, sha256Digest } from '../../support/registry-push.js';

interface ImageManifest {
  config: { digest: string };
  layers: { digest: string }[];
}

/**
 * Publish a single-platform image, already pushed by `docker push` to `fromRepo:fromTag`, into
 * `toRepo` the way Docker Hub serves the official node images: every tag points at ONE OCI image
 * index (multi-arch style, here listing only linux/amd64), so the digest the resolver pins is an
 * index digest, as on Docker Hub. Blobs are cross-repository mounted; the platform manifest is put
 * by digest so it carries no tag of its own. Returns the index digest.
 */
export async function publishAsIndex(registry: StartedRegistry, fromRepo: string, fromTag: string, toRepo: string, tags: readonly string[], annotations?: Record<string, string>): Promise<string> {
  const got = await fetch(`${registry.url}/v2/${fromRepo}/manifests/${fromTag}`, { headers: { Accept: `${MEDIA.dockerManifest}, ${MEDIA.ociManifest}` } });
  if (!got.ok) throw new Error(`GET manifest ${fromRepo}:${fromTag}: HTTP ${got.status}`);
  const mediaType = got.headers.get('content-type') ?? MEDIA.dockerManifest;
  const manifestBytes = new Uint8Array(await got.arrayBuffer());
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString()) as ImageManifest;

  for (const digest of [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
    const res = await fetch(`${registry.url}/v2/${toRepo}/blobs/uploads/?mount=${digest}&from=${fromRepo}`, { method: 'POST' });
    await res.arrayBuffer();
    // 201: mounted. 202 would mean the registry opened an upload instead of mounting.
    if (res.status !== 201) throw new Error(`mount ${digest} into ${toRepo}: HTTP ${res.status}`);
  }
  const manifestDigest = await pushManifest(registry, toRepo, sha256Digest(manifestBytes), mediaType, manifestBytes);

  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA.ociIndex,
    manifests: [{ mediaType, digest: manifestDigest, size: manifestBytes.length, platform: { architecture: 'amd64', os: 'linux' } }],
    ...(annotations ? { annotations } : {}),
  });
  let indexDigest = '';
  for (const tag of tags) indexDigest = await pushManifest(registry, toRepo, tag, MEDIA.ociIndex, index);
  return indexDigest;
}
