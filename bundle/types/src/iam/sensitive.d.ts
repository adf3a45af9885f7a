/** Actions that return or create credentials, secrets or keys to decrypt them. */
export declare const CREDENTIAL_ACTIONS: ReadonlySet<string>;
/** A known privilege-escalation path: every action must be allowed; `passTo` needs iam:PassRole to that service. */
export interface EscalationPath {
    readonly name: string;
    readonly actions: readonly string[];
    /** The service principal the passed role goes to (checked against `iam:PassedToService`). */
    readonly passTo?: string;
    /** Alternatives: any one of these is enough (e.g. a way to trigger a function). */
    readonly anyOf?: readonly string[];
}
/**
 * The escalation paths published by Rhino Security Labs and used by cloudsplaining/pmapper,
 * plus the compute paths of the issue (EC2 user data, launch-template versions, instance
 * connect, SSM on instances with stronger roles).
 */
export declare const ESCALATION_PATHS: readonly EscalationPath[];
