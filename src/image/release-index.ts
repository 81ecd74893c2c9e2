// Node's release index (https://nodejs.org/dist/index.json) and the choice of candidate versions
// for a semver range: the newest LTS releases first; when the range excludes every LTS line, the
// newest releases that satisfy it, with a warning. Pure functions; fetching is done by the caller.

import * as semver from '../core/semver.js';
import { ImageResolutionError } from '../errors.js';

export interface NodeRelease {
  /** "24.21.0" (the index writes "v24.21.0") */
  version: string;
  date: string;
  /** LTS codename ("Krypton") or false */
  lts: string | false;
  security: boolean;
}

export interface CandidateChoice {
  /** Newest first. The registry decides which of them has an image. */
  candidates: NodeRelease[];
  lts: boolean;
  warnings: string[];
}

/** Parses index.json; throws when it is not the expected shape (a proxy error page, say). */
export function parseReleaseIndex(json: unknown): NodeRelease[] {
  if (!Array.isArray(json)) throw new Error('release index is not a JSON array');
  const releases: NodeRelease[] = [];
  for (const entry of json as Record<string, unknown>[]) {
    const version = typeof entry.version === 'string' ? semver.clean(entry.version) : null;
    if (!version) continue;
    releases.push({
      version,
      date: typeof entry.date === 'string' ? entry.date : '',
      lts: typeof entry.lts === 'string' && entry.lts ? entry.lts : false,
      security: entry.security === true,
    });
  }
  if (releases.length === 0) throw new Error('release index lists no releases');
  return releases.sort((a, b) => semver.rcompare(a.version, b.version));
}

export function chooseCandidates(releases: NodeRelease[], range: string | undefined): CandidateChoice {
  const matching = range ? releases.filter((r) => semver.satisfies(r.version, range)) : releases;
  if (matching.length === 0) {
    throw new ImageResolutionError(
      `No Node.js release satisfies "${range}" (the newest release is ${releases[0]?.version ?? 'unknown'}). Check engines.node / .nvmrc or pass --node.`,
    );
  }
  const lts = matching.filter((r) => r.lts);
  if (lts.length > 0) return { candidates: lts, lts: true, warnings: [] };
  const newest = matching[0]!;
  return {
    candidates: matching,
    lts: false,
    warnings: [
      `The Node range "${range}" excludes every LTS release line; using ${newest.version}, which is not LTS (shorter support, ` +
        'fewer backported security fixes). Consider a range that allows an LTS line.',
    ],
  };
}
