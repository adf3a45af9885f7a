// Redaction: the single place that decides what of a secret may be shown.
// Messages use the short form (`AKIA…WXYZ`); code frames and snippets keep the length so
// columns and `^^^` markers still line up (`AKIA************WXYZ`).
import type { SecretKind } from '../rule.js';

/** Short form for messages: key ids keep prefix and last four, other secrets at most four characters. */
export function redact(value: string, kind: SecretKind): string {
  if (kind === 'access-key-id') {
    if (value.length < 12) return '****';
    return `${value.slice(0, 4)}…${value.slice(-4)}`;
  }
  if (value.length < 16) return '****';
  return `${value.slice(0, 4)}…`;
}

/** Same-length mask for code frames and snippets. */
export function maskInPlace(value: string, kind: SecretKind): string {
  if (kind === 'access-key-id' && value.length >= 12) {
    return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
  }
  if (value.length >= 16) return value.slice(0, 4) + '*'.repeat(value.length - 4);
  return '*'.repeat(value.length);
}

const KEY_ID_IN_TEXT = /(?<![A-Za-z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g;
// 40-char secret access keys and longer base64 runs (session tokens).
const SECRETISH = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40,}={0,2}(?![A-Za-z0-9/+=])/g;

/**
 * Masks anything in `line` that has the shape of an AWS key id or a long base64 secret,
 * plus the explicit ranges given. This is a belt-and-braces pass for snippets: a secret
 * that no rule reported (a neighbour on the same line) is still never printed.
 */
export function maskLine(line: string, ranges: ReadonlyArray<{ start: number; end: number; kind: SecretKind }> = []): string {
  const chars = line.split('');
  const apply = (start: number, end: number, kind: SecretKind) => {
    const s = Math.max(0, start);
    const e = Math.min(chars.length, end);
    if (e <= s) return;
    const masked = maskInPlace(line.slice(s, e), kind);
    for (let i = s; i < e; i++) chars[i] = masked[i - s] as string;
  };
  for (const r of ranges) apply(r.start, r.end, r.kind);
  for (const m of line.matchAll(KEY_ID_IN_TEXT)) apply(m.index, m.index + m[0].length, 'access-key-id');
  for (const m of line.matchAll(SECRETISH)) {
    if (isLikelySecretRun(m[0])) apply(m.index, m.index + m[0].length, 'secret');
  }
  return chars.join('');
}

/** A base64 run that mixes cases and digits the way keys do (not a path or a hex hash). */
function isLikelySecretRun(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
}

/** What a message may show of a secret: redacted, unless the user passed `--show-secrets`. */
export function displaySecret(value: string, kind: SecretKind, settings: { readonly showSecrets?: boolean }): string {
  return settings.showSecrets ? value : redact(value, kind);
}
