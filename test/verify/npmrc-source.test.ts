// Where --verify takes the build's npmrc secret from, on the real file system.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeSecretFiles } from '../../src/cli/docker-runner.js';
import { npmrcSecret } from '../../src/verify/npmrc-source.js';

const MOUNTING = 'RUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci --omit=dev\n';
const registry = { url: undefined, scopes: [{ scope: '@acme', url: 'http://127.0.0.1:4873/' }] };
const dirs: string[] = [];
const home = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'verify-home-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the npmrc secret for --verify', () => {
  it('is not needed when the Dockerfile mounts none', async () => {
    expect(await npmrcSecret('RUN npm ci\n', undefined, nodeSecretFiles({ NPM_TOKEN: 't' }, home()))).toEqual({ kind: 'none' });
  });

  it('NPM_TOKEN: a mode-600 temp file outside the project with the registry lines and the scoped token, removed after', async () => {
    const secret = await npmrcSecret(MOUNTING, registry, nodeSecretFiles({ NPM_TOKEN: 'tok123' }, home()));
    if (secret.kind !== 'file') throw new Error(`expected a file, got ${secret.kind}`);
    expect(secret.from).toBe('NPM_TOKEN');
    expect(path.dirname(path.dirname(secret.path))).toBe(tmpdir());
    expect(statSync(secret.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret.path, 'utf8')).toBe('@acme:registry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=tok123\n');
    await secret.remove!();
    expect(existsSync(secret.path)).toBe(false);
  });

  it("NPMRC_PATH wins, then NPM_TOKEN, then the user's own ~/.npmrc", async () => {
    const h = home();
    writeFileSync(path.join(h, '.npmrc'), '//127.0.0.1:4873/:_authToken=x\n');
    const own = await npmrcSecret(MOUNTING, registry, nodeSecretFiles({}, h));
    expect(own).toEqual({ kind: 'file', path: path.join(h, '.npmrc'), from: '~/.npmrc' });
    const explicit = await npmrcSecret(MOUNTING, registry, nodeSecretFiles({ NPMRC_PATH: path.join(h, '.npmrc'), NPM_TOKEN: 't' }, undefined));
    expect(explicit).toMatchObject({ kind: 'file', from: 'NPMRC_PATH' });
  });

  it('nothing to take it from: one line saying what to set', async () => {
    const secret = await npmrcSecret(MOUNTING, registry, nodeSecretFiles({}, home()));
    expect(secret).toMatchObject({ kind: 'missing' });
    expect((secret as { message: string }).message).toContain('set NPM_TOKEN');
  });

  it('a token with whitespace or a missing NPMRC_PATH file is refused', async () => {
    expect(await npmrcSecret(MOUNTING, registry, nodeSecretFiles({ NPM_TOKEN: 'a b' }, undefined))).toMatchObject({ kind: 'missing' });
    expect(await npmrcSecret(MOUNTING, registry, nodeSecretFiles({ NPMRC_PATH: '/nonexistent/npmrc' }, undefined))).toMatchObject({ kind: 'missing' });
  });
});
