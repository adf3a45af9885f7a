// Key-shaped values for the benchmarks, generated at run time (no key in plain text in the
// repository). Not for tests: test/helpers/fake-keys.ts is the tests' generator.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function lcg(seed: number): () => number {
  let a = (seed * 2654435761 + 1) >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

export function fakeAccessKeyIdForBench(i: number, prefix = 'AKIA'): string {
  const r = lcg(i + 17);
  let s = prefix + BASE32[Math.floor(r() * 8)];
  for (let k = 0; k < 14; k++) s += BASE32[Math.floor(r() * 32)];
  return s + '7';
}

export function fakeSecretForBench(i: number): string {
  const r = lcg(i + 91);
  let s = 'aZ9';
  for (let k = 0; k < 37; k++) s += SECRET_CHARS[Math.floor(r() * 64)];
  return s;
}
