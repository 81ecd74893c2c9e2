import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec.js';

export const FIXTURES_DIR = process.env.E2E_FIXTURES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Files a developer's checkout has but an image must never contain (property 5). */
export interface PlantedSecrets {
  /** A value written into `.env` in the app dir. */
  dotenvMarker: string;
  /** A token written into a project `.npmrc` (only when the fixture has none of its own). */
  npmrcMarker: string | undefined;
}

export interface FixtureWorkspaceOptions {
  /** The port the rig's Verdaccio got, when it is not the fixture's 4873. */
  verdaccioPort?: number;
}

export interface FixtureWorkspace {
  dir: string;
  planted: PlantedSecrets;
  remove(): void;
}

/**
 * Copy test/fixtures/<name> to a temp dir the generator and docker build work in, the way a
 * developer's checkout looks: a `.git` directory, a `.env` file and (unless the fixture has its own)
 * a project `.npmrc` with a token for another registry, each holding a marker value: none of them
 * may reach the image. `verdaccioPort`: when the rig's Verdaccio is not on the fixture's 4873,
 * the copy's .npmrc and lockfile are pointed at the port it got.
 */
export async function fixtureWorkspace(name: string, opts: FixtureWorkspaceOptions = {}): Promise<FixtureWorkspace> {
  const source = path.join(FIXTURES_DIR, name);
  if (!existsSync(path.join(source, 'package.json'))) throw new Error(`no fixture app at ${source}`);
  const dir = mkdtempSync(path.join(tmpdir(), `e2e-${name}-`));
  cpSync(source, dir, { recursive: true });
  if (opts.verdaccioPort && opts.verdaccioPort !== 4873) {
    for (const file of ['.npmrc', 'package-lock.json']) {
      const p = path.join(dir, file);
      if (existsSync(p)) writeFileSync(p, readFileSync(p, 'utf8').replaceAll('127.0.0.1:4873', `127.0.0.1:${opts.verdaccioPort}`));
    }
  }
  const ownNpmrc = existsSync(path.join(dir, '.npmrc'));
  const planted = { dotenvMarker: `E2E_DOTENV_${randomBytes(8).toString('hex')}`, npmrcMarker: ownNpmrc ? undefined : `E2E_NPMRC_${randomBytes(8).toString('hex')}` };
  writeFileSync(path.join(dir, '.env'), `SECRET_FROM_DOTENV=${planted.dotenvMarker}\n`);
  if (planted.npmrcMarker) writeFileSync(path.join(dir, '.npmrc'), `//npm.example.invalid/:_authToken=${planted.npmrcMarker}\n`);
  await exec('git', ['init', '-q', dir]);
  return { dir, planted, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
