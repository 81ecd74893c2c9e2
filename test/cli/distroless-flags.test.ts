// --base distroless at the CLI boundary: what it cannot do yet, or cannot do at all on an image
// without a shell, is one line and exit 2 with nothing written; what it does is pinned twice.
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, runInProcess } from '../support/cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const fixture = async (name = 'express-cjs') => {
  const f = await copyFixture(name);
  cleanups.push(f.cleanup);
  return f.dir;
};

describe('--base distroless flags', () => {
  it.each([
    [['--runtime-image', 'registry.example.com/distroless/nodejs26-debian13'], '--runtime-image applies only to --base distroless or dhi'],
    [['--base', 'distroless', '--runtime-image', 'Bad Name'], '--runtime-image must be an image repository without tag or digest (e.g. registry.example.com/node), got "Bad Name"'],
    [['--base', 'dhi', '--base-image', 'registry.example.com/node'], '--base dhi takes its build and runtime images from dhi.io/node: use --runtime-image <repository> for a copy of it, not --base-image'],
    [['--base', 'dhi', '--runtime-image', 'dhi.io/node:26'], '--runtime-image must be an image repository without tag or digest (e.g. registry.example.com/node), got "dhi.io/node:26"'],
  ])('%j: exit 2, one line, nothing written', async (flags, message) => {
    const dir = await fixture();
    const before = await readdir(dir);
    const r = await runInProcess(['--yes', ...flags], { cwd: dir });
    expect(r.stderr).toBe(`create-secure-node-docker: ${message}\n`);
    expect(r.code).toBe(2);
    expect(await readdir(dir)).toEqual(before);
  });

  it('asks for the trixie-slim build image and the distroless runtime image, with --runtime-image passed on', async () => {
    const dir = await fixture();
    const r = await runInProcess(['--yes', '--json', '--base', 'distroless', '--runtime-image', '127.0.0.1:5000/distroless/nodejs26-debian13'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.requests).toEqual([expect.objectContaining({ base: 'trixie-slim', runtime: 'distroless', runtimeImage: '127.0.0.1:5000/distroless/nodejs26-debian13' })]);
  });

  it('--base dhi asks for the alpine -dev build image and the dhi runtime image, with --runtime-image passed on', async () => {
    const dir = await fixture();
    const r = await runInProcess(['--yes', '--json', '--base', 'dhi', '--runtime-image', '127.0.0.1:5000/dhi/node'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.requests).toEqual([expect.objectContaining({ base: 'alpine-dev', runtime: 'dhi', runtimeImage: '127.0.0.1:5000/dhi/node' })]);
  });
});
