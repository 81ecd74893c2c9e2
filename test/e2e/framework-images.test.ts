// End-to-end proof for the meta-framework recipes (issue 9): each fixture in test/e2e/framework-cases.ts
// is generated with `--yes` (nothing else), its Dockerfile built exactly as written in the rig's engine
// and run hardened. Lean on purpose (CI time): clean build, serve + HEALTHCHECK under the compose
// hardening, docker stop during GET /slow, what the image holds, and the cached rebuild. How each
// framework shuts down, and why the plan says so: test/e2e/FRAMEWORKS.md.
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_CASES, type FrameworkCase } from './framework-cases.js';
import { installSteps, parseBuildSteps } from './rig/build-log.js';
import { httpGet, runContainer, stopDuringSlowRequest, type Container } from './rig/container.js';
import { waitFor } from './rig/exec.js';
import { generate } from './rig/generate.js';
import { inspectImageContents } from './rig/image-contents.js';
import { standInForTag } from './rig/stand-in-images.js';
import { useImageCase } from './rig/use-image-case.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';

describe.skipIf(!E2E)('meta-framework setups, built and run in a real Docker engine', () => {
  const rig = useRig();

  describe.each(FRAMEWORK_CASES)('$title', (c: FrameworkCase) => {
    let container: Container | undefined;
    const image = `e2e/${c.fixture}${c.prepare ? '-prepared' : ''}:test`;
    const app = useImageCase(rig, {
      fixture: c.fixture,
      image,
      prepare: c.prepare,
      setUp: async ({ ws }) => {
        const report = (await generate(ws.dir, rig.registry.url)) as { image: { digest: string } };
        const tag = /^FROM node:([^@\s]+)@/m.exec(readFileSync(path.join(ws.dir, 'Dockerfile'), 'utf8'))?.[1];
        const standIn = tag ? standInForTag(rig.standIns, tag) : undefined;
        if (!standIn) throw new Error(`the generated Dockerfile names node:${tag}, which the rig does not stand in for`);
        // The main suite's test 0 judges the --yes pin; here a different pin is replaced by the mirror's.
        if (report.image.digest !== standIn.digest) await generate(ws.dir, rig.registry.url, ['--force', '--digest', standIn.digest]);
      },
    });

    it('1. builds from a clean build cache', async () => {
      const result = await rig.docker.build({ context: app.ws.dir, tag: image, noCache: true });
      const runSteps = parseBuildSteps(result.log).filter((st) => /^\[[^\]]+\] RUN\b/.test(st.name));
      expect(runSteps.length).toBeGreaterThan(0);
      expect(runSteps.filter((st) => st.cached).map((st) => st.name)).toEqual([]);
      console.log(`[e2e] ${c.title}: clean build ${result.seconds.toFixed(1)} s, image ${((await rig.docker.imageSize(image)) / 1e6).toFixed(0)} MB`);
      app.markBuilt();
    });

    it('2. serves 200 as uid 1000 under --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges; HEALTHCHECK healthy', async () => {
      app.requireImage();
      container = app.track(await runContainer(rig.docker, image, { hardened: true, env: { PORT: String(app.port), ...c.runEnv }, tmpfs: c.writable.map((p) => `/app/${p}:uid=1000,gid=1000`) }));
      expect(await container.inspect('{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}} {{.Config.User}}')).toBe('true [ALL] [no-new-privileges] 1000:1000');
      const health = await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${app.port}/health`), 60_000);
      expect(health.status).toBe(200);
      expect((await httpGet(`http://127.0.0.1:${app.port}/`))?.status).toBe(200);
      await container.waitHealthy();
      const processes = await container.processes();
      expect(processes[0]?.command).toMatch(/^dumb-init /);
      for (const p of processes) expect(p.uid, `uid of ${p.command}`).toBe(1000);
      expect(processes.some((p) => c.command.test(p.command)), processes.map((p) => p.command).join(' | ')).toBe(true);
    });

    it('3. docker stop during GET /slow?ms=3000: the request gets 200 and the container exits 0 within the grace period', async () => {
      if (!container) throw new Error('no running container (see test 2)');
      const result = await stopDuringSlowRequest(container, app.port, 3000);
      expect(result.status, result.body).toBe(200);
      expect(result.body).toContain('slow done');
      expect(result.requestSeconds).toBeGreaterThanOrEqual(2.9);
      expect(result.stop.exitCode, await container.logs()).toBe(0);
      expect(result.stop.seconds).toBeLessThan(10);
    });

    const nodeModulesTitle = { production: 'production node_modules', traced: 'no full node_modules (only the traced packages)', empty: 'an empty production node_modules', none: 'no node_modules' }[c.nodeModules];
    it(`4. holds no devDependencies, .npmrc, .env or .git, and ${nodeModulesTitle}`, async () => {
      app.requireImage();
      const devDependencies = Object.keys((JSON.parse(readFileSync(path.join(app.ws.dir, 'package.json'), 'utf8')) as { devDependencies?: object }).devDependencies ?? {});
      const contents = await inspectImageContents(rig.docker, image, devDependencies, c.writable);
      expect(contents.appFilesSeen).toBeGreaterThan(3);
      const lock = JSON.parse(readFileSync(path.join(app.ws.dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { devOptional?: boolean }> };
      for (const name of c.devOptionalKept ?? []) expect(lock.packages[`node_modules/${name}`]?.devOptional, `${name} is devOptional in the lockfile`).toBe(true);
      expect(contents.devDependencies).toEqual((c.devOptionalKept ?? []).map((name) => `node_modules/${name}`));
      expect(contents.forbiddenFiles).toEqual([]);
      expect(contents.writableByApp).toEqual([]);
      // npm ci writes node_modules/.package-lock.json for a full install; Next's traced standalone copy has none.
      const probe = await rig.docker.out(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', 'if [ -d node_modules ]; then echo "dir $(ls -A node_modules | wc -l)"; fi; if [ -e node_modules/.package-lock.json ]; then echo full; fi']);
      const expected = { production: /^dir [1-9]\d*\nfull$/, traced: /^dir [1-9]\d*$/, empty: /^dir 0$/, none: /^$/ }[c.nodeModules];
      expect(probe).toMatch(expected);
    });

    it('5. after a source-only change, the rebuild reuses the dependency install layers (CACHED)', async () => {
      app.requireImage();
      const note = `e2e source-only change ${Date.now()}`;
      appendFileSync(path.join(app.ws.dir, c.sourceFile), /\.(vue|svelte|astro)$/.test(c.sourceFile) ? `\n<!-- ${note} -->\n` : `\n// ${note}\n`);
      const result = await rig.docker.build({ context: app.ws.dir, tag: image });
      const steps = parseBuildSteps(result.log);
      const installs = installSteps(steps);
      expect(installs.length, `install steps in:\n${result.log}`).toBeGreaterThan(0);
      for (const step of installs) expect(step.cached, `${step.name} should be CACHED`).toBe(true);
      expect(steps.some((s) => /^\[[^\]]+\] COPY \. /.test(s.name) && !s.cached)).toBe(true);
      console.log(`[e2e] ${c.title}: rebuild after a source change ${result.seconds.toFixed(1)} s`);
    });
  });
});
