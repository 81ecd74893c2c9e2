import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './cache-dir.js';
import type { DockerCli } from './docker-cli.js';
import { exec } from './exec.js';

const SUITE = 'bookworm';
const MIRROR = 'http://deb.debian.org/debian';
/** Node's official linux-x64 binary links libatomic, which minbase lacks. */
const INCLUDE = ['libatomic1'];
const NAME = `${SUITE}-minbase+${INCLUDE.join('+')}`;

/** The local image holding the bare Debian rootfs the stand-in node images are built on. */
export const ROOTFS_IMAGE = `e2e-standin/debian-rootfs:${SUITE}-minbase-${INCLUDE.join('-')}`;

/** Paths left out of the imported rootfs: documentation, locales and apt's caches (the apk shim runs `apt-get update`). */
const EXCLUDED = ['./usr/share/doc/*', './usr/share/man/*', './usr/share/info/*', './usr/share/locale/*', './var/lib/apt/lists/*', './var/cache/apt/*', './dev/*', './proc/*', './sys/*'];

/**
 * A `debootstrap --variant=minbase --include=libatomic1 bookworm` root filesystem, made once (under a minute, ~200 MB)
 * and cached outside the clone. Debootstrap writes into a staging dir that is renamed only when it
 * finished, so an interrupted run never leaves a half rootfs behind.
 */
export async function debianRootfs(): Promise<string> {
  const base = cacheDir('rootfs');
  const rootfs = path.join(base, NAME);
  if (existsSync(path.join(base, `${NAME}.complete`))) return rootfs;
  const staging = path.join(base, `${NAME}.staging`);
  rmSync(staging, { recursive: true, force: true });
  rmSync(rootfs, { recursive: true, force: true });
  await exec('debootstrap', ['--variant=minbase', `--include=${INCLUDE.join(',')}`, SUITE, staging, MIRROR], { timeoutMs: 900_000 });
  renameSync(staging, rootfs);
  writeFileSync(path.join(base, `${NAME}.complete`), new Date().toISOString());
  return rootfs;
}

/** Import the cached rootfs into the engine as ROOTFS_IMAGE, unless the engine already has it. */
export async function importDebianRootfs(docker: DockerCli): Promise<string> {
  const present = await docker.run(['image', 'inspect', ROOTFS_IMAGE], { allowFailure: true });
  if (present.code === 0) return ROOTFS_IMAGE;
  const rootfs = await debianRootfs();
  const excludes = EXCLUDED.map((p) => `--exclude=${p}`).join(' ');
  // tar streams straight into `docker import`; a shell pipe keeps the 200 MB out of this process.
  await exec('sh', ['-c', `tar -C "$ROOTFS" --numeric-owner ${excludes} -c . | "$DOCKER" import - "$TAG"`], {
    env: { ...docker.env(), ROOTFS: rootfs, DOCKER: docker.binary, TAG: ROOTFS_IMAGE },
    timeoutMs: 600_000,
  });
  return ROOTFS_IMAGE;
}
