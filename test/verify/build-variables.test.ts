// The --verify build's --build-arg / --build-secret values, from the environment it runs in, on the
// real file system: a secret goes through a mode-600 temp file outside the project, removed after.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSecretFiles } from '../../src/cli/docker-runner.js';
import { buildVariableArgs } from '../../src/verify/build-variables.js';

describe('build variables for the --verify build', () => {
  it('a build arg by value, a build secret through a private temp file that remove() deletes', async () => {
    const files = nodeSecretFiles({ SITE_URL: 'https://example.com', API_TOKEN: 'tok-123' }, undefined);
    const r = await buildVariableArgs({ args: ['SITE_URL'], secrets: ['API_TOKEN'] }, files);
    if (r.kind !== 'ok') throw new Error(r.message);
    expect(r.args.slice(0, 3)).toEqual(['--build-arg', 'SITE_URL=https://example.com', '--secret']);
    const src = /^id=API_TOKEN,src=(.+)$/.exec(r.args[3]!)?.[1];
    expect(src).toBeDefined();
    expect(path.dirname(path.dirname(src!))).toBe(tmpdir());
    expect(statSync(src!).mode & 0o777).toBe(0o600);
    expect(readFileSync(src!, 'utf8')).toBe('tok-123');
    expect(r.args.join(' ')).not.toContain('tok-123');
    expect(r.secretValues).toEqual(['tok-123']);
    await r.remove();
    expect(existsSync(src!)).toBe(false);
  });

  it('an unset or empty one is named before anything is built, with what it is', async () => {
    const r = await buildVariableArgs({ args: ['SITE_URL'], secrets: ['API_TOKEN'] }, nodeSecretFiles({ SITE_URL: 'x', API_TOKEN: '' }, undefined));
    expect(r).toEqual({ kind: 'missing', message: 'the build reads API_TOKEN, which is not set (or empty) in this environment: export API_TOKEN=<value> and run again (API_TOKEN is a build secret (--build-secret: mounted for the build step only, never stored))' });
    const both = await buildVariableArgs({ args: ['SITE_URL'], secrets: ['API_TOKEN'] }, nodeSecretFiles({}, undefined));
    expect(both.kind === 'missing' && both.message).toMatch(/^the build reads SITE_URL, API_TOKEN, which are not set .* \(SITE_URL is a build arg \(--build-arg: public values only\)\)$/);
  });

  it('none declared: no arguments', async () => {
    const r = await buildVariableArgs({ args: [], secrets: [] }, nodeSecretFiles({}, undefined));
    expect(r.kind === 'ok' && r.args).toEqual([]);
  });
});
