import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DockerCli } from './docker-cli.js';
import { sleep, waitFor } from './exec.js';

/** The run settings of the generated compose.yaml / README (property 7). */
export const HARDENING_FLAGS = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '1000:1000'] as const;

export interface RunOptions {
  hardened?: boolean;
  env?: Record<string, string>;
  /** Extra tmpfs mounts (`/app/.next/cache:uid=1000,gid=1000`), as compose gives a plan's writable paths. */
  tmpfs?: readonly string[];
}

/** A process of a running container, read from the host's /proc (docker top gives host PIDs). */
export interface ContainerProcess {
  hostPid: number;
  uid: number;
  command: string;
  env: Record<string, string>;
}

export interface StopResult {
  exitCode: number;
  seconds: number;
}

/** A container the rig started on the host network; remove() is also done by the rig's stop(). */
export class Container {
  constructor(
    readonly docker: DockerCli,
    readonly id: string,
  ) {}

  async inspect(format: string): Promise<string> {
    return this.docker.out(['inspect', '--format', format, this.id]);
  }

  async logs(): Promise<string> {
    const r = await this.docker.run(['logs', this.id], { allowFailure: true });
    return r.stdout + r.stderr;
  }

  /** `docker exec` as the container's user; resolves with the exit code and output. */
  async exec(args: readonly string[]) {
    return this.docker.run(['exec', this.id, ...args], { allowFailure: true });
  }

  /** Every process of the container (`docker top`), with uid, command line and environment from /proc. */
  async processes(): Promise<ContainerProcess[]> {
    const top = await this.docker.out(['top', this.id, '-eo', 'pid']);
    const pids = top.split('\n').slice(1).map((l) => Number(l.trim())).filter((n) => n > 0);
    return pids.map((hostPid) => {
      const status = readFileSync(`/proc/${hostPid}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      const command = readFileSync(`/proc/${hostPid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      const env = Object.fromEntries(
        readFileSync(`/proc/${hostPid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      );
      return { hostPid, uid, command, env };
    });
  }

  /** Wait for the image's own HEALTHCHECK command to report `healthy`. */
  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    await waitFor(`${this.id.slice(0, 12)} to be healthy`, async () => {
      const status = await this.inspect('{{if .State.Health}}{{.State.Health.Status}}{{end}}');
      if (status === 'unhealthy') throw new Error(`unhealthy: ${await this.inspect('{{json .State.Health.Log}}')}`);
      if ((await this.inspect('{{.State.Running}}')) !== 'true') throw new Error(`container exited: ${await this.logs()}`);
      return status === 'healthy' ? true : undefined;
    }, timeoutMs, 500);
  }

  /** `docker stop` (SIGTERM, then SIGKILL after the 10 s grace period) and the exit code. */
  async stop(): Promise<StopResult> {
    const t0 = performance.now();
    await this.docker.run(['stop', this.id]);
    const seconds = (performance.now() - t0) / 1000;
    return { exitCode: Number(await this.inspect('{{.State.ExitCode}}')), seconds };
  }

  async remove(): Promise<void> {
    await this.docker.run(['rm', '-f', '-v', this.id], { allowFailure: true });
  }
}

/**
 * `docker run -d` on the host network (this engine has no bridge). The image's HEALTHCHECK command
 * is kept as generated; only its interval is shortened to 2 s so `healthy` comes in seconds instead
 * of the generated 30 s.
 */
export async function runContainer(docker: DockerCli, image: string, opts: RunOptions = {}): Promise<Container> {
  const args = ['run', '-d', '--network', 'host', '--name', `e2e-${randomBytes(4).toString('hex')}`, '--health-interval', '2s'];
  if (opts.hardened) args.push(...HARDENING_FLAGS);
  for (const mount of opts.tmpfs ?? []) args.push('--tmpfs', mount);
  for (const [k, v] of Object.entries(opts.env ?? {})) args.push('-e', `${k}=${v}`);
  args.push(image);
  const id = await docker.out(args);
  return new Container(docker, id);
}

/** GET a URL on the host network; undefined while nothing answers. */
export async function httpGet(url: string, timeoutMs = 10_000): Promise<{ status: number; body: string } | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  } catch {
    return undefined;
  }
}

export interface InFlightStop {
  status: number | undefined;
  body: string;
  /** How long the slow request took from send to answer. */
  requestSeconds: number;
  stop: StopResult;
}

/**
 * Send GET /slow?ms=<ms>, `docker stop` the container while it is in flight, and report how the
 * request ended and how the container exited (property 4).
 */
export async function stopDuringSlowRequest(container: Container, port: number, ms = 3000): Promise<InFlightStop> {
  const t0 = performance.now();
  const request = fetch(`http://127.0.0.1:${port}/slow?ms=${ms}`, { signal: AbortSignal.timeout(ms + 20_000) }).then(
    async (res) => ({ status: res.status as number | undefined, body: await res.text() }),
    (e: unknown) => ({ status: undefined, body: String(e) }),
  );
  const answered = request.then(() => performance.now());
  await sleep(Math.min(800, ms / 3));
  const stop = await container.stop();
  const { status, body } = await request;
  return { status, body, requestSeconds: ((await answered) - t0) / 1000, stop };
}
