import type { FileKind } from './kinds.js';
import type { SourceDocument } from './engine/document.js';
export type Severity = 'error' | 'warning' | 'note';
export declare const SEVERITIES: readonly Severity[];
/** GitHub code scanning's precision scale. */
export type Precision = 'very-high' | 'high' | 'medium' | 'low';
/** What a reported range holds, so reports can mask it and fingerprints can hash it. */
export type SecretKind = 'access-key-id' | 'secret-access-key' | 'session-token' | 'secret';
export interface SecretRange {
    /** Offsets into the document's text, end exclusive. */
    readonly start: number;
    readonly end: number;
    readonly kind: SecretKind;
}
export interface ReportDescriptor {
    readonly messageId: string;
    readonly data?: Readonly<Record<string, string | number>>;
    /** Offsets into `context.document.text` of the offending token, end exclusive. */
    readonly start: number;
    readonly end: number;
    /** Secret values inside (or near) the reported token: masked in every report. */
    readonly secrets?: readonly SecretRange[];
    /**
     * The content that identifies this finding for its fingerprint. Defaults to the reported
     * text. Rules reporting a secret should leave the default or pass the secret itself: only
     * its hash is ever stored.
     */
    readonly identity?: string;
    /** Overrides the configured severity for this one finding (e.g. bootstrap context). */
    readonly severity?: Severity;
    /**
     * The secret this finding is about lives in another file (a Terraform variable's default in
     * a sibling `variables.tf`): when that file is scanned too and a finding there covers the
     * range, this finding is dropped — one defect, one finding, at the key.
     */
    readonly refersTo?: {
        readonly absPath: string;
        readonly text: string;
        readonly start: number;
        readonly end: number;
    };
    /**
     * Other places that explain the finding (offsets into the same document, each with a
     * message): SARIF `relatedLocations`, and with `flow` also one ordered `codeFlows` thread.
     */
    readonly related?: readonly RelatedRange[];
    /** `related` is a path walked in order (exposure → … → the statement): SARIF `codeFlows`. */
    readonly flow?: boolean;
    /** Machine-readable extras (a proposed policy …): SARIF result `properties`, JSON `properties`. Plain JSON values only. */
    readonly properties?: Readonly<Record<string, unknown>>;
}
export interface RelatedRange {
    readonly start: number;
    readonly end: number;
    readonly message: string;
}
/** Settings that every rule may consult, resolved from the configuration. */
export interface SharedSettings {
    /** AWS account ids whose keys are known canaries or test accounts: never reported. */
    readonly allowAccountIds: readonly string[];
    /** AWS account ids that are always reported, even when a rule would skip the value. */
    readonly denyAccountIds: readonly string[];
    /** `--show-secrets`: the user opted in to seeing whole secret values. */
    readonly showSecrets?: boolean;
}
export interface RuleContext<Options = Record<string, unknown>> {
    readonly document: SourceDocument;
    readonly options: Options;
    readonly settings: SharedSettings;
    report(descriptor: ReportDescriptor): void;
}
export interface RuleMeta<Options = Record<string, unknown>> {
    /** kebab-case, starts with a verb: `no-`, `require-`, `prefer-`, `valid-` (or is in CONTRACT_RULE_IDS). Never renamed. */
    readonly id: string;
    /** One sentence starting with Disallow / Require / Enforce. */
    readonly description: string;
    /** Longer explanation used as SARIF fullDescription. */
    readonly fullDescription: string;
    readonly severity: Severity;
    /** GitHub code scanning `security-severity`, 0.1–10. */
    readonly securitySeverity: number;
    readonly precision: Precision;
    /** CWE ids like `CWE-798`. */
    readonly cwe: readonly string[];
    readonly tags?: readonly string[];
    /** File kinds this rule looks at; `all` for every text file. */
    readonly kinds: readonly FileKind[] | 'all';
    /**
     * Cheap pre-filter: the rule runs on a document only if this matches its text somewhere.
     * Costs one regex scan (GB/s) instead of a parse (MB/s).
     */
    readonly keywords?: RegExp;
    /**
     * Pre-filters for particular kinds, used instead of `keywords` for documents of that kind
     * (IAM in JavaScript is CDK code, which imports aws-cdk-lib: words like `statement` are
     * everywhere in other code).
     */
    readonly kindKeywords?: Readonly<Partial<Record<FileKind, RegExp>>>;
    /** Message templates with `{{placeholder}}`s, keyed by message id. */
    readonly messages: Readonly<Record<string, string>>;
    /** How to fix, in Markdown; SARIF `help`. */
    readonly recommendation: string;
    readonly references?: readonly string[];
    readonly defaultOptions: Options;
    /**
     * Rules this one is more specific than: when both report the very same range, only this
     * rule's finding is kept (one problem, one alert, under the most specific id).
     */
    readonly supersedes?: readonly string[];
    /** Validates user options merged over the defaults; returns an error text or the options. */
    readonly parseOptions?: (raw: Record<string, unknown>) => Options | string;
    /**
     * JSON schema of the options object (ESLint validates rule options with it). Derived from
     * `defaultOptions` when absent; a rule with `parseOptions` should state it.
     */
    readonly optionsSchema?: Readonly<Record<string, unknown>>;
}
export interface Rule<Options = Record<string, unknown>> extends RuleMeta<Options> {
    readonly helpUri: string;
    check(context: RuleContext<Options>): void;
}
export type AnyRule = Rule<any>;
export declare const REPOSITORY_URL = "https://github.com/credlint/credlint";
export declare const DOCS_BASE_URL = "https://github.com/credlint/credlint/blob/main/docs/rules/";
export declare function ruleHelpUri(id: string): string;
/**
 * Ids fixed by an issue's contract that do not start with a verb prefix (they name a
 * comparison, not a prohibition). Listed one by one so the convention stays the rule.
 */
export declare const CONTRACT_RULE_IDS: ReadonlySet<string>;
export declare function defineRule<Options extends object = Record<string, unknown>>(definition: RuleMeta<Options> & {
    check(context: RuleContext<Options>): void;
}): Rule<Options>;
/** Fills `{{name}}` placeholders; unknown placeholders are left visible so tests catch them. */
export declare function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string;
export declare function severityRank(severity: Severity): number;
