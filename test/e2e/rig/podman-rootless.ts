// Rootless Podman 4.3 for --verify --engine podman: the CLI runs as an ordinary user (one with
// /etc/subuid and /etc/subgid ranges, created by scripts/install-e2e-deps.sh), exactly as that user
// would type it, and Podman builds and runs in that user's own storage and user namespace.
// Nothing here touches rootful Podman (the kube play suite's): the mirror is a registries.conf of
// this run's own (CONTAINERS_REGISTRIES_CONF), and Buildah's cache mounts live under the user's own
// TMPDIR, because Buildah 1.28 keeps them in $TMPDIR/buildah-cache (default /var/tmp) for rootful and
// rootless alike, and a rootful build's directory there makes a rootless build fail with EACCES.
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exec, type ExecResult } from './exec.js';
import { ensurePodmanSettings, PODMAN } from './podman-kube.js';

/** The rootless user scripts/install-e2e-deps.sh creates (subordinate ids 100000-165535). */
export const ROOTLESS_USER = 'csnd-podman';

export interface RootlessPodman {
  user: string;
  uid: number;
  /** The environment of the user's shell: HOME, XDG_RUNTIME_DIR, TMPDIR, the mirror's registries.conf. */
  env: Record<string, string>;
  /** `<cmd> <args>` as the user, in that environment (runuser, no login shell). */
  runAs(cmd: string, args: readonly string[], opts?: { timeoutMs?: number; allowFailure?: boolean }): Promise<ExecResult>;
  podman(args: readonly string[]): Promise<ExecResult>;
  /** Hands a directory (a fixture copy) to the user, who writes the generated files into it. */
  give(dir: string): Promise<void>;
  /**
   * The built CLI (`bin` of a package whose bin/ and dist/ are as npm packs them) copied where the
   * user can read it: a checkout in a directory only root may enter (a `mktemp -d` clone is 0700)
   * is out of the user's reach. Returns the copy's bin path.
   */
  readableCli(bin: string): string;
  dispose(): void;
}

const idOf = async (flag: '-u' | '-g', user: string) => Number((await exec('id', [flag, user], { allowFailure: true })).stdout.trim());

/** What the machine lacks for rootless Podman, as messages saying how to get it (empty when ready). */
export async function rootlessPrerequisites(): Promise<string[]> {
  const missing: string[] = [];
  for (const [bin, pkg] of [[PODMAN, 'podman'], ['/usr/bin/newuidmap', 'uidmap'], ['/usr/sbin/runuser', 'util-linux']] as const) {
    if (!existsSync(bin)) missing.push(`${bin} (apt package ${pkg}; scripts/install-e2e-deps.sh installs it)`);
  }
  if ((await exec('id', ['-u', ROOTLESS_USER], { allowFailure: true })).code !== 0) {
    missing.push(`user ${ROOTLESS_USER} (scripts/install-e2e-deps.sh creates it with /etc/subuid and /etc/subgid ranges)`);
  }
  for (const file of ['/etc/subuid', '/etc/subgid']) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!text.split('\n').some((l) => l.startsWith(`${ROOTLESS_USER}:`))) missing.push(`a ${file} range for ${ROOTLESS_USER} (scripts/install-e2e-deps.sh adds it)`);
  }
  return missing;
}

/** The user's Podman with the rig's registry as its Docker Hub mirror. */
export async function startRootlessPodman(registryHostPort: string): Promise<RootlessPodman> {
  const missing = await rootlessPrerequisites();
  if (missing.length > 0) throw new Error(`rootless Podman cannot run:\n  - ${missing.join('\n  - ')}`);
  ensurePodmanSettings();
  const uid = await idOf('-u', ROOTLESS_USER);
  const gid = await idOf('-g', ROOTLESS_USER);
  const home = (await exec('getent', ['passwd', ROOTLESS_USER])).stdout.split(':')[5]!;
  const own = (p: string, mode: number) => {
    mkdirSync(p, { recursive: true });
    chownSync(p, uid, gid);
    chmodSync(p, mode);
  };
  // Native rootless overlay (kernel 5.13+); without this file Podman 4.3 falls back to vfs here
  // (/dev/fuse is root-only in this sandbox, so fuse-overlayfs cannot run), which copies every layer.
  own(path.join(home, '.config'), 0o755);
  own(path.join(home, '.config/containers'), 0o755);
  const storageConf = path.join(home, '.config/containers/storage.conf');
  if (!existsSync(storageConf)) {
    writeFileSync(storageConf, '[storage]\ndriver = "overlay"\n');
    chownSync(storageConf, uid, gid);
  }
  // A developer's own ~/.npmrc, as root's is for the Docker cases: the fixture copies carry a project
  // .npmrc (planted), so the Dockerfile mounts the npmrc secret and --verify needs a source for it.
  const npmrc = path.join(home, '.npmrc');
  if (!existsSync(npmrc)) {
    writeFileSync(npmrc, 'fund=false\naudit=false\nupdate-notifier=false\n', { mode: 0o600 });
    chownSync(npmrc, uid, gid);
  }
  // Kept between runs like the Docker data root: the base layers and the npm cache mounts.
  const userTmp = path.join(home, 'tmp');
  own(userTmp, 0o700);
  const run = mkdtempSync(path.join(tmpdir(), 'e2e-podman-rootless-'));
  chmodSync(run, 0o755);
  const runtimeDir = path.join(run, 'xdg-runtime');
  own(runtimeDir, 0o700);
  const registriesConf = path.join(run, 'registries.conf');
  writeFileSync(
    registriesConf,
    [
      'unqualified-search-registries = ["docker.io"]',
      '',
      '[[registry]]',
      'prefix = "docker.io"',
      'location = "docker.io"',
      '',
      '[[registry.mirror]]',
      `location = "${registryHostPort}"`,
      'insecure = true',
      '',
    ].join('\n'),
  );
  chmodSync(registriesConf, 0o644);
  const env: Record<string, string> = {
    HOME: home,
    USER: ROOTLESS_USER,
    LOGNAME: ROOTLESS_USER,
    PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    XDG_RUNTIME_DIR: runtimeDir,
    TMPDIR: userTmp,
    CONTAINERS_REGISTRIES_CONF: registriesConf,
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
    ...(process.env.CI ? { CI: process.env.CI } : {}),
  };
  const runAs = (cmd: string, args: readonly string[], opts: { timeoutMs?: number; allowFailure?: boolean } = {}) =>
    exec('/usr/sbin/runuser', ['-u', ROOTLESS_USER, '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), cmd, ...args], {
      cwd: run,
      timeoutMs: opts.timeoutMs ?? 300_000,
      allowFailure: opts.allowFailure ?? false,
    });
  return {
    user: ROOTLESS_USER,
    uid,
    env,
    runAs,
    podman: (args) => runAs(PODMAN, args),
    give: async (dir) => {
      await exec('chown', ['-R', `${uid}:${gid}`, dir]);
    },
    readableCli: (bin) => {
      const from = path.dirname(path.dirname(bin));
      const to = path.join(run, 'cli');
      for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(from, part), path.join(to, part), { recursive: true });
      return path.join(to, path.relative(from, bin));
    },
    dispose: () => rmSync(run, { recursive: true, force: true }),
  };
}
