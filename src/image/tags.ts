// docker-node tag names per base flavour: `<x.y.z>-alpine` points at the default Alpine and
// `<x.y.z>-alpine3.N` names it exactly; `<x.y.z>-slim` / `<x.y.z>-<codename>-slim` for Debian.
// The exact variant is unknown until digests are compared, so this lists the candidates.
// Docker Hardened Images name theirs the same way, with `-dev` after the variant for the build
// images (`<x.y.z>-alpine-dev`, `<x.y.z>-alpine3.N-dev`; docker-hardened-images/catalog image/node).

import type { BaseFlavor } from './types.js';

/** Tag that points at the flavour's default variant: "24.21.0-alpine", "24-slim", "lts-alpine". */
export function defaultTag(versionOrAlias: string, base: BaseFlavor): string {
  return `${versionOrAlias}-${base}`;
}

/** Alpine 3.22 shipped in 2025-05/06 and a new minor follows every six months. */
function expectedAlpineMinor(now: Date): number {
  const months = (now.getUTCFullYear() - 2025) * 12 + now.getUTCMonth() - 5;
  return 22 + Math.floor(months / 6);
}

const DEBIAN_CODENAMES = ['trixie', 'bookworm', 'forky'];

/**
 * Exact-variant tags for a version, most likely first. `hints` (the variant seen last time, in the
 * cache or the snapshot, e.g. "alpine3.24") go first; then the Alpine minors around today's.
 */
export function variantTags(version: string, base: BaseFlavor, now: Date, hints: string[] = []): string[] {
  let variants: string[];
  if (base === 'alpine' || base === 'alpine-dev') {
    const n = expectedAlpineMinor(now);
    const suffix = base === 'alpine-dev' ? '-dev' : '';
    variants = [n, n + 1, n - 1, n - 2].map((m) => `alpine3.${m}${suffix}`);
  } else {
    variants = DEBIAN_CODENAMES.map((c) => `${c}-slim`);
  }
  const ordered = [...new Set([...hints, ...variants])];
  return ordered.map((variant) => `${version}-${variant}`);
}

/** "24.21.0-alpine3.24" -> "alpine3.24" (the hint to remember). */
export function variantOf(tag: string, version: string): string | undefined {
  return tag.startsWith(`${version}-`) ? tag.slice(version.length + 1) : undefined;
}
