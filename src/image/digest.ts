// Content digests as the OCI distribution spec writes them: "sha256:<64 lowercase hex>".

import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Validates a user-given `--digest` (a bare 64-hex value is accepted and prefixed). */
export function parseDigestFlag(value: string): string {
  const trimmed = value.trim();
  const candidate = /^[0-9a-f]{64}$/.test(trimmed) ? `sha256:${trimmed}` : trimmed;
  if (!isDigest(candidate)) {
    throw new UsageError(`--digest must be "sha256:" followed by 64 lowercase hex characters; got "${value}".`);
  }
  return candidate;
}
