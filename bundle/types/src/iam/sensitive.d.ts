/** Actions that return or create credentials, secrets or keys to decrypt them. */
export declare const CREDENTIAL_ACTIONS: ReadonlySet<string>;
