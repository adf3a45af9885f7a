// What a detector may show of a secret in a message: the engine's short form
// (src/engine/redact.ts) unless the user asked for `--show-secrets`, and how a value the user
// wrote is echoed back in an error.
import type { SecretKind } from '../rule.js';
import { maskLine, redact } from '../engine/redact.js';

/** What a message may show of a secret: redacted, unless the user passed `--show-secrets`. */
export function displaySecret(value: string, kind: SecretKind, settings: { readonly showSecrets?: boolean }): string {
  return settings.showSecrets ? value : redact(value, kind);
}

/**
 * A value the user wrote, for an error message: quoted when short and plainly not a key,
 * otherwise described by its length. A key pasted into `failOn`, `accountIds` or a flag by
 * mistake must not be echoed back to a CI log.
 */
export function quoteValue(value: string): string {
  const plain = value.length <= 24 && maskLine(value) === value && !(/[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && value.length >= 12);
  return plain ? JSON.stringify(value) : `a value of ${value.length} characters (not shown)`;
}
