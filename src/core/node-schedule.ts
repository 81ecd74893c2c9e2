// The Node.js release schedule (github.com/nodejs/Release), shipped in the package so `check` needs
// no network. Recorded on SCHEDULE_RECORDED; a major newer than the table is not judged.

export const SCHEDULE_RECORDED = '2026-12-01';

interface NodeLine {
  /** Start of Active LTS; absent for odd (never LTS) lines. */
  lts?: string;
  /** End of life: no more releases, security fixes included. */
  eol: string;
}

const SCHEDULE: Record<number, NodeLine> = {
  16: { lts: '2021-10-26', eol: '2023-09-11' },
  17: { eol: '2022-06-01' },
  18: { lts: '2022-10-25', eol: '2025-04-30' },
  19: { eol: '2023-06-01' },
  20: { lts: '2023-10-24', eol: '2026-04-30' },
  21: { eol: '2024-06-01' },
  22: { lts: '2024-10-29', eol: '2027-04-30' },
  23: { eol: '2025-06-01' },
  24: { lts: '2025-10-28', eol: '2028-04-30' },
  25: { eol: '2026-06-01' },
  26: { lts: '2026-10-28', eol: '2029-04-30' },
};
const OLDEST = 16;
const NEWEST = Math.max(...Object.keys(SCHEDULE).map(Number));

export type LineStatus = 'eol' | 'not-lts' | 'supported' | 'unknown';

/** How a Node major stands on `now`. Majors older than the table are long past EOL. */
export function nodeLineStatus(major: number, now: Date): { status: LineStatus; eol?: string } {
  if (major < OLDEST) return { status: 'eol' };
  if (major > NEWEST) return { status: 'unknown' };
  const line = SCHEDULE[major]!;
  if (Date.parse(line.eol) <= now.getTime()) return { status: 'eol', eol: line.eol };
  if (!line.lts || Date.parse(line.lts) > now.getTime()) return { status: 'not-lts', eol: line.eol };
  return { status: 'supported', eol: line.eol };
}

/**
 * Whether a major is an LTS line on `now` (its Active LTS has begun; past-EOL lines count, as Node's
 * release index marks them): odd majors never are; an even major newer than the table is unknown.
 */
export function isLtsLine(major: number, now: Date): boolean | undefined {
  if (major % 2 === 1) return false;
  if (major > NEWEST) return undefined;
  const since = SCHEDULE[major]?.lts;
  return major < OLDEST || (since !== undefined && Date.parse(since) <= now.getTime());
}

/** The newest LTS line older than `major` that is supported on `now` (24 for 26 in 2026); undefined when none is. */
export function previousSupportedLts(major: number, now: Date): number | undefined {
  for (let m = Math.min(major - 1, NEWEST); m >= OLDEST; m--) {
    if (SCHEDULE[m]?.lts !== undefined && nodeLineStatus(m, now).status === 'supported') return m;
  }
  return undefined;
}
