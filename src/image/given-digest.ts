// `--digest sha256:...`: the digest is taken as given (it is what Docker pulls); the resolver only
// finds an honest tag to write next to it. In order:
//   1. a digest we already know (last cached resolution, shipped snapshot): its tag and version;
//   2. online: the image's own NODE_VERSION (index -> manifest -> config), and the exact tag that
//      currently has that digest, if any. A digest the registry does not have is an error; any
//      other registry failure (unreachable, 429, refused credentials) falls through to 3.
//   3. offline / unreachable: an exact version from --node; else the snapshot's version for the
//      range, with a warning that the tag is a label that was not checked against the digest.
//      With neither, the version cannot be told: an error asking for --node <exact version>.

import * as semver from '../core/semver.js';
import { ImageResolutionError } from '../errors.js';
import { readCachedResolution } from './fallback.js';
import { UnreachableError } from './http.js';
import { readImageNodeVersion } from './image-version.js';
import type { RegistryClient } from './registry-client.js';
import { pickFromSnapshot, snapshotAlpineHints, snapshotByDigest } from './snapshot.js';
import { defaultTag, variantTags } from './tags.js';
import type { ImageTarget } from './target.js';
import type { ImageCache } from './deps.js';
import type { BaseFlavor, ImageResolution, ResolvedImage } from './types.js';

export interface GivenDigestInput {
  digest: string;
  target: ImageTarget;
  base: BaseFlavor;
  range: string | undefined;
  now: Date;
  cache: ImageCache;
  cacheKey: string;
  /** undefined when --offline. */
  client: RegistryClient | undefined;
}

function image(input: GivenDigestInput, tag: string, version: string): ResolvedImage {
  return {
    ref: `${input.target.fromRepository}:${tag}@${input.digest}`,
    repository: input.target.fromRepository,
    tag,
    version,
    digest: input.digest,
    source: 'flag',
    resolvedAt: input.now.toISOString(),
    resolvedFrom: 'flag',
  };
}

/** The registry answered and does not have the digest: the one online failure that stays fatal. */
class DigestNotFoundError extends ImageResolutionError {}

async function labelOnline(input: GivenDigestInput, client: RegistryClient, warnings: string[]): Promise<ResolvedImage> {
  const read = await readImageNodeVersion(client, input.digest);
  if (!read) throw new DigestNotFoundError(`--digest ${input.digest} does not exist in ${client.host}/${input.target.repository}.`);
  if (input.range && !semver.satisfies(read.version, input.range)) {
    warnings.push(`The image given by --digest has Node ${read.version}, which does not satisfy "${input.range}".`);
  }
  const tags = [defaultTag(read.version, input.base), ...variantTags(read.version, input.base, input.now, snapshotAlpineHints())];
  const heads = await Promise.all(tags.map((t) => client.headManifest(t)));
  const exact = tags.slice(1).find((_, i) => heads[i + 1]?.digest === input.digest);
  const tag = exact ?? tags[0]!;
  if (!exact && heads[0]?.digest !== input.digest) {
    warnings.push(`${tag} currently points at another digest in ${client.host} (a newer build); the FROM line keeps your --digest, which is what Docker pulls.`);
  }
  return image(input, tag, read.version);
}

function labelOffline(input: GivenDigestInput, warnings: string[]): ResolvedImage {
  const exact = input.range ? semver.valid(input.range) : null;
  if (exact) return image(input, defaultTag(exact, input.base), exact);
  const pick = input.target.officialNode ? pickFromSnapshot(input.range, input.base, input.now) : undefined;
  if (!pick) {
    throw new ImageResolutionError(
      `--digest was given but the registry was not asked, so the Node version of that image is unknown. Pass --node <exact version> with --digest.`,
    );
  }
  warnings.push(
    `The tag ${pick.tag} next to your --digest was chosen from the range offline and was not checked against the digest; ` +
      'Docker pulls by digest, so the tag is only a label. Pass --node <exact version> to name it exactly.',
  );
  return image(input, pick.tag, pick.entry.nodeVersion);
}

export async function resolveGivenDigest(input: GivenDigestInput): Promise<ImageResolution> {
  const warnings: string[] = [];
  const cached = await readCachedResolution(input.cache, input.cacheKey);
  if (cached?.digest === input.digest) return { image: image(input, cached.tag, cached.version), warnings };
  const known = input.target.officialNode && input.base === 'alpine' ? snapshotByDigest(input.digest) : undefined;
  if (known) {
    const exact = known.alpine ? `${known.nodeVersion}-alpine${known.alpine}` : `${known.nodeVersion}-alpine`;
    return { image: image(input, exact, known.nodeVersion), warnings };
  }
  if (input.client) {
    try {
      return { image: await labelOnline(input, input.client, warnings), warnings };
    } catch (error) {
      // The digest is the user's; the registry only names it. Unreachable, rate-limited or
      // refused: name it offline instead of failing.
      const labelOnly = error instanceof UnreachableError || (error instanceof ImageResolutionError && !(error instanceof DigestNotFoundError));
      if (!labelOnly) throw error;
      warnings.push(`Could not ask ${input.client.host} for the Node version of --digest (${error.message}).`);
    }
  }
  return { image: labelOffline(input, warnings), warnings };
}
