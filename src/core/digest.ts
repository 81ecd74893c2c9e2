// Content digests as the OCI distribution spec writes them: "sha256:<64 lowercase hex>".

import { createHash } from 'node:crypto';

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
