// The Dockerfile model lives in src/rules/ (the `check` command uses it); tests import it from here too.
export * from '../../src/rules/dockerfile-model.js';
