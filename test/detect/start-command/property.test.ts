// Whatever package.json scripts, ecosystem file or --start text says, the result is a command whose
// every word, env value and build step stays inside the narrow character set (so it cannot break out
// of a Dockerfile line), or a one-line UsageError. Never another exception.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { deriveStartCommand, parseStartFlag, type StartCommand } from '../../../src/detect/start-command/index.js';
import { UsageError } from '../../../src/errors.js';
import { memoryFs } from '../../support/memory-fs.js';

const SAFE_WORD = /^[A-Za-z0-9._@+\-/=:,%]+$/;
const SAFE_STEP = /^[A-Za-z0-9._@+\-/=:,% ]+$/;

/** Mostly words a real start command has, sometimes something hostile, in the shape of a command. */
const hostile = fc.oneof(
  fc.constantFrom('&&', '||', ';', '|', '&', '>', '$(x)', '`x`', '"', "'", '\\', '\n', 'A=b c', '../up.js', '/abs.js', '"a b"', "'x;y'", '.'),
  fc.string({ maxLength: 6 }),
);
const good = fc.constantFrom('--inspect', '--env-file', '.env', '-r', 'dotenv/config', '--import', './x.mjs', 'dist/server.js', 'bin/www',
  'src/x.ts', 'ecosystem.config.js', 'start', '-l', 'info', 'app.js', '--max-old-space-size=64', '--enable-source-maps', '--port', '3000', '--');
const word = fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: hostile });
const prefix = fc.constantFrom('', 'NODE_ENV=production ', 'NODE_ENV=dev ', 'cross-env PORT=3000 ', 'env HOST=0.0.0.0 ', 'npm run build && ', 'prisma migrate deploy && ');
const runner = fc.constantFrom('node', 'node', 'node', 'tsx', 'ts-node', 'next', 'fastify', 'pm2-runtime', 'npm run serve', 'yarn serve', 'npx next', 'nodemon');
const suffix = fc.constantFrom('', '', '', ' | pino-pretty', ' | tee x');
const command = fc.tuple(prefix, runner, fc.array(word, { maxLength: 5 }), suffix).map(([p, r, words, s]) => `${p}${r} ${words.join(' ')}${s}`);

function assertSafe(result: StartCommand | undefined): void {
  if (result === undefined) return;
  for (const word of result.argv) expect(word).toMatch(SAFE_WORD);
  for (const [name, value] of Object.entries(result.env)) {
    expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    if (value !== '') expect(value).toMatch(SAFE_WORD);
  }
  for (const step of result.buildSteps) expect(step).toMatch(SAFE_STEP);
  if (result.script !== undefined) expect(result.script.startsWith('../') || result.script.startsWith('/')).toBe(false);
}

/** How many runs gave a command, so the property cannot pass by refusing everything. */
const outcomes = { commands: 0, refused: 0 };

async function settle(promise: Promise<StartCommand | undefined>): Promise<void> {
  try {
    const result = await promise;
    assertSafe(result);
    if (result !== undefined) outcomes.commands++;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    expect(error.message).not.toContain('\n');
    outcomes.refused++;
  }
}

test('scripts: a safe command or a one-line UsageError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom('start', 'start:prod', 'serve', 'prod', 'build'), command), fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')), async (scripts, ecosystem) => {
      const read = memoryFs({ 'ecosystem.config.js': `module.exports = { apps: [{ script: '${ecosystem}', args: '${ecosystem}' }] }` }).read;
      const pkg = { scripts, dependencies: { next: '1', 'fastify-cli': '1', '@opentelemetry/x': '1', pm2: '1', dotenv: '1' }, devDependencies: { tsx: '1' } };
      await settle(deriveStartCommand({ pkg, lockfileBins: new Map([['next', { name: 'next', file: 'node_modules/next/dist/bin/next' }]]), read }));
    }),
    { numRuns: 400 },
  );
  expect(outcomes.commands).toBeGreaterThan(20);
  expect(outcomes.refused).toBeGreaterThan(20);
});

test('--start: a safe command or a one-line UsageError', async () => {
  const before = { ...outcomes };
  await fc.assert(fc.asyncProperty(command, async (text) => settle(parseStartFlag(text))), { numRuns: 400 });
  expect(outcomes.commands - before.commands).toBeGreaterThan(10);
});
