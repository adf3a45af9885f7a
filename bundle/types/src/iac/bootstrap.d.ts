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
export interface Bootstrap {
    readonly calls: readonly BootstrapCall[];
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
/** The bootstrap of a compute node (undefined when it has no user data that is known), computed once per document and node. */
export declare function bootstrapOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): Bootstrap | undefined;
