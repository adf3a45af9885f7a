import { describe, expect, it } from 'vitest';
import {
  classChangeRatio,
  isBase64OfText,
  looksLikeSecretAccessKey,
  looksLikeSessionToken,
  looksLikeWords,
  shannonEntropy,
} from '../../src/detect/entropy.js';
import { fakeSecretAccessKey, fakeSessionToken, prng } from '../helpers/fake-keys.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function randomBase64(seed: string, n: number): string {
  const rand = prng(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += B64[Math.floor(rand() * 64)];
  return s;
}

describe('shannonEntropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('looksLikeSecretAccessKey', () => {
  it('accepts generated keys (calibration: at most 0.5% of 10 000 random 40-char base64 strings lost)', () => {
    let lost = 0;
    for (let i = 0; i < 10_000; i++) if (!looksLikeSecretAccessKey(randomBase64(`cal-${i}`, 40))) lost++;
    expect(lost).toBeLessThan(50);
    for (let i = 0; i < 500; i++) expect(looksLikeSecretAccessKey(fakeSecretAccessKey(i))).toBe(true);
  });

  it.each([
    ['a git SHA (hex)', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['an upper-case hex SHA', '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B'],
    ['a path', 'src/components/Header/index/ButtonGroup1'],
    ['a node_modules path', 'node_modules/lodash/fp/placeholder12345a'],
    ['a camelCase identifier run', 'getUserAccountSettingsForTheCurrentUser1'],
    ['an upper-case word run', 'TODAYIN' + 'ASIA' + 'ASACKOFRICEFELLOVERANDSO12345'],
    ['an alphabet run', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123'],
    ['base64 of text', Buffer.from('Hello world, this is a plain sentence.').toString('base64').slice(0, 40)],
    ['a PNG header in base64', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf'],
    ['repeated characters', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1'],
    ['39 characters', fakeSecretAccessKey('short').slice(1)],
    ['41 characters', `${fakeSecretAccessKey('long')}A`],
    ['a UUID pair', '123e4567e89b12d3a456426614174000ABCDEF12'],
  ])('rejects %s', (_label, value) => {
    expect(looksLikeSecretAccessKey(value)).toBe(false);
  });

  it('accepts the documentation example by shape (callers decide about it)', () => {
    expect(looksLikeSecretAccessKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
  });
});

describe('helpers', () => {
  it('class changes separate random strings from identifiers', () => {
    expect(classChangeRatio(fakeSecretAccessKey('cc'))).toBeGreaterThan(0.4);
    expect(classChangeRatio('getUserAccountSettingsForTheCurrentUser1')).toBeLessThan(0.4);
  });
  it('words and text', () => {
    expect(looksLikeWords('src/components/Header/index/ButtonGroup1')).toBe(true);
    expect(looksLikeWords(fakeSecretAccessKey('w'))).toBe(false);
    expect(isBase64OfText(Buffer.from('The quick brown fox jumps over it').toString('base64'))).toBe(true);
    expect(isBase64OfText(fakeSecretAccessKey('t'))).toBe(false);
  });
});

describe('looksLikeSessionToken', () => {
  it('accepts STS-shaped tokens with and without a known prefix', () => {
    expect(looksLikeSessionToken(fakeSessionToken('a'))).toBe(true);
    expect(looksLikeSessionToken(`FwoGZXIvYXdzE${randomBase64('fw', 300)}`)).toBe(true);
    expect(looksLikeSessionToken(randomBase64('plain', 400))).toBe(true);
    expect(looksLikeSessionToken(`${randomBase64('pad', 298)}==`)).toBe(true);
  });
  it.each([
    ['short base64', randomBase64('s', 99)],
    ['base64 of text', Buffer.from('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.').toString('base64')],
    ['a JWT (has dots)', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ['hex', 'ab'.repeat(80)],
    ['x filler', 'x'.repeat(200)],
  ])('rejects %s', (_label, value) => {
    expect(looksLikeSessionToken(value)).toBe(false);
  });
});
