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
  const alpineHints = base === 'alpine' ? snapshotAlpineHints() : base === 'alpine-dev' ? snapshotAlpineHints().map((h) => `${h}-dev`) : [];
  const hints = [...(typeof cachedHint === 'string' ? [cachedHint] : []), ...alpineHints];

  const [index] = await Promise.all([loadReleaseIndex(input.http, input.releaseIndexUrl, input.cache, now), client.prepare()]);
  let picked: { version: string; tagged: TaggedDigest } | undefined;
  let walked: string[] = [];
  if (index.releases) {
    const choice = chooseCandidates(index.releases, range);
    warnings.push(...choice.warnings);
    walked = choice.candidates.slice(0, MAX_WALK).map((r) => r.version);
    picked = await walkCandidates(client, walked, base, now, hints);
    if (picked && picked.version !== walked[0]) {
      warnings.push(`${defaultTag(walked[0]!, base)} is not published in ${client.host}/${target.repository} yet; using ${picked.version}.`);
    }
    if (!picked) {
      warnings.push(`None of ${walked.map((v) => defaultTag(v, base)).join(', ')} exists in ${client.host}/${target.repository}; asking its own tags which Node version they carry.`);
    }
  } else {
    warnings.push(`Node's release index could not be read (${index.problem}); the Node version was taken from the images in ${client.host}.`);
  }
  if (!picked) {
    // No release index, or none of its newest releases has an image here (a registry that hosts
    // a few versions only): the registry's own lts/major tags say what it has.
    try {
      const choice = await versionFromRegistry(client, range, base, now, input.cache);
      if (choice.lts === false) warnings.push(`Node ${choice.version} satisfies "${range}" but is not an LTS release (shorter support).`);
      if (choice.lts === undefined) {
        warnings.push(`Node ${choice.version} satisfies "${range}"; whether it is an LTS release is unknown (no lts-${base} tag in ${client.host}, and the release schedule this package ships predates it).`);
      }
      const tagged = await settleTag(client, choice.version, base, now, hints, choice.known);
      if (!tagged) throw new ImageResolutionError(`No image tagged ${defaultTag(choice.version, base)} in ${client.host}/${target.repository}.`);
      picked = { version: choice.version, tagged };
    } catch (error) {
      if (!(error instanceof ImageResolutionError) || walked.length === 0) throw error;
      throw new ImageResolutionError(`${error.message} Tags tried from Node's release index: ${walked.map((v) => defaultTag(v, base)).join(', ')}.`);
    }
  }
  const { version, tagged } = picked;

  if (tagged.inexact) {
    warnings.push(`Could not find which ${base} release ${tagged.tag} is built on (no ${version}-${base}<release> tag has the same digest); the FROM line names ${tagged.tag}.`);
  } else {
    const variant = variantOf(tagged.tag, version);
    if (variant) await input.cache.put(hintKey, variant);
  }
  if (tagged.mediaType && !MULTI_ARCH.has(tagged.mediaType)) {
    warnings.push(`${tagged.tag} in ${client.host} is a single-platform image (${tagged.mediaType}), not a multi-arch index.`);
  }
  const image: ResolvedImage = {
    ref: `${target.fromRepository}:${tagged.tag}@${tagged.digest}`,
    repository: target.fromRepository,
    tag: tagged.tag,
    version,
    digest: tagged.digest,
    source: 'registry',
    resolvedAt: now.toISOString(),
    resolvedFrom: client.host,
  };
  return { image, warnings };
}

/** Newest first, in batches of parallel HEADs; the first version that has an image wins. */
async function walkCandidates(
  client: RegistryClient,
  candidates: string[],
  base: BaseFlavor,
  now: Date,
  hints: string[],
): Promise<{ version: string; tagged: TaggedDigest } | undefined> {
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const probe = await probeVersions(client, batch, base, now, hints);
    if (probe.found < 0) continue;
    const version = batch[probe.found]!;
    const seen = probe.defaults[probe.found]!;
    const tagged = probe.tagged ?? (await settleTag(client, version, base, now, hints, { ...seen, tag: defaultTag(version, base) }));
    if (tagged) return { version, tagged };
  }
  return undefined;
}
