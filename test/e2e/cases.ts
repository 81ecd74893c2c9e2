/** One fixture app of the end-to-end proof and the flags a script would generate it with. */
export interface E2eCase {
  title: string;
  /** test/fixtures/<fixture> */
  fixture: string;
  /** Extra CLI flags beyond --yes, --registry-mirror, --json and --port. */
  flags: string[];
  /** A worker has no port, no HEALTHCHECK: it is checked by its logs and its exit. */
  worker?: boolean;
  /** Depends on @acme/greeting from the rig's Verdaccio: built with the token as a BuildKit secret. */
  privateRegistry?: boolean;
  /** Directories declared with --writable-dir: the only app paths uid 1000 may write. */
  writableDirs?: string[];
  /** A native addon must really be compiled in the build (node-gyp leaves an obj.target dir). */
  compilesNative?: boolean;
  /** What GET <path> must answer, proving the install really had what it needed (a patch, a setting). */
  serves?: { path: string; contains: string };
  /** A source file (not a manifest or lockfile) the rebuild-cache check edits. */
  sourceFile: string;
  /** The path that answers 200 once the app is up (default /health; an app without a health route: /). */
  readyPath?: string;
  /** The app listens on this port whatever PORT says (Nest's official starter hard-codes 3000): run on it, not on a free one. */
  fixedPort?: number;
  /** Built this many more times from a cold cache (build cache pruned, --no-cache): stages that install in parallel share one cache mount. */
  coldBuilds?: number;
}

export const CASES: readonly E2eCase[] = [
  { title: 'express-cjs: npm, Express, CommonJS', fixture: 'express-cjs', flags: [], sourceFile: 'server.js' },
  { title: 'fastify-esm: npm, Fastify, ES modules, --writable-dir uploads', fixture: 'fastify-esm', flags: ['--writable-dir', 'uploads'], writableDirs: ['uploads'], sourceFile: 'src/index.js' },
  // The wired form's proof: the two lines are pasted into src/server.ts and --shutdown wired asks for them.
  { title: 'typescript-build: tsc build stage, Node 24 from .node-version, --shutdown wired (lines pasted)', fixture: 'typescript-build', flags: ['--shutdown', 'wired'], sourceFile: 'src/server.ts' },
  { title: 'native-module: bcrypt compiled from source by node-gyp', fixture: 'native-module', flags: [], compilesNative: true, sourceFile: 'app.js' },
  { title: 'pnpm-app: pnpm lockfile', fixture: 'pnpm-app', flags: [], sourceFile: 'index.js' },
  { title: 'yarn-app: yarn classic lockfile, Koa', fixture: 'yarn-app', flags: [], sourceFile: 'server.mjs' },
  { title: 'private-registry: @acme/greeting from Verdaccio with a token', fixture: 'private-registry', flags: [], privateRegistry: true, sourceFile: 'index.js' },
  { title: 'worker: no port, handles SIGTERM itself', fixture: 'worker', flags: ['--worker'], worker: true, sourceFile: 'worker.js' },
  { title: 'yarn-berry-app: Yarn 4 lockfile, workspaces focus --production', fixture: 'yarn-berry-app', flags: [], sourceFile: 'app.js' },
  { title: 'no-lockfile: generated with --allow-no-lockfile', fixture: 'no-lockfile', flags: ['--allow-no-lockfile'], sourceFile: 'server.js' },
  { title: 'existing-files: an old Dockerfile and a .dockerignore re-including .npmrc, replaced with --force', fixture: 'existing-files', flags: ['--force'], sourceFile: 'index.js' },
  // Issue 9: apps made by the frameworks' own scaffolders, run the way their recipe says. Their health
  // routes live in route files detection does not read, so the path is given as a script would.
  { title: 'nest: nest new, nest build to dist/main.js (nest-cli.json + tsconfig.build.json), our module preloaded, no source edit', fixture: 'nest', flags: ['--healthcheck-path', '/health'], sourceFile: 'src/app.service.ts' },
  { title: 'fastify-cli: fastify generate, fastify start on 0.0.0.0, our module preloaded with --require', fixture: 'fastify-cli', flags: ['--healthcheck-path', '/health'], sourceFile: 'routes/root.js' },
  { title: 'express-generator: node ./bin/www, our module preloaded, no source edit', fixture: 'express-generator', flags: ['--healthcheck-path', '/health'], sourceFile: 'routes/users.js' },
  { title: 'express-cjs on the Debian --base slim variant', fixture: 'express-cjs', flags: ['--base', 'slim'], sourceFile: 'server.js' },
  // Issue 13: install inputs that are not manifests. Without legacy-peer-deps from .npmrc, npm ci
  // stops with ERESOLVE; without patches/ and pnpm-workspace.yaml, pnpm stops with
  // ERR_PNPM_LOCKFILE_CONFIG_MISMATCH (both seen on the old generator's Dockerfile).
  { title: 'legacy-peer-deps: .npmrc legacy-peer-deps=true reaches npm ci (react-dom 17 beside react 18)', fixture: 'legacy-peer-deps', flags: [], serves: { path: '/', contains: '<p>legacy-peer-deps</p>' }, sourceFile: 'server.js' },
  // Issue 18: no shutdown code and no health route: the preload drains it, the HEALTHCHECK probes /.
  { title: 'hono-app: Hono on @hono/node-server, no source edit, no health route', fixture: 'hono-app', flags: [], sourceFile: 'server.js', readyPath: '/' },
  // Issue 18: yarn 1's cache is not safe for two installs at once (ENOENT … .yarn-tarball.tgz when
  // the deps and build stages filled one cache mount in parallel).
  { title: 'yarn-build: yarn classic with a tsc build stage, built 3 more times from a cold cache', fixture: 'yarn-build', flags: [], coldBuilds: 3, sourceFile: 'src/server.ts' },
  { title: 'pnpm10-patched: pnpm 10, a pnpm patch-commit patch named in pnpm-workspace.yaml', fixture: 'pnpm10-patched', flags: [], serves: { path: '/', contains: 'yes, patched by pnpm patch-commit' }, sourceFile: 'index.js' },
  // Issue 18: the real starters. Nest's official starter (no rootDir; the old output-path computation ran
  // dist/src/main.js: MODULE_NOT_FOUND) and fastify-cli --lang=ts (npm run build:ts && fastify start: the
  // runtime must not get the build stage's typescript, ts-node, c8, fastify-tsconfig, @types/node).
  { title: 'nest-starter: github:nestjs/typescript-starter (Nest 11, no rootDir), dist/main.js, our module preloaded, no source edit', fixture: 'nest-starter', flags: ['--healthcheck-path', '/health'], fixedPort: 3000, sourceFile: 'src/app.service.ts' },
  { title: 'fastify-cli-ts: fastify generate --lang=ts, build:ts in the build stage, no devDependency in the runtime', fixture: 'fastify-cli-ts', flags: ['--healthcheck-path', '/health'], sourceFile: 'src/routes/root.ts' },
];
