// Which .dockerignore `check` reads: the compose file's build context's (a workspace package builds
// from the workspace root), never a remote or absolute context, and a missing one is reported there.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBuilds } from '../../src/rules/compose-build.js';
import { runInProcess } from '../support/cli-harness.js';

describe('composeBuilds', () => {
  it('reads build: <dir> and build.context, local directories only', () => {
    const text = [
      'services:',
      '  api:',
      '    build:',
      '      context: ../..',
      '      dockerfile: apps/api/Dockerfile',
      '  worker:',
      '    build: ./worker',
      '  remote:',
      '    build: https://github.com/example/repo.git',
      '  rooted:',
      '    build: { context: /etc }',
      '  image-only:',
      '    image: redis',
    ].join('\n');
    expect(composeBuilds(text).map((b) => b.context)).toEqual(['../..', './worker']);
  });

  it('keeps each build\'s dockerfile as written (relative to the context, or absolute)', () => {
    const text = 'services:\n  api:\n    build:\n      context: ../..\n      dockerfile: apps/api/docker/Dockerfile\n  abs:\n    build:\n      context: .\n      dockerfile: /etc/passwd\n  plain:\n    build: .\n';
    expect(composeBuilds(text)).toEqual([{ context: '../..', dockerfile: 'apps/api/docker/Dockerfile' }, { context: '.', dockerfile: '/etc/passwd' }, { context: '.' }]);
  });

  it('gives none for YAML that does not parse or has no services', () => {
    expect(composeBuilds('services: [')).toEqual([]);
    expect(composeBuilds('version: "3"')).toEqual([]);
  });
});

describe('check in a workspace package', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const COMPOSE = 'services:\n  api:\n    build:\n      context: ../..\n      dockerfile: apps/api/Dockerfile\n';

  async function workspace(rootIgnore: string | undefined): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'csnd-check-ws-'));
    dirs.push(root);
    await mkdir(path.join(root, 'apps/api'), { recursive: true });
    await writeFile(path.join(root, 'apps/api/Dockerfile'), 'FROM node\nCMD ["node", "server.js"]\n');
    await writeFile(path.join(root, 'apps/api/compose.yaml'), COMPOSE);
    if (rootIgnore !== undefined) await writeFile(path.join(root, '.dockerignore'), rootIgnore);
    return path.join(root, 'apps/api');
  }

  const dockerignoreFindings = async (dir: string) => {
    const result = await runInProcess(['check', '--json', '--fail-on', 'info'], { cwd: dir });
    return (JSON.parse(result.stdout) as { findings: { rule: string; file: string }[] }).findings.filter((f) => f.rule.startsWith('dockerignore'));
  };

  it('reads the .dockerignore at the build context compose.yaml names', async () => {
    const dir = await workspace('node_modules\n.git\n.env*\n.npmrc\n*.pem\n*.key\nnpm-debug.log*\n');
    expect(await dockerignoreFindings(dir)).toEqual([]);
    // The same rules still run on it: a root file that lets .env in is found, named at the root.
    const leaky = await workspace('node_modules\n.git\n');
    expect((await dockerignoreFindings(leaky)).map((f) => f.file)).toContain(path.resolve(leaky, '../../.dockerignore'));
  });

  it('reports a missing .dockerignore where the build looks for it', async () => {
    const dir = await workspace(undefined);
    expect(await dockerignoreFindings(dir)).toEqual([expect.objectContaining({ rule: 'dockerignore-missing', file: path.resolve(dir, '../../.dockerignore') })]);
  });
});
