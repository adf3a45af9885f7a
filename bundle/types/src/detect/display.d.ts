import type { SecretKind } from '../rule.js';
/** What a message may show of a secret: redacted, unless the user passed `--show-secrets`. */
export declare function displaySecret(value: string, kind: SecretKind, settings: {
    readonly showSecrets?: boolean;
}): string;
/**
 * A value the user wrote, for an error message: quoted when short and plainly not a key,
 * otherwise described by its length. A key pasted into `failOn`, `accountIds` or a flag by
 * mistake must not be echoed back to a CI log.
 */
export declare function quoteValue(value: string): string;
