import { existsSync } from 'node:fs';
import { startRegistry, type StartedRegistry } from '../../support/registry.js';
import type { DockerCli } from './docker-cli.js';
import { startDockerd, type Dockerd } from './dockerd.js';
import { publishStandIns, type StandInImage } from './stand-in-images.js';
import { startVerdaccio, type Verdaccio } from './verdaccio.js';

/**
 * How long a rig's stop() may take: it prunes the cached data root's build cache down to 1 GB, which
 * after the framework builds took longer than the 120 s the hooks allowed (seen in a full run).
 */
export const RIG_STOP_TIMEOUT_MS = 600_000;

export interface Rig {
  docker: DockerCli;
  /** The local registry the engine uses as its Docker Hub mirror (pass its url to --registry-mirror). */
  registry: StartedRegistry;
  /** The stand-in node images the registry serves (see stand-in-images.ts: not the official ones). */
  standIns: StandInImage[];
  /** Present when started with `verdaccio: true`: @acme/greeting@1.0.0 is published on it. */
  verdaccio?: Verdaccio;
  /** Seconds each part took to come up, for the report. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export interface RigOptions {
  /** Start Verdaccio and publish these package dirs to it as the rig's user. */
  verdaccioPackages?: string[];
}

/** What this machine lacks for the rig, as messages saying how to get it (empty when ready). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root is needed to start a Docker engine (run with sudo)');
  for (const [bin, pkg] of [['/usr/sbin/dockerd', 'docker.io'], ['/usr/bin/docker-registry', 'docker-registry'], ['/usr/sbin/debootstrap', 'debootstrap']] as const) {
    if (!existsSync(bin) && !existsSync(bin.replace('/usr/sbin/', '/usr/bin/'))) missing.push(`${bin} (apt package ${pkg}; scripts/install-e2e-deps.sh installs it)`);
  }
  return missing;
}

/**
 * Everything the end-to-end proof needs, started in order: the registry (its port is needed by the
 * engine's --registry-mirror), the Docker engine, the stand-in node images pushed to the registry,
 * and optionally Verdaccio. stop() tears down in reverse, removing every container it ran.
 */
export async function startRig(opts: RigOptions = {}): Promise<Rig> {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`the Docker e2e rig cannot start:\n  - ${missing.join('\n  - ')}`);
  const timings: Record<string, number> = {};
  const stops: (() => Promise<void>)[] = [];
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await step();
    timings[name] = Math.round((performance.now() - t0) / 100) / 10;
    return value;
  };
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => console.warn(`[e2e rig] stop failed: ${String(e)}`));
  };
  try {
    const registry = await timed('registry', () => startRegistry());
    stops.push(() => registry.stop());
    const engine: Dockerd = await timed('dockerd', () => startDockerd({ mirrorUrl: registry.url }));
    stops.push(() => engine.stop());
    const standIns = await timed('standInImages', () => publishStandIns(engine.docker, registry));
    let verdaccio: Verdaccio | undefined;
    if (opts.verdaccioPackages) {
      const v = await timed('verdaccio', () => startVerdaccio());
      verdaccio = v;
      stops.push(() => v.stop());
      for (const dir of opts.verdaccioPackages) await v.publish(dir);
    }
    return { docker: engine.docker, registry, standIns, verdaccio, timings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
