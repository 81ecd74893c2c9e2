// The bundle ships templates precompiled by scripts/precompiled-templates.mjs; tests render from
// source with src/render/templates.ts. Both must produce the same bytes for the same view.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { COMPILE_OPTIONS as BUILD_OPTIONS, precompiledModule } from '../../scripts/precompiled-templates.mjs';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import { resolved } from '../support/resolve.js';
import { shutdownPlacement } from '../../src/render/shutdown-placement.js';
import { planSourceEntry } from '../../src/recipes/plan-entry.js';
import { COMPILE_OPTIONS, templates } from '../../src/render/templates.js';
import { workspaceTransform } from '../../src/render/workspace-transform.js';
import { buildView } from '../../src/render/view.js';
import type { WorkspaceFact } from '../../src/detect/workspace.js';
import { factsFor } from '../support/facts.js';
import { FIXED_IMAGE } from '../support/images.js';

const WORKSPACE: WorkspaceFact = {
  manager: 'pnpm',
  root: '../..',
  declaredIn: 'pnpm-workspace.yaml',
  packageDir: 'apps/api',
  packageName: '@demo/api',
  lockfile: 'pnpm-lock.yaml',
  packages: [
    { dir: 'apps/api', name: '@demo/api', manifest: { scripts: {}, dependencies: {}, optionalDependencies: {}, devDependencies: {} } },
    { dir: 'packages/shared', name: '@demo/shared', manifest: { scripts: { build: 'tsc' }, dependencies: {}, optionalDependencies: {}, devDependencies: {} } },
  ],
  dependencies: [{ name: '@demo/shared', dir: 'packages/shared', devOnly: false, builds: true }],
  monorepoTool: 'turbo',
};

const TMP = path.resolve(import.meta.dirname, '../../.tmp/precompiled');
afterAll(() => rm(TMP, { recursive: true, force: true }));

describe('precompiled templates', () => {
  it('use the same compile options as the source templates', () => {
    expect(BUILD_OPTIONS).toEqual(COMPILE_OPTIONS);
  });

  it('render the same files as the source templates', async () => {
    await mkdir(TMP, { recursive: true });
    const file = path.join(TMP, `templates-${process.pid}.mjs`);
    await writeFile(file, (await precompiledModule()) as string);
    const precompiled = (await import(file)) as { templates: typeof templates };

    const parsed = parseArgs(['--yes', '--native', '--writable-dir', 'uploads', '--npm-registry', 'https://npm.acme.dev/'], { version: '0', width: 100 });
    if (parsed.kind !== 'run') throw new Error('expected a run');
    const { options, plan } = await resolved(parsed.flags, factsFor({ build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' }));
    const shutdown = shutdownPlacement(planSourceEntry(plan), options.moduleSystem);
    const shared = buildView({ options, image: FIXED_IMAGE, generatorVersion: '1.2.3', projectName: 'demo', plan, planned: plan, shutdown, shutdownModulePath: shutdown.path, wiring: ['a', 'b'] });
    // A workspace package's view (the one Dockerfile template renders it too): pnpm, a workspace dependency that builds, and a build of its own.
    const ws = await resolved(parsed.flags, factsFor({ build: { script: 'build', outDir: 'dist' }, packageManager: { name: 'pnpm', version: '10.34.8', lockfile: 'pnpm-lock.yaml' }, workspace: WORKSPACE }));
    const wsOptions = ws.options;
    const wsView = buildView({ options: wsOptions, image: FIXED_IMAGE, generatorVersion: '1.2.3', projectName: 'demo', plan: workspaceTransform(ws.plan, wsOptions.workspace as NonNullable<typeof wsOptions.workspace>, wsOptions.packageManager), planned: ws.plan, shutdown, shutdownModulePath: shutdown.path, wiring: ['a', 'b'] });
    for (const [name, view] of (Object.keys(templates) as (keyof typeof templates)[]).flatMap((n) => [[n, shared], [n, wsView]] as const)) {
      const fromSource = templates[name](view);
      expect(fromSource.length).toBeGreaterThan(100);
      expect(precompiled.templates[name](view), name).toBe(fromSource);
    }
  });
});
