/**
 * Literal anchors of a keyword RegExp: every match contains one of them (lower-cased when the
 * RegExp ignores case). Undefined when the source uses what this reading does not model, or
 * when a match may hold no literal at all (`\w+`).
 */
export declare function keywordAnchors(re: RegExp): readonly string[] | undefined;
/**
 * The keywords of one kind (a setup's rules and extractors for documents of that kind), judged
 * together. `maybe(text)` says which of them may match: those an anchor of which occurs in the
 * text. It finds that in one left-to-right pass: a case-insensitive alternation of the anchors
 * of the keywords not yet known to be possible finds the leftmost anchor; its keywords become
 * possible, their anchors leave the alternation and the search goes on from that position.
 * No anchor of a keyword still open occurs before it (the previous, larger alternation would
 * have stopped there), so a keyword left open at the end has no anchor in the text: it cannot
 * match. Each step settles at least one keyword, so a text costs at most one step per keyword.
 */
export declare class KeywordFilter {
    #private;
    private constructor();
    /** Undefined when some keyword has no anchors (nothing can be ruled out on its behalf) or there is nothing to share. */
    static of(keywords: readonly RegExp[]): KeywordFilter | undefined;
    /** Marks in `possible` (one flag per keyword, false on entry) the keywords that may match `text`. */
    maybe(text: string, possible: boolean[]): void;
}
