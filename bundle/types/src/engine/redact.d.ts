import type { SecretKind } from '../rule.js';
/** Short form for messages: key ids keep prefix and last four, other secrets at most four characters. */
export declare function redact(value: string, kind: SecretKind): string;
/** Same-length mask for code frames and snippets. */
export declare function maskInPlace(value: string, kind: SecretKind): string;
/**
 * Masks anything in `line` that has the shape of an AWS key id or a secret, plus the explicit
 * ranges given. This is the fail-closed pass for every snippet and message: a secret that no
 * rule reported (a neighbour on the same line, a disabled rule, a broken or encoded key) is
 * still never printed. It masks
 * - every run of 40+ characters of the secret alphabet (decoded length) unless it is provably
 *   not a secret: hexadecimal (a SHA-1), or lacking either case (paths, words, constants);
 * - two runs separated by one character whose joined length is that of a key (38–42): a key
 *   broken by one inserted character still shows no 12-character piece.
 * Cost: one regex pass plus the masked characters.
 */
export declare function maskLine(line: string, ranges?: ReadonlyArray<{
    start: number;
    end: number;
    kind: SecretKind;
}>): string;
/**
 * maskLine, then fail-closed for a line that holds a finding and for every message: also any
 * run of 12 or more characters of the secret alphabet (decoded length) that is not provably
 * ordinary text. A key broken apart by one inserted or changed character (`AKIAFSSSJR3NW2_…`,
 * `aZ9fcPVtRLdu+QQoonBlnV${…`) no longer matches any key shape, yet each piece is one a reader
 * could reassemble; on the lines a finding points at, such pieces are exactly what is there.
 * Ordinary means: a path of word-like components, digits only (account ids, timestamps),
 * hexadecimal (hashes, resource ids), an identifier made of words (`NewStaticCredentialsProvider`,
 * `DescribeInstancesV2Command`, `AmazonEC2RoleforSSM`), lower-case letters only, or upper-case letters only
 * with the vowels of words (`CLOUDFORMATION`; a base32 key-id body has few vowels). An
 * upper-case run with digits (`AKIAFSSSJR3NW2`) is a key-id piece, never an identifier here.
 * Same length, so columns and `^^^` frames still line up. Cost: one more regex pass.
 */
export declare function maskFindingLine(line: string, ranges?: ReadonlyArray<{
    start: number;
    end: number;
    kind: SecretKind;
}>): string;
/**
 * The 12-character pieces of the secrets some rule found in a file: a copy of the same key
 * broken elsewhere in the file (`aws_accv/Arakg5FyHNDVEress_key_id`, a mutation or a bad
 * paste) may read like an identifier, but a piece of a known secret is provably one. Lookups
 * cost one 12-character slice per position of a line holding a finding.
 */
export declare class SecretPieces {
    #private;
    add(value: string): void;
    /** Ranges of `line` covered by known pieces, merged, as secret ranges for maskLine. */
    ranges(line: string): Array<{
        start: number;
        end: number;
        kind: SecretKind;
    }>;
}
/**
 * `mask` applied to the text around every occurrence of the `keep` strings, which are shown as
 * they are: the paths a result names (its `path` fields print them anyway). A path such as
 * `owner+repo/scripts/bootstrap.sh` is a run of the key alphabet, and masking it in a message
 * would hide which file is meant. Strings under 12 characters are never masked anyway.
 */
export declare function maskKeeping(text: string, keep: readonly string[], mask: (piece: string) => string): string;
/** maskFindingLine on every line of a text, showing the `keep` strings (see maskKeeping). */
export declare function maskFindingText(text: string, keep?: readonly string[]): string;
