import type { SourceDocument } from '../engine/document.js';
export type PsTokenType = 'word' | 'string' | 'variable' | 'splat' | 'operator' | 'newline';
export interface PsToken {
    readonly type: PsTokenType;
    /** Raw source text, quotes included. */
    readonly text: string;
    readonly start: number;
    readonly end: number;
    /** The value when statically known (a bare word, a string without expansions); else undefined. */
    readonly value: string | undefined;
    /** The value with expansions kept as written (`"$env:HOME\.aws"` → `$env:HOME\.aws`). */
    readonly loose: string;
    readonly quote: '' | "'" | '"';
    readonly here: boolean;
    /** Variables a double-quoted string or here-string expands (`env:USERPROFILE`, `key`). */
    readonly variables: readonly string[];
    /** Range of the content inside quotes (the token itself for bare words). */
    readonly contentStart: number;
    readonly contentEnd: number;
    /** Whitespace separates this token from the one before (`-Uri:"x"` has none). */
    readonly spaceBefore: boolean;
}
export type PsGroupOpen = '(' | '$(' | '@(' | '{' | '@{' | '[';
export interface PsGroup {
    readonly type: 'group';
    readonly open: PsGroupOpen;
    readonly start: number;
    readonly end: number;
    readonly statements: readonly PsStatement[];
}
export type PsElement = PsToken | PsGroup;
export interface PsCommand {
    readonly elements: readonly PsElement[];
    readonly start: number;
    readonly end: number;
    /** The command before it in a pipeline (`'x' | Set-Content f`). */
    readonly upstream: PsCommand | undefined;
    /** 0 at the top of the script; 1+ inside groups and script blocks. */
    readonly depth: number;
    /** The statement's assignment when this command is its value (`$r = Invoke-RestMethod …`). */
    readonly assignedTo: string | undefined;
}
export interface PsAssignment {
    /** Variable name without `$`, scope kept: `env:AWS_SECRET_ACCESS_KEY`, `key`. */
    readonly name: string;
    readonly nameStart: number;
    readonly nameEnd: number;
    readonly operator: string;
    /** Elements of the right-hand side (its first command's elements). */
    readonly value: readonly PsElement[];
    readonly valueStart: number;
    readonly valueEnd: number;
    readonly start: number;
}
export interface PsStatement {
    readonly assignment: PsAssignment | undefined;
    readonly pipeline: readonly PsCommand[];
    readonly start: number;
    readonly end: number;
}
export interface PsScript {
    readonly statements: readonly PsStatement[];
    /** Every command at any depth, in source order. */
    readonly commands: readonly PsCommand[];
    /** Every assignment at any depth, in source order. */
    readonly assignments: readonly PsAssignment[];
    readonly start: number;
    readonly end: number;
}
/** Tokenizes `text[from, to)`; offsets are offsets into `text`. */
export declare function tokenizePowerShell(text: string, from?: number, to?: number): PsToken[];
/** Parses PowerShell source (`text[from, to)`) into the model; never throws. */
export declare function parsePowerShell(text: string, from?: number, to?: number): PsScript;
/**
 * The PowerShell scripts of a document: a whole `.ps1` / `powershell` document, or each
 * `<powershell>` block of EC2Launch/EC2Config user data.
 */
export declare function powerShellScripts(doc: SourceDocument): readonly PsScript[];
export declare function isToken(e: PsElement | undefined): e is PsToken;
/** The static value of an element: a word, a string without expansions, `('x')`. */
export declare function staticValue(e: PsElement | undefined): string | undefined;
/** The text of an element with expansions as written (for path patterns). */
export declare function looseValue(e: PsElement | undefined, text: string): string;
/** The command's name, lower-cased, path and `.exe` stripped: `& "C:\…\aws.exe"` → `aws`. */
export declare function psCommandName(command: PsCommand): string | undefined;
/** Like psCommandName, following `& $exe` to a literal assigned to `$exe` earlier. */
export declare function psResolvedCommandName(script: PsScript, command: PsCommand): string | undefined;
/** The name element itself (for reporting and path resolution). */
export declare function psCommandWord(command: PsCommand): PsToken | undefined;
/** Whether the command is invoked with `.` (dot-sourced: runs in the caller's scope). */
export declare function isDotSourced(command: PsCommand): boolean;
/** Arguments after the command name. Adjacent tokens (`-Uri:"x"`) stay separate elements. */
export declare function psArguments(command: PsCommand): readonly PsElement[];
export interface PsParameterValue {
    /** The `-Name` token. */
    readonly parameter: PsToken;
    /** Its value; undefined for a switch. */
    readonly value: PsElement | undefined;
}
/**
 * A named parameter (`-SecretKey x`, `-SecretKey:x`), matched case-insensitively by its full
 * name or an unambiguous prefix the caller accepts through `names` (e.g. /^-(?:Uri|U)$/i).
 */
export declare function psParameter(command: PsCommand, names: RegExp): PsParameterValue | undefined;
/** Positional arguments (not `-Name` parameters nor their values), in order. */
export declare function psPositionals(command: PsCommand): PsElement[];
export interface PsHashEntry {
    readonly key: string;
    readonly keyElement: PsElement;
    readonly value: readonly PsElement[];
}
/** Entries of a hashtable literal `@{ Key = value; 'Other-Key' = … }`. */
export declare function hashtableEntries(group: PsElement | undefined): PsHashEntry[];
/** The last assignment of `name` (case-insensitive, as PowerShell) before `offset`. */
export declare function psAssignmentBefore(script: PsScript, name: string, offset: number): PsAssignment | undefined;
/**
 * The static value of an element, following a `$variable` to a literal assigned earlier in the
 * script (`$key = 'AKIA…'; … $key`). Undefined when it is computed.
 */
export declare function resolvedValue(script: PsScript, e: PsElement | undefined, depth?: number): string | undefined;
/** For a splatted `@params`, the hashtable assigned to `$params` before the command. */
export declare function splattedEntries(script: PsScript, command: PsCommand): PsHashEntry[];
/** Arguments of a method call `X::M(a, b)` / `$o.M(a, b)`: the group's elements split at commas. */
export declare function callArguments(group: PsElement | undefined): PsElement[][];
export interface PsWord {
    /** The value without quotes (expansions as written when not static). */
    readonly value: string;
    readonly start: number;
    readonly end: number;
    readonly contentStart: number;
    readonly contentEnd: number;
    readonly quote: '' | "'" | '"';
    /** True when the value is a literal (no expansion, no sub-expression). */
    readonly literal: boolean;
    readonly element: PsElement;
}
/** A command's elements as command-line words (for token-level matching such as `aws configure set k v`). */
export declare function psWords(command: PsCommand, text: string): PsWord[];
