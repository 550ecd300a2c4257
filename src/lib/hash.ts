import { createHash } from 'node:crypto';

/** The hex SHA-256 of bytes or text: the one way the application fingerprints a file or a secret. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
