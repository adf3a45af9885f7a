import type { LineIndex } from './document.js';
export type DirectiveKind = 'file' | 'line' | 'next-line';
export interface Directive {
    readonly kind: DirectiveKind;
    /** Rule ids named; empty means every rule. */
    readonly ruleIds: readonly string[];
    readonly justification?: string;
    /** 1-based line the directive is written on. */
    readonly line: number;
    /** 1-based column of the word `credlint-disable…`. */
    readonly column: number;
    /** 1-based line it applies to (undefined for file-wide). */
    readonly target?: number;
}
export declare const MARKER = "credlint-disable";
/** The marker as a keyword: the engine's combined keyword pass answers "no directive" with the rest. */
export declare const MARKER_KEYWORD: RegExp;
export declare function parseDirectives(text: string, lines: LineIndex): Directive[];
/** Whether `directive` covers a finding of `ruleId` spanning lines [startLine, endLine]. */
export declare function directiveCovers(directive: Directive, ruleId: string, startLine: number, endLine: number): boolean;
