/**
 * A RegExp whose `test` answers "does some line contain a match of every one of `parts`"
 * (in any order — a superset of the ordered form, which is all a pre-filter promises), and
 * whose `anchor` part is searched first across the text. Linear: after the anchor's first hit
 * on a line, the line is checked and the scan jumps to the next line.
 */
export declare class LineKeywords extends RegExp {
    #private;
    constructor(anchor: RegExp, others: readonly RegExp[]);
    test(text: string): boolean;
}
/** `test` passes when any of `parts` does (each part tested on its own). */
export declare class AnyOf extends RegExp {
    #private;
    constructor(parts: readonly RegExp[]);
    test(text: string): boolean;
}
/**
 * `test`: some `anchor` match is followed by a `target` match that starts within `maxGap`
 * characters of it, with no line break between other than one continued by a character of
 * `continuation` (`\`, backtick, `^`). The regex form `a(?:[^\n]|\\\n){0,400}?b` costs 400
 * steps at every `a`; this keeps one pointer to the next `target` and one to the next bare line
 * break, both moving forward only, so a text costs one pass of each regex.
 */
export declare class WordsNear extends RegExp {
    #private;
    /** Regex executions of the last `test` (a work counter for the growth tests). */
    lastWork: number;
    constructor(anchor: RegExp, target: RegExp, maxGap: number, continuation: string, source: string);
    test(text: string): boolean;
}
