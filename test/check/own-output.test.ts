// Our own output passes our own audit: every fixture the end-to-end suite builds (plain apps,
// framework scaffolds, workspace packages), generated with the flags its case uses, then
// `check --fail-on info` over what was written. A finding here (no-healthcheck was one, for every
// framework app and every app without a detected health route) is a defect in the generator.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES } from '../e2e/cases.js';
import { FRAMEWORK_CASES } from '../e2e/framework-cases.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const SETUPS: { title: string; fixture: string; flags: string[]; prepare?: (dir: string) => void; packageDir?: string; checkTarget?: string; allowed?: string[] }[] = [
  // --allow-no-lockfile is the user accepting `npm install`: check says so, and that is the only finding.
  ...CASES.map((c) => ({ title: c.title, fixture: c.fixture, flags: c.flags, ...(c.fixture === 'no-lockfile' ? { allowed: ['npm-install-not-ci'] } : {}) })),
  ...FRAMEWORK_CASES.map((c) => ({ title: c.title, fixture: c.fixture, flags: [], ...(c.prepare ? { prepare: c.prepare } : {}) })),
  // No health route anywhere: the HEALTHCHECK checks that / answers HTTP at all.
  { title: 'verify-no-shutdown: a node:http app with no health route', fixture: 'verify-no-shutdown', flags: [] },
  // A workspace package: check runs in the package, where the Dockerfile is; the .dockerignore is at
  // the workspace root, the build context its compose.yaml names, and check reads it there.
  ...['workspace-npm', 'workspace-pnpm', 'workspace-yarn', 'workspace-next-pnpm', 'workspace-nest-npm'].map((fixture) => ({ title: `${fixture}: its app`, fixture, flags: [], packageDir: fixture === 'workspace-next-pnpm' ? 'apps/web' : 'apps/api' })),
  // --dockerfile docker/Dockerfile: compose.yaml stays in the package, one level above the Dockerfile
  // it names; check on the Dockerfile finds it there, and through it the root .dockerignore.
  { title: 'workspace-npm: --dockerfile docker/Dockerfile, checked by its path', fixture: 'workspace-npm', flags: ['--dockerfile', 'docker/Dockerfile'], packageDir: 'apps/api', checkTarget: 'docker/Dockerfile' },
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

describe('check --fail-on info finds nothing in what we generate', () => {
  it.each(SETUPS)('$title', async (setup) => {
    const { dir: root, cleanup } = await copyFixture(setup.fixture);
    cleanups.push(cleanup);
    setup.prepare?.(root);
    const dir = setup.packageDir ? path.join(root, setup.packageDir) : root;
    const generated = await runInProcess(['--yes', '--json', ...setup.flags], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    const checked = await runInProcess(['check', ...(setup.checkTarget ? [setup.checkTarget] : []), '--json', '--fail-on', 'info'], { cwd: dir });
    if (setup.checkTarget) {
      // The files the audit read: the Dockerfile, the workspace root's .dockerignore, the package's compose.yaml.
      const human = await runInProcess(['check', setup.checkTarget, '--fail-on', 'info'], { cwd: dir });
      expect(human.stderr).toContain(`No findings in ${setup.checkTarget}, ${path.join(root, '.dockerignore')}, compose.yaml.`);
    }
    const findings = (JSON.parse(checked.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(findings, checked.stderr).toEqual(setup.allowed ?? []);
  });
});
