// Whether a generate run goes on to --verify, decided from the options alone: no engine probe, no
// prompt, no verify code loaded. generate imports the verify step only when this is not 'no'; the
// step then settles 'yes' (needs an engine client) and 'ask' (needs an engine that answers, then
// the user's yes).
import type { Ask } from '../options/declaration.js';
import type { Options } from '../options/options.js';

/** yes: --verify; ask: an interactive run (it has a prompt) without --verify/--no-verify; no: everything else. */
export type VerifyRequest = { verify: 'yes' } | { verify: 'ask'; ask: Ask } | { verify: 'no' };

/** `ask` is the run's prompt, undefined off a terminal, under CI or with --yes. */
export function verifyRequest(options: { dryRun: Options['dryRun']; verify: Pick<Options['verify'], 'requested'> }, ask: Ask | undefined): VerifyRequest {
  if (options.dryRun) return { verify: 'no' };
  const { requested } = options.verify;
  if (requested !== undefined) return { verify: requested ? 'yes' : 'no' };
  return ask ? { verify: 'ask', ask } : { verify: 'no' };
}
