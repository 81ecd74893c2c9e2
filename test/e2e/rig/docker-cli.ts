import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exec, type ExecOptions, type ExecResult } from './exec.js';

/** A BuildKit secret handed to `docker build --secret id=<id>,src=<src>`. */
export interface BuildSecret {
  id: string;
  src: string;
}

export interface BuildOptions {
  context: string;
  tag: string;
  dockerfile?: string;
  noCache?: boolean;
  secrets?: readonly BuildSecret[];
}

export interface BuildResult {
  /** BuildKit's plain progress output (it goes to stderr). */
  log: string;
  seconds: number;
}

/**
 * The docker command line client pointed at the rig's own engine. It gets a private DOCKER_CONFIG
 * so a developer's credential helpers and contexts never take part.
 */
export class DockerCli {
  private readonly configDir = mkdtempSync(path.join(tmpdir(), 'e2e-docker-config-'));

  constructor(
    readonly binary: string,
    readonly host: string,
  ) {}

  env(): NodeJS.ProcessEnv {
    return { ...process.env, DOCKER_HOST: this.host, DOCKER_BUILDKIT: '1', DOCKER_CONFIG: this.configDir, BUILDKIT_PROGRESS: 'plain' };
  }

  run(args: readonly string[], opts: Omit<ExecOptions, 'env'> = {}): Promise<ExecResult> {
    return exec(this.binary, args, { timeoutMs: 900_000, ...opts, env: this.env() });
  }

  /** `docker <args>` and its trimmed stdout. */
  async out(args: readonly string[]): Promise<string> {
    return (await this.run(args)).stdout.trim();
  }

  /** Build with BuildKit on the host network (bridge networking is off in this engine). */
  async build(opts: BuildOptions): Promise<BuildResult> {
    const args = ['build', '--network', 'host', '--progress', 'plain', '-t', opts.tag];
    if (opts.dockerfile) args.push('-f', opts.dockerfile);
    if (opts.noCache) args.push('--no-cache');
    for (const s of opts.secrets ?? []) args.push('--secret', `id=${s.id},src=${s.src}`);
    args.push(opts.context);
    const started = performance.now();
    const result = await this.run(args);
    return { log: result.stderr + result.stdout, seconds: (performance.now() - started) / 1000 };
  }

  async imageSize(ref: string): Promise<number> {
    return Number(await this.out(['image', 'inspect', '--format', '{{.Size}}', ref]));
  }

  /** Remove the private client config dir. */
  dispose(): void {
    rmSync(this.configDir, { recursive: true, force: true });
  }

  /** Force-remove every container of this engine: the engine is the rig's own, so all of them are ours. */
  async removeAllContainers(): Promise<void> {
    const ids = (await this.out(['ps', '-aq'])).split('\n').filter(Boolean);
    if (ids.length > 0) await this.run(['rm', '-f', '-v', ...ids], { allowFailure: true });
  }
}

/**
 * Pick a client that can drive BuildKit builds: $E2E_DOCKER_CLI, else the first of Debian's
 * docker.io client (/usr/bin/docker, BuildKit built in) and `docker` on PATH that has buildx or is
 * older than 23 (newer clients without the buildx plugin refuse `DOCKER_BUILDKIT=1 docker build`).
 */
export async function findDockerCli(): Promise<string> {
  if (process.env.E2E_DOCKER_CLI) return process.env.E2E_DOCKER_CLI;
  for (const candidate of ['/usr/bin/docker', 'docker']) {
    const buildx = await exec(candidate, ['buildx', 'version'], { allowFailure: true }).catch(() => undefined);
    if (buildx?.code === 0) return candidate;
    const version = await exec(candidate, ['version', '--format', '{{.Client.Version}}'], { allowFailure: true }).catch(() => undefined);
    const major = Number(version?.stdout.trim().split('.')[0]);
    if (Number.isFinite(major) && major > 0 && major < 23) return candidate;
  }
  throw new Error('no docker client able to run BuildKit builds: install docker.io (scripts/install-e2e-deps.sh) or set E2E_DOCKER_CLI');
}
