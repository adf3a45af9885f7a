import { createHash } from 'node:crypto';

/** Hex SHA-256, truncated: identities in fingerprints and baselines, never the value itself. */
export function hashHex(value: string, length = 32): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
