import { describe, expect, it } from 'vitest';
import { LineKeywords, WordsNear } from '../../src/detect/line-keywords.js';
import { CONFIGURE_KEYWORDS, CONFIGURE_KEYWORD_SOURCE } from '../../src/detect/aws-configure.js';
import { prng } from '../helpers/fake-keys.js';

function randomText(rand: () => number, pieces: readonly string[], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
  return s;
}

describe('WordsNear', () => {
  it('answers exactly as the regex it replaces on 5,000 random texts', () => {
    const rand = prng('words-near');
    const reference = new RegExp(CONFIGURE_KEYWORD_SOURCE, 'i');
    const pieces = ['aws', 'AWS', ' ', 'configure', 'x', '\n', '\\\n', '`\r\n', '^\n', 'aws.exe', '--profile p', 'reconfigure', 'a'.repeat(150)];
    let positives = 0;
    for (let i = 0; i < 5000; i++) {
      const text = randomText(rand, pieces, 1 + Math.floor(rand() * 12));
      const expected = reference.test(text);
      if (expected) positives++;
      expect(CONFIGURE_KEYWORDS.test(text), JSON.stringify(text)).toBe(expected);
    }
    expect(positives).toBeGreaterThan(50);
  });

  it('executes its regexes once per anchor plus once per target found (a work counter, not a timer)', () => {
    const near = new WordsNear(/\baws\b/, /\bconfigure\b/, 400, '\\', 'aws.*configure');
    for (const n of [1000, 4000, 16000]) {
      // Every anchor is followed, far away, by targets: the regex form rescans 400 characters per anchor.
      const text = 'aws x '.repeat(n) + 'y'.repeat(500) + ' configure'.repeat(n);
      expect(near.test(text)).toBe(false);
      expect(near.lastWork).toBeLessThanOrEqual(n + 2);
    }
    expect(near.test('aws x '.repeat(1000) + 'aws configure')).toBe(true);
  });
});

describe('LineKeywords', () => {
  it('is a superset of the ordered one-line regex it replaces', () => {
    const rand = prng('line-keywords');
    const ordered = /<<-?[ \t]*["']?[\w.-]+["']?[^\n]*(?:>|\btee\b)[^\n]*(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b|(?:>|\btee\b)[^\n]*(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b[^\n]*<</i;
    const keywords = new LineKeywords(/<</, [/>|\btee\b/i, /(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b/i]);
    const pieces = ['<<', 'EOF', ' ', '>', 'tee', '/opt/x.sh', 'Dockerfile', '\n', 'cat', '<b>'];
    for (let i = 0; i < 3000; i++) {
      const text = randomText(rand, pieces, 1 + Math.floor(rand() * 10));
      if (ordered.test(text)) expect(keywords.test(text), JSON.stringify(text)).toBe(true);
      // Never true without all three on one line.
      if (keywords.test(text)) expect(text.split('\n').some((l) => l.includes('<<') && /(>|tee)/.test(l) && /(\.sh|Dockerfile)/.test(l))).toBe(true);
    }
  });
});
