// Cheap textual checks behind the extractors' `copiesHost` answers (see types.ts): whether what
// an extractor would hand over could hold text that is not a run of its host's — escape
// sequences, a base64 literal the extractor decodes, a Terraform value that is not a literal.
// Each is a regex pass or two over the host text, never a parse, and errs towards "could".
import { decodeBase64Text } from './documents.js';

/** Escape sequences (`\n`, `\u0041`, `\/`) in JSON, HCL or double-quoted YAML strings; any backslash counts. */
export function hasEscapes(text: string): boolean {
  return text.includes('\\');
}

/** Escapes of a YAML scalar: backslashes (double-quoted) and doubled single quotes (single-quoted). */
export function hasYamlEscapes(text: string): boolean {
  return text.includes('\\') || text.includes("''");
}

const BASE64_RUN = /[A-Za-z0-9+/]{8,}={0,2}/g;

/** A run of the base64 alphabet that decodes to readable text, as the user-data extractors would decode it. */
export function hasDecodableBase64(text: string): boolean {
  for (const m of text.matchAll(BASE64_RUN)) {
    if (m[0].length % 4 === 0 && decodeBase64Text(m[0]) !== undefined) return true;
  }
  return false;
}

const HEREDOC_START = /^<<-?[ \t]*([A-Za-z_][\w-]*)[^\n]*\n/;
/** A quoted HCL string that is the whole value: no interpolation, directive or escape, nothing after it but a comment. */
const PLAIN_QUOTED = /^"(?:[^"\\$%\n]|\$(?!\{)|%(?!\{))*"[ \t]*(?:(?:#|\/\/)[^\n]*)?(?:\r?\n|$)/;

/**
 * The value text of every `name = …` attribute of an HCL file: a heredoc through its closing
 * marker, a plain quoted literal, or undefined for anything else (an expression, a reference,
 * a quoted string with interpolation or escapes, a heredoc that never closes). Text that only
 * looks like such an attribute (inside another heredoc) adds an entry; it never hides one.
 */
export function terraformValueExtents(text: string, name: string): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  const attribute = new RegExp(`\\b${name}\\b["']?[ \\t]*[=:][ \\t]*`, 'g');
  for (const m of text.matchAll(attribute)) {
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 2);
    if (rest === '<<') {
      const head = HEREDOC_START.exec(text.slice(at, text.indexOf('\n', at) + 1 || text.length));
      if (!head) {
        out.push(undefined);
        continue;
      }
      const bodyStart = at + head[0].length;
      const close = new RegExp(`^[ \\t]*${head[1]}[ \\t]*\\r?$`, 'm').exec(text.slice(bodyStart));
      out.push(close ? text.slice(at, bodyStart + close.index + close[0].length) : undefined);
    } else if (rest.startsWith('"')) {
      const literal = PLAIN_QUOTED.exec(text.slice(at, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1));
      out.push(literal ? literal[0] : undefined);
    } else {
      out.push(undefined);
    }
  }
  return out;
}
