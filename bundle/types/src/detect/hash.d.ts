/** Hex SHA-256, truncated: identities in fingerprints and baselines, never the value itself. */
export declare function hashHex(value: string, length?: number): string;
