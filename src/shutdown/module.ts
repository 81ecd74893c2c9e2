// The graceful-shutdown module the generator writes into the user's app, in the flavour that
// matches the project. templates/graceful-shutdown.ts is the only hand-written copy: the
// TypeScript flavour is that file as is, the ES-module flavour is the same text with the type
// syntax deleted (strip-types.ts), and the CommonJS flavour converts that one's import/export
// lines (to-commonjs.ts). Deriving by deletion rather than compiling keeps every comment and
// blank line, so the JavaScript the user gets reads like hand-written JavaScript.
import template from '../../templates/graceful-shutdown.ts?raw';
import { stripTypes } from './strip-types.js';
import type { ShutdownFlavor } from './flavor.js';
import { toCommonJs } from './to-commonjs.js';

export { shutdownWiring } from './wiring.js';

export type { ShutdownFlavor } from './flavor.js';

/** The full text of `graceful-shutdown.<ext>` for a flavour. */
export function shutdownModuleSource(flavor: ShutdownFlavor): string {
  switch (flavor) {
    case 'ts':
      return template;
    case 'esm':
      return stripTypes(template);
    case 'cjs':
      return toCommonJs(stripTypes(template));
  }
}
