import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = process.env.E2E_CLI ?? path.join(REPO_ROOT, 'bin', 'create-secure-node-docker.js');

/**
 * Run the real CLI (after `npm run build`) on an app dir the way a script would: `--yes`, the
 * rig's registry as Docker Hub mirror, `--json`, plus the fixture's own flags. Returns the JSON
 * report the CLI printed on stdout.
 */
export async function generate(dir: string, registryMirror: string, flags: readonly string[] = []): Promise<Record<string, unknown>> {
  const args = [CLI, dir, '--yes', '--registry-mirror', registryMirror, '--json', ...flags];
  const result = await exec(process.execPath, args, { timeoutMs: 120_000, allowFailure: true });
  if (result.code !== 0) throw new Error(`create-secure-node-docker ${args.slice(1).join(' ')} exited ${result.code}\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}
