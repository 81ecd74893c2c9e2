// The offline fallback shipped inside the package: real, published index digests of the official
// node images (src/image/snapshot.json, copied from docker-library/repo-info records). Only valid
// for Docker Hub's `library/node` (directly or via a mirror, which serves the same digests).

import * as semver from '../core/semver.js';
import type { BaseFlavor, ResolvedImage } from './types.js';
import snapshotData from './snapshot.json' with { type: 'json' };

export interface SnapshotEntry {
  tags: string[];
  repository: string;
  nodeVersion: string;
  alpine?: string;
  indexDigest: string;
  pushedAt: string;
}

interface Snapshot {
  images: SnapshotEntry[];
  nodeSchedule: Record<string, { lts?: string } | string>;
}

const SNAPSHOT = snapshotData as unknown as Snapshot;

/** Whether a major was an LTS line on `now`, per the recorded schedule (odd majors never are). */
function isLtsOn(major: number, now: Date): boolean {
  const entry = SNAPSHOT.nodeSchedule[String(major)];
  const since = typeof entry === 'object' ? entry.lts : undefined;
  return since !== undefined && Date.parse(since) <= now.getTime();
}

export interface SnapshotPick {
  entry: SnapshotEntry;
  tag: string;
  lts: boolean;
}

/** The snapshot entry for a range: newest LTS that satisfies it, else newest that satisfies it. */
export function pickFromSnapshot(range: string | undefined, base: BaseFlavor, now: Date): SnapshotPick | undefined {
  if (base !== 'alpine') return undefined; // only Alpine images were recorded
  const matching = SNAPSHOT.images
    .filter((e) => e.repository === 'library/node' && (!range || semver.satisfies(e.nodeVersion, range)))
    .sort((a, b) => semver.rcompare(a.nodeVersion, b.nodeVersion));
  const lts = matching.filter((e) => isLtsOn(semver.major(e.nodeVersion), now));
  const entry = lts[0] ?? matching[0];
  if (!entry) return undefined;
  const exact = entry.alpine ? `${entry.nodeVersion}-alpine${entry.alpine}` : `${entry.nodeVersion}-alpine`;
  return { entry, tag: entry.tags.includes(exact) ? exact : `${entry.nodeVersion}-alpine`, lts: lts.length > 0 };
}

export function snapshotByDigest(digest: string): SnapshotEntry | undefined {
  return SNAPSHOT.images.find((e) => e.indexDigest === digest);
}

/** Alpine variants seen in the snapshot ("alpine3.24"): good first guesses for the exact tag. */
export function snapshotAlpineHints(): string[] {
  return [...new Set(SNAPSHOT.images.flatMap((e) => (e.alpine ? [`alpine${e.alpine}`] : [])))];
}

export function snapshotImage(pick: SnapshotPick, fromRepository: string): ResolvedImage {
  return {
    ref: `${fromRepository}:${pick.tag}@${pick.entry.indexDigest}`,
    repository: fromRepository,
    tag: pick.tag,
    version: pick.entry.nodeVersion,
    digest: pick.entry.indexDigest,
    source: 'snapshot',
    resolvedAt: new Date(`${pick.entry.pushedAt}T00:00:00Z`).toISOString(),
    resolvedFrom: 'snapshot',
  };
}
