import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes, NotRegularFileError, readRegularFile } from '../../src/engine/read.js';

describe('readRegularFile', () => {
  it('reads every byte of files around the chunk size, and refuses one over the cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-read-'));
    try {
      for (const size of [0, 1, 4095, 65535, 65536, 65537, 200_000]) {
        const path = join(dir, `f${size}`);
        const bytes = Buffer.alloc(size, 0x61);
        if (size > 0) bytes[size - 1] = 0x7a;
        writeFileSync(path, bytes);
        expect(readRegularFile(path, 1_000_000).equals(bytes)).toBe(true);
        expect(readRegularFile(path, size).length).toBe(size);
        if (size > 0) expect(() => readRegularFile(path, size - 1)).toThrow(NotRegularFileError);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeBytes', () => {
  it('notes invalid UTF-8, not a valid text that holds U+FFFD', () => {
    const invalid = decodeBytes(Buffer.from([0x61, 0xe9, 0x62]), 'latin1.txt');
    expect(invalid.ok && invalid.notifications.map((n) => n.id)).toEqual(['invalid-encoding']);
    const valid = decodeBytes(Buffer.from('a\uFFFDb', 'utf8'), 'replacement.txt');
    expect(valid.ok && valid.text).toBe('a\uFFFDb');
    expect(valid.ok && valid.notifications).toEqual([]);
  });
});
