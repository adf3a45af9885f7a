// Rule model shared by every front end (CLI, ESLint plugin, Action).
// A rule is declared once with defineRule(); its metadata is enough to build the SARIF
// `rules[]` entry with no other lookup, and its help URI is derived from its id.
import type { FileKind } from './kinds.js';
import type { SourceDocument } from './engine/document.js';

export type Severity = 'error' | 'warning' | 'note';
export const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];

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
  readonly refersTo?: { readonly absPath: string; readonly text: string; readonly start: number; readonly end: number };
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

export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const REPOSITORY_URL = 'https://github.com/credlint/credlint';
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export function ruleHelpUri(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

const RULE_ID = /^(no|require|prefer|valid)-[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * Ids fixed by an issue's contract that do not start with a verb prefix (they name a
 * comparison, not a prohibition). Listed one by one so the convention stays the rule.
 */
export const CONTRACT_RULE_IDS: ReadonlySet<string> = new Set(['bootstrap-permissions-match-role']);

export function defineRule<Options extends object = Record<string, unknown>>(
  definition: RuleMeta<Options> & { check(context: RuleContext<Options>): void },
): Rule<Options> {
  if (!RULE_ID.test(definition.id) && !CONTRACT_RULE_IDS.has(definition.id)) {
    throw new Error(`rule id "${definition.id}" must be kebab-case and start with no-, require-, prefer- or valid-`);
  }
  if (definition.keywords && (definition.keywords.global || definition.keywords.sticky)) {
    throw new Error(`rule ${definition.id}: keywords must not be a global or sticky regex (test() would keep state)`);
  }
  for (const re of Object.values(definition.kindKeywords ?? {})) {
    if (re && (re.global || re.sticky)) throw new Error(`rule ${definition.id}: kindKeywords must not be global or sticky regexes`);
  }
  if (!(definition.securitySeverity >= 0.1 && definition.securitySeverity <= 10)) {
    throw new Error(`rule ${definition.id}: security-severity must be within 0.1–10`);
  }
  return { ...definition, helpUri: ruleHelpUri(definition.id) };
}

/** Fills `{{name}}` placeholders; unknown placeholders are left visible so tests catch them. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    data && Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
