// --start "<command>" and --entry <file>: one command in exec form, quotes respected, shell operators
// refused with one line, the same rules and character validation as package.json scripts.
import { describe, expect, test } from 'vitest';
import { parseEntryFlag, parseStartFlag, type StartContext } from '../../../src/detect/start-command/index.js';
import { UsageError } from '../../../src/errors.js';

const withNext: StartContext = {
  pkg: { scripts: { serve: 'node dist/server.js' }, dependencies: { next: '16.0.0' }, devDependencies: {} },
  lockfileBins: new Map([['next', { name: 'next', file: 'node_modules/next/dist/bin/next' }]]),
  read: () => Promise.resolve(undefined),
};

describe('parseStartFlag', () => {
  test.each([
    ['node server.js', ['node', 'server.js'], 'server.js'],
    ['node --enable-source-maps "dist/server.js" --port 3000', ['node', '--enable-source-maps', 'dist/server.js', '--port', '3000'], 'dist/server.js'],
    ["node 'bin/www'", ['node', 'bin/www'], 'bin/www'],
    ['  node   app.mjs  ', ['node', 'app.mjs'], 'app.mjs'],
  ])('%j -> %j', async (text, argv, script) => {
    expect(await parseStartFlag(text)).toEqual({ argv, script, env: {}, buildSteps: [], warnings: [], origin: '--start' });
  });

  test('a package binary and a script are resolved with the project context', async () => {
    expect((await parseStartFlag('next start -p 3000', withNext)).argv).toEqual(['node', 'node_modules/next/dist/bin/next', 'start', '-p', '3000']);
    expect((await parseStartFlag('npm run serve', withNext)).argv).toEqual(['node', 'dist/server.js']);
  });

  test('env prefixes and dropped options behave as in scripts', async () => {
    expect(await parseStartFlag('HOST=0.0.0.0 node --watch app.js')).toMatchObject({ argv: ['node', 'app.js'], env: { HOST: '0.0.0.0' }, warnings: [expect.stringMatching(/^--start: dropped --watch/)] });
  });

  test.each([
    ['npm run build && node dist/x.js', /^--start "npm run build && node dist\/x\.js" contains "&&", which needs a shell; the container runs one command in exec form/],
    ['node a.js || node b.js', /contains "\|\|"/],
    ['node a.js | pino-pretty', /contains "\|"/],
    ['node a.js; node b.js', /contains ";"/],
    ['node $(cat entry)', /contains "\$"/],
    ['node `cat entry`', /contains a backtick/],
    ['node a.js > out.log', /contains ">"/],
    ['node a.js < in', /contains "<"/],
    ['node a.js 2> err', /contains "2>"/],
    ['node a.js &', /contains "&"/],
    ['node "a.js', /unbalanced " quote/],
    ['nodemon a.js', /^--start "nodemon a\.js" is a file watcher for development, not a production start: give the command that serves/],
    ['next dev', /^--start "next dev" is a development server/],
    ['node a.js \u001b[2J', /contains a control character/],
    ['node', /runs node without a script file/],
    ['', /^--start needs a command/],
    ['node "a b.js"', /"a b\.js" may contain only letters/],
    ['node a.js\nRUN x', /contains a line break/],
    ['next start', /runs "next", which no dependency provides/],
  ])('refuses %j', async (text, message) => {
    const error = await parseStartFlag(text).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('parseEntryFlag', () => {
  test('is --start "node <file>" with origin --entry, extensionless files included', async () => {
    expect(await parseEntryFlag('./bin/www')).toEqual({ argv: ['node', 'bin/www'], script: 'bin/www', env: {}, buildSteps: [], warnings: [], origin: '--entry' });
  });

  test.each([['../x.js', /--entry must stay inside the project/], ['a b.js', /--entry may contain only letters/], ['/etc/x.js', /must be relative/]])('refuses %j', async (file, message) => {
    await expect(parseEntryFlag(file)).rejects.toThrow(message);
  });
});
