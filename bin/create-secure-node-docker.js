#!/usr/bin/env node
// Tiny shim: refuse unsupported Node versions with a readable message, then run the bundled CLI.
// CommonJS (bin/package.json), like the bundle: dist/cli.js loads it with V8's code cache.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `create-secure-node-docker needs Node.js 20.19 or newer (this is ${process.version}).\n`,
  );
  process.exit(1);
}
require('../dist/cli.js');
