// The yargs-free path agrees with yargs: over many random argvs (declared flags in every spelling,
// values that look like flags, booleans or numbers, unknown flags, repeats, positionals), whenever
// parseSimple answers, yargs' parse gives exactly the same values; otherwise yargs decides (and
// its errors are the ones users see). And it does answer the common runs, so it is not vacuous.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { command } from '../../src/cli/commands/generate.js';
import { parseSimple } from '../../src/cli/simple-args.js';
import type { FlagSpecs } from '../../src/options/flag-spec.js';

const meta = { version: '1.0.0', width: 100 };
const yargsParse = (argv: string[]) => {
  try {
    return parseArgs(argv, meta, { options: command.options, help: command.help, command: '' });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
};

const specs: FlagSpecs = command.options;
const flags = Object.values(specs).flatMap((o) => [`--${o.flag}`, ...(o.type === 'boolean' ? [`--no-${o.flag}`] : []), ...(o.alias ? [`-${o.alias}`] : [])]);
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...flags) },
  { weight: 4, arbitrary: fc.constantFrom('app', 'server.js', 'uploads', '8080', '0', '08', '1e3', '-1', '22.x', '^24', '>=20 <27', 'slim', 'alpine', 'pnpm', 'bun', 'https://m.example/', '/health', 'true', 'false', '', ' x') },
  { weight: 1, arbitrary: fc.constantFrom('--help', '-h', '--version', '--port=80', '--dryRun', '--unknown', '-x', '--', '-', '--no-port', '--no-writable-dir', '-yy') },
);

describe('simple argument parser', () => {
  it('a repeatable flag takes one value: the word after it is [dir], in both parsers (found by the property below)', () => {
    for (const argv of [['--writable-dir', 'app', 'app'], ['--writable-dir', 'uploads', 'api', '--yes']]) {
      const simple = parseSimple(argv, command.options);
      expect(simple).toMatchObject({ dir: argv[2], writableDirs: [argv[1]] });
      expect(yargsParse(argv)).toEqual({ kind: 'run', values: simple });
    }
  });

  it('agrees with yargs on every argv it accepts', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        const simple = parseSimple(argv, command.options);
        if (simple === undefined) return;
        answered += 1;
        expect(yargsParse(argv)).toEqual({ kind: 'run', values: simple });
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it.each([
    [[]],
    [['--yes']],
    [['./api', '--yes', '--offline', '--dry-run', '--json']],
    [['-y', '--entry', 'dist/server.js', '--port', '8080', '--writable-dir', 'uploads', '--writable-dir', 'data/cache', '--no-native']],
    [['--yes', '--node', '^24', '--base', 'slim', '--registry-mirror', 'https://mirror.example.com', '--no-fallback']],
  ])('answers the common run %j, the same as yargs', (argv) => {
    const simple = parseSimple(argv, command.options);
    expect(simple).toBeDefined();
    expect(yargsParse(argv)).toEqual({ kind: 'run', values: simple });
  });

  it.each([[['--help']], [['--version']], [['--port=80']], [['--port', '1', '--port', '2']], [['a', 'b']], [['--base', 'ubuntu']], [['--nope']]])(
    'leaves %j to yargs',
    (argv) => {
      expect(parseSimple(argv, command.options)).toBeUndefined();
    },
  );
});
