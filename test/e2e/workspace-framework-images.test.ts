// End-to-end proof for framework apps inside workspaces (issue 17): the CLI runs in the app's package
// directory with `--yes` only, and the Dockerfile it writes there (the recipe's plan re-rooted by the
// workspace transform) is built unchanged from the workspace root in the rig's engine, then run under
// the compose hardening. Per case: the clean build, serving as uid 1000, a drained in-flight request
// on `docker stop` (200, exit 0), and an image that holds no other workspace package and no
// devDependency. Run: `sudo E2E=1 npx vitest run --config vitest.e2e.config.ts test/e2e/workspace-framework-images.test.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildSteps } from './rig/build-log.js';
import { httpGet, runContainer, stopDuringSlowRequest, type Container } from './rig/container.js';
import { waitFor } from './rig/exec.js';
import { generate } from './rig/generate.js';
import { standInForTag } from './rig/stand-in-images.js';
import { useImageCase } from './rig/use-image-case.js';
import { useRig } from './rig/use-rig.js';

const E2E = process.env.E2E === '1';

interface WorkspaceFrameworkCase {
  title: string;
  /** test/fixtures/<fixture>: a workspace root. */
  fixture: string;
  /** The package the CLI runs in, relative to the root. */
  packageDir: string;
  /** Changes the temp copy before generation (one Next fixture serves both modes). */
  prepare?: (dir: string) => void;
  /** What the running node process's command line must end with. */
  command: RegExp;
  /** Paths under the package the plan makes writable: a tmpfs each, as in compose. */
  writable: string[];
  /** GET / must answer 200 with a body holding this (proof the workspace package was compiled in). */
  page: string;
  /** `find /app` tests that must match nothing: other workspace packages, their deps, devDependencies. */
  foreign: string[];
}

/** Next's standalone output in a workspace, as the Turborepo with-docker example configures it. */
function nextStandalone(dir: string): void {
  const file = path.join(dir, 'apps/web/next.config.js');
  const before = readFileSync(file, 'utf8');
  const opening = 'const nextConfig = {';
  if (!before.includes(opening) || /\boutput\s*:/.test(before)) throw new Error(`${file} is not the workspace-next-pnpm fixture's config`);
  writeFileSync(file, `const path = require("node:path");\n${before.replace(opening, `${opening}\n  output: "standalone",\n  outputFileTracingRoot: path.join(__dirname, "../../"),`)}`);
}

/** No other app, none of its dependencies, no devDependency of web or ui, in any node_modules layout (pnpm's .pnpm too). */
// turbo: both fixtures are Turborepos, turbo a root devDependency that only the prune stage installs.
const NEXT_FOREIGN = ['-path /app/apps/other', '-path "*/node_modules/kleur"', '-name "kleur@*"', '-path "*/node_modules/typescript"', '-name "typescript@*"', '-path "*/node_modules/@types"', '-name "@types+*"', '-path "*/node_modules/turbo"', '-name "turbo@*"'];
/**
 * The same for `next start`, with ONE RECORDED EXCEPTION, not hidden: pnpm resolves sharp's optional
 * peer `@types/node` from web's devDependencies into the lockfile (`sharp@0.35.6_@types+node@20.19.43`),
 * and `pnpm deploy --prod` installs that snapshot, so @types/node (type declarations, no code) ships.
 * Any other @types package, typescript or a foreign package still fails.
 */
const NEXT_START_FOREIGN = [
  ...NEXT_FOREIGN.filter((t) => !t.includes('@types')),
  '\\( -path "*/node_modules/@types/*" ! -path "*/node_modules/@types/node" ! -path "*/node_modules/@types/node/*" \\)',
  '\\( -name "@types+*" ! -name "@types+node@*" \\)',
];

const CASES: readonly WorkspaceFrameworkCase[] = [
  {
    title: 'workspace-next-pnpm: apps/web (Next.js 16, next start) with packages/ui through transpilePackages',
    fixture: 'workspace-next-pnpm',
    packageDir: 'apps/web',
    command: /node --require \.\/graceful-shutdown\.cjs node_modules\/next\/dist\/bin\/next start$/,
    writable: ['.next/cache'],
    page: 'hello from @repo/ui to web',
    foreign: NEXT_START_FOREIGN,
  },
  {
    title: 'workspace-next-pnpm: apps/web with output "standalone" traced from the workspace root (outputFileTracingRoot)',
    fixture: 'workspace-next-pnpm',
    packageDir: 'apps/web',
    prepare: nextStandalone,
    command: /node --require \.\/graceful-shutdown\.cjs server\.js$/,
    writable: ['.next/cache'],
    page: 'hello from @repo/ui to web',
    foreign: NEXT_FOREIGN,
  },
  {
    title: 'workspace-nest-npm: apps/api (Nest 12, nest build) with packages/greeting built first',
    fixture: 'workspace-nest-npm',
    packageDir: 'apps/api',
    command: /node --require \.\/graceful-shutdown\.cjs dist\/main\.js$/,
    writable: [],
    page: 'hello from @repo/greeting to api',
    foreign: ['-path /app/apps/other', '-path "*/node_modules/kleur"', '-path "*/node_modules/typescript"', '-path "*/node_modules/@types"', '-path "*/node_modules/@nestjs/cli"', '-path "*/node_modules/@nestjs/schematics"', '-path "*/node_modules/turbo"'],
  },
];

describe.skipIf(!E2E)('framework apps inside workspaces, built from the workspace root in a real Docker engine', () => {
  const rig = useRig();

  describe.each(CASES)('$title', (c) => {
    let container: Container | undefined;
    const image = `e2e/${c.fixture}${c.prepare ? '-prepared' : ''}:test`;
    const app = useImageCase(rig, {
      fixture: c.fixture,
      image,
      prepare: c.prepare,
      setUp: async ({ ws }) => {
        const packageDir = path.join(ws.dir, c.packageDir);
        const report = (await generate(packageDir, rig.registry.url)) as { image: { digest: string }; build: { context: string; dockerfile: string } };
        expect(path.resolve(process.cwd(), report.build.context)).toBe(ws.dir);
        const tag = /^FROM node:([^@\s]+)@/m.exec(readFileSync(path.join(packageDir, 'Dockerfile'), 'utf8'))?.[1];
        const standIn = tag ? standInForTag(rig.standIns, tag) : undefined;
        if (!standIn) throw new Error(`the generated Dockerfile names node:${tag}, which the rig does not stand in for`);
        if (report.image.digest !== standIn.digest) await generate(packageDir, rig.registry.url, ['--force', '--digest', standIn.digest]);
      },
    });
    const pkg = () => path.join(app.ws.dir, c.packageDir);

    it('1. builds unchanged from the workspace root with -f <package>/Dockerfile', async () => {
      const result = await rig.docker.build({ context: app.ws.dir, dockerfile: path.join(pkg(), 'Dockerfile'), tag: image });
      expect(parseBuildSteps(result.log).some((st) => /^\[[^\]]+\] RUN\b/.test(st.name))).toBe(true);
      console.log(`[e2e] ${c.title}: build ${result.seconds.toFixed(1)} s, image ${((await rig.docker.imageSize(image)) / 1e6).toFixed(0)} MB`);
      app.markBuilt();
    });

    it('2. serves the page with the workspace package compiled in, as uid 1000 under the hardening flags', async () => {
      app.requireImage();
      container = app.track(await runContainer(rig.docker, image, { hardened: true, env: { PORT: String(app.port) }, tmpfs: c.writable.map((p) => `/app/${c.packageDir}/${p}:uid=1000,gid=1000`) }));
      expect(await container.inspect('{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}} {{.Config.User}} {{.Config.WorkingDir}}')).toBe(`true [ALL] [no-new-privileges] 1000:1000 /app/${c.packageDir}`);
      const health = await waitFor('GET /health', () => httpGet(`http://127.0.0.1:${app.port}/health`), 60_000);
      expect(health.status).toBe(200);
      const page = await httpGet(`http://127.0.0.1:${app.port}/`);
      expect(page?.status).toBe(200);
      expect(page?.body).toContain(c.page);
      await container.waitHealthy();
      const processes = await container.processes();
      expect(processes[0]?.command).toMatch(/^dumb-init /);
      for (const p of processes) expect(p.uid, `uid of ${p.command}`).toBe(1000);
      expect(processes.some((p) => c.command.test(p.command)), processes.map((p) => p.command).join(' | ')).toBe(true);
    });

    it('3. docker stop during GET /slow?ms=3000: the request gets 200 and the container exits 0', async () => {
      if (!container) throw new Error('no running container (see test 2)');
      const result = await stopDuringSlowRequest(container, app.port, 3000);
      expect(result.status, result.body).toBe(200);
      expect(result.requestSeconds).toBeGreaterThanOrEqual(2.9);
      expect(result.stop.exitCode, await container.logs()).toBe(0);
      expect(result.stop.seconds).toBeLessThan(10);
    });

    it('4. holds no other workspace package, none of its dependencies, no devDependency, no .env or .npmrc', async () => {
      app.requireImage();
      const tests = [...c.foreign, '-name .env', '-name .npmrc'].join(' -o ');
      const find = await rig.docker.out(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', `find /app \\( ${tests} \\) -print; echo "files: $(find /app | wc -l)"`]);
      expect(find.replace(/^files: \d+$/m, '').trim()).toBe('');
      // The check looked at a real tree.
      expect(Number(/^files: (\d+)$/m.exec(find)?.[1])).toBeGreaterThan(100);
    });
  });
});
