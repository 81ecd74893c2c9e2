// Rendering for a workspace package, from the real workspace fixtures through detection and
// options: what goes in before the install, the install command per manager, the build order, what
// the runtime stage copies, and where each file is written. The e2e suite builds these for real
// (test/e2e/workspace-images.test.ts); this pins the shape and the refusals.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import { detectProject } from '../../src/detect/index.js';
import type { WorkspaceFact } from '../../src/detect/workspace.js';
import { UsageError } from '../../src/errors.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { recipePlan } from '../../src/options/recipe-plan.js';
import { workspaceOptions } from '../../src/options/workspace.js';
import { renderFiles } from '../../src/render/index.js';
import { nodeProjectFs } from '../../src/core/project-fs.js';
import { FIXED_IMAGE } from '../support/images.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

async function render(fixture: string, extra: string[] = []) {
  const dir = path.join(FIXTURES, fixture, 'apps/api');
  const facts = await detectProject(nodeProjectFs(dir), { dirSegments: dir.split(path.sep).filter(Boolean) });
  const parsed = parseArgs(['--yes', ...extra], { version: '0', width: 100 });
  if (parsed.kind !== 'run') throw new Error('expected a run');
  const { plan } = await recipePlan(parsed.flags, facts, {}, nodeProjectFs(dir));
  const options = resolveOptions(parsed.flags, facts, {}, plan);
  const result = renderFiles({ options, image: FIXED_IMAGE, generatorVersion: '1.2.3', projectName: facts.name ?? 'api', plan });
  const file = (p: string) => result.files.find((f) => f.path === p)?.content ?? '';
  return { facts, result, file, dockerfile: file('apps/api/Dockerfile') };
}

/** Dockerfile instructions without comments, one per line (continuations joined). */
const instructions = (text: string) => text.replace(/\\\n\s*/g, '').split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('workspace rendering from the fixtures', () => {
  test('files are planned from the workspace root: the package files in apps/api, .dockerignore at the root', async () => {
    const { result } = await render('workspace-npm');
    expect(result.files.map((f) => f.path)).toEqual(['apps/api/Dockerfile', '.dockerignore', 'apps/api/compose.yaml', 'apps/api/README.Docker.md', 'apps/api/graceful-shutdown.cjs']);
  });

  test.each(['distroless', 'dhi'])('--base %s for a workspace package: refused in one line (the shell-less final stage is not taught workspaces yet)', async (base) => {
    await expect(render('workspace-npm', ['--base', base])).rejects.toThrow(new UsageError(`--base ${base} is not supported for a workspace package yet: use --base alpine or slim`));
  });

  test('detection: the root lockfile and no "workspaces are not supported" warning', async () => {
    const { facts } = await render('workspace-yarn');
    expect(facts.packageManager).toEqual({ name: 'yarn', version: '4.9.2', lockfile: 'yarn.lock', yarnBerry: true });
    expect(facts.warnings).toEqual([]);
  });

  test('npm: every manifest before the install, npm ci --workspace, other packages pruned, runtime from the root layout', async () => {
    const lines = instructions((await render('workspace-npm')).dockerfile);
    const install = lines.findIndex((l) => l.includes('npm ci --omit=dev --workspace apps/api'));
    expect(install).toBeGreaterThan(0);
    for (const manifest of ['COPY package.json package-lock.json ./', 'COPY apps/api/package.json apps/api/', 'COPY apps/other/package.json apps/other/', 'COPY packages/shared/package.json packages/shared/']) {
      expect(lines.indexOf(manifest), manifest).toBeGreaterThan(-1);
      expect(lines.indexOf(manifest)).toBeLessThan(install);
    }
    expect(lines).toContain('RUN rm -rf apps/other');
    const runtime = lines.slice(lines.findIndex((l) => l.endsWith('AS runtime')));
    expect(runtime.filter((l) => l.startsWith('COPY') || l.startsWith('WORKDIR'))).toEqual(['COPY --from=deps /app .', 'COPY packages/shared ./packages/shared', 'COPY apps/api ./apps/api', 'WORKDIR /app/apps/api']);
    expect(lines.join('\n')).not.toMatch(/COPY \. /);
  });

  test('pnpm: shared is built first, then deployed with --legacy before the api sources go in', async () => {
    const lines = instructions((await render('workspace-pnpm')).dockerfile);
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(at('COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./')).toBeGreaterThan(-1);
    expect(at('pnpm install --frozen-lockfile --filter "@fixture-pnpm/api..."')).toBeGreaterThan(at('COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./'));
    expect(at('COPY packages/shared packages/shared')).toBeGreaterThan(at('pnpm install'));
    expect(at('pnpm --filter @fixture-pnpm/shared run build')).toBeGreaterThan(at('COPY packages/shared packages/shared'));
    expect(at('pnpm deploy --legacy --prod --filter @fixture-pnpm/api /out')).toBeGreaterThan(at('run build'));
    const runtime = lines.slice(at('AS runtime'));
    expect(runtime.filter((l) => l.startsWith('COPY'))).toEqual(['COPY --from=build /out/node_modules ./apps/api/node_modules', 'COPY apps/api ./apps/api']);
  });

  test('turbo.json and turbo pinned in the pnpm lockfile: a prune stage at that version feeds the install its pruned json/', async () => {
    const { dockerfile, result } = await render('workspace-turbo-pnpm');
    const lines = instructions(dockerfile);
    const stage = (name: string) => lines.slice(lines.findIndex((l) => l.endsWith(`AS ${name}`)) + 1, lines.findIndex((l, i) => i > lines.findIndex((m) => m.endsWith(`AS ${name}`)) && l.startsWith('FROM ')));
    expect(stage('prune')).toEqual([
      'ENV TURBO_TELEMETRY_DISABLED=1',
      'RUN --mount=type=cache,target=/root/.npm npm install -g turbo@2.11.13',
      'COPY . .',
      'RUN turbo prune @fixture-pnpm/api --docker --out-dir /prune',
    ]);
    const build = stage('build');
    // Nothing of the context's manifests or lockfile: they would make every package's change rerun the install.
    // patches/ (ms is patched at the root) still comes from the context; turbo's json/ has the pruned pnpm-workspace.yaml naming it.
    expect(build.slice(0, 3)).toEqual(['COPY --from=prune /prune/json/ ./', 'COPY patches ./patches', 'RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install --frozen-lockfile --filter "@fixture-pnpm/api..."']);
    expect(build.filter((l) => /package\.json|pnpm-lock|pnpm-workspace/.test(l))).toEqual([]);
    // The prune stage is never copied from by the runtime.
    expect(lines.slice(lines.findIndex((l) => l.endsWith('AS runtime'))).some((l) => l.includes('--from=prune'))).toBe(false);
    expect(result.warnings.some((w) => w.startsWith('turbo.json and turbo 2.11.13 in the lockfile'))).toBe(true);
    // README.Docker.md says what the Dockerfile does, not what the plain workspace layout would.
    const readme = result.files.find((f) => f.path === 'apps/api/README.Docker.md')?.content ?? '';
    expect(readme).toContain('a `prune`\nstage runs `turbo prune @fixture-pnpm/api --docker --out-dir /prune`');
    expect(readme).not.toContain('copies\nevery workspace manifest');
  });

  test('yarn 4: workspaces focus on the package, production only', async () => {
    const { dockerfile } = await render('workspace-yarn');
    expect(instructions(dockerfile).some((l) => /yarn workspaces focus @fixture-yarn\/api --production/.test(l))).toBe(true);
    expect(dockerfile).toContain('COPY package.json yarn.lock .yarnrc.ym[l] ./');
  });

  test('compose and README build from the workspace root with -f', async () => {
    const { file } = await render('workspace-npm');
    expect(file('apps/api/compose.yaml')).toMatch(/build:\n\s+context: \.\.\/\.\.\n\s+dockerfile: apps\/api\/Dockerfile\n/);
    expect(file('apps/api/README.Docker.md')).toContain('cd ../.. && DOCKER_BUILDKIT=1 docker build -f apps/api/Dockerfile -t api .');
  });

  test('the root .dockerignore also drops the package\'s own Dockerfile and compose file', async () => {
    const { file } = await render('workspace-npm');
    expect(file('.dockerignore')).toMatch(/# Container files of apps\/api\napps\/api\/Dockerfile\*\napps\/api\/compose\*\.y\*ml\n/);
  });

  test('--writable-dir is under the package directory', async () => {
    expect((await render('workspace-npm', ['--writable-dir', 'uploads'])).dockerfile).toContain('RUN mkdir -p /app/apps/api/uploads && chown 1000:1000 /app/apps/api/uploads');
  });
});

describe('workspace options refuse what cannot be installed right (exit 2)', () => {
  const fact = (overrides: Partial<WorkspaceFact> = {}): WorkspaceFact => ({
    manager: 'yarn',
    root: '../..',
    declaredIn: 'package.json workspaces',
    packageDir: 'apps/api',
    packageName: 'api',
    packages: [],
    dependencies: [],
    ...overrides,
  });

  test('yarn 1 has no focus: refused, saying why', () => {
    expect(() => workspaceOptions(fact(), { name: 'yarn', yarnBerry: false })).toThrow(UsageError);
    expect(() => workspaceOptions(fact(), { name: 'yarn', yarnBerry: false })).toThrow(/yarn 1 cannot install one workspace's production dependencies only/);
  });

  test('--package-manager other than the workspace\'s', () => {
    expect(() => workspaceOptions(fact({ manager: 'pnpm', declaredIn: 'pnpm-workspace.yaml' }), { name: 'npm', yarnBerry: false })).toThrow(/is a pnpm workspace .* cannot be installed with npm/);
  });

  test.each([['apps/my api'], ['apps/$(id)'], ['apps/a\nRUN x']])('a package directory %j cannot reach a COPY line', (dir) => {
    expect(() => workspaceOptions(fact({ packageDir: dir }), { name: 'yarn', yarnBerry: true })).toThrow(/cannot be written into a Dockerfile/);
  });

  test('a package name that is not an npm name', () => {
    expect(() => workspaceOptions(fact({ packageName: 'API; rm -rf /' }), { name: 'yarn', yarnBerry: true })).toThrow(/not a valid npm package name/);
  });

  test('a turbo version that is not exact cannot reach the prune stage\'s RUN line', () => {
    const pnpm = { manager: 'pnpm', declaredIn: 'pnpm-workspace.yaml' } as const;
    expect(workspaceOptions(fact({ ...pnpm, turboVersion: '2.5.8' }), { name: 'pnpm', yarnBerry: false }).turboVersion).toBe('2.5.8');
    expect(() => workspaceOptions(fact({ ...pnpm, turboVersion: '2.5.8 && curl x | sh' }), { name: 'pnpm', yarnBerry: false })).toThrow(/turbo version "2\.5\.8 && curl x \| sh" in the lockfile is not an exact version/);
  });
});

describe('--dockerfile <path>', () => {
  test('workspace: written there, and compose, README, .dockerignore and the refresh line name it', async () => {
    const { result, file } = await render('workspace-npm', ['--dockerfile', 'docker/api.Dockerfile']);
    expect(result.files.map((f) => f.path)).toContain('apps/api/docker/api.Dockerfile');
    expect(file('apps/api/compose.yaml')).toContain('dockerfile: apps/api/docker/api.Dockerfile');
    expect(file('apps/api/README.Docker.md')).toContain('docker build -f apps/api/docker/api.Dockerfile -t api .');
    expect(file('.dockerignore')).toContain('\napps/api/docker/api.Dockerfile\n');
    expect(file('apps/api/docker/api.Dockerfile')).toMatch(/^# Regenerate: .*--dockerfile docker\/api\.Dockerfile/m);
  });

  test('a plain app: -f and compose dockerfile only when it is not ./Dockerfile', async () => {
    const plain = async (extra: string[]) => {
      const dir = path.join(FIXTURES, 'express-cjs');
      const facts = await detectProject(nodeProjectFs(dir), { dirSegments: dir.split(path.sep).filter(Boolean) });
      const parsed = parseArgs(['--yes', ...extra], { version: '0', width: 100 });
      if (parsed.kind !== 'run') throw new Error('expected a run');
      const { plan } = await recipePlan(parsed.flags, facts, {}, nodeProjectFs(dir));
      return renderFiles({ options: resolveOptions(parsed.flags, facts, {}, plan), image: FIXED_IMAGE, generatorVersion: '1', projectName: 'express-cjs', plan });
    };
    const byDefault = await plain([]);
    expect(byDefault.files.find((f) => f.path === 'compose.yaml')?.content).not.toContain('dockerfile:');
    const custom = await plain(['--dockerfile', 'ops/Dockerfile']);
    expect(custom.files.map((f) => f.path)).toContain('ops/Dockerfile');
    expect(custom.files.find((f) => f.path === 'compose.yaml')?.content).toMatch(/context: \.\n\s+dockerfile: ops\/Dockerfile\n/);
    expect(custom.files.find((f) => f.path === 'README.Docker.md')?.content).toContain('docker build -f ops/Dockerfile -t express-cjs .');
  });

  test.each([['../Dockerfile'], ['/etc/Dockerfile'], ['a b/Dockerfile']])('%j is refused with exit 2', async (value) => {
    await expect(render('workspace-npm', ['--dockerfile', value])).rejects.toThrow(UsageError);
  });
});
