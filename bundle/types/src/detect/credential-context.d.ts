import type { SourceDocument } from '../engine/document.js';
/** What a credential name labels. */
export type CredentialNameKind = 'secret-access-key' | 'session-token' | 'access-key-id';
export interface CredentialNameSet {
    readonly kind: CredentialNameKind;
    /** Source of a case-insensitive regex for the literal every such name contains (the hit anchor). */
    readonly coreSource: string;
    /** Tests a name normalised by normalizeCredentialName (lower-case, letters and digits only). */
    readonly normalized: RegExp;
}
/**
 * `aws_secret_access_key`, `AWS_SECRET_KEY`, `secret_key`, `secretAccessKey`, `SecretKey`,
 * `aws-secret-access-key`, `--secret-access-key`, `awsSecret`, `fs.s3a.secret.key`,
 * `aws.secretKey`, `s3_secret`, with an optional numeric suffix (`SECRET_KEY_2`).
 * Not `secret`, `client_secret` or `secret_key_base` (Rails): too generic or not AWS.
 */
export declare const SECRET_ACCESS_KEY_NAMES: CredentialNameSet;
/** `aws_session_token`, `AWS_SESSION_TOKEN`, `aws_security_token`, `sessionToken`, `SessionToken`, `x-amz-security-token`. */
export declare const SESSION_TOKEN_NAMES: CredentialNameSet;
/** `aws_access_key_id`, `AWS_ACCESS_KEY_ID`, `accessKeyId`, `AccessKeyId`, `access_key` (.s3cfg, Terraform), `AWSAccessKeyId`. */
export declare const ACCESS_KEY_ID_NAMES: CredentialNameSet;
export declare const CREDENTIAL_NAME_SETS: readonly CredentialNameSet[];
/** Lower-case letters and digits only: `--AWS-Secret_Access.Key` → `awssecretaccesskey`. */
export declare function normalizeCredentialName(name: string): string;
export declare function isCredentialName(name: string, set: CredentialNameSet): boolean;
/** Which syntax joined name and value (for messages and for callers that want only some). */
export type AssignmentSyntax = 'assignment' | 'call-argument' | 'xml' | 'name-value-pair' | 'whitespace';
export interface CredentialAssignment {
    readonly kind: CredentialNameKind;
    readonly name: string;
    readonly nameStart: number;
    readonly nameEnd: number;
    /** The value without quotes; may be empty (`AWS_SECRET_ACCESS_KEY=`). */
    readonly value: string;
    readonly valueStart: number;
    readonly valueEnd: number;
    /** The quote that delimited the value, or '' for a bare value. */
    readonly quote: string;
    readonly syntax: AssignmentSyntax;
}
export interface FindOptions {
    /** Only names starting in [from, to) are considered (a window around something else). */
    readonly from?: number;
    readonly to?: number;
}
/**
 * Finds `name <separator> value` pairs whose name belongs to one of `sets`, in any of the
 * syntaxes listed at the top of this module. Results are in text order; a name yields at
 * most one value. Values are returned unquoted with their exact range.
 */
export declare function findCredentialAssignments(text: string, sets: readonly CredentialNameSet[], options?: FindOptions): CredentialAssignment[];
/**
 * A 40-character secret access key candidate on boundaries that exclude longer base64 runs:
 * no base64 character before, none (nor `=` padding) after. `key=VALUE` still matches
 * because `=` is allowed before.
 */
export declare const SECRET_ACCESS_KEY_CANDIDATE_SOURCE = "(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])";
export declare function secretAccessKeyCandidatePattern(): RegExp;
/** How many lines above or below a key id a secret may sit and still count as its pair. */
export declare const PAIRING_LINE_DISTANCE = 5;
export interface Located {
    readonly value: string;
    readonly start: number;
    readonly end: number;
    /** 0-based line. */
    readonly line: number;
}
/** Offset of the start of the line `lines` lines before `offset` (or 0). */
export declare function lineWindowStart(text: string, offset: number, lines: number): number;
/** Offset just after the end of the line `lines` lines after `offset` (or the text's end). */
export declare function lineWindowEnd(text: string, offset: number, lines: number): number;
/**
 * The 40-char candidates within `lines` lines of `offset`, filtered by `accept`.
 * Costs two binary searches plus the candidates returned (the text is scanned once per document).
 */
export declare function secretCandidatesNear(text: string, offset: number, accept: (value: string) => boolean, lines?: number): Array<{
    value: string;
    start: number;
    end: number;
}>;
/**
 * The union of secretCandidatesNear over `offsets` (sorted ascending), each candidate once, in
 * text order: O(offsets · log n + candidates), however many windows overlap.
 */
export declare function secretCandidatesNearAny(text: string, offsets: readonly number[], accept: (value: string) => boolean, lines?: number): Array<{
    value: string;
    start: number;
    end: number;
}>;
/** The first candidate accepted by `accept` within `lines` lines of `offset`, if any. */
export declare function firstSecretCandidateNear(text: string, offset: number, accept: (value: string) => boolean, lines?: number): {
    value: string;
    start: number;
    end: number;
} | undefined;
/**
 * The item of `items` (sorted by line) nearest to `line` within `distance` lines, if any; on a
 * tie the earlier one. A binary search: called once per candidate secret, so a linear scan
 * here made a file of thousands of pairs quadratic.
 */
export declare function nearestByLine<T extends {
    readonly line: number;
}>(items: readonly T[], line: number, distance?: number): T | undefined;
export interface KeyIdOccurrence extends Located {
    /** The account encoded in a new-format id, if any. */
    readonly account: string | undefined;
}
/**
 * Access key ids that can anchor a pairing: every id in the text except the documentation
 * examples, upper-case word runs and typed stand-ins (which are not keys, so nothing near
 * them is paired).
 */
export declare function findKeyIds(text: string, lineOf: (offset: number) => number): KeyIdOccurrence[];
/** `deny` when the account is deny-listed (always report), `allow` when allow-listed (never report). */
export declare function accountListing(account: string | undefined, settings: {
    readonly allowAccountIds: readonly string[];
    readonly denyAccountIds: readonly string[];
}): 'allow' | 'deny' | 'none';
/**
 * The gate every free-text value detector applies to a candidate secret: it must have the
 * shape (`looksLike`) and not be a placeholder; a paired key id of an allow-listed account
 * silences it; a documentation example is skipped unless it sits next to a deny-listed
 * account's id. Returns the paired key id (if any) when the value is to be reported, or
 * `false` to skip it.
 */
export declare function acceptSecretValue(value: string, line: number, keyIds: readonly KeyIdOccurrence[], settings: {
    readonly allowAccountIds: readonly string[];
    readonly denyAccountIds: readonly string[];
}, checks: {
    readonly looksLike: (value: string) => boolean;
    readonly isExample: (value: string) => boolean;
}): {
    pair: KeyIdOccurrence | undefined;
} | false;
/**
 * A keyword pre-filter shared by several rules. The engine tests each rule's `keywords`
 * against a document's text one rule after another; this RegExp remembers the last text it
 * saw (an identity comparison, O(1) for the same string) and answers the following rules
 * from memory, so N rules sharing it cost one scan instead of N. It is a plain, non-global
 * RegExp to every other consumer (ESLint adapter, tests).
 */
export declare class SharedKeywords extends RegExp {
    #private;
    constructor(source: string, flags?: string);
    test(text: string): boolean;
}
/**
 * A pre-filter that passes when any of its parts does. Each part is a SharedKeywords, so a
 * part that another rule (or another union) already tested on this text costs nothing.
 * Why not one alternation: irregexp scans a union of case-sensitive capitals and
 * case-insensitive words several times slower than either alone (its Boyer–Moore lookahead
 * needs a small set of possible first characters), so two fast scans beat one slow one.
 * As a plain RegExp (source, exec, match) it is the case-insensitive union of the parts:
 * a superset, which is all a pre-filter promises.
 */
export declare class AnyKeywords extends RegExp {
    #private;
    constructor(parts: readonly SharedKeywords[]);
    test(text: string): boolean;
}
/**
 * Key ids (AKIA, ASIA, ABIA, ACCA, A3T) and STS token headers (AQoD, IQoJ, FwoG). Every
 * alternative opens on a capital, mostly `A`, which keeps irregexp at ~2 GB/s; adding the
 * three token headers to the key-id prefixes costs nothing measurable (22.5 → 23–25 ms on
 * 44 MB of node_modules, within noise). Selective: 16 of 4 275 node_modules files pass.
 */
export declare const KEY_LITERAL_KEYWORDS: SharedKeywords;
/**
 * The credential names the assignment scanner anchors on (`secret`, `session token`,
 * `security token`, `access key`), built from the very sources findCredentialAssignments
 * uses, so a document this rejects can hold no assignment at all. ~1.2 GB/s, and selective:
 * 12 of 4 275 node_modules files pass (a bare `oken`, the previous keyword, let 524 through).
 */
export declare const CREDENTIAL_NAME_KEYWORDS: SharedKeywords;
/**
 * Pre-filter for the credential rules (secret access key, session token, credentials file):
 * a credential name (which includes the IAM console CSV header's `Secret access key`), a key
 * id or an STS token header. The no-hardcoded-access-key-id rule uses KEY_LITERAL_KEYWORDS,
 * one of the two parts, so with all four rules enabled a document costs two scans in all.
 */
export declare const CREDENTIAL_KEYWORDS: RegExp;
export interface CredentialScan {
    /** Assignments to secret-key, session-token and access-key-id names, in text order. */
    readonly assignments: readonly CredentialAssignment[];
    /** Access key ids that can anchor a pairing (see findKeyIds). */
    readonly keyIds: readonly KeyIdOccurrence[];
}
/**
 * The credential assignments and key ids of a document, computed once and shared by every
 * rule that asks (the cache is keyed by the document object, so it dies with it).
 */
export declare function credentialScan(document: SourceDocument): CredentialScan;
