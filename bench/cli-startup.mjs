// CLI start-up benchmark: `create-secure-node-docker <fixture> --yes --offline --dry-run` against
// `node -e 0`, measured in the same run, median of several runs, printed as a ratio. Also reports
// what `npx` has to install: the packed tarball's size and its runtime dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const fixture = path.join(root, 'test/fixtures/express-cjs');
const bin = path.join(root, 'bin/create-secure-node-docker.js');

function median(command, args) {
  const times = [];
  for (let i = 0; i < runs + 2; i += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (i >= 2) times.push(ms); // two warm-up runs fill the OS file cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const baseline = median(process.execPath, ['-e', '0']);
const ours = median(process.execPath, [bin, fixture, '--yes', '--offline', '--dry-run']);
console.log(`node -e 0                                     ${baseline.toFixed(1)} ms (median of ${runs})`);
console.log(`create-secure-node-docker --offline --dry-run  ${ours.toFixed(1)} ms (median of ${runs})`);
console.log(`ratio: ${(ours / baseline).toFixed(2)}x   (goal: <= 1.5x)`);

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
