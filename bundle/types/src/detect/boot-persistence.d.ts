/** Files read by every login shell, by PAM, or by a service manager at start. */
export declare const PERSISTENCE_PATH: RegExp;
export type PersistedValue = 'literal' | 'placeholder' | 'role';
/** How a persisted value counts: a literal key, a stand-in for one, or a role's short-lived credential. */
export declare function judgePersistedValue(value: string, context?: string): PersistedValue;
export interface PersistedAssignment {
    readonly name: string;
    /** Offsets in the searched text. */
    readonly nameStart: number;
    readonly valueStart: number;
    readonly valueEnd: number;
    readonly value: string;
}
/** AWS credential variable assignments in written text (`export X=…`, `X=…`, `Environment="X=…"`, `setenv X …`). */
export declare function credentialAssignmentsIn(text: string): PersistedAssignment[];
