// Golden files: every fixture app generated with the flags a script would use; each file is
// compared with its snapshot under test/golden/__snapshots__/<case>/, and every Dockerfile must
// pass the rule checker. Update snapshots deliberately with `npx vitest run -u test/golden`.
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownModuleSource, type ShutdownFlavor } from '../../src/shutdown/module.js';
import { checkDockerfile } from '../support/dockerfile-rules.js';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';

const CASES: { name: string; fixture: string; flags: string[] }[] = [
  { name: 'express-cjs', fixture: 'express-cjs', flags: [] },
  { name: 'fastify-esm', fixture: 'fastify-esm', flags: [] },
  { name: 'typescript-build', fixture: 'typescript-build', flags: [] },
  { name: 'native-module', fixture: 'native-module', flags: [] },
  { name: 'pnpm-app', fixture: 'pnpm-app', flags: [] },
  { name: 'yarn-app', fixture: 'yarn-app', flags: [] },
  { name: 'yarn-berry-app', fixture: 'yarn-berry-app', flags: [] },
  { name: 'private-registry', fixture: 'private-registry', flags: [] },
  { name: 'worker', fixture: 'worker', flags: [] },
  { name: 'no-lockfile', fixture: 'no-lockfile', flags: ['--allow-no-lockfile'] },
  { name: 'existing-files', fixture: 'existing-files', flags: ['--force'] },
  { name: 'express-slim', fixture: 'express-cjs', flags: ['--base', 'slim'] },
  { name: 'express-writable-dirs', fixture: 'express-cjs', flags: ['--writable-dir', 'uploads', '--writable-dir', 'data/cache'] },
  { name: 'express-distroless', fixture: 'express-cjs', flags: ['--base', 'distroless', '--writable-dir', 'uploads'] },
  { name: 'native-distroless', fixture: 'native-module', flags: ['--base', 'distroless'] },
  { name: 'express-dhi', fixture: 'express-cjs', flags: ['--base', 'dhi', '--writable-dir', 'uploads'] },
  { name: 'native-dhi', fixture: 'native-module', flags: ['--base', 'dhi'] },
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** The flavour a graceful-shutdown file must have: from its extension, and for .js the package type. */
async function flavourOf(dir: string, file: string): Promise<ShutdownFlavor> {
  if (file.endsWith('.ts')) return 'ts';
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  const pkg = JSON.parse(await readText(dir, 'package.json')) as { type?: string };
  return pkg.type === 'module' ? 'esm' : 'cjs';
}

describe('golden files', () => {
  it.each(['cjs', 'esm', 'ts', 'preload'] as const)('graceful-shutdown module, %s flavour', async (flavour) => {
    await expect(shutdownModuleSource(flavour)).toMatchFileSnapshot(`__snapshots__/graceful-shutdown/${flavour}.${{ ts: 'ts', preload: 'cjs' }[flavour as string] ?? 'js'}`);
  });

  for (const c of CASES) {
    it(`${c.name}: ${['--yes', ...c.flags].join(' ')}`, async () => {
      const { dir, cleanup } = await copyFixture(c.fixture);
      cleanups.push(cleanup);
      const result = await runInProcess(['--yes', '--json', ...c.flags], { cwd: dir });
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { files: { path: string; action: string }[]; recipe: { shutdown: string } };
      expect(report.files.length).toBe(5);
      for (const file of report.files) {
        const text = await readText(dir, file.path);
        if (/graceful-shutdown\.\w+$/.test(file.path)) {
          // The module depends only on its flavour, which is snapshotted once below.
          expect(text, file.path).toBe(shutdownModuleSource(report.recipe.shutdown === 'preload' ? 'preload' : await flavourOf(dir, file.path)));
          continue;
        }
        await expect(text).toMatchFileSnapshot(`__snapshots__/${c.name}/${file.path.replaceAll('/', '__')}`);
      }
      // Without a lockfile `npm ci` cannot run; the user accepted that with --allow-no-lockfile and check says so.
      // Every other generated setup passes check with no finding at all (--base slim's final stage runs the
      // start-file check in its shell, so the shell-less recommendation does not apply to it).
      const expected = c.name === 'no-lockfile' ? [{ rule: 'npm-install-not-ci', file: 'Dockerfile' }] : [];
      const dockerfile = await readText(dir, 'Dockerfile');
      expect(checkDockerfile(dockerfile).map((v) => v.rule)).toEqual(expected.map((e) => e.rule));
      // The `check` command over the whole generated setup (Dockerfile, .dockerignore, compose.yaml).
      const checked = await runInProcess(['check', '--json', '--fail-on', 'info'], { cwd: dir });
      const findings = (JSON.parse(checked.stdout) as { findings: { rule: string; file: string }[] }).findings;
      expect(findings.map(({ rule, file }) => ({ rule, file })), checked.stderr).toEqual(expected);
      expect(checked.code).toBe(expected.length > 0 ? 1 : 0);
    });
  }
});
