// The peer's real output fails `check`: @flydotio/dockerfile (from the npm registry) generates a
// Dockerfile for temp copies of our fixtures, and check names what it gets wrong, at its lines.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeLineStatus } from '../../src/core/node-schedule.js';
import { installedTool } from '../e2e/rig/npm-package.js';
import { copyFixture, runInProcess } from '../support/cli-harness.js';
import { CHECK_DATE } from '../support/dockerfile-rules.js';

const FLY = '@flydotio/dockerfile@0.7.10';
const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

/** 1-based line of the first line matching. */
function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  expect(index, `no line matches ${pattern}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('check on @flydotio/dockerfile output', () => {
  it.each(['express-cjs', 'typescript-build'])('%s', async (fixture) => {
    const prefix = await installedTool(FLY);
    const { dir, cleanup } = await copyFixture(fixture);
    cleanups.push(cleanup);
    // fly writes NODE_VERSION from the Node that runs it: this test's.
    execFileSync(process.execPath, [path.join(prefix, 'node_modules/@flydotio/dockerfile/index.js'), '--force'], { cwd: dir, stdio: 'ignore', timeout: 60_000 });
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    const result = await runInProcess(['check', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as { findings: { rule: string; file: string; line: number }[] }).findings.map((f) => `${f.file}:${f.line} ${f.rule}`);

    const from = lineOf(dockerfile, /^FROM node:/);
    const finalFrom = dockerfile.split('\n').reduce((last, line, i) => (/^FROM /.test(line) ? i + 1 : last), 0);
    const cmd = lineOf(dockerfile, /^CMD /);
    const expected = [
      `Dockerfile:${from} pinned-from`, // FROM node:${NODE_VERSION}-slim: a moving tag, no digest
      `Dockerfile:${finalFrom} non-root-user`,
      `Dockerfile:${finalFrom} no-healthcheck`,
      `Dockerfile:${cmd} init-pid1`,
      `Dockerfile:${cmd} start-via-package-manager`, // CMD [ "npm", "run", "start" ]
      `Dockerfile:${lineOf(dockerfile, /apt-get install/) - 1} apt-get-install`, // lists not removed
      '.dockerignore:1 dockerignore-lets-in', // .npmrc is not ignored
    ];
    const major = Number(process.versions.node.split('.')[0]);
    if (nodeLineStatus(major, CHECK_DATE).status === 'eol') expected.push(`Dockerfile:${from} node-eol`);
    expect(found).toEqual(expect.arrayContaining(expected));
  }, 300_000);

  it('copy-full-install: fly copies the whole build stage to the final stage; fine after its npm prune --omit=dev, caught without it', async () => {
    const prefix = await installedTool(FLY);
    const { dir, cleanup } = await copyFixture('typescript-build');
    cleanups.push(cleanup);
    execFileSync(process.execPath, [path.join(prefix, 'node_modules/@flydotio/dockerfile/index.js'), '--force'], { cwd: dir, stdio: 'ignore', timeout: 60_000 });
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^COPY --from=build \/app \/app$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --include=dev$/m);
    const rulesOf = async () => (JSON.parse((await runInProcess(['check', '--json'], { cwd: dir })).stdout) as { findings: { rule: string; line: number }[] }).findings.filter((f) => f.rule === 'copy-full-install');
    expect(await rulesOf()).toEqual([]);
    // The same Dockerfile without fly's prune: the typescript devDependency ships.
    await writeFile(path.join(dir, 'Dockerfile'), dockerfile.replace(/^RUN npm prune --omit=dev\n/m, ''));
    const withoutPrune = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(await rulesOf()).toEqual([expect.objectContaining({ line: lineOf(withoutPrune, /^COPY --from=build \/app \/app$/) })]);
  }, 300_000);
});
