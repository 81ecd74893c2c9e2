// The container engine as the user's own CLI, `docker` or `podman` (--engine): the injected `run`
// spawns it, so DOCKER_HOST, contexts, Podman's rootless storage and credential helpers apply
// exactly as they do when the user types the command. This file only builds argument lists and
// reads answers; the two CLIs differ in four places, each said where it is handled.
import { withinSeconds, type Sleep } from './time-bound.js';
import type { EngineCli } from '../core/engine-cli.js';
export { ENGINE_CLIS, type EngineCli } from '../core/engine-cli.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCommandOptions {
  /** Aborting ends the command (the shell sends it SIGINT, as Ctrl-C would). */
  signal?: AbortSignal;
  /** Each complete output line as it arrives (BuildKit progress goes to stderr). */
  onLine?: (line: string) => void;
  /** Extra environment for this command only (e.g. DOCKER_BUILDKIT=1). */
  env?: Record<string, string>;
}

/** Runs `<docker cli> ...args` to completion; never throws for a non-zero exit (127: no such command). */
export type RunCommand = (args: readonly string[], opts?: RunCommandOptions) => Promise<CommandResult>;

export interface EngineInfo {
  /** e.g. "Docker Engine 20.10.24" or "Podman Engine 4.3.1". */
  name: string;
  /** The engine has a default bridge network; without one (like the e2e rig's), builds use the host network and runs use none. */
  bridge: boolean;
}


export type EngineProbe = { ok: true; info: EngineInfo } | { ok: false; reason: string };

/** Label on everything verify creates, so a leftover is recognisable. */
export const VERIFY_LABEL = 'io.github.create-secure-node-docker.verify';

/** `docker version` gets this long: an engine that does not answer (a hung socket, a stopped VM) is one line, not a hang. */
export const PROBE_TIMEOUT_SECONDS = 15;

/** The probe under its own time bound; Ctrl-C (`signal`) still cancels it. */
export async function probeEngine(engine: Engine, sleep: Sleep, signal?: AbortSignal): Promise<EngineProbe> {
  const { value, timedOut } = await withinSeconds(PROBE_TIMEOUT_SECONDS, sleep, signal, (s) => engine.probe(s));
  return timedOut ? { ok: false, reason: `no answer within ${PROBE_TIMEOUT_SECONDS} s` } : value;
}

export class Engine {
  constructor(
    private readonly run: RunCommand,
    readonly cli: EngineCli = 'docker',
  ) {}

  async probe(signal?: AbortSignal): Promise<EngineProbe> {
    if (this.cli === 'podman') return this.probePodman(signal);
    // The first server component names the engine ("Engine" for Docker, "Podman Engine" for Podman).
    const version = await this.run(['version', '--format', '{{.Server.Version}}|{{range .Server.Components}}{{.Name}};{{end}}'], { signal });
    if (version.code !== 0) return { ok: false, reason: firstLine(version.stderr) || firstLine(version.stdout) || `exit code ${version.code}` };
    const [serverVersion = '', components = ''] = version.stdout.trim().split('|');
    const component = components.split(';')[0] ?? '';
    const name = `${component === '' || component === 'Engine' ? 'Docker Engine' : component} ${serverVersion}`;
    const bridge = await this.run(['network', 'inspect', '--format', '{{.Name}}', 'bridge'], { signal });
    return { ok: true, info: { name, bridge: bridge.code === 0 } };
  }

  /**
   * `podman info` answers for a local and a remote (machine) Podman alike. Builds use the host
   * network and runs none (bridge: false), rootless or not: the probes run inside the container,
   * so no port is published and no rootless network (slirp4netns, pasta) is needed.
   */
  private async probePodman(signal?: AbortSignal): Promise<EngineProbe> {
    const info = await this.run(['info', '--format', '{{.Version.Version}}|{{.Host.Security.Rootless}}'], { signal });
    if (info.code !== 0) return { ok: false, reason: firstLine(info.stderr) || firstLine(info.stdout) || `exit code ${info.code}` };
    const [version = '', rootless = ''] = info.stdout.trim().split('|');
    return { ok: true, info: { name: `Podman Engine ${version} (${rootless === 'true' ? 'rootless' : 'rootful'})`, bridge: false } };
  }

  /**
   * Docker: BuildKit with plain progress. Podman (Buildah) builds OCI images by default, and the OCI
   * format has no HEALTHCHECK: `--format docker` keeps it; Buildah prints plain STEP lines anyway.
   */
  build(args: readonly string[], opts: RunCommandOptions): Promise<CommandResult> {
    if (this.cli === 'podman') return this.run(['build', '--format', 'docker', ...args], opts);
    return this.run(['build', '--progress=plain', ...args], { ...opts, env: { ...opts.env, DOCKER_BUILDKIT: '1' } });
  }

  /**
   * Podman runs HEALTHCHECKs from systemd timers; where there is no systemd (containers, WSL,
   * CI runners) the status stays "starting" forever. `podman healthcheck run` runs the image's
   * own HEALTHCHECK command once and records the result, as the timer would. Docker's engine
   * runs them itself: nothing to do.
   */
  async runHealthcheck(container: string, signal?: AbortSignal): Promise<void> {
    if (this.cli === 'podman') await this.run(['healthcheck', 'run', container], { signal });
  }

  /** `docker run -d ...`; the container id on success. */
  async start(args: readonly string[], signal?: AbortSignal): Promise<CommandResult> {
    return this.run(['run', '-d', ...args], { signal });
  }

  exec(container: string, command: readonly string[], signal?: AbortSignal): Promise<CommandResult> {
    return this.run(['exec', container, ...command], { signal });
  }

  /** A Go template of `docker inspect` for a container or image; undefined when it does not exist. */
  async inspect(kind: 'container' | 'image', ref: string, format: string, signal?: AbortSignal): Promise<string | undefined> {
    const r = await this.run([kind, 'inspect', '--format', format, ref], { signal });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  async state(container: string, signal?: AbortSignal): Promise<ContainerState | undefined> {
    const out = await this.inspect('container', container, '{{json .State}}', signal);
    if (out === undefined) return undefined;
    const s = JSON.parse(out) as { Running?: boolean; ExitCode?: number; Health?: { Status?: string; Log?: { Output?: string }[] } };
    return {
      running: s.Running === true,
      exitCode: s.ExitCode ?? 0,
      health: s.Health?.Status,
      healthOutput: s.Health?.Log?.at(-1)?.Output?.trim(),
    };
  }

  /** stdout and stderr of the container, stdout first (the order within each stream is kept). */
  async logs(container: string): Promise<string> {
    const r = await this.run(['logs', container]);
    return [r.stdout, r.stderr].filter((s) => s.trim() !== '').join('\n');
  }

  stop(container: string, graceSeconds: number, signal?: AbortSignal): Promise<CommandResult> {
    return this.run(['stop', '--time', String(graceSeconds), container], { signal });
  }

  /** Clean-up never takes the run's signal: it must also run after Ctrl-C. */
  async removeContainer(container: string): Promise<boolean> {
    return (await this.run(['rm', '-f', '-v', container])).code === 0;
  }

  async removeImage(image: string): Promise<boolean> {
    return (await this.run(['image', 'rm', '-f', image])).code === 0;
  }

  /**
   * Buildah keeps each stage's result as an untagged image that carries the build's --label; BuildKit
   * keeps its cache outside the image store. So on Podman this run's untagged images (its label =
   * its id) go too; a kept image is tagged and stays.
   */
  async removeStageImages(label: string): Promise<void> {
    if (this.cli === 'podman') await this.run(['image', 'prune', '-f', '--filter', `label=${label}`]);
  }
}

export interface ContainerState {
  running: boolean;
  exitCode: number;
  /** starting | healthy | unhealthy, when the image has a HEALTHCHECK. */
  health?: string;
  healthOutput?: string;
}

export function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
}
