export type CodeFamily = 'python' | 'ruby' | 'c' | 'php' | 'go' | 'csharp';
export interface Token {
    readonly type: 'ident' | 'string' | 'number' | 'punct';
    /** Identifier name, punctuation, or (for a string) its decoded value when static. */
    readonly value: string;
    readonly start: number;
    readonly end: number;
    /** For strings: the characters between the quotes. */
    readonly contentStart?: number;
    readonly contentEnd?: number;
    /** For strings: false when it interpolates (`f"{x}"`, `"#{x}"`, `"$x"`, `$"{x}"`). */
    readonly static?: boolean;
}
/** The family of a `languageOf()` hint, or undefined for languages this tokenizer does not read. */
export declare function codeFamilyOf(language: string): CodeFamily | undefined;
export declare function tokenize(text: string, family: CodeFamily): Token[];
