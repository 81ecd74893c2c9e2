// templates/graceful-shutdown.ts with its type syntax deleted (strip-types.ts): the text every
// JavaScript flavour starts from. Computed here when the code runs from source (tests); the build
// replaces this module with the same text computed at build time (scripts/stripped-shutdown.mjs),
// so a run does not strip 10 KB of TypeScript at start-up (about 1.5 ms, the first call being cold).
// test/shutdown/stripped-template.test.ts checks that both are the same.
import template from '../../templates/graceful-shutdown.ts?raw';
import { stripTypes } from './strip-types.js';

export const strippedTemplate = stripTypes(template);
