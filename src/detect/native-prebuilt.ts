// Packages that once compiled at install and now ship prebuilt, per-platform optional packages: from
// `since` on, their install step compiles only on request (a globally installed libvips for sharp,
// npm_config_build_from_source), which a generated image never has, so they need no compiler there.
// Checked against each package's own install script: sharp 0.33+ "node install/check" (builds only
// with a global libvips or --build-from-source), @parcel/watcher 2.2+ "build-from-source.js" (only
// with npm_config_build_from_source=true). Older versions (sharp 0.32: prebuild-install || node-gyp
// rebuild; @parcel/watcher 2.1: node-gyp-build) do compile when no prebuild fits.
const PREBUILT_SINCE: Readonly<Record<string, readonly [number, number, number]>> = {
  sharp: [0, 33, 0],
  '@parcel/watcher': [2, 2, 0],
};

/**
 * Whether every version of `name` the project resolves to ships prebuilt platform packages. Unknown
 * versions count as compiling: a compiler too many costs build time, one too few fails the build.
 */
export function prebuiltOnly(name: string, versions: readonly string[]): boolean {
  const since = PREBUILT_SINCE[name];
  if (since === undefined || versions.length === 0) return false;
  return versions.every((version) => {
    const parts = /^\D*(\d+)\.(\d+)\.(\d+)/.exec(version);
    if (!parts) return false;
    const [major, minor, patch] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    return major !== since[0] ? major > since[0] : minor !== since[1] ? minor > since[1] : patch >= since[2];
  });
}

export function hasPrebuiltRule(name: string): boolean {
  return PREBUILT_SINCE[name] !== undefined;
}

/**
 * The versions a lockfile of any format resolves `name` to: pnpm keys (`name@1.2.3:`, `/name@1.2.3:`,
 * `/name/1.2.3:`), yarn entries (`name@^1:` then `version "1.2.3"` / `version: 1.2.3`) and npm v1
 * `dependencies` (`"name": { "version": "1.2.3"`). npm v2/v3 lockfiles are read as JSON instead.
 */
export function lockfileVersions(name: string, lockText: string): string[] {
  const n = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const patterns = [
    new RegExp(String.raw`(?:^|[\s'"/])${n}[@/](?:npm:)?(\d+\.\d+\.\d+)[^\s'":]*['"]?:`, 'gm'),
    new RegExp(String.raw`^"?${n}@[^\n]*:\n(?:[ \t]+[^\n]*\n)*?[ \t]+version:? "?(\d+\.\d+\.\d+)`, 'gm'),
    new RegExp(String.raw`"${n}":\s*\{\s*"version":\s*"(\d+\.\d+\.\d+)`, 'g'),
  ];
  const versions = new Set<string>();
  for (const pattern of patterns) for (const match of lockText.matchAll(pattern)) if (match[1]) versions.add(match[1]);
  return [...versions];
}
