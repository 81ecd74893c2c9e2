// --verify: building, running and checking the written files on an engine. It is asked after writing
// (cli/commands/generate.ts), not with the other prompts.
import type { OptionBehaviours } from '../declaration.js';
import { DEFAULT_BUILD_TIMEOUT_SECONDS, DEFAULT_START_TIMEOUT_SECONDS } from '../flags.js';

export const VERIFY_OPTIONS = {
  verify: {
    writeBack: { kind: 'run', args: (o) => (o.verify.requested === undefined ? [] : [o.verify.requested ? '--verify' : '--no-verify']) },
  },
  engine: {
    writeBack: { kind: 'run', args: (o) => (o.verify.engine === 'docker' ? [] : ['--engine', o.verify.engine]) },
  },
  keepImage: {
    writeBack: { kind: 'run', args: (o) => (o.verify.keepImage ? ['--keep-image'] : []) },
  },
  buildTimeout: {
    writeBack: { kind: 'run', args: (o) => (o.verify.buildTimeoutSeconds === DEFAULT_BUILD_TIMEOUT_SECONDS ? [] : ['--build-timeout', String(o.verify.buildTimeoutSeconds)]) },
  },
  startTimeout: {
    writeBack: { kind: 'run', args: (o) => (o.verify.startTimeoutSeconds === DEFAULT_START_TIMEOUT_SECONDS ? [] : ['--start-timeout', String(o.verify.startTimeoutSeconds)]) },
  },
} satisfies OptionBehaviours;
