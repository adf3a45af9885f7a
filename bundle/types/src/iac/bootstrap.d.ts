import type { SourceDocument } from '../engine/document.js';
import type { GraphNode, ResourceGraph } from './graph.js';
import type { IacValue, Range } from './value.js';
import { type ShellWord } from '../parsers/shell.js';
import { type CallMapping, type CliWord } from '../iam/cli-actions.js';
export interface BootstrapCall {
    /** `aws s3 mb`. */
    readonly command: string;
    /** The command (from `aws` to its last word) in the scanned document. */
    readonly range: Range;
    readonly mapping: CallMapping;
    /**
     * Whose credentials the call uses: the instance role, or something else the script set up
     * before it (`--profile`, exported keys, `aws configure set`, a credentials file) — those are
     * not the role's problem and are never judged against it.
     */
    readonly credentials: 'role' | 'other';
}
/** What a bootstrap's AWS calls need: the calls alone (see bootstrapCallsOf). */
export interface BootstrapCalls {
    readonly calls: readonly BootstrapCall[];
}
export interface Bootstrap extends BootstrapCalls {
    /** A command that starts a web server (an SSRF surface), in the scanned document. */
    readonly webServer?: Range;
    /** A command that starts containers (they reach the metadata service through the hop limit). */
    readonly containers?: Range;
}
/** The user-data value of a compute node, when it has one. */
export declare function userDataValue(graph: ResourceGraph, node: GraphNode): IacValue | undefined;
/** Maps a range of a nested document to `ancestor` (the document the rule runs on). */
export declare function rangeIn(doc: SourceDocument, ancestor: SourceDocument, start: number, end: number): Range;
/** A shell word as a CLI word: its value, or its text with every expansion as UNKNOWN. */
export declare function cliWord(w: ShellWord): CliWord;
/**
 * Where a script may run the AWS CLI: a place where its text could spell a command word whose
 * static value ends in `aws` (awsInvocation needs commandName === 'aws', the value after the
 * last `/`). Such a value is built (src/parsers/shell.ts: plainWord, partsValueAt,
 * staticValueAt, after neutralizeTemplateInterpolations, which only rewrites `${…}`, `{{…}}`
 * and `{%…%}` to expansions or spaces of the same length) from literal characters, with
 * backslashes, quotes, `$''`/`$""` and escaped line breaks in between contributing nothing —
 * or from ANSI-C escapes (`$'\x61'`, `$'\141'`). So the three letters appear with only
 * those characters between them, and the last `s` is not followed by a character that would
 * continue the value as a plain word does (a letter, digit, `_`, `.`, `-`: `awscli`,
 * `aws-vault`, `aws.sh`); or some escape that could produce a letter is present. A script
 * that matches neither makes no AWS call (test/iac/bootstrap-prefilter.test.ts).
 */
export declare const AWS_CALL_TEXT: RegExp;
/** The bootstrap of a compute node (undefined when it has no user data that is known), computed once per document and node. */
export declare function bootstrapOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): Bootstrap | undefined;
/**
 * The AWS calls of a compute node's bootstrap alone (what the role must allow), the same
 * calls bootstrapOf lists: when no shell document of its user data could make an AWS call
 * (AWS_CALL_TEXT), none is parsed — the calls are none, whatever else the scripts do.
 */
export declare function bootstrapCallsOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapCalls | undefined;
