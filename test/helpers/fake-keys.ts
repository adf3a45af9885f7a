// Deterministic fake AWS credentials, generated at test time so no fixture holds a
// live-looking key in plain text. Same seed → same value, so snapshots are stable.
// The AWS documentation examples (…EXAMPLE) are special-cased by the rules and so are not
// valid stand-ins for real keys.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function seedOf(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: string): () => number {
  let a = seedOf(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

/** A 20-character access key id with a random base32 body (always holding a digit, as most real ones do). */
export function fakeAccessKeyId(seed: string | number, prefix: 'AKIA' | 'ASIA' | 'ABIA' | 'ACCA' = 'AKIA'): string {
  const rand = prng(`akid:${prefix}:${seed}`);
  for (;;) {
    const body = pick(rand, BASE32, 16);
    // New-format ids (5th char not I/J) encode an account id; keep them in the 12-digit range
    // by forcing the first char to the lower half of the alphabet.
    const first = BASE32[Math.floor(rand() * 8)] as string;
    const id = prefix + first + body.slice(1);
    if (/[2-7]/.test(id.slice(4)) && !id.endsWith('EXAMPLE')) return id;
  }
}

/** A 40-character secret access key with mixed case, digits and at least one / or +. */
export function fakeSecretAccessKey(seed: string | number): string {
  const rand = prng(`secret:${seed}`);
  for (;;) {
    const s = pick(rand, SECRET_CHARS, 40);
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
  }
}

/** An STS session token shape: long base64 (real ones are 300–1000+ characters). */
export function fakeSessionToken(seed: string | number, length = 356): string {
  const rand = prng(`token:${seed}`);
  return `IQoJb3JpZ2luX2Vj${pick(rand, SECRET_CHARS, length - 16)}`;
}

/**
 * Replaces `{{AKIA:n}}`, `{{ASIA:n}}`, `{{ABIA:n}}`, `{{ACCA:n}}`, `{{SECRET:n}}` and
 * `{{TOKEN:n}}` (and `{{JOIN:a|b}}`) in fixture text with generated values; returns the text and the values used.
 */
export function renderTemplate(text: string): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  // {{JOIN:a|b}} → "ab": lets a negative fixture hold a key-shaped word (`ASIA` + `ASACKOF…`)
  // without the file itself matching naive key greps.
  const joined = text.replace(/\{\{JOIN:([^}|]*)\|([^}]*)\}\}/g, (_m, a: string, b: string) => a + b);
  const rendered = joined.replace(/\{\{(AKIA|ASIA|ABIA|ACCA|SECRET|TOKEN):([\w-]+)\}\}/g, (_m, kind: string, seed: string) => {
    const value =
      kind === 'SECRET'
        ? fakeSecretAccessKey(seed)
        : kind === 'TOKEN'
          ? fakeSessionToken(seed)
          : fakeAccessKeyId(seed, kind as 'AKIA');
    secrets.push(value);
    return value;
  });
  return { text: rendered, secrets };
}
