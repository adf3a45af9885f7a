/** Stands for a part of an ARN that is not known statically. */
export declare const UNKNOWN = "\0";
/** One permission a call needs: an action on a resource (`*` for actions that only accept `*`, or when it cannot be named). */
export interface Need {
    /** `s3:CreateBucket` (the catalogue's spelling). */
    readonly action: string;
    /** An ARN template (UNKNOWN for unknown parts) or `*`. */
    readonly resource: string;
}
export type CallMapping = {
    readonly state: 'mapped';
    readonly command: string;
    readonly needs: readonly Need[];
}
/** Makes no call that needs a permission (`aws configure list`, `aws s3 presign` needs one only when the URL is used …). */
 | {
    readonly state: 'none';
    readonly command: string;
} | {
    readonly state: 'unresolved';
    readonly command: string;
    readonly reason: string;
};
/** A CLI word: its static value, or a template with UNKNOWN parts (undefined: nothing is known). */
export interface CliWord {
    readonly template: string;
    /** The word is fully known. */
    readonly known: boolean;
}
/**
 * What `aws <service> <operation> [args]` needs. `service` and `words` come after the CLI's
 * global options; each word is a template (UNKNOWN for unknown parts).
 */
export declare function cliCallNeeds(serviceWord: CliWord | undefined, words: readonly CliWord[]): CallMapping;
/** Renders an ARN template for a policy: unknown parts become `*`. */
export declare function renderResource(template: string): string;
/** The CLI service families mapped (for docs and reports). */
export declare const MAPPED_FAMILIES: {
    readonly highLevelS3: readonly ["ls", "cp", "mv", "rm", "sync", "mb", "rb", "presign", "website"];
    readonly exceptions: string[];
    readonly servicePrefixes: Readonly<Record<string, string>>;
};
