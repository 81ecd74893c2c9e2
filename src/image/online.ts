// Online resolution against one registry: pick candidate versions (release index, or the
// registry's own images when the index is unreachable), walk down until a tag exists, settle the
// exact tag by digest matching. Round trips: index ∥ auth discovery, then token, then one batch
// of parallel HEADs (plus one more round only when the newest candidate has no image).

import { ImageResolutionError } from '../errors.js';
import type { ImageCache } from './deps.js';
import { probeVersions, settleTag, type TaggedDigest } from './exact-tag.js';
import type { HttpContext } from './http.js';
import { chooseCandidates } from './release-index.js';
import { loadReleaseIndex } from './release-source.js';
import type { RegistryClient } from './registry-client.js';
import { versionFromRegistry } from './registry-version.js';
import { snapshotAlpineHints } from './snapshot.js';
import { defaultTag, variantOf } from './tags.js';
import type { ImageTarget } from './target.js';
import type { BaseFlavor, ResolvedImage } from './types.js';

const BATCH = 3;
const MAX_WALK = 6;

export interface OnlineInput {
  client: RegistryClient;
  target: ImageTarget;
  http: HttpContext;
  cache: ImageCache;
  now: Date;
  range: string | undefined;
  base: BaseFlavor;
  releaseIndexUrl: string;
}

const MULTI_ARCH = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

export async function resolveOnline(input: OnlineInput): Promise<{ image: ResolvedImage; warnings: string[] }> {
  const { client, target, base, now, range } = input;
  const warnings: string[] = [];
  const hintKey = `variant:${target.endpoint.baseUrl}/${target.repository}:${base}`;
  const cachedHint = (await input.cache.get(hintKey)) as string | undefined;
  const hints = [...(typeof cachedHint === 'string' ? [cachedHint] : []), ...(base === 'alpine' ? snapshotAlpineHints() : [])];

  const [index] = await Promise.all([loadReleaseIndex(input.http, input.releaseIndexUrl, input.cache, now), client.prepare()]);
  let version: string | undefined;
  let tagged: TaggedDigest | undefined;

  if (index.releases) {
    const choice = chooseCandidates(index.releases, range);
    warnings.push(...choice.warnings);
    const candidates = choice.candidates.slice(0, MAX_WALK).map((r) => r.version);
    for (let i = 0; i < candidates.length && !tagged; i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      const probe = await probeVersions(client, batch, base, now, hints);
      if (probe.found < 0) continue;
      version = batch[probe.found]!;
      const seen = probe.defaults[probe.found]!;
      tagged = probe.tagged ?? (await settleTag(client, version, base, now, hints, { ...seen, tag: defaultTag(version, base) }));
    }
    if (!tagged) {
      const tried = candidates.map((v) => defaultTag(v, base)).join(', ');
      throw new ImageResolutionError(`None of the newest matching Node releases has an image in ${client.host}/${target.repository} (tags tried: ${tried}).`);
    }
    if (version !== candidates[0]) {
      warnings.push(`${defaultTag(candidates[0]!, base)} is not published in ${client.host}/${target.repository} yet; using ${version}.`);
    }
  } else {
    warnings.push(`Node's release index could not be read (${index.problem}); the Node version was taken from the images in ${client.host}.`);
    const choice = await versionFromRegistry(client, range, base, now, input.cache);
    version = choice.version;
    if (!choice.lts) warnings.push(`Node ${version} satisfies "${range}" but is not an LTS release (shorter support).`);
    tagged = await settleTag(client, version, base, now, hints, choice.known);
    if (!tagged) throw new ImageResolutionError(`No image tagged ${defaultTag(version, base)} in ${client.host}/${target.repository}.`);
  }

  if (tagged.inexact) {
    warnings.push(`Could not find which ${base} release ${tagged.tag} is built on (no ${version}-${base}<release> tag has the same digest); the FROM line names ${tagged.tag}.`);
  } else {
    const variant = variantOf(tagged.tag, version!);
    if (variant) await input.cache.put(hintKey, variant);
  }
  if (tagged.mediaType && !MULTI_ARCH.has(tagged.mediaType)) {
    warnings.push(`${tagged.tag} in ${client.host} is a single-platform image (${tagged.mediaType}), not a multi-arch index.`);
  }
  const image: ResolvedImage = {
    ref: `${target.fromRepository}:${tagged.tag}@${tagged.digest}`,
    repository: target.fromRepository,
    tag: tagged.tag,
    version: version!,
    digest: tagged.digest,
    source: 'registry',
    resolvedAt: now.toISOString(),
    resolvedFrom: client.host,
  };
  return { image, warnings };
}
