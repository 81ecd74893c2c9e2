// The runtime-base part of bench:image (issue 20): the SAME app generated with each --base (alpine,
// slim, distroless, dhi) and built on the e2e rig's stand-ins, the way test/e2e/shell-less-images.test.ts
// builds them (--runtime-image names the rig's registry for distroless and dhi; everything else as
// written). Prints final image size, the runtime base's own size, cold build time, whether the image
// has a shell (`docker run --entrypoint sh` fails), the uid the app serves as, with ratios vs alpine.
// The stand-ins carry the real Node binary and libraries, not the real images' other files: the
// numbers say how the bases compare, not what gcr.io or dhi.io serve byte for byte.
const FIXTURES = [
  // dhi publishes no lts tags and the rig has no Node release index: the e2e names the line the same way.
  { fixture: 'express-cjs', dhiFlags: [] },
  { fixture: 'native-module', dhiFlags: ['--node', '>=20'] },
];

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const ratio = (value, base) => `${(value / base).toFixed(2)}x`;

/** Publish the shell-less stand-ins once; returns how each base is generated and which image is its runtime base. */
async function prepareBases(rig, rigApi) {
  const standIn = (flavour) => rig.standIns.find((si) => si.flavour === flavour && si.release === rigApi.CURRENT_LTS);
  await rigApi.tagTrixieSlim(rig.registry, standIn('slim'));
  const distroless = await rigApi.publishDistrolessStandIn(rig.docker, rig.registry, rigApi.CURRENT_LTS.nodeVersion);
  const dhi = await rigApi.publishDhiStandIn(rig.docker, rig.registry, standIn('alpine'));
  return [
    { base: 'alpine', flags: [], runtime: standIn('alpine').localImage },
    { base: 'slim', flags: ['--base', 'slim'], runtime: standIn('slim').localImage },
    { base: 'distroless', flags: ['--base', 'distroless', '--runtime-image', distroless.repository], runtime: `${distroless.repository}@${distroless.digest}` },
    { base: 'dhi', flags: ['--base', 'dhi', '--runtime-image', dhi.repository], dhi: true, runtime: `${dhi.repository}@${dhi.runtime.digest}` },
  ];
}

async function measureBase(rig, rigApi, dir, fixture, base) {
  const image = `bench/bases-${fixture}-${base.base}:latest`;
  process.stderr.write(`[bench] ${fixture} on ${base.base}: cold build...\n`);
  const cold = await rig.docker.build({ context: dir, tag: image, noCache: true });
  const size = await rig.docker.imageSize(image);
  // BuildKit keeps the FROM image in its own store: pull the pinned runtime into the engine's to weigh it.
  if (base.runtime.includes('@')) await rig.docker.run(['pull', base.runtime]);
  const runtimeSize = await rig.docker.imageSize(base.runtime);
  const sh = await rig.docker.run(['run', '--rm', '--network', 'none', '--entrypoint', 'sh', image, '-c', 'true'], { allowFailure: true });
  const port = await rigApi.freePort();
  const container = await rigApi.runContainer(rig.docker, image, { env: { PORT: String(port) } });
  try {
    await rigApi.waitFor(`${fixture} on ${base.base} GET /health`, () => rigApi.httpGet(`http://127.0.0.1:${port}/health`), 60_000);
    const processes = await container.processes();
    const uids = [...new Set(processes.map((p) => p.uid))].join(',');
    return { name: base.base, size, runtimeSize, cold: cold.seconds, shell: sh.code === 0, uids, pid1: processes[0]?.command.split(' ')[0] ?? '?' };
  } finally {
    await container.remove();
    await rig.docker.run(['image', 'rm', '-f', image], { allowFailure: true });
  }
}

function printBases(fixture, results) {
  const alpine = results[0];
  const rows = [
    ['', ...results.map((r) => r.name)],
    ['final image size', ...results.map((r) => `${mb(r.size)} (${ratio(r.size, alpine.size)})`)],
    ['runtime base image (stand-in)', ...results.map((r) => `${mb(r.runtimeSize)} (${ratio(r.runtimeSize, alpine.runtimeSize)})`)],
    ['added by the app', ...results.map((r) => `${mb(r.size - r.runtimeSize)} (${ratio(r.size - r.runtimeSize, alpine.size - alpine.runtimeSize)})`)],
    ['cold build (--no-cache)', ...results.map((r) => `${r.cold.toFixed(1)} s (${ratio(r.cold, alpine.cold)})`)],
    ['shell (docker run --entrypoint sh)?', ...results.map((r) => (r.shell ? 'yes' : 'no'))],
    ['uid of every process', ...results.map((r) => r.uids)],
    ['PID 1', ...results.map((r) => r.pid1)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nRuntime bases: ${fixture} on the e2e rig's stand-ins (ratios vs alpine)\n`);
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

/** Every fixture on every base; `workspace(fixture)` gives a fresh copy the caller removes. */
export async function benchBases(rig, rigApi, workspace, fixtures = FIXTURES.map((f) => f.fixture)) {
  const bases = await prepareBases(rig, rigApi);
  for (const { fixture, dhiFlags } of FIXTURES.filter((f) => fixtures.includes(f.fixture))) {
    const results = [];
    for (const base of bases) {
      const ws = await workspace(fixture);
      await rigApi.generate(ws.dir, rig.registry.url, [...base.flags, ...(base.dhi ? dhiFlags : [])]);
      results.push(await measureBase(rig, rigApi, ws.dir, fixture, base));
    }
    printBases(fixture, results);
  }
  console.log(`\nStand-ins: alpine and slim = the rig's node stand-ins (Debian rootfs + the real Node ${rigApi.CURRENT_LTS.nodeVersion} binary and npm);`);
  console.log('distroless and dhi = the real Node binary plus exactly the libraries ldd lists for it, no shell, no package manager (test/e2e/rig/stand-in-*).');
}
