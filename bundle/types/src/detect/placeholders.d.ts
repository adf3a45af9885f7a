/**
 * True when `value` (already unquoted, but surrounding quotes are tolerated) stands for a
 * credential instead of being one: empty, an interpolation or reference, a masked or filler
 * string, or a value made of placeholder words. Case-insensitive where words are involved.
 */
export declare function isPlaceholder(value: string): boolean;
