// Finds the exact, readable tag for a version by digest matching: `<x.y.z>-alpine` points at the
// default Alpine; of the `<x.y.z>-alpine3.N` candidates, the one with the same digest names it.
// All HEADs of one probe run in parallel (one round trip).

import type { ManifestRef, RegistryClient } from './registry-client.js';
import { defaultTag, variantTags } from './tags.js';
import type { BaseFlavor } from './types.js';

export interface TaggedDigest {
  tag: string;
  digest: string;
  mediaType: string;
  /** True when no exact variant matched and the tag is the default `<x.y.z>-alpine`. */
  inexact: boolean;
}

export interface ProbeResult {
  /** Index of the newest version that has an image, or -1. */
  found: number;
  /** The exact tag for versions[found], when it could be settled in this probe. */
  tagged?: TaggedDigest;
  defaults: (ManifestRef | undefined)[];
}

function pickVariant(defaultRef: ManifestRef, defaultName: string, variants: string[], heads: (ManifestRef | undefined)[]): TaggedDigest {
  const i = heads.findIndex((h) => h?.digest === defaultRef.digest);
  const tag = i >= 0 ? variants[i] : undefined;
  return { tag: tag ?? defaultName, digest: defaultRef.digest, mediaType: defaultRef.mediaType, inexact: tag === undefined };
}

/**
 * HEADs `<v>-<base>` for every version (newest first) and the variant tags of the first one,
 * all at once. When the first version exists its exact tag is settled in the same round trip.
 */
export async function probeVersions(
  client: RegistryClient,
  versions: string[],
  base: BaseFlavor,
  now: Date,
  hints: string[],
): Promise<ProbeResult> {
  const first = versions[0];
  const variants = first ? variantTags(first, base, now, hints) : [];
  const [defaults, variantHeads] = await Promise.all([
    Promise.all(versions.map((v) => client.headManifest(defaultTag(v, base)))),
    Promise.all(variants.map((t) => client.headManifest(t))),
  ]);
  const found = defaults.findIndex((d) => d !== undefined);
  const firstRef = defaults[0];
  if (found === 0 && firstRef && first) {
    return { found, defaults, tagged: pickVariant(firstRef, defaultTag(first, base), variants, variantHeads) };
  }
  return { found, defaults };
}

export interface KnownRef extends ManifestRef {
  /** The tag this digest was read from ("24.21.0-alpine", or an alias such as "lts-alpine"). */
  tag: string;
}

/**
 * The exact tag for one version. `known` is a tag already seen with its digest: when it is the
 * default tag it is not asked again; when it is an alias (lts-alpine) the default tag is asked
 * too and wins, and the alias only names the image if neither the default nor a variant exists.
 */
export async function settleTag(
  client: RegistryClient,
  version: string,
  base: BaseFlavor,
  now: Date,
  hints: string[],
  known?: KnownRef,
): Promise<TaggedDigest | undefined> {
  const defaultName = defaultTag(version, base);
  const variants = variantTags(version, base, now, hints);
  const askDefault = known?.tag !== defaultName;
  const [defaultHead, heads] = await Promise.all([
    askDefault ? client.headManifest(defaultName) : Promise.resolve(known),
    Promise.all(variants.map((t) => client.headManifest(t))),
  ]);
  if (defaultHead) return pickVariant(defaultHead, defaultName, variants, heads);
  if (!known) return undefined;
  return pickVariant(known, known.tag, variants, heads);
}
