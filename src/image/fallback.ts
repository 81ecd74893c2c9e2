// When the registry cannot be reached (or --offline): the last successful resolution from the
// cache, then the snapshot shipped in the package. Both come with a loud warning saying how old
// the digest is, because an old digest misses the security fixes published since.

import { ImageResolutionError } from '../errors.js';
import type { ImageCache } from './deps.js';
import { DIGEST_PATTERN } from '../core/digest.js';
import { pickFromSnapshot, snapshotImage } from './snapshot.js';
import type { ImageTarget } from './target.js';
import type { BaseFlavor, ImageResolution, ResolvedImage } from './types.js';

export function resolutionKey(target: ImageTarget, base: BaseFlavor, range: string | undefined): string {
  return `resolution:${target.endpoint.baseUrl}/${target.repository}:${base}:${range ?? 'lts'}`;
}

export interface CachedResolution {
  image: ResolvedImage;
  storedAt: string;
}

export function ageInDays(from: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 86_400_000));
}

export async function readCachedResolution(cache: ImageCache, key: string): Promise<ResolvedImage | undefined> {
  const entry = (await cache.get(key)) as CachedResolution | undefined;
  const image = entry?.image;
  // The cache file is on disk where anything may have changed it, and its values are printed into
  // the FROM line and header comments: anything but the exact shapes a resolution writes is a miss.
  return isCachedImage(image) ? image : undefined;
}

const REPOSITORY = /^[a-z0-9]+(?:[._/:-][a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const HOST = /^[A-Za-z0-9.:-]+$/;

function isCachedImage(value: unknown): value is ResolvedImage {
  if (typeof value !== 'object' || value === null) return false;
  const image = value as Record<string, unknown>;
  const text = (key: string, pattern: RegExp) => typeof image[key] === 'string' && pattern.test(image[key]);
  if (!text('repository', REPOSITORY) || !text('tag', TAG) || !text('version', VERSION) || !text('digest', DIGEST_PATTERN)) return false;
  if (!text('resolvedAt', ISO_TIME) || !text('resolvedFrom', HOST)) return false;
  return image.ref === `${String(image.repository)}:${String(image.tag)}@${String(image.digest)}`;
}

export async function fallbackResolution(input: {
  cache: ImageCache;
  key: string;
  target: ImageTarget;
  range: string | undefined;
  base: BaseFlavor;
  now: Date;
  /** Why the registry was not used: "--offline" or the network problem. */
  reason: string;
  warnings: string[];
}): Promise<ImageResolution> {
  const { now, reason, warnings } = input;
  const cached = await readCachedResolution(input.cache, input.key);
  if (cached) {
    const days = ageInDays(cached.resolvedAt, now);
    warnings.push(
      `WARNING: base image not checked against the registry (${reason}). Using the digest cached ${days} day(s) ago ` +
        `from ${cached.resolvedFrom}: ${cached.ref}. Newer images with security fixes may exist; re-run online to refresh.`,
    );
    return { image: { ...cached, source: 'cache', resolvedFrom: 'cache' }, warnings };
  }
  const pick = input.target.officialNode ? pickFromSnapshot(input.range, input.base, now) : undefined;
  if (pick) {
    const image = snapshotImage(pick, input.target.fromRepository);
    const days = ageInDays(image.resolvedAt, now);
    warnings.push(
      `WARNING: base image not checked against the registry (${reason}) and nothing cached. Using the snapshot shipped ` +
        `with this package: ${image.ref}, published ${pick.entry.pushedAt} (${days} days old). It very likely misses ` +
        'security fixes released since; re-run online (or pass --digest) before shipping.',
    );
    if (!pick.lts) warnings.push(`Node ${image.version} from the snapshot is not an LTS release.`);
    return { image, warnings };
  }
  throw new ImageResolutionError(noFallbackMessage(input.target, input.base, input.range, reason));
}

function noFallbackMessage(target: ImageTarget, base: BaseFlavor, range: string | undefined, reason: string): string {
  const head = `Cannot resolve the base image (${reason}) and there is no cached resolution for it`;
  const fix = 'Run once with network access, or pass --digest sha256:<index digest> with --node <exact version>.';
  if (!target.officialNode) return `${head}; the snapshot shipped with this package only covers Docker Hub's node image, not ${target.fromRepository}. ${fix}`;
  if (base !== 'alpine') return `${head}; the snapshot shipped with this package only has Alpine images, not ${base}. ${fix}`;
  return `${head}, and no image in the shipped snapshot satisfies "${range}". ${fix}`;
}
