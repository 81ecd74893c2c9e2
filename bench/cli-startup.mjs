// CLI start-up benchmark: `create-secure-node-docker <fixture> --yes --offline --dry-run` against
// `node -e 0`, measured in the same run, median of several runs, printed as a ratio; the leading
// peer (@flydotio/dockerfile, installed into a cache dir outside the repo) is measured the same way
// on a copy of the same fixture. Also reports what `npx` has to install for each.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const fixture = path.join(root, 'test/fixtures/express-cjs');
const bin = path.join(root, 'bin/create-secure-node-docker.js');

/**
 * Median wall time of each command, measured round-robin (one run of each in turn) so that drift in
 * the machine's speed affects every command alike; two warm-up rounds fill the OS file cache.
 */
function medians(commands) {
  const times = commands.map(() => []);
  for (let round = 0; round < runs + 2; round += 1) {
    commands.forEach(({ args, cwd = root }, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      if (round >= 2) times[i].push(ms);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

const PEER = '@flydotio/dockerfile@0.7.10';
const peerPrefix = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'create-secure-node-docker-bench', 'flydotio-dockerfile-0.7.10');
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
try {
  cpSync(fixture, scratch, { recursive: true });
  const commands = [{ args: ['-e', '0'] }, { args: [bin, fixture, '--yes', '--offline', '--dry-run'] }];
  if (!peerNote) commands.push({ args: [peerBin, '--force'], cwd: scratch });
  const [baseline, ours, peer] = medians(commands);
  console.log(`node -e 0                                       ${baseline.toFixed(1)} ms (median of ${runs})`);
  console.log(`create-secure-node-docker --offline --dry-run   ${ours.toFixed(1)} ms  ratio ${(ours / baseline).toFixed(2)}x (goal: <= 1.5x)`);
  if (peer !== undefined) {
    const packages = execFileSync('npm', ['ls', '--all', '--parseable', '--prefix', peerPrefix], { encoding: 'utf8' }).trim().split('\n').length - 1;
    console.log(`${PEER} --force (same fixture)   ${peer.toFixed(1)} ms  ratio ${(peer / baseline).toFixed(2)}x; npx installs ${packages} packages for it`);
  } else {
    console.log(peerNote);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
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
