import { describe, expect, it } from 'vitest';
import { parseGenerateArgs as parseArgs } from '../support/parse-flags.js';
import { UsageError } from '../../src/errors.js';

const meta = { version: '9.9.9', width: 100 };
const flagsOf = (argv: string[]) => {
  const parsed = parseArgs(argv, meta);
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed.flags;
};

describe('parseArgs', () => {
  it('reads every documented flag with its exact name', () => {
    const flags = flagsOf([
      'app', '-y', '--entry', 'dist/server.js', '--port', '8080', '--node', '^24', '--package-manager', 'pnpm',
      '--no-native', '--build', '--npm-registry', 'https://npm.example.com/', '--writable-dir', 'uploads',
      '--writable-dir', 'tmp/cache', '--healthcheck-path', '/healthz', '--base', 'slim', '--registry-mirror',
      'https://mirror.example.com', '--base-image', 'registry.example.com/node', '--digest', `sha256:${'a'.repeat(64)}`,
      '--offline', '--no-fallback', '--force', '--dry-run', '--json',
    ]);
    expect(flags).toMatchObject({
      dir: 'app', yes: true, entry: 'dist/server.js', port: '8080', node: '^24', packageManager: 'pnpm', native: false,
      build: true, npmRegistry: 'https://npm.example.com/', writableDirs: ['uploads', 'tmp/cache'], healthcheckPath: '/healthz',
      base: 'slim', registryMirror: 'https://mirror.example.com', baseImage: 'registry.example.com/node',
      digest: `sha256:${'a'.repeat(64)}`, offline: true, fallback: false, force: true, dryRun: true, json: true,
    });
  });

  it('leaves undetected values undefined so detection and prompts can fill them', () => {
    const flags = flagsOf([]);
    expect(flags.entry).toBeUndefined();
    expect(flags.native).toBeUndefined();
    expect(flags.worker).toBeUndefined();
    expect(flags.yes).toBe(false);
    expect(flags.fallback).toBe(true);
  });

  it('--no-healthcheck and --worker are recorded', () => {
    expect(flagsOf(['--no-healthcheck', '--worker'])).toMatchObject({ healthcheck: false, worker: true });
  });

  it.each([
    [['--entri', 'x.js'], /Unknown argument/i],
    [['--base', 'ubuntu'], /Invalid values/i],
    [['--package-manager', 'bun'], /Invalid values/i],
    [['a', 'b'], /Unknown argument|unexpected argument/i],
    [['--port', '1', '--port', '2'], /more than once/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv, meta)).toThrow(UsageError);
    expect(() => parseArgs(argv, meta)).toThrow(message);
  });

  it('returns --help text with examples and exit codes instead of printing it', () => {
    const parsed = parseArgs(['--help'], meta);
    expect(parsed.kind).toBe('output');
    const text = parsed.kind === 'output' ? parsed.text : '';
    expect(text).toContain('--registry-mirror');
    expect(text).toContain('Examples:');
    expect(text).toMatch(/3 +refused to overwrite/);
    expect(text).toMatch(/130 +cancelled/);
  });

  it('returns the version', () => {
    expect(parseArgs(['--version'], meta)).toEqual({ kind: 'output', text: '9.9.9' });
  });
});
