// The turbo version a lockfile pins for the workspace root: `turbo prune` runs in the build at
// exactly that version (the one the repository's own turbo.json was written for). npm: the root
// package ("") lists turbo and node_modules/turbo has its version. pnpm: the root importer of
// pnpm-lock.yaml (lockfile v6 and v9 share this shape):
//
//   importers:
//     .:
//       devDependencies:
//         turbo:
//           specifier: ^2.5.0
//           version: 2.11.13
//
// Only an exact version comes back: it is written into a RUN line, and a range would not pin.
import { isExactVersion } from '../core/validate.js';
import { isRecord } from './package-json.js';

export function turboPinnedByPnpmLockfile(lockfile: string): string | undefined {
  const lines = lockfile.split(/\r?\n/);
  const importers = lines.indexOf('importers:');
  if (importers === -1) return undefined;
  const rootAt = lines.findIndex((line, i) => i > importers && /^ {2}(?:\.|'\.'|"\.")\s*:\s*$/.test(line));
  if (rootAt === -1) return undefined;
  // The root importer's block: the lines indented deeper than its own two spaces.
  const block: string[] = [];
  for (const line of lines.slice(rootAt + 1)) {
    if (line.trim() !== '' && !line.startsWith('   ')) break;
    block.push(line);
  }
  for (let i = 0; i < block.length; i++) {
    if (!/^ {6}turbo:\s*$/.test(block[i] ?? '')) continue;
    const section = /^ {4}(\w+):/.exec(block.slice(0, i).reverse().find((l) => /^ {4}\S/.test(l)) ?? '')?.[1];
    if (section !== 'dependencies' && section !== 'devDependencies') continue;
    for (const entry of block.slice(i + 1)) {
      if (!entry.startsWith('        ')) break;
      const version = /^ {8}version:\s*['"]?([^'"\s]+)['"]?\s*$/.exec(entry)?.[1];
      if (version !== undefined) return isExactVersion(version) ? version : undefined;
    }
  }
  return undefined;
}

/** package-lock.json (v2/v3): turbo among the root package's dependencies, at node_modules/turbo's version. */
export function turboPinnedByNpmLockfile(lockfile: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(lockfile);
  } catch {
    return undefined;
  }
  const packages = field(parsed, 'packages');
  const root = field(packages, '');
  const declared = ['dependencies', 'devDependencies'].some((section) => field(field(root, section), 'turbo') !== undefined);
  const version = field(field(packages, 'node_modules/turbo'), 'version');
  return declared && typeof version === 'string' && isExactVersion(version) ? version : undefined;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
