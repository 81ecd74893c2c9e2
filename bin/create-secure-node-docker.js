#!/usr/bin/env node
// Tiny shim: refuse unsupported Node versions with a readable message, then run the bundled CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `create-secure-node-docker needs Node.js 20.19 or newer (this is ${process.version}).\n`,
  );
  process.exit(1);
}
// Node >= 22.1 can keep V8's compiled code between runs; later runs start faster. No-op before.
// The cache lives in the user's cache directory, never in the project (NODE_DISABLE_COMPILE_CACHE=1
// turns it off, as Node documents).
const { enableCompileCache } = await import('node:module');
if (enableCompileCache) {
  const { homedir } = await import('node:os');
  const cacheHome = process.env.XDG_CACHE_HOME || `${homedir()}/.cache`;
  enableCompileCache(`${cacheHome}/create-secure-node-docker/compile-cache`);
}
const { run } = await import('../dist/cli.js');
process.exitCode = await run(process.argv.slice(2));
