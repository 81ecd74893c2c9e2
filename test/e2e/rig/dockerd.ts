import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDir } from './cache-dir.js';
import { DockerCli, findDockerCli } from './docker-cli.js';
import { exec, startBackground, stopBackground, waitFor, type Background } from './exec.js';

export interface Dockerd {
  docker: DockerCli;
  dataRoot: string;
  logFile: string;
  stop(): Promise<void>;
}

export interface DockerdOptions {
  /** The local registry standing in for Docker Hub, e.g. http://127.0.0.1:40123 */
  mirrorUrl: string;
}

function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((mountPoint) => mountPoint.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}

/** The pid in a pid file if that process is alive, else undefined. */
function livePid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * A dockerd left behind by a rig that was killed (SIGKILL, CI timeout): it runs on our data root
 * and its parent is gone (re-parented to init). A live rig's dockerd still has the rig as parent.
 */
function orphanedRigDockerd(pid: number, dataRoot: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return cmdline[0]?.endsWith('dockerd') === true && cmdline.includes(dataRoot) && ppid === 1;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Start Debian's Docker Engine (docker.io) without systemd: its own socket, data root, exec root
 * and pid file; no bridge and no iptables (containers and builds use the host network); the local
 * registry as Docker Hub mirror. The data root lives in the cache dir so the stand-in base images
 * and build cache survive between runs; if another rig holds it, or the engine cannot start on it
 * (left unclean by a killed run), a fresh one is used.
 */
export async function startDockerd(opts: DockerdOptions): Promise<Dockerd> {
  const cli = await findDockerCli();
  const stateBase = cacheDir('dockerd');
  const sharedRoot = path.join(stateBase, 'data-root');
  const lockPid = path.join(stateBase, 'dockerd.pid');
  const holder = livePid(lockPid);
  if (holder !== undefined && orphanedRigDockerd(holder, sharedRoot)) {
    console.warn(`[e2e rig] stopping dockerd ${holder}, left running on the cached data root by a rig that was killed`);
    const cmdline = readFileSync(`/proc/${holder}/cmdline`, 'utf8').split('\0');
    const execRoot = cmdline[cmdline.indexOf('--exec-root') + 1] ?? '';
    process.kill(holder, 'SIGTERM');
    if (!(await waitForExit(holder, 30_000))) process.kill(holder, 'SIGKILL');
    const runDir = path.dirname(execRoot);
    if (path.basename(runDir).startsWith('e2e-dx-')) {
      for (const mountPoint of mountsUnder(runDir)) await exec('umount', [mountPoint], { allowFailure: true });
      rmSync(runDir, { recursive: true, force: true });
    }
  }
  if (livePid(lockPid) === undefined) {
    try {
      return await startOn(cli, sharedRoot, lockPid, opts);
    } catch (e) {
      console.warn(`[e2e rig] dockerd did not start on the cached data root, wiping it: ${String(e)}`);
      rmSync(sharedRoot, { recursive: true, force: true });
      return await startOn(cli, sharedRoot, lockPid, opts);
    }
  }
  console.warn('[e2e rig] another rig holds the cached Docker data root; using a fresh temporary one');
  const own = mkdtempSync(path.join(tmpdir(), 'e2e-dockerd-'));
  const engine = await startOn(cli, path.join(own, 'data-root'), path.join(own, 'dockerd.pid'), opts);
  return {
    ...engine,
    stop: async () => {
      await engine.stop();
      rmSync(own, { recursive: true, force: true });
    },
  };
}

async function startOn(cli: string, dataRoot: string, pidFile: string, opts: DockerdOptions): Promise<Dockerd> {
  mkdirSync(dataRoot, { recursive: true });
  // exec-root holds containerd's sockets: keep its path short (unix sockets are limited to 108 bytes).
  const run = mkdtempSync(path.join(tmpdir(), 'e2e-dx-'));
  const sock = path.join(run, 'docker.sock');
  const logFile = path.join(run, 'dockerd.log');
  const mirrorHost = new URL(opts.mirrorUrl).host;
  const bg: Background = startBackground(
    'dockerd',
    [
      '--iptables=false', '--ip6tables=false', '--bridge=none', '--storage-driver=overlay2',
      '--data-root', dataRoot, '--exec-root', path.join(run, 'exec'), '--pidfile', pidFile,
      '-H', `unix://${sock}`,
      '--registry-mirror', opts.mirrorUrl, '--insecure-registry', mirrorHost,
      '--log-level', 'warn',
    ],
    logFile,
  );
  const docker = new DockerCli(cli, `unix://${sock}`);
  try {
    const answer = await waitFor(
      'the Docker engine to answer',
      async () => {
        if (bg.child.exitCode !== null || bg.child.signalCode !== null) return { exited: true };
        const r = await docker.run(['version', '--format', '{{.Server.Version}}'], { allowFailure: true, timeoutMs: 10_000 });
        return r.code === 0 ? { exited: false } : undefined;
      },
      60_000,
    );
    if (answer.exited) throw new Error(`dockerd exited; log tail:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
  } catch (e) {
    await stopBackground(bg, 'SIGTERM', 20_000);
    docker.dispose();
    for (const mountPoint of mountsUnder(run)) await exec('umount', [mountPoint], { allowFailure: true });
    rmSync(run, { recursive: true, force: true });
    throw e;
  }
  return {
    docker,
    dataRoot,
    logFile,
    stop: async () => {
      await docker.removeAllContainers().catch(() => undefined);
      // Keep the cached data root bounded: dangling images and all but the newest 1 GB of build cache go.
      await docker.run(['image', 'prune', '-f'], { allowFailure: true }).catch(() => undefined);
      await docker.run(['builder', 'prune', '-f', '--keep-storage', '1GB'], { allowFailure: true }).catch(() => undefined);
      await stopBackground(bg, 'SIGTERM', 30_000);
      docker.dispose();
      // dockerd leaves its network namespace bind mount (exec/netns/default) behind: unmount what
      // is still mounted under our exec root, deepest first, then remove it.
      for (const mountPoint of mountsUnder(run)) await exec('umount', [mountPoint], { allowFailure: true });
      rmSync(run, { recursive: true, force: true });
    },
  };
}
