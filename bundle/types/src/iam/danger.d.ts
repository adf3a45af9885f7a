import type { Effective, Grant } from './effective.js';
import type { Range } from '../iac/value.js';
export interface Danger {
    readonly kind: 'admin' | 'escalation' | 'credentials';
    /** `has full administrative access`, `can escalate with iam:AttachRolePolicy` … */
    readonly what: string;
    readonly grant: Grant;
    readonly action: string;
}
/** What makes a role dangerous, the worst first; undefined for a role that is none of these (or not known). */
export declare function dangerOf(eff: Effective): Danger | undefined;
/** Where a grant is written: the action entry that covers `action`, the managed policy attachment, or the statement. */
export declare function grantRange(g: Grant, action: string): Range | undefined;
