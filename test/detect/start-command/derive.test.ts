// Table-driven: every start form the issue lists, with the argv, script, env, build steps, warnings
// and errors it must give. Script strings are the ones the frameworks' scaffolders write.
import { describe, expect, test } from 'vitest';
import { deriveStartCommand, type StartCommand, type StartContext } from '../../../src/detect/start-command/index.js';
import { UsageError } from '../../../src/errors.js';
import { memoryFs } from '../../support/memory-fs.js';

interface Case {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: string[];
  devDependencies?: string[];
  main?: string;
  files?: Record<string, string>;
  /** Lockfile bin entries: bin -> [package, file]. */
  bins?: Record<string, [string, string]>;
  build?: StartContext['build'];
  /** Expected fields; env/buildSteps default to empty, warnings to none (each pattern matches one, in order). */
  want?: Partial<Omit<StartCommand, 'warnings'>> & { warnings?: RegExp[] };
  error?: RegExp;
}

const cases: Case[] = [
  // Plain node and the scaffolders' own scripts.
  { name: 'express-generator: node ./bin/www (extensionless)', scripts: { start: 'node ./bin/www' },
    want: { argv: ['node', 'bin/www'], script: 'bin/www', origin: 'scripts.start' } },
  { name: 'nest: start is "nest start", start:prod "node dist/main"', scripts: { start: 'nest start', 'start:dev': 'nest start --watch', 'start:prod': 'node dist/main' }, dependencies: ['@nestjs/core'], devDependencies: ['@nestjs/cli'],
    want: { argv: ['node', 'dist/main'], script: 'dist/main', origin: 'scripts.start:prod', warnings: [/scripts\.start runs "nest start", the Nest CLI.*used scripts\.start:prod instead/] } },
  { name: 'nuxt: node .output/server/index.mjs', scripts: { start: 'node .output/server/index.mjs' },
    want: { argv: ['node', '.output/server/index.mjs'], script: '.output/server/index.mjs' } },
  { name: 'astro: node ./dist/server/entry.mjs', scripts: { start: 'node ./dist/server/entry.mjs' },
    want: { argv: ['node', 'dist/server/entry.mjs'], script: 'dist/server/entry.mjs' } },
  { name: 'next start through the lockfile bin', scripts: { dev: 'next dev', start: 'next start' }, dependencies: ['next'], bins: { next: ['next', 'node_modules/next/dist/bin/next'] },
    want: { argv: ['node', 'node_modules/next/dist/bin/next', 'start'], script: 'node_modules/next/dist/bin/next', packageBinary: { name: 'next', bin: 'next', file: 'node_modules/next/dist/bin/next' } } },
  { name: 'remix-serve ./build/index.js', scripts: { start: 'remix-serve ./build/index.js' }, dependencies: ['@remix-run/serve'], bins: { 'remix-serve': ['@remix-run/serve', 'node_modules/@remix-run/serve/dist/cli.js'] },
    want: { argv: ['node', 'node_modules/@remix-run/serve/dist/cli.js', './build/index.js'], packageBinary: { name: '@remix-run/serve', bin: 'remix-serve', file: 'node_modules/@remix-run/serve/dist/cli.js' } } },
  { name: 'react-router-serve without lockfile paths, package.json bin in local node_modules', scripts: { start: 'react-router-serve ./build/server/index.js' }, dependencies: ['@react-router/serve'],
    files: { 'node_modules/@react-router/serve/package.json': JSON.stringify({ bin: { 'react-router-serve': 'bin.cjs' } }) },
    want: { argv: ['node', 'node_modules/@react-router/serve/bin.cjs', './build/server/index.js'], packageBinary: { name: '@react-router/serve', bin: 'react-router-serve', file: 'node_modules/@react-router/serve/bin.cjs' } } },
  { name: 'a package binary with no known path runs node_modules/.bin (yarn/pnpm, no node_modules)', scripts: { start: 'fastify start -l info app.js' }, dependencies: ['fastify-cli'],
    want: { argv: ['node_modules/.bin/fastify', 'start', '-l', 'info', 'app.js'], packageBinary: { name: 'fastify-cli', bin: 'fastify' }, warnings: [/node_modules\/\.bin\/fastify \(Node options cannot be passed/] } },
  { name: 'a package binary from a devDependency is refused', scripts: { start: 'next start' }, devDependencies: ['next'], bins: { next: ['next', 'node_modules/next/dist/bin/next'] },
    error: /runs "next" from next, which is not in dependencies.*move next to dependencies/ },
  { name: 'a binary no dependency provides is refused', scripts: { start: 'serve-it now' }, error: /runs "serve-it", which no dependency provides: pass --start/ },
  { name: 'a lockfile bin that leaves its package is not trusted', scripts: { start: 'evil' }, dependencies: ['evil'], bins: {},
    files: { 'node_modules/evil/package.json': JSON.stringify({ bin: '../../../etc/x.js' }) },
    want: { argv: ['node_modules/.bin/evil'], packageBinary: { name: 'evil', bin: 'evil' }, warnings: [/node_modules\/\.bin\/evil/] } },

  // Env prefixes.
  { name: 'NODE_ENV=production is left to the image; other variables become env', scripts: { start: 'NODE_ENV=production PORT=8080 node server.js' },
    want: { argv: ['node', 'server.js'], script: 'server.js', env: { PORT: '8080' } } },
  { name: 'cross-env with a non-production NODE_ENV warns', scripts: { start: 'cross-env NODE_ENV=staging LOG_LEVEL=info node index.js' },
    want: { argv: ['node', 'index.js'], script: 'index.js', env: { LOG_LEVEL: 'info' }, warnings: [/sets NODE_ENV=staging; the image runs with NODE_ENV=production/] } },
  { name: 'env prefix', scripts: { start: 'env HOST=0.0.0.0 node app.js' }, want: { argv: ['node', 'app.js'], script: 'app.js', env: { HOST: '0.0.0.0' } } },
  { name: 'env -i is refused', scripts: { start: 'env -i node app.js' }, error: /"env -i" is not supported/ },

  // Node options.
  { name: 'production node options are kept', scripts: { start: 'node --enable-source-maps --max-old-space-size=512 --no-warnings dist/server.js' },
    want: { argv: ['node', '--enable-source-maps', '--max-old-space-size=512', '--no-warnings', 'dist/server.js'], script: 'dist/server.js' } },
  { name: '--watch and --inspect are dropped with a warning', scripts: { start: 'node --watch --inspect=0.0.0.0:9229 server.js' },
    want: { argv: ['node', 'server.js'], script: 'server.js', warnings: [/dropped --watch, a development option/, /dropped --inspect 0\.0\.0\.0:9229, a development option/] } },
  { name: '--env-file and --env-file-if-exists are dropped with a warning', scripts: { start: 'node --env-file=.env --env-file-if-exists .env.local app.mjs' },
    want: { argv: ['node', 'app.mjs'], script: 'app.mjs', warnings: [/dropped --env-file \.env: the \.env file never enters the image/, /dropped --env-file-if-exists \.env\.local/] } },
  { name: '-r of a production dependency is kept, of a devDependency dropped', scripts: { start: 'node -r dotenv/config --import @opentelemetry/auto src/main.js' }, dependencies: ['@opentelemetry/auto'], devDependencies: ['dotenv'],
    want: { argv: ['node', '--import', '@opentelemetry/auto', 'src/main.js'], script: 'src/main.js', warnings: [/dropped -r dotenv\/config: dotenv is not a production dependency/] } },
  { name: '-r dotenv/config of a production dependency is kept, with a warning that it loads nothing in the image', scripts: { start: 'node -r dotenv/config server.js' }, dependencies: ['dotenv'],
    want: { argv: ['node', '-r', 'dotenv/config', 'server.js'], script: 'server.js', warnings: [/the \.env file never enters the image, so it loads nothing there/] } },
  { name: 'dotenv-cli is dropped with a warning', scripts: { start: 'dotenv -e .env.production -- node dist/index.js' }, dependencies: ['dotenv-cli'],
    want: { argv: ['node', 'dist/index.js'], script: 'dist/index.js', warnings: [/dropped "dotenv -e \.env\.production": the \.env file never enters the image/] } },
  { name: '--import of a project file is kept', scripts: { start: 'node --import ./otel.mjs server.mjs' },
    want: { argv: ['node', '--import', './otel.mjs', 'server.mjs'], script: 'server.mjs' } },
  { name: 'a heap size without a number is refused', scripts: { start: 'node --max-old-space-size server.js' }, error: /--max-old-space-size must be written --max-old-space-size=<whole number>/ },
  { name: 'node -e runs no script', scripts: { start: 'node -e "require(1)"' }, error: /runs "node -e", which runs no server script/ },
  { name: 'node . runs main', scripts: { start: 'node .' }, main: 'lib/app.js', want: { argv: ['node', 'lib/app.js'], script: 'lib/app.js' } },

  // Chains and pre-steps.
  { name: 'npm run build && node dist/server.js', scripts: { start: 'npm run build && node dist/server.js', build: 'tsc' },
    want: { argv: ['node', 'dist/server.js'], script: 'dist/server.js', buildSteps: ['npm run build'] } },
  { name: 'npm run scss && node app.js', scripts: { start: 'npm run scss && node app.js', scss: 'sass in.scss out.css' },
    want: { argv: ['node', 'app.js'], script: 'app.js', buildSteps: ['npm run scss'] } },
  { name: 'npm run serve is followed', scripts: { start: 'npm run serve', serve: 'node --enable-source-maps dist/main.js' },
    want: { argv: ['node', '--enable-source-maps', 'dist/main.js'], script: 'dist/main.js', origin: 'scripts.start' } },
  { name: 'yarn serve passes arguments on', scripts: { start: 'yarn serve --port 3000', serve: 'node server.js' },
    want: { argv: ['node', 'server.js', '--port', '3000'], script: 'server.js' } },
  { name: 'npm run x -- args', scripts: { start: 'npm run serve -- --port 3000', serve: 'node server.js' },
    want: { argv: ['node', 'server.js', '--port', '3000'], script: 'server.js' } },
  { name: 'pnpm start chains keep the inner build steps', scripts: { prod: 'pnpm start', start: 'pnpm run build && node dist/x.js' },
    want: { argv: ['node', 'dist/x.js'], script: 'dist/x.js', buildSteps: ['pnpm run build'] } },
  { name: 'a loop between scripts is refused', scripts: { start: 'npm run a', a: 'npm run start' }, error: /scripts call each other in a loop/ },
  { name: 'a missing called script is refused', scripts: { start: 'npm run serve' }, error: /runs the script "serve", which package\.json does not have/ },
  { name: 'a migration pre-step is dropped, not moved into the build', scripts: { start: 'prisma migrate deploy && node dist/index.js' },
    want: { argv: ['node', 'dist/index.js'], script: 'dist/index.js', warnings: [/migrates a database.*release step/] } },
  { name: 'a pipe into pino-pretty is dropped', scripts: { start: 'node server.js | pino-pretty' },
    want: { argv: ['node', 'server.js'], script: 'server.js', warnings: [/dropped "\| pino-pretty"/] } },

  // Development commands.
  { name: 'nodemon falls through to start:prod', scripts: { start: 'nodemon server.js', 'start:prod': 'node server.js' },
    want: { argv: ['node', 'server.js'], script: 'server.js', origin: 'scripts.start:prod', warnings: [/scripts\.start runs "nodemon server\.js", a file watcher/] } },
  { name: 'ts-node-dev with no production script is refused naming --start', scripts: { start: 'ts-node-dev src/index.ts' },
    error: /scripts\.start runs "ts-node-dev src\/index\.ts", a file watcher for development, and no other start script \(start, start:prod, serve, prod\) is a production start: pass --start "<command>"/ },
  { name: 'next dev as start, next start as serve', scripts: { start: 'next dev', serve: 'next start' }, dependencies: ['next'], bins: { next: ['next', 'node_modules/next/dist/bin/next'] },
    want: { argv: ['node', 'node_modules/next/dist/bin/next', 'start'], origin: 'scripts.serve', packageBinary: { name: 'next', bin: 'next', file: 'node_modules/next/dist/bin/next' }, warnings: [/"next dev", a development server/] } },
  { name: 'vite dev is development', scripts: { start: 'vite dev' }, error: /"vite dev", a development server/ },
  { name: 'tsx watch is development', scripts: { start: 'tsx watch src/index.ts' }, error: /"tsx watch src\/index\.ts", a development server/ },
  { name: 'fastify-cli -w (its scaffolded dev script) is development', scripts: { start: 'fastify start -w -l info -P app.js' }, dependencies: ['fastify-cli'], error: /a file watcher for development/ },

  // pm2.
  { name: 'pm2-runtime ecosystem.config.js runs the one script it names', scripts: { start: 'pm2-runtime start ecosystem.config.js --env production' }, dependencies: ['pm2'],
    files: { 'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: './dist/server.js', args: '--port 3000', instances: 'max' }] };" },
    want: { argv: ['node', 'dist/server.js', '--port', '3000'], script: 'dist/server.js', warnings: [/pm2 is a process manager: in a container run one process/] } },
  { name: 'pm2 start app.js -i max', scripts: { start: 'pm2 start app.js -i max' }, dependencies: ['pm2'],
    want: { argv: ['node', 'app.js'], script: 'app.js', warnings: [/pm2 is a process manager/] } },
  { name: 'an ecosystem file with two apps is refused', scripts: { start: 'pm2-runtime ecosystem.config.cjs' },
    files: { 'ecosystem.config.cjs': "module.exports = { apps: [{ script: 'a.js' }, { script: 'b.js' }] }" }, error: /ecosystem\.config\.cjs names 2 apps; one process per container/ },
  { name: 'an ecosystem file whose script injects a line is refused', scripts: { start: 'pm2-runtime ecosystem.config.js' },
    files: { 'ecosystem.config.js': 'module.exports = { apps: [{ script: "x.js\\"]\\nRUN evil" }] }' }, error: /^ecosystem\.config\.js: "x\.js\\\\" may contain only letters/ },
  { name: 'a missing ecosystem file is refused', scripts: { start: 'pm2-runtime ecosystem.config.js' }, error: /ecosystem\.config\.js, which does not exist/ },

  // TypeScript runners.
  { name: 'tsx without a build: Node type stripping, minNode 22.18.0', scripts: { start: 'tsx src/server.ts' }, devDependencies: ['tsx'],
    want: { argv: ['node', 'src/server.ts'], script: 'src/server.ts', minNode: '22.18.0', warnings: [/through tsx, a development runner.*type stripping \(Node >= 22\.18\.0\).*erasable/] } },
  { name: 'ts-node with a build: the compiled file', scripts: { start: 'ts-node --project tsconfig.json src/app.ts' }, build: { outDir: 'dist', rootDir: 'src' },
    want: { argv: ['node', 'dist/app.js'], script: 'dist/app.js', warnings: [/runs src\/app\.ts through ts-node.*the container runs dist\/app\.js, which the build script compiles/] } },
  { name: 'node --import tsx with a .mts file', scripts: { start: 'node --import tsx src/main.mts' },
    want: { argv: ['node', 'src/main.mts'], script: 'src/main.mts', minNode: '22.18.0', warnings: [/through node with tsx/] } },
  { name: 'plain node on a .ts file needs type stripping', scripts: { start: 'node src/index.ts' },
    want: { argv: ['node', 'src/index.ts'], script: 'src/index.ts', minNode: '22.18.0', warnings: [/type stripping/] } },
  { name: 'tsx on a .tsx file is refused', scripts: { start: 'tsx src/server.tsx' }, error: /does not run \.tsx files/ },

  // Order and fallbacks.
  { name: 'serve and prod are consulted after start and start:prod', scripts: { prod: 'node prod.js', serve: 'node serve.js' }, want: { argv: ['node', 'serve.js'], script: 'serve.js', origin: 'scripts.serve' } },
  { name: 'main when there is no start script', main: 'index.js', want: { argv: ['node', 'index.js'], script: 'index.js', origin: 'main' } },

  // Hostile values: nothing that could break out of a Dockerfile line comes out.
  { name: 'a newline in a script', scripts: { start: 'node server.js\nRUN curl evil' }, error: /package\.json scripts\.start "node server\.js\\nRUN curl evil" contains a line break/ },
  { name: 'a quote inside a word', scripts: { start: `node 'a"b.js'` }, error: /package\.json scripts\.start: "a\\"b\.js" may contain only letters/ },
  { name: 'a dollar', scripts: { start: 'node server.js --port $PORT' }, error: /contains "\$"/ },
  { name: 'a terminal escape sequence', scripts: { start: 'nodemon \u001b]0;x\u0007 a.js' }, error: /contains a control character/ },
  { name: 'a backslash', scripts: { start: 'node dist\\server.js' }, error: /contains a backslash/ },
  { name: 'a backtick', scripts: { start: 'node `which x`' }, error: /contains a backtick/ },
  { name: 'a space in a quoted file name', scripts: { start: 'node "my server.js"' }, error: /"my server\.js" may contain only letters/ },
  { name: 'a script outside the project', scripts: { start: 'node ../other/server.js' }, error: /runs \.\.\/other\/server\.js, which is outside the project/ },
  { name: 'a hostile env value', scripts: { start: 'APP="a b" node x.js' }, error: /"a b" may contain only letters/ },
  { name: '|| is refused', scripts: { start: 'node a.js || node b.js' }, error: /contains "\|\|", which needs a shell/ },
  { name: '& is refused', scripts: { start: 'npm run watch & node server.js' }, error: /contains "&", which needs a shell/ },
  { name: 'a redirection is refused', scripts: { start: 'node server.js > log.txt' }, error: /contains ">"/ },
  { name: 'a subshell is refused', scripts: { start: '(cd dist && node x.js)' }, error: /a subshell/ },
  { name: 'a pipe into anything else is refused', scripts: { start: 'node server.js | tee log' }, error: /pipes into "tee log", which needs a shell/ },
  { name: 'a quoted build step is refused (it would be a RUN line)', scripts: { start: 'npm run "build:x" && node a.js' }, error: /the step "npm run \\"build:x\\"" may contain only letters, digits, spaces/ },
];

function context(c: Case): StartContext {
  const deps = (names: string[] = []) => Object.fromEntries(names.map((n) => [n, '^1.0.0']));
  return {
    pkg: { scripts: c.scripts ?? {}, dependencies: deps(c.dependencies), devDependencies: deps(c.devDependencies), ...(c.main ? { main: c.main } : {}) },
    lockfileBins: new Map(Object.entries(c.bins ?? {}).map(([bin, [name, file]]) => [bin, { name, file }])),
    read: memoryFs(c.files ?? {}).read,
    ...(c.build ? { build: c.build } : {}),
  };
}

describe('deriveStartCommand', () => {
  test.each(cases.filter((c) => c.error === undefined).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const got = await deriveStartCommand(context(c));
    if (got === undefined) throw new Error('no start command derived');
    const { warnings: wantWarnings = [], ...want } = c.want ?? {};
    expect(got).toMatchObject({ env: {}, buildSteps: [], origin: 'scripts.start', ...want });
    if (want.minNode === undefined) expect(got.minNode).toBeUndefined();
    if (want.packageBinary === undefined) expect(got.packageBinary).toBeUndefined();
    expect(got.warnings).toHaveLength(wantWarnings.length);
    wantWarnings.forEach((pattern, i) => expect(got.warnings[i]).toMatch(pattern));
  });

  test.each(cases.filter((c) => c.error !== undefined).map((c) => [c.name, c] as const))('refused: %s', async (_name, c) => {
    const error = await deriveStartCommand(context(c)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(c.error ?? /never/);
    expect(message).not.toContain('\n');
  });

  test('no start script and no main: undefined, so the caller may look for common file names', async () => {
    expect(await deriveStartCommand(context({ name: 'empty' }))).toBeUndefined();
  });
});
