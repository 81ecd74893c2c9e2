// What the dependency install needs besides package.json and the lockfile, found in the project:
// files and folders it reads (patches for patch-package and pnpm/yarn patches, pnpm-workspace.yaml
// with pnpm 10's build approvals, .pnpmfile.cjs, yarn's yarnPath release and plugins, local scripts
// the root install hooks run), and environment for the install stages (the switches that stop dev
// tools' postinstalls from downloading browsers). Every path is validated like a flag: a hostile name
// in package.json stops the run naming the field, it never reaches the Dockerfile.
import { UsageError } from '../errors.js';
import type { ProjectFs } from '../core/project-fs.js';
import { printable, projectPath } from '../core/validate.js';
import { installFile, installFolder, type InstallInput } from '../core/install-input.js';
import type { PackageManagerFact } from './facts.js';
import { isRecord, parseManifest, type PackageJson } from './package-json.js';

export interface InstallInputs {
  /** Files and folders to COPY before the install, in a stable order. */
  inputs: InstallInput[];
  /** ENV for the install stages (never the runtime stage). */
  env: Record<string, string>;
}

/** Postinstalls that download a browser, and the documented switch that skips each download. */
const BROWSER_DOWNLOADS: { packages: string[]; env: Record<string, string> }[] = [
  { packages: ['cypress'], env: { CYPRESS_INSTALL_BINARY: '0' } },
  { packages: ['playwright', 'playwright-core', '@playwright/test', 'playwright-chromium', 'playwright-firefox', 'playwright-webkit'], env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
  { packages: ['puppeteer'], env: { PUPPETEER_SKIP_DOWNLOAD: '1' } },
];

/** Root lifecycle scripts the install runs (npm, pnpm and yarn 1 run these for the project itself). */
const INSTALL_HOOKS = ['preinstall', 'install', 'postinstall', 'prepare'];

const PNPM_FILES = ['pnpm-workspace.yaml', '.pnpmfile.cjs', '.pnpmfile.mjs'];
const YARN_BERRY_DIRS = ['.yarn/releases', '.yarn/plugins', '.yarn/patches'];

export async function detectInstallInputs(
  fs: ProjectFs,
  pkg: PackageJson,
  pm: PackageManagerFact,
  warnings: string[],
): Promise<InstallInputs> {
  const inputs: InstallInput[] = [];
  const add = (input: InstallInput) => {
    if (!inputs.some((i) => i.path === input.path)) inputs.push(input);
  };
  if (pm.name === 'pnpm') for (const file of PNPM_FILES) if (await fs.exists(file)) add(installFile(file));
  if (pm.name === 'yarn' && pm.yarnBerry) for (const dir of YARN_BERRY_DIRS) if (await fs.exists(dir)) add(installFolder(dir));
  for (const file of await patchFiles(fs)) add(installFile(file));
  // patches/ is where patch-package (npm, yarn 1) and `pnpm patch-commit` keep their patches; pnpm may
  // name them in pnpm-workspace.yaml, which is not parsed here, so the folder is copied whenever it exists.
  if (await fs.exists('patches')) add(installFolder('patches'));
  for (const file of await hookScripts(fs, pkg)) add(installFile(file));
  return { inputs: collapse(inputs), env: browserSwitches(pkg, await lockfileText(fs, pm), warnings) };
}

/** pnpm `patchedDependencies` (package.json `pnpm` field): each value is a patch file the install applies. */
async function patchFiles(fs: ProjectFs): Promise<string[]> {
  const text = await fs.read('package.json');
  let raw: Record<string, unknown>;
  try {
    raw = parseManifest(text ?? '{}', 'package.json');
  } catch {
    return []; // readPackageJson already reported a malformed manifest
  }
  const pnpm = isRecord(raw.pnpm) ? raw.pnpm : {};
  const patched = isRecord(pnpm.patchedDependencies) ? pnpm.patchedDependencies : {};
  const out: string[] = [];
  for (const [name, file] of Object.entries(patched)) {
    if (typeof file !== 'string') continue;
    const where = `package.json pnpm.patchedDependencies["${printable(name)}"]`;
    const clean = projectPath(file, where);
    if (!(await fs.exists(clean))) throw new UsageError(`${where} names ${clean}, which does not exist: the install would fail`);
    out.push(clean);
  }
  return out;
}

/** Local files the root install hooks run (`"postinstall": "node scripts/setup.js"`). */
async function hookScripts(fs: ProjectFs, pkg: PackageJson): Promise<string[]> {
  const out: string[] = [];
  for (const hook of INSTALL_HOOKS) {
    const command = pkg.scripts[hook];
    if (command === undefined) continue;
    for (const word of command.split(/[\s;&|()<>]+/)) {
      const candidate = word.replace(/^['"]|['"]$/g, '').replace(/^\.\//, '');
      if (!/^[A-Za-z0-9._@+-]+(\/[A-Za-z0-9._@+-]+)*\.(c|m)?[jt]s$/.test(candidate)) continue;
      if (candidate.split('/').includes('..') || candidate.startsWith('node_modules/')) continue;
      if (await fs.exists(candidate)) out.push(projectPath(candidate, `package.json scripts.${hook}`));
    }
  }
  return out;
}

async function lockfileText(fs: ProjectFs, pm: PackageManagerFact): Promise<string> {
  return pm.lockfile === undefined ? '' : ((await fs.read(pm.lockfile)) ?? '');
}

function browserSwitches(pkg: PackageJson, lockfile: string, warnings: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { packages, env: switches } of BROWSER_DOWNLOADS) {
    const found = packages.filter((name) => name in pkg.dependencies || name in pkg.devDependencies || inLockfile(lockfile, name));
    if (found.length === 0) continue;
    Object.assign(env, switches);
    const runtime = found.filter((name) => name in pkg.dependencies);
    if (runtime.length > 0) {
      warnings.push(
        `${runtime.join(', ')} is a production dependency: its browser download is skipped in the image (the downloaded browser needs glibc and a network the build may not have). If the app drives a browser at run time, use --base slim and install the distribution's chromium in the runtime stage, then point the library at it (e.g. PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium)`,
      );
    }
  }
  return env;
}

/** A package named in a lockfile (npm: "node_modules/x", pnpm: "/x@" or "x@", yarn: "x@"). */
function inLockfile(lockfile: string, name: string): boolean {
  // The regular expression scans the whole lockfile at every position (2.8 ms of a dry run on a
  // 26 KB express lockfile, in the start-up profile); most lockfiles do not name the package at all.
  if (!lockfile.includes(name)) return false;
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?:node_modules/|^\\s*['"]?/?|["\\s,])${quoted}@|node_modules/${quoted}["/]`, 'm').test(lockfile);
}

/** Drops paths inside a folder that is copied whole (patches/x.patch when patches/ is copied). */
function collapse(inputs: InstallInput[]): InstallInput[] {
  return inputs.filter((p) => !inputs.some((other) => other.kind === 'folder' && p.path.startsWith(`${other.path}/`)));
}
