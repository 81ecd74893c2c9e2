// The built CLI (npm run build), as the tests that spawn it find it.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/create-secure-node-docker.js');

/** What a spawned run gave back. */
export interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fails the suite with the fix when dist/ was not built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
}
