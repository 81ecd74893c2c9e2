import { describe, expect, it } from 'vitest';
import type { Ask } from '../../src/options/declaration.js';
import { verifyRequest } from '../../src/cli/verify-request.js';

const ask: Ask = async () => true;
const opts = (requested: boolean | undefined, dryRun = false) => ({ dryRun, verify: { requested } });

describe('verifyRequest: decided from the options and the prompt alone', () => {
  it.each([
    ['--verify', opts(true), undefined, 'yes'],
    ['--verify on a terminal', opts(true), ask, 'yes'],
    ['--no-verify on a terminal', opts(false), ask, 'no'],
    ['neither, on a terminal', opts(undefined), ask, 'ask'],
    ['neither, off a terminal (no prompt)', opts(undefined), undefined, 'no'],
    ['--verify --dry-run', opts(true, true), undefined, 'no'],
    ['--dry-run on a terminal', opts(undefined, true), ask, 'no'],
  ] as const)('%s', (_name, options, prompt, expected) => {
    const request = verifyRequest(options, prompt);
    expect(request.verify).toBe(expected);
    if (request.verify === 'ask') expect(request.ask).toBe(ask);
  });
});
