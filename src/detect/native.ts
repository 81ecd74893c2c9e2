// Native modules, which need python3, make and g++ in the install stage. Evidence, strongest first:
// the project's own binding.gyp / gypfile, npm lockfile entries flagged hasInstallScript (minus
// well-known scripts that compile nothing), and known native package names anywhere in the lockfile.
import type { ProjectFs } from '../write/project-fs.js';
import type { PackageManagerFact } from './facts.js';
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
  const installScripts = lockText !== undefined && pm.name === 'npm' ? npmInstallScripts(lockText, pm.lockfile ?? '', warnings) : [];
  const names = new Set<string>();
  for (const name of installScripts) {
    if (!SCRIPT_NOT_NATIVE.has(name)) names.add(name);
  }
  const inLockfile = lockText === undefined ? new Set<string>() : knownNativeIn(lockText);
  for (const name of KNOWN_NATIVE) {
    if (pkg.dependencies[name] !== undefined || pkg.devDependencies[name] !== undefined || inLockfile.has(name)) names.add(name);
  }
  for (const name of [...names].sort()) {
    reasons.push(installScripts.includes(name) ? `${name} (install script)` : name);
  }
  return { native: reasons.length > 0, reasons };
}

/** Names of packages that package-lock.json (v2/v3) marks with hasInstallScript. */
function npmInstallScripts(text: string, file: string, warnings: string[]): string[] {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch {
    warnings.push(`${file} is not valid JSON: native modules are detected from package names only`);
    return [];
  }
  if (!isRecord(lock) || !isRecord(lock.packages)) return [];
  const out: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || !isRecord(entry) || entry.hasInstallScript !== true) continue;
    out.push(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
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
