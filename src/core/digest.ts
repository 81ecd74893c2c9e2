// Content digests as the OCI distribution spec writes them: "sha256:<64 lowercase hex>".

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

/** node:crypto is loaded on the first call: it costs ~10 ms of start-up, and only a registry answer needs it. */
export async function sha256Digest(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
