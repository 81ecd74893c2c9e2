// Native modules: packages that compile at install, so the build stage needs python3, make and g++.
// Evidence, strongest first: the project's own binding.gyp / gypfile; an npm lockfile (v2/v3), which
// records for every package whether it runs anything at install (hasInstallScript, also set for a
// binding.gyp): a package that runs nothing compiles nothing, and some scripts compile nothing
// either; other lockfiles say nothing about scripts, so known compiling package names count there.
// Packages that now ship prebuilt per-platform optional packages (sharp 0.33+) count in neither.
import type { ProjectFs } from '../core/project-fs.js';
import type { PackageManagerFact } from './facts.js';
import { hasPrebuiltRule, lockfileVersions, prebuiltOnly } from './native-prebuilt.js';
import { isRecord, type PackageJson } from './package-json.js';

/** Packages that compile a native addon with node-gyp (or fall back to compiling when no prebuild fits). */
export const KNOWN_NATIVE = [
  'bcrypt', 'argon2', 'better-sqlite3', 'sqlite3', 'canvas', 'sharp', 'node-sass', 'bufferutil', 'utf-8-validate',
  're2', 'usb', '@serialport/bindings-cpp', 'node-pty', 'libxmljs', 'libxmljs2', 'kerberos', 'zeromq', 'microtime',
  'leveldown', 'classic-level', 'deasync', 'isolated-vm', 'cpu-features', 'farmhash', 'node-expat', 'iconv',
  'grpc', 'lmdb', 'msgpackr-extract', 'unix-dgram', 'fs-ext', 'bcrypt-pbkdf-native', 'ffi-napi', 'ref-napi',
];

const KNOWN_NATIVE_IN_LOCKFILE = new RegExp(
  String.raw`(?:^|[\s'"/,])(${KNOWN_NATIVE.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:@|/\d|["'/]?:)`,
  'gm',
);

/** Packages whose install script downloads or prints something but compiles nothing. */
const SCRIPT_NOT_NATIVE = new Set([
  'esbuild', 'core-js', 'core-js-pure', 'husky', 'nodemon', 'protobufjs', 'puppeteer', 'cypress', 'electron',
  '@swc/core', '@biomejs/biome', 'msw', 'es5-ext', 'styled-components', 'prisma', '@prisma/client', '@prisma/engines',
  'fsevents', 'yarn', 'pnpm', 'spawn-sync', 'ejs', 'aws-sdk', 'nx', '@nestjs/core', 'unrs-resolver', 'playwright',
]);

export interface NativeResult {
  native: boolean;
  reasons: string[];
}

export async function detectNative(fs: ProjectFs, pkg: PackageJson, pm: PackageManagerFact, warnings: string[]): Promise<NativeResult> {
  const reasons: string[] = [];
  if (await fs.exists('binding.gyp')) reasons.push('binding.gyp in the project');
  else if (pkg.gypfile) reasons.push('package.json gypfile');

  const lockText = pm.lockfile === undefined ? undefined : await fs.read(pm.lockfile);
  const npmLock = lockText !== undefined && pm.name === 'npm' ? npmLockPackages(lockText, pm.lockfile ?? '', warnings) : undefined;
  const names = new Map<string, string>();
  if (npmLock) {
    for (const [name, entry] of npmLock) {
      if (entry.installScript && !SCRIPT_NOT_NATIVE.has(name) && !prebuiltOnly(name, entry.versions)) names.set(name, `${name} (install script)`);
    }
  } else {
    const inLockfile = lockText === undefined ? new Set<string>() : knownNativeIn(lockText);
    for (const name of KNOWN_NATIVE) {
      const range = pkg.dependencies[name] ?? pkg.devDependencies[name];
      if (range === undefined && !inLockfile.has(name)) continue;
      const versions = lockText !== undefined && hasPrebuiltRule(name) ? lockfileVersions(name, lockText) : range !== undefined ? [range] : [];
      if (!prebuiltOnly(name, versions)) names.set(name, name);
    }
  }
  for (const name of [...names.keys()].sort()) reasons.push(names.get(name) ?? name);
  return { native: reasons.length > 0, reasons };
}

interface NpmLockPackage {
  /** Whether any copy of it runs a script at install (npm's hasInstallScript). */
  installScript: boolean;
  versions: string[];
}

/** The packages of a package-lock.json v2/v3 by name; undefined for v1 (no "packages") or broken JSON. */
function npmLockPackages(text: string, file: string, warnings: string[]): Map<string, NpmLockPackage> | undefined {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch {
    warnings.push(`${file} is not valid JSON: native modules are detected from package names only`);
    return undefined;
  }
  if (!isRecord(lock) || !isRecord(lock.packages)) return undefined;
  const out = new Map<string, NpmLockPackage>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || !isRecord(entry) || !key.includes('node_modules/')) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const known = out.get(name) ?? { installScript: false, versions: [] };
    known.installScript ||= entry.hasInstallScript === true;
    if (typeof entry.version === 'string') known.versions.push(entry.version);
    out.set(name, known);
  }
  return out;
}

/**
 * The known native packages a lockfile of any format names ("name@" in yarn and pnpm v9, "/name/1.0"
 * in old pnpm, "node_modules/name": in npm). One pass with one regular expression: lockfiles can be
 * megabytes, and a pass per name would be felt in the CLI's start-up time.
 */
function knownNativeIn(lockText: string): Set<string> {
  const found = new Set<string>();
  for (const match of lockText.matchAll(KNOWN_NATIVE_IN_LOCKFILE)) if (match[1]) found.add(match[1]);
  return found;
}
