// End-to-end proof for workspaces (issue 12): the CLI runs in apps/api of each workspace fixture
// (npm, pnpm 10, yarn 4), and the Dockerfile it writes there is built unchanged from the workspace
// root in a real Docker engine (the rig: test/e2e/rig). Run: `sudo E2E=1 npx vitest run --config
// vitest.e2e.config.ts test/e2e/workspace-images.test.ts`.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installSteps, lockfileInstallSteps, parseBuildSteps } from './rig/build-log.js';
import { httpGet, runContainer, stopDuringSlowRequest } from './rig/container.js';
import { waitFor } from './rig/exec.js';
import { generate } from './rig/generate.js';
import { scanSavedImage } from './rig/layer-scan.js';
import { standInForTag } from './rig/stand-in-images.js';
import { useImageCase } from './rig/use-image-case.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';
/** The fixtures test/fixtures/workspace-<name>: one per manager, and a Turborepo pnpm workspace (turbo prune). */
const WORKSPACES = ['npm', 'pnpm', 'yarn', 'turbo-pnpm'] as const;
/** What must not be in api's image: the other app, its dependency, every devDependency of the workspace. */
const FOREIGN = ['other', 'kleur', 'is-number', 'typescript', 'turbo'];

describe.skipIf(!E2E)('workspace packages, built from the workspace root in a real Docker engine', () => {
  const rig = useRig();

  describe.each(WORKSPACES)('workspace-%s: apps/api with packages/shared', (workspace) => {
    let report: { build: { context: string; dockerfile: string }; image: { digest: string } };
    const image = `e2e/workspace-${workspace}:test`;
    const app = useImageCase(rig, {
      fixture: `workspace-${workspace}`,
      image,
      setUp: async ({ ws }) => {
        // A developer's checkout: secrets and clutter inside the packages too.
        const apiDir = path.join(ws.dir, 'apps/api');
        writeFileSync(path.join(apiDir, '.env'), `SECRET_FROM_DOTENV=${ws.planted.dotenvMarker}\n`);
        report = (await generate(apiDir, rig.registry.url)) as typeof report;
      },
    });
    const api = () => path.join(app.ws.dir, 'apps/api');
    const run = async (hardened: boolean) => {
      app.requireImage();
      return app.track(await runContainer(rig.docker, image, { hardened, env: { PORT: String(app.port) } }));
    };

    it('--json names the workspace root as build context and the Dockerfile in apps/api; the pin is the mirror digest', () => {
      expect(path.resolve(process.cwd(), report.build.context)).toBe(app.ws.dir);
      expect(path.resolve(process.cwd(), report.build.dockerfile)).toBe(path.join(api(), 'Dockerfile'));
      const tag = /^FROM node:([^@\s]+)@/m.exec(readFileSync(path.join(api(), 'Dockerfile'), 'utf8'))?.[1] ?? '';
      expect(report.image.digest).toBe(standInForTag(rig.standIns, tag)?.digest);
      const compose = readFileSync(path.join(api(), 'compose.yaml'), 'utf8');
      expect(compose).toMatch(/context: \.\.\/\.\.\n\s+dockerfile: apps\/api\/Dockerfile/);
    });

    it('1. builds unchanged from the workspace root with -f apps/api/Dockerfile, from a clean cache', async () => {
      const result = await rig.docker.build({ context: app.ws.dir, dockerfile: path.join(api(), 'Dockerfile'), tag: image, noCache: true });
      const runSteps = parseBuildSteps(result.log).filter((st) => /^\[[^\]]+\] RUN\b/.test(st.name));
      expect(runSteps.filter((st) => st.cached).map((st) => st.name)).toEqual([]);
      console.log(`[e2e] workspace-${workspace}: clean build ${result.seconds.toFixed(1)} s, image ${((await rig.docker.imageSize(image)) / 1e6).toFixed(0)} MB`);
      app.markBuilt();
    });

    it('2. serves the API, using the shared package, as uid 1000 under dumb-init with the hardening flags', async () => {
      const container = await run(true);
      expect(await container.inspect('{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}} {{.Config.User}}')).toBe('true [ALL] [no-new-privileges] 1000:1000');
      const root = await waitFor('GET /', () => httpGet(`http://127.0.0.1:${app.port}/`), 30_000);
      expect(root.status).toBe(200);
      expect(JSON.parse(root.body)).toEqual({ app: 'api', greeting: 'hello from shared to api' });
      if (workspace === 'turbo-pnpm') {
        // ms is patched at the workspace root: the pruned pnpm-workspace.yaml and patches/ reached the install.
        expect((await httpGet(`http://127.0.0.1:${app.port}/patched`))?.body).toBe('yes, patched by pnpm patch-commit');
      }
      expect((await container.exec(['cat', '/proc/1/cmdline'])).stdout.split('\0')[0]).toMatch(/(^|\/)dumb-init$/);
      for (const p of await container.processes()) expect(p.uid, `uid of ${p.command}`).toBe(1000);
      await container.waitHealthy();
      await container.remove();
    });

    it('3. docker stop lets an in-flight request finish with 200 and the container exits 0', async () => {
      const container = await run(true);
      await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${app.port}/health`), 30_000);
      const result = await stopDuringSlowRequest(container, app.port, 3000);
      expect(result.status, result.body).toBe(200);
      expect(result.requestSeconds).toBeGreaterThanOrEqual(2.9);
      expect(result.stop.exitCode).toBe(0);
      expect(result.stop.seconds).toBeLessThan(10);
    });

    it('4. the image holds no apps/other, none of its dependencies, no devDependencies, no .env or .npmrc', async () => {
      app.requireImage();
      const names = [...FOREIGN, '.env', '.npmrc'].map((n) => `-name ${n}`).join(' -o ');
      const find = await rig.docker.out(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', `find /app \\( ${names} \\) -print; echo "files: $(find /app | wc -l)"`]);
      const count = /^files: (\d+)$/m.exec(find)?.[1];
      expect(find.replace(/^files: \d+$/m, '').trim()).toBe('');
      // The check looked at a real tree: express and the shared package are there.
      expect(Number(count)).toBeGreaterThan(200);
      const shared = await rig.docker.out(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', `find /app -path '*shared*' -name 'index.js' | head -3`]);
      expect(shared).not.toBe('');
      const scan = await scanSavedImage(rig.docker, image, [app.ws.planted.dotenvMarker, ...(app.ws.planted.npmrcMarker ? [app.ws.planted.npmrcMarker] : [])]);
      expect(scan.layers).toBeGreaterThan(1);
      expect(scan.hits).toEqual([]);
    });

    it('5. a source-only change in apps/api re-uses the install layer', async () => {
      app.requireImage();
      appendFileSync(path.join(api(), 'server.js'), `\n// e2e source-only change ${Date.now()}\n`);
      const result = await rig.docker.build({ context: app.ws.dir, dockerfile: path.join(api(), 'Dockerfile'), tag: image });
      const steps = parseBuildSteps(result.log);
      const installs = installSteps(steps);
      expect(installs.length, `install steps in:\n${result.log}`).toBeGreaterThan(0);
      for (const step of installs) expect(step.cached, `${step.name} should be CACHED`).toBe(true);
      expect(steps.some((s) => /^\[runtime[^\]]*\] COPY apps\/api /.test(s.name) && !s.cached), 'the changed apps/api was copied again').toBe(true);
    });

    // turbo prune's point: the installs read only the closure's manifests and a pruned lockfile. The
    // workspaces without it rerun their install for the same change, which shows the change is seen.
    const pruned = workspace === 'turbo-pnpm';
    it(`6. a change to apps/other's manifest ${pruned ? 're-uses the install layers (turbo prune)' : 'reruns the install (every manifest goes in before it)'}`, async () => {
      app.requireImage();
      const other = path.join(app.ws.dir, 'apps/other/package.json');
      writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(other, 'utf8')), description: `changed by the e2e test ${Date.now()}` }, null, 2));
      const result = await rig.docker.build({ context: app.ws.dir, dockerfile: path.join(api(), 'Dockerfile'), tag: image });
      const steps = parseBuildSteps(result.log);
      const installs = lockfileInstallSteps(steps);
      expect(installs.length, `install steps in:\n${result.log}`).toBeGreaterThan(0);
      for (const step of installs) expect(step.cached, `${step.name} should ${pruned ? '' : 'not '}be CACHED`).toBe(pruned);
      if (pruned) expect(steps.some((s) => /\] RUN turbo prune /.test(s.name) && !s.cached), 'turbo prune ran again on the changed context').toBe(true);
      console.log(`[e2e] workspace-${workspace}: rebuild after a change to apps/other/package.json ${result.seconds.toFixed(1)} s`);
    });
  });
});
