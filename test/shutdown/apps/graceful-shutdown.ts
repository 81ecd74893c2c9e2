// Lets the apps type-check inside the repository. The tests do not copy this file: they write the
// generated module (shutdownModuleSource) next to the apps under this name instead.
export * from '../../../templates/graceful-shutdown.js';
