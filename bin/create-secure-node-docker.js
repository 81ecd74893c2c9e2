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
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { run } = await import('../dist/cli.js');
process.exitCode = await run(process.argv.slice(2));
