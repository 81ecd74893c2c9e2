// Pushing content to a test registry over the plain registry HTTP API (monolithic blob uploads,
// manifest PUTs), including a small node image index shaped like the official ones.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MEDIA, type StartedRegistry } from './registry.js';

export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function authHeaders(registry: StartedRegistry): Record<string, string> {
  return registry.pushAuthorization ? { authorization: registry.pushAuthorization } : {};
}

/** Monolithic blob upload (POST then PUT ?digest=). Returns the blob digest. */
export async function pushBlob(registry: StartedRegistry, repository: string, bytes: Uint8Array): Promise<string> {
  const digest = sha256Digest(bytes);
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers: authHeaders(registry) });
  await start.arrayBuffer();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location) throw new Error(`blob upload start: HTTP ${start.status}`);
  const put = new URL(location, registry.url);
  put.searchParams.set('digest', digest);
  const done = await fetch(put, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const text = await done.text();
  if (done.status !== 201) throw new Error(`blob upload: HTTP ${done.status} ${text}`);
  return digest;
}

/** PUT a manifest (image manifest or index) by tag or digest. Returns the digest of the exact bytes. */
export async function pushManifest(
  registry: StartedRegistry,
  repository: string,
  reference: string,
  mediaType: string,
  bytes: Uint8Array | string,
): Promise<string> {
  const body = typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes)) : new Uint8Array(bytes);
  const digest = sha256Digest(body);
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...authHeaders(registry), 'content-type': mediaType },
    body,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`manifest PUT ${repository}:${reference}: HTTP ${res.status} ${text}`);
  const answered = res.headers.get('docker-content-digest');
  if (answered && answered !== digest) throw new Error(`registry computed ${answered}, expected ${digest}`);
  return digest;
}

export interface NodeImageIndexSpec {
  /** e.g. "library/node" */
  repository: string;
  /** Every tag the index is pushed under, e.g. ["24.21.0-alpine3.24", "24.21.0-alpine", "24-alpine"]. */
  tags: string[];
  nodeVersion: string;
  /** e.g. ["linux/amd64", "linux/arm64/v8"]; default linux/amd64 + linux/arm64/v8. */
  platforms?: string[];
  /** Extra config labels: change them to get a different digest for the same Node version. */
  labels?: Record<string, string>;
  /** 'oci' (default, like the official images today) or 'docker' (manifest list v2). */
  format?: 'oci' | 'docker';
  /** Annotations on each image manifest (distroless records its Node version there). */
  annotations?: Record<string, string>;
}

export interface PushedNodeImage {
  /** Digest of the exact index bytes pushed: the one to pin. */
  indexDigest: string;
  indexMediaType: string;
  /** platform ("linux/amd64") -> image manifest digest. */
  manifests: Record<string, string>;
  /** platform -> config blob digest. */
  configs: Record<string, string>;
}

/** An empty tar archive (two 512-byte zero blocks), gzipped: the smallest valid layer. */
const EMPTY_TAR = Buffer.alloc(1024);
const EMPTY_LAYER = gzipSync(EMPTY_TAR);

/**
 * Pushes a small multi-platform node image: per platform a config blob whose Env carries
 * NODE_VERSION (as the official images do), one layer, an image manifest; then an image index
 * referencing them, under every tag. Expected digests come from the bytes pushed here.
 */
export async function pushNodeImageIndex(registry: StartedRegistry, spec: NodeImageIndexSpec): Promise<PushedNodeImage> {
  const oci = (spec.format ?? 'oci') === 'oci';
  const platforms = spec.platforms ?? ['linux/amd64', 'linux/arm64/v8'];
  const layerDigest = await pushBlob(registry, spec.repository, EMPTY_LAYER);
  const manifests: Record<string, string> = {};
  const configs: Record<string, string> = {};
  const entries: object[] = [];
  for (const platform of platforms) {
    const [os = 'linux', architecture = 'amd64', variant] = platform.split('/');
    const config = Buffer.from(
      JSON.stringify({
        architecture,
        os,
        ...(variant ? { variant } : {}),
        config: {
          Env: [
            'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            `NODE_VERSION=${spec.nodeVersion}`,
            'YARN_VERSION=1.22.22',
          ],
          Entrypoint: ['docker-entrypoint.sh'],
          Cmd: ['node'],
          Labels: spec.labels ?? {},
        },
        rootfs: { type: 'layers', diff_ids: [sha256Digest(EMPTY_TAR)] },
      }),
    );
    const configDigest = await pushBlob(registry, spec.repository, config);
    const manifestType = oci ? MEDIA.ociManifest : MEDIA.dockerManifest;
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: manifestType,
      config: { mediaType: oci ? MEDIA.ociConfig : 'application/vnd.docker.container.image.v1+json', digest: configDigest, size: config.length },
      layers: [
        {
          mediaType: oci ? MEDIA.ociLayerGzip : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          digest: layerDigest,
          size: EMPTY_LAYER.length,
        },
      ],
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
    });
    const manifestDigest = await pushManifest(registry, spec.repository, sha256Digest(manifest), manifestType, manifest);
    manifests[platform] = manifestDigest;
    configs[platform] = configDigest;
    entries.push({
      mediaType: manifestType,
      digest: manifestDigest,
      size: Buffer.byteLength(manifest),
      platform: { architecture, os, ...(variant ? { variant } : {}) },
    });
  }
  const indexMediaType = oci ? MEDIA.ociIndex : MEDIA.dockerList;
  const index = JSON.stringify({ schemaVersion: 2, mediaType: indexMediaType, manifests: entries });
  let indexDigest = '';
  for (const tag of spec.tags) indexDigest = await pushManifest(registry, spec.repository, tag, indexMediaType, index);
  if (!indexDigest) indexDigest = await pushManifest(registry, spec.repository, sha256Digest(index), indexMediaType, index);
  return { indexDigest, indexMediaType, manifests, configs };
}
