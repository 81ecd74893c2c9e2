// The verify result as the `"verify"` member of --json and as the closing human lines on stderr
// (the checks themselves are printed live, as they finish).
import type { VerifyResult } from './types.js';

export interface VerifyJson {
  engine: string | null;
  ok: boolean;
  checks: { name: string; ok: boolean; seconds: number; detail: string }[];
  hint: string | null;
  keptImage?: string;
}

export function verifyJson(result: VerifyResult): VerifyJson {
  return {
    engine: result.engine ?? null,
    ok: result.ok,
    checks: result.checks.map((c) => ({ name: c.name, ok: c.ok, seconds: c.seconds, detail: c.detail })),
    hint: result.hint ?? result.unreachable ?? null,
    ...(result.keptImage ? { keptImage: result.keptImage } : {}),
  };
}

export function verifyHuman(result: VerifyResult): string {
  const lines: string[] = [];
  if (result.unreachable) return `${result.unreachable}\n`;
  if (result.logLines.length > 0) {
    lines.push('', result.checks.at(-1)?.name === 'builds' ? 'Build output:' : 'Container log:');
    for (const line of result.logLines) lines.push(`  | ${line}`);
  }
  if (result.hint) lines.push('', `hint: ${result.hint}`);
  for (const leftover of result.leftovers) lines.push(`could not clean up; run: ${leftover}`);
  if (result.keptImage) lines.push(`Image kept: ${result.keptImage}`);
  if (result.cancelled) lines.push('Verification cancelled; what it created is removed.');
  else lines.push('', result.ok ? `Verified: all ${result.checks.length} checks passed.` : 'Verification failed: the files are written, but the container does not work as generated yet.');
  return `${lines.join('\n')}\n`;
}
