// What the verify e2e suites read from `--verify --json`, and what --verify may leave: both suites
// (Docker and rootless Podman) check the same shape and the same label.
import { VERIFY_LABEL } from '../../../src/verify/engine.js';

export interface VerifyJson {
  engine: string | null;
  ok: boolean;
  checks: { name: string; ok: boolean; seconds: number; detail: string }[];
  hint: string | null;
}

export const failedCheck = (v: VerifyJson | undefined) => v?.checks.find((c) => !c.ok)?.name;

/** Everything --verify created carries its label: none of it may be left. `out` runs the engine CLI and returns its stdout. */
export async function verifyLeftovers(out: (args: string[]) => Promise<string>): Promise<{ containers: string; images: string }> {
  return {
    containers: (await out(['ps', '-aq', '--filter', `label=${VERIFY_LABEL}`])).trim(),
    images: (await out(['images', '-q', '--filter', `label=${VERIFY_LABEL}`])).trim(),
  };
}

/** The six checks of a server that passes, in order, on either engine (the stop check names its CLI). */
export const passedServerChecks = (cli: 'docker' | 'podman') =>
  ['builds', 'stays up', 'runs as non-root', 'answers on port 3000', 'HEALTHCHECK healthy', `${cli} stop exits 0`].map((name) => [name, true]);
