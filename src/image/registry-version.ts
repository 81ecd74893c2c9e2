// Choosing the Node version from the registry alone (no release index): `lts-<base>` names the
// newest LTS; `<major>-<base>` tags name each line's newest release. Their NODE_VERSION is read
// from the image config. An exact version in the range needs no reading at all. Without an
// `lts-<base>` tag (Docker Hardened Images publish none), LTS status comes from the release schedule
// `check` ships, and is unknown for a line newer than it.

import * as semver from '../core/semver.js';
import { ImageResolutionError } from '../errors.js';
import { isLtsLine } from '../core/node-schedule.js';
import type { ImageCache } from './deps.js';
import { readImageNodeVersion, type ImageVersion } from './image-version.js';
import type { KnownRef } from './exact-tag.js';
import type { RegistryClient } from './registry-client.js';
import { defaultTag } from './tags.js';
import type { BaseFlavor } from './types.js';

export interface RegistryVersionChoice {
  version: string;
  /** The tag the version was read from and its digest (to match exact variants against). */
  known?: KnownRef;
  /** undefined: neither an lts-<base> tag nor the shipped release schedule can say. */
  lts: boolean | undefined;
}

/** The newest Node major expected on `now`: even majors ship in April, odd ones in October. */
export function expectedNewestMajor(now: Date): number {
  const month = now.getUTCMonth();
  return 2 * (now.getUTCFullYear() - 2026) + 25 + (month >= 3 ? 1 : 0) + (month >= 9 ? 1 : 0);
}

/** Majors a range allows, LTS-shaped (even) ones first, newest first; at most `limit`. */
function candidateMajors(range: string, now: Date, limit = 3): number[] {
  const majors: number[] = [];
  for (let m = expectedNewestMajor(now) + 1; m >= 18; m--) {
    if (semver.intersects(range, `>=${m}.0.0 <${m + 1}.0.0-0`)) majors.push(m);
  }
  return [...majors.filter((m) => m % 2 === 0), ...majors.filter((m) => m % 2 === 1)].slice(0, limit);
}

export async function versionFromRegistry(
  client: RegistryClient,
  range: string | undefined,
  base: BaseFlavor,
  now: Date,
  cache?: ImageCache,
): Promise<RegistryVersionChoice> {
  const exact = range ? semver.valid(range) : null;
  if (exact) return { version: exact, lts: isLtsLine(semver.major(exact), now) };

  const ltsTag = `lts-${base}`;
  const majors = range ? candidateMajors(range, now) : [];
  const [lts, ...perMajor] = await Promise.all([
    readImageNodeVersion(client, ltsTag, cache),
    ...majors.map((m) => readImageNodeVersion(client, defaultTag(String(m), base), cache)),
  ]);
  const asChoice = (v: ImageVersion, tag: string, isLts: boolean | undefined): RegistryVersionChoice => ({
    version: v.version,
    known: { digest: v.digest, mediaType: v.mediaType, tag },
    lts: isLts,
  });
  if (lts && (!range || semver.satisfies(lts.version, range))) return asChoice(lts, ltsTag, true);

  // Even majors up to the current LTS major are LTS lines; anything newer (or odd) is not. No lts tag: the schedule says.
  const ltsMajor = lts ? semver.major(lts.version) : -1;
  const found = perMajor
    .map((v, i) => ({ v, major: majors[i]! }))
    .filter((x): x is { v: ImageVersion; major: number } => x.v !== undefined && semver.satisfies(x.v.version, range ?? '*'))
    .map((x) => ({ ...x, lts: lts ? x.major % 2 === 0 && x.major <= ltsMajor : isLtsLine(x.major, now) }))
    .sort((a, b) => Number(b.lts === true) - Number(a.lts === true) || semver.rcompare(a.v.version, b.v.version));
  const best = found[0];
  if (!best) {
    const tried = [ltsTag, ...majors.map((m) => defaultTag(String(m), base))].join(', ');
    throw new ImageResolutionError(
      `Node's release index is unreachable and no image in ${client.host} (tags tried: ${tried}) has a NODE_VERSION satisfying "${range ?? 'LTS'}". ` +
        'Pass an exact version (--node 24.21.0) or --digest.',
    );
  }
  return asChoice(best.v, defaultTag(String(best.major), base), best.lts);
}
