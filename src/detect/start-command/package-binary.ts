// Runs a package binary (`fastify`, `next`, `remix-serve`) through its JavaScript file, so the
// container starts `node <file>` and Node flags still apply. Where the file comes from, best first:
// 1. package-lock.json v2/v3 `packages["node_modules/<pkg>"].bin` (npm records the paths);
// 2. the package's own package.json `bin`, when node_modules exists locally (yarn and pnpm lockfiles
//    hold no paths);
// 3. `node_modules/.bin/<name>` in the image: npm, yarn and pnpm link it executable with a
//    `#!/usr/bin/env node` shebang, so it runs, but Node flags cannot be passed to it.
import path from 'node:path';
import { isRecord } from '../package-json.js';

export interface PackageBinary {
  /** The package that provides the binary ("fastify-cli"). */
  name: string;
  /** The binary's name ("fastify"). */
  bin: string;
  /** Project-relative JS file ("node_modules/fastify-cli/cli.js"); absent when only the .bin link is known. */
  file?: string;
}

/** Binary name -> the package and file that provide it, read from a lockfile. */
export type LockfileBins = Map<string, { name: string; file: string }>;

/** The `bin` entries of a package-lock.json / npm-shrinkwrap.json (v2/v3); an empty map for any other text. */
export function binsFromNpmLockfile(text: string): LockfileBins {
  const bins: LockfileBins = new Map();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bins;
  }
  if (!isRecord(raw) || !isRecord(raw.packages)) return bins;
  for (const [key, entry] of Object.entries(raw.packages)) {
    // Only top-level packages: those are the ones node_modules/.bin links.
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
    if (!match?.[1] || !isRecord(entry) || !isRecord(entry.bin)) continue;
    for (const [bin, file] of Object.entries(entry.bin)) {
      const inside = typeof file === 'string' ? inPackage(match[1], file) : undefined;
      if (inside !== undefined) bins.set(bin, { name: match[1], file: inside });
    }
  }
  return bins;
}

/** Binaries whose package name differs from the binary's name (for lockfiles without paths). */
const KNOWN_PROVIDERS: Record<string, string> = {
  fastify: 'fastify-cli',
  'remix-serve': '@remix-run/serve',
  'react-router-serve': '@react-router/serve',
  nest: '@nestjs/cli',
  'pm2-runtime': 'pm2',
  'pm2-docker': 'pm2',
  tsc: 'typescript',
};

/** The package a binary comes from: the lockfile's answer, else a known provider, else a dependency of the same name. */
export function providerOf(bin: string, lockfileBins: LockfileBins, dependencyNames: string[]): string | undefined {
  const fromLock = lockfileBins.get(bin)?.name;
  if (fromLock !== undefined) return fromLock;
  const known = KNOWN_PROVIDERS[bin];
  if (known !== undefined && dependencyNames.includes(known)) return known;
  return dependencyNames.includes(bin) ? bin : undefined;
}

/**
 * Where the binary's file is. `readLocal` reads a project-relative file (node_modules/<pkg>/package.json)
 * and answers undefined when it is absent.
 */
export async function resolveBinary(
  bin: string,
  provider: string,
  lockfileBins: LockfileBins,
  readLocal: (file: string) => Promise<string | undefined>,
): Promise<PackageBinary> {
  const locked = lockfileBins.get(bin);
  if (locked !== undefined) return { name: locked.name, bin, file: locked.file };
  const manifest = await readLocal(`node_modules/${provider}/package.json`);
  const file = manifest === undefined ? undefined : binFromManifest(manifest, bin, provider);
  const inside = file === undefined ? undefined : inPackage(provider, file);
  return inside === undefined ? { name: provider, bin } : { name: provider, bin, file: inside };
}

function binFromManifest(text: string, bin: string, provider: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw)) return undefined;
  // `"bin": "cli.js"` is short for { "<unscoped package name>": "cli.js" }.
  if (typeof raw.bin === 'string') return bin === provider.replace(/^@[^/]+\//, '') ? raw.bin : undefined;
  if (isRecord(raw.bin) && typeof raw.bin[bin] === 'string') return raw.bin[bin];
  return undefined;
}

/** node_modules/<pkg>/<file>, normalised; undefined when the file would leave the package. */
function inPackage(pkg: string, file: string): string | undefined {
  const root = `node_modules/${pkg}/`;
  const joined = path.posix.join(root, file.replace(/\\/g, '/'));
  return joined.startsWith(root) && joined.length > root.length ? joined : undefined;
}
