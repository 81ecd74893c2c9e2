// The --run-env-file values must reach no message: the container log, a check's detail and the hint
// all pass through here before they are printed or put into --json.
import type { VerifyResult } from './types.js';

/** Values shorter than this (a port, "true", "1") are no secrets, and hiding them would blank out ordinary words. */
export const MIN_REDACTED_LENGTH = 4;
export const REDACTED = '***';

/** Replaces every occurrence of each value (longest first, so one inside another is also covered). */
export function valueRedactor(values: readonly string[]): (text: string) => string {
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_REDACTED_LENGTH))].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

export function redactResult(result: VerifyResult, redact: (text: string) => string): VerifyResult {
  return {
    ...result,
    ...(result.hint !== undefined ? { hint: redact(result.hint) } : {}),
    ...(result.unreachable !== undefined ? { unreachable: redact(result.unreachable) } : {}),
    checks: result.checks.map((c) => ({ ...c, detail: redact(c.detail) })),
    logLines: result.logLines.map(redact),
  };
}
