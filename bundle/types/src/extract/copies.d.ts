/** Escape sequences (`\n`, `\u0041`, `\/`) in JSON, HCL or double-quoted YAML strings; any backslash counts. */
export declare function hasEscapes(text: string): boolean;
/** Escapes of a YAML scalar: backslashes (double-quoted) and doubled single quotes (single-quoted). */
export declare function hasYamlEscapes(text: string): boolean;
/** A run of the base64 alphabet that decodes to readable text, as the user-data extractors would decode it. */
export declare function hasDecodableBase64(text: string): boolean;
/**
 * The value text of every `name = …` attribute of an HCL file: a heredoc through its closing
 * marker, a plain quoted literal, or undefined for anything else (an expression, a reference,
 * a quoted string with interpolation or escapes, a heredoc that never closes). Text that only
 * looks like such an attribute (inside another heredoc) adds an entry; it never hides one.
 */
export declare function terraformValueExtents(text: string, name: string): Array<string | undefined>;
