import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import type { Flags } from '../../src/options/flags.js';
import { UsageError } from '../../src/errors.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { factsFor } from '../support/facts.js';

const flags = (argv: string[]): Flags => {
  const parsed = parseArgs(argv, { version: '0', width: 100 });
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed.flags;
};

describe('resolveOptions', () => {
  it('flag beats answer beats detected fact beats default', () => {
    const facts = factsFor({ port: 4000 });
    expect(resolveOptions(flags([]), facts).port).toBe(4000);
    expect(resolveOptions(flags([]), facts, { port: '5000' }).port).toBe(5000);
    expect(resolveOptions(flags(['--port', '6000']), facts, { port: '5000' }).port).toBe(6000);
    expect(resolveOptions(flags([]), factsFor({ port: undefined })).port).toBe(3000);
  });

  it('workers have no port and no health check', () => {
    const options = resolveOptions(flags(['--worker']), factsFor());
    expect(options.port).toBeUndefined();
    expect(options.healthcheckPath).toBeUndefined();
  });

  it('--no-healthcheck drops a detected health path', () => {
    expect(resolveOptions(flags(['--no-healthcheck']), factsFor()).healthcheckPath).toBeUndefined();
    expect(resolveOptions(flags([]), factsFor()).healthcheckPath).toBe('/health');
  });

  it('a missing lockfile is an error that says how to make one, unless accepted', () => {
    const facts = factsFor({ packageManager: { name: 'npm' } });
    expect(() => resolveOptions(flags([]), facts)).toThrow(/npm install --package-lock-only/);
    expect(resolveOptions(flags(['--allow-no-lockfile']), facts).allowNoLockfile).toBe(true);
  });

  it('an undetectable entry names the flag to pass', () => {
    expect(() => resolveOptions(flags([]), factsFor({ entry: undefined }))).toThrow(/--entry <file>/);
  });

  it('maps a compiled TypeScript entry back to its source for the shutdown module', () => {
    const facts = factsFor({ typescript: true, build: { script: 'build', outDir: 'dist' }, entry: 'dist/server.js', sourceEntry: 'src/server.ts' });
    expect(resolveOptions(flags([]), facts).sourceEntry).toBe('src/server.ts');
    expect(resolveOptions(flags(['--entry', 'dist/jobs/run.js']), facts).sourceEntry).toBe('src/jobs/run.ts');
  });

  it('reads the private registry from .npmrc facts without its token', () => {
    const facts = factsFor({ registry: { scopes: [{ scope: '@acme', url: 'https://npm.acme.dev/' }], hasToken: true } });
    expect(resolveOptions(flags([]), facts).registry).toEqual({ url: undefined, scopes: [{ scope: '@acme', url: 'https://npm.acme.dev/' }] });
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
    [['--entry', 'src/server.ts'], /JavaScript file/],
    [['--writable-dir', '../etc'], /inside the project/],
    [['--healthcheck-path', "/h');process.exit(0);('"], /healthcheck-path/],
    [['--healthcheck-path', 'health'], /start with/],
    [['--npm-registry', 'https://user:pass@npm.example.com/'], /credentials/],
    [['--npm-registry', 'ftp://npm.example.com/'], /http\(s\) URL/],
    [['--registry-mirror', 'https://m.example.com/"\nRUN x'], /registry-mirror/],
    [['--base-image', 'Node:latest'], /repository without tag/],
    [['--digest', 'sha256:abc'], /64 lowercase hex/],
    [['--node', 'lts; curl x'], /semver range/],
  ])('%j is refused with a usage error', (argv, message) => {
    expect(() => resolveOptions(flags(argv), factsFor())).toThrow(UsageError);
    expect(() => resolveOptions(flags(argv), factsFor())).toThrow(message);
  });
});

describe('resolveOptions: detection edge cases', () => {
  it('a token with no registry or scope still gets the secret mount (private packages on npmjs.org)', () => {
    const facts = factsFor({ registry: { scopes: [], hasToken: true } });
    expect(resolveOptions(flags([]), facts).registry).toEqual({ url: undefined, scopes: [] });
    expect(resolveOptions(flags([]), factsFor()).registry).toBeUndefined();
  });

  it('a registry URL taken from an environment variable asks for --npm-registry', () => {
    const facts = factsFor({ registry: { url: '${NPM_REGISTRY}', scopes: [], hasToken: true } });
    expect(() => resolveOptions(flags([]), facts)).toThrow(/pass --npm-registry <url>/);
    expect(resolveOptions(flags(['--npm-registry', 'https://npm.acme.dev/']), facts).registry?.url).toBe('https://npm.acme.dev/');
  });

  it('an entry that starts no server defaults to a worker; --no-worker overrides', () => {
    expect(resolveOptions(flags([]), factsFor({ likelyWorker: true })).worker).toBe(true);
    expect(resolveOptions(flags(['--no-worker']), factsFor({ likelyWorker: true })).worker).toBe(false);
  });
});
