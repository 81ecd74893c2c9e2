import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import type { Flags } from '../../src/options/flags.js';
import { UsageError } from '../../src/errors.js';
import { resolved, resolvedOptions } from '../support/resolve.js';
import { planSourceEntry } from '../../src/recipes/plan-entry.js';
import { factsFor } from '../support/facts.js';

const flags = (argv: string[]): Flags => {
  const parsed = parseArgs(argv, { version: '0', width: 100 });
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed.flags;
};

describe('resolveOptions', () => {
  it('flag beats answer beats detected fact beats default', async () => {
    const facts = factsFor({ port: 4000 });
    expect((await resolvedOptions(flags([]), facts)).port).toBe(4000);
    expect((await resolvedOptions(flags([]), facts, { port: '5000' })).port).toBe(5000);
    expect((await resolvedOptions(flags(['--port', '6000']), facts, { port: '5000' })).port).toBe(6000);
    expect((await resolvedOptions(flags([]), factsFor({ port: undefined }))).port).toBe(3000);
  });

  it('workers have no port and no health check', async () => {
    const options = (await resolvedOptions(flags(['--worker']), factsFor()));
    expect(options.port).toBeUndefined();
    expect(options.healthcheckPath).toBeUndefined();
  });

  it('--no-healthcheck drops a detected health path', async () => {
    expect((await resolvedOptions(flags(['--no-healthcheck']), factsFor())).healthcheckPath).toBeUndefined();
    expect((await resolvedOptions(flags([]), factsFor())).healthcheckPath).toBe('/health');
  });

  it('a missing lockfile is an error that says how to make one, unless accepted', async () => {
    const facts = factsFor({ packageManager: { name: 'npm' } });
    await expect(resolvedOptions(flags([]), facts)).rejects.toThrow(/npm install --package-lock-only/);
    expect((await resolvedOptions(flags(['--allow-no-lockfile']), facts)).allowNoLockfile).toBe(true);
  });

  it('an undetectable entry names the flag to pass', async () => {
    await expect(resolvedOptions(flags([]), factsFor({ entry: undefined }))).rejects.toThrow(/^could not detect the start command .*: pass --start "<command>"/);
  });

  it('maps a compiled TypeScript entry back to its source for the shutdown module', async () => {
    const facts = factsFor({ typescript: true, build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' });
    // Only a wired shutdown needs the source file (the default preload needs none: it is the entry).
    const sourceEntry = async (argv: string[]) => planSourceEntry((await resolved(flags(argv), facts)).plan);
    expect(await sourceEntry(['--shutdown', 'wired'])).toBe('src/server.ts');
    expect(await sourceEntry([])).toBe('dist/server.js');
    expect(await sourceEntry(['--shutdown', 'wired', '--entry', 'dist/jobs/run.js'])).toBe('src/jobs/run.ts');
  });

  it('reads the private registry from .npmrc facts without its token', async () => {
    const facts = factsFor({ registry: { scopes: [{ scope: '@acme', url: 'https://npm.acme.dev/' }], hasToken: true } });
    expect((await resolvedOptions(flags([]), facts)).registry).toEqual({ url: undefined, scopes: [{ scope: '@acme', url: 'https://npm.acme.dev/' }] });
  });

  it.each([
    [['--port', '0'], /1 to 65535/],
    [['--port', '65536'], /1 to 65535/],
    [['--port', 'abc'], /whole number/],
    [['--entry', '../outside.js'], /inside the project/],
    [['--entry', '/etc/passwd.js'], /relative/],
    [['--entry', 'server.js; rm -rf /'], /only letters/],
    [['--entry', 'ser"ver.js'], /only letters/],
    [['--entry', 'a\nRUN evil.js'], /only letters/],
    [['--writable-dir', '../etc'], /inside the project/],
    [['--healthcheck-path', "/h');process.exit(0);('"], /healthcheck-path/],
    [['--healthcheck-path', 'health'], /start with/],
    [['--npm-registry', 'https://user:pass@npm.example.com/'], /credentials/],
    [['--npm-registry', 'ftp://npm.example.com/'], /http\(s\) URL/],
    [['--registry-mirror', 'https://m.example.com/"\nRUN x'], /registry-mirror/],
    [['--base-image', 'Node:latest'], /repository without tag/],
    [['--digest', 'sha256:abc'], /64 lowercase hex/],
    [['--node', 'lts; curl x'], /semver range/],
  ])('%j is refused with a usage error', async (argv, message) => {
    await expect(resolvedOptions(flags(argv), factsFor())).rejects.toThrow(UsageError);
    await expect(resolvedOptions(flags(argv), factsFor())).rejects.toThrow(message);
  });
});

describe('resolveOptions: detection edge cases', () => {
  it('a token with no registry or scope still gets the secret mount (private packages on npmjs.org)', async () => {
    const facts = factsFor({ registry: { scopes: [], hasToken: true } });
    expect((await resolvedOptions(flags([]), facts)).registry).toEqual({ url: undefined, scopes: [] });
    expect((await resolvedOptions(flags([]), factsFor())).registry).toBeUndefined();
  });

  it('a registry URL taken from an environment variable asks for --npm-registry', async () => {
    const facts = factsFor({ registry: { url: '${NPM_REGISTRY}', scopes: [], hasToken: true } });
    await expect(resolvedOptions(flags([]), facts)).rejects.toThrow(/pass --npm-registry <url>/);
    expect((await resolvedOptions(flags(['--npm-registry', 'https://npm.acme.dev/']), facts)).registry?.url).toBe('https://npm.acme.dev/');
  });

  it('an entry that starts no server defaults to a worker; --no-worker overrides', async () => {
    expect((await resolvedOptions(flags([]), factsFor({ likelyWorker: true }))).worker).toBe(true);
    expect((await resolvedOptions(flags(['--no-worker']), factsFor({ likelyWorker: true }))).worker).toBe(false);
  });
});
