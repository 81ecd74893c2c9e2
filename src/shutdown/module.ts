// The graceful-shutdown module the generator writes into the user's app, in the flavour that
// matches the project. templates/graceful-shutdown.ts is the only hand-written copy: the
// TypeScript flavour is that file as is, the ES-module flavour is the same text with the type
// syntax deleted (strip-types.ts), and the CommonJS flavour converts that one's import/export
// lines (to-commonjs.ts); the preload flavour is the CommonJS one plus a call that hooks every
// server the process creates. Deriving by deletion rather than compiling keeps every comment and
// blank line, so the JavaScript the user gets reads like hand-written JavaScript.
import template from '../../templates/graceful-shutdown.ts?raw';
import { strippedTemplate } from './stripped-template.js';
import type { ShutdownFlavor } from './flavor.js';
import { toCommonJs } from './to-commonjs.js';

export { shutdownWiring } from './wiring.js';

export type { ShutdownFlavor } from './flavor.js';

/** The file name of the preload flavour, given to Node as `--require ./graceful-shutdown.cjs`. */
export const PRELOAD_FILE = 'graceful-shutdown.cjs';

/** The full text of `graceful-shutdown.<ext>` for a flavour. */
export function shutdownModuleSource(flavor: ShutdownFlavor): string {
  switch (flavor) {
    case 'ts':
      return template;
    case 'esm':
      return strippedTemplate;
    case 'cjs':
      return toCommonJs(strippedTemplate);
    case 'preload':
      // The CommonJS flavour plus the one call that hooks every server: `--require` loads
      // CommonJS whatever the app's module system is, before the app's own code runs.
      return `${toCommonJs(strippedTemplate)}
// Loaded with \`node --require ./${PRELOAD_FILE} <script>\`: every node:http server the process starts
// listening is shut down gracefully, with no change to the app's code.
gracefulShutdownEveryServer();
`;
  }
}
