// Framework recipes inside workspaces, in-process on temp copies of the fixtures: the recipe plans
// the package, the workspace transform re-roots it, and the one Dockerfile template renders it. The
// engine proof is test/e2e/workspace-framework-images.test.ts; this pins the shape and the refusals.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function generateIn(fixture: string, pkg: string, edit?: (dir: string) => Promise<void>) {
  const copy = await copyFixture(fixture);
  cleanups.push(copy.cleanup);
  await edit?.(copy.dir);
  const result = await runInProcess(['--yes', '--offline', '--json'], { cwd: path.join(copy.dir, pkg) });
  const dockerfile = result.code === 0 ? await readText(copy.dir, `${pkg}/Dockerfile`) : '';
  // Instructions without comments, continuations joined.
  const lines = dockerfile.replace(/\\\n\s*/g, '').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return { result, lines, dir: copy.dir };
}

const stage = (lines: string[], name: string) => {
  const start = lines.findIndex((l) => l.endsWith(` AS ${name}`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('FROM '));
  return lines.slice(start, end === -1 ? undefined : end);
};

describe('Next.js in a pnpm workspace (apps/web + packages/ui through transpilePackages)', () => {
  test('next start: ui copied before the deploy, the app built in its own directory, the runtime in /app/apps/web', async () => {
    const { result, lines } = await generateIn('workspace-next-pnpm', 'apps/web');
    expect(result.code, result.stderr).toBe(0);
    const build = stage(lines, 'build');
    const at = (line: string) => build.indexOf(line);
    expect(at('COPY packages/ui packages/ui')).toBeGreaterThan(build.findIndex((l) => l.includes('pnpm install --frozen-lockfile --filter "web..."')));
    expect(at('RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm deploy --legacy --prod --filter web /out')).toBeGreaterThan(at('COPY packages/ui packages/ui'));
    expect(build.slice(at('COPY apps/web apps/web'))).toEqual(['COPY apps/web apps/web', 'WORKDIR /app/apps/web', 'RUN pnpm run build', 'RUN rm -rf .next/cache', expect.stringMatching(/^RUN test -f \/out\/node_modules\/next\/dist\/bin\/next /)]);
    expect(stage(lines, 'runtime').filter((l) => /^(COPY|WORKDIR|CMD)/.test(l))).toEqual([
      'COPY --from=build /out/node_modules ./apps/web/node_modules',
      'COPY --from=build /app/apps/web/.next ./apps/web/.next',
      'COPY apps/web/package.json ./apps/web/package.json',
      'COPY apps/web/next.config.js ./apps/web/next.config.js',
      'COPY apps/web/graceful-shutdown.cjs ./apps/web/graceful-shutdown.cjs',
      'WORKDIR /app/apps/web',
      'CMD ["dumb-init","node","--require","./graceful-shutdown.cjs","node_modules/next/dist/bin/next","start"]',
    ]);
    // A Turborepo (turbo.json, turbo in the lockfile): the whole context goes into the prune stage only,
    // and the install takes turbo prune's manifests of the closure, so apps/other is named nowhere.
    expect(lines.filter((l) => l.includes('apps/other'))).toEqual([]);
    expect(stage(lines, 'prune')).toEqual(['FROM base AS prune', 'ENV TURBO_TELEMETRY_DISABLED=1', 'RUN --mount=type=cache,target=/root/.npm npm install -g turbo@2.11.13', 'COPY . .', 'RUN turbo prune web --docker --out-dir /prune']);
    expect(build.slice(1, 3)).toEqual(['ENV NEXT_TELEMETRY_DISABLED=1', 'COPY --from=prune /prune/json/ ./']);
    expect(lines.filter((l) => l === 'COPY . .')).toHaveLength(1);
  });

  test('standalone: the traced tree mirrors the workspace root, so server.js is checked at standalone/apps/web/server.js', async () => {
    const { result, lines } = await generateIn('workspace-next-pnpm', 'apps/web', async (dir) => {
      const file = path.join(dir, 'apps/web/next.config.js');
      await writeFile(file, (await readFile(file, 'utf8')).replace('const nextConfig = {', 'const nextConfig = {\n  output: "standalone",'));
    });
    expect(result.code, result.stderr).toBe(0);
    expect(lines.join('\n')).not.toContain('pnpm deploy');
    expect(stage(lines, 'build')).toContainEqual(expect.stringMatching(/^RUN test -f \/app\/apps\/web\/\.next\/standalone\/apps\/web\/server\.js /));
    expect(stage(lines, 'runtime').filter((l) => /^(COPY|WORKDIR|CMD)/.test(l))).toEqual([
      'COPY --from=build /app/apps/web/.next/standalone .',
      'COPY --from=build /app/apps/web/.next/static ./apps/web/.next/static',
      'COPY apps/web/graceful-shutdown.cjs ./apps/web/graceful-shutdown.cjs',
      'WORKDIR /app/apps/web',
      'CMD ["dumb-init","node","--require","./graceful-shutdown.cjs","server.js"]',
    ]);
  });
});

describe('Nest in an npm workspace (apps/api + packages/greeting, built first)', () => {
  test('greeting is built before the app; the runtime holds the deps stage (fed by turbo prune), greeting from the build and dist', async () => {
    const { result, lines } = await generateIn('workspace-nest-npm', 'apps/api');
    expect(result.code, result.stderr).toBe(0);
    const deps = stage(lines, 'deps');
    expect(deps).toContainEqual(expect.stringMatching(/npm ci --omit=dev --workspace apps\/api --no-audit --no-fund/));
    // A Turborepo npm workspace: the deps stage starts from turbo prune's json/, so apps/other never reaches it (nothing to rm).
    expect(deps[1]).toBe('COPY --from=prune /prune/json/ ./');
    expect(lines.filter((l) => l.includes('apps/other'))).toEqual([]);
    const build = stage(lines, 'build');
    expect(build.slice(build.indexOf('COPY packages/greeting packages/greeting'))).toEqual([
      'COPY packages/greeting packages/greeting',
      'RUN npm run build --workspace packages/greeting && rm -rf packages/greeting/node_modules',
      'COPY apps/api apps/api',
      'WORKDIR /app/apps/api',
      'RUN npm run build',
      expect.stringMatching(/^RUN test -f \/app\/apps\/api\/dist\/main\.js /),
    ]);
    const runtime = stage(lines, 'runtime').filter((l) => /^(COPY|WORKDIR|CMD)/.test(l));
    expect(runtime.slice(0, 2)).toEqual(['COPY --from=deps /app .', 'COPY --from=build /app/packages/greeting ./packages/greeting']);
    expect(runtime).toContain('COPY --from=build /app/apps/api/dist ./apps/api/dist');
    expect(runtime.at(-2)).toBe('WORKDIR /app/apps/api');
  });
});

describe('refused inside a workspace, in one line (exit 2)', () => {
  test('Next start in an npm workspace: the next binary may be hoisted to the root node_modules', async () => {
    const { result } = await generateIn('workspace-nest-npm', 'apps/api', async (dir) => {
      const file = path.join(dir, 'apps/api/package.json');
      const pkg = JSON.parse(await readFile(file, 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
      pkg.dependencies = { next: '16.4.3' };
      pkg.scripts = { build: 'next build', start: 'next start' };
      await writeFile(file, JSON.stringify(pkg));
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/inside a npm workspace runs node_modules\/next\/dist\/bin\/next, which the workspace install may hoist/);
  });
});
