// Reading a file's bytes into text, safely. Nothing here throws for a bad file: every
// problem becomes a Notification and the scan goes on.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Notification } from './types.js';

/** How many leading bytes are sniffed for NUL and UTF-16 patterns (as git does for binary). */
const BINARY_SNIFF_BYTES = 8000;

export type ReadResult =
  | { ok: true; text: string; bytes: number; notifications: Notification[] }
  | { ok: false; notification: Notification };

function note(path: string, id: Notification['id'], level: Notification['level'], message: string): Notification {
  return { id, level, message, path };
}

/**
 * Formats that are binary by their magic number: these, and only these, are skipped. A NUL
 * byte alone proves nothing (bash runs a script with one), so other files with NULs are
 * scanned as text. Media cannot hold a key as text and are skipped with a note; archives and
 * executables could (a zipped credentials file), so skipping them is a visible warning.
 */
const MAGIC: ReadonlyArray<{ bytes: readonly (number | undefined)[]; offset?: number; name: string; media: boolean }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image', media: true },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image', media: true },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image', media: true },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media (WebP, WAV, AVI)', media: true },
  { bytes: [0x00, 0x00, 0x01, 0x00], name: 'icon', media: true },
  { bytes: [0x77, 0x4f, 0x46, 0x46], name: 'WOFF font', media: true },
  { bytes: [0x77, 0x4f, 0x46, 0x32], name: 'WOFF2 font', media: true },
  { bytes: [0x00, 0x01, 0x00, 0x00, 0x00], name: 'TrueType font', media: true },
  { bytes: [0x4f, 0x54, 0x54, 0x4f], name: 'OpenType font', media: true },
  { bytes: [0x49, 0x44, 0x33], name: 'MP3 audio', media: true },
  { bytes: [undefined, undefined, undefined, undefined, 0x66, 0x74, 0x79, 0x70], name: 'MP4/QuickTime media', media: true },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF document', media: true },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive (jar, docx, …)', media: false },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'ZIP archive', media: false },
  { bytes: [0x1f, 0x8b], name: 'gzip archive', media: false },
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2 archive', media: false },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz archive', media: false },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd archive', media: false },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: '7-Zip archive', media: false },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'RAR archive', media: false },
  { bytes: [0x75, 0x73, 0x74, 0x61, 0x72], offset: 257, name: 'tar archive', media: false },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable', media: false },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], name: 'Mach-O executable', media: false },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], name: 'Mach-O executable', media: false },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], name: 'Java class or Mach-O universal binary', media: false },
  { bytes: [0x4d, 0x5a], name: 'Windows executable', media: false },
  { bytes: [0x00, 0x61, 0x73, 0x6d], name: 'WebAssembly module', media: false },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: 'SQLite database', media: false },
];

/** The binary format `buf` starts with, by magic number (checked only when the sniff found a NUL). */
export function binaryFormat(buf: Buffer): { name: string; media: boolean } | undefined {
  for (const m of MAGIC) {
    const at = m.offset ?? 0;
    if (buf.length < at + m.bytes.length) continue;
    if (m.bytes.every((b, i) => b === undefined || buf[at + i] === b)) return m;
  }
  return undefined;
}

/** UTF-16 without a BOM: NULs in almost every other byte of ASCII-range text (`a\0b\0…` is LE). */
function utf16WithoutBom(buf: Buffer): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(buf.length, BINARY_SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.1) return 'utf16le';
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.1) return 'utf16be';
  return undefined;
}

function decodeUtf32(buf: Buffer, littleEndian: boolean): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i + 4 <= buf.length; i += 4) {
    const cp = littleEndian ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    if (out.length > 8192) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

function swapToLe(buf: Buffer): Buffer {
  // swap16 needs an even length; a dangling odd byte cannot be a character anyway.
  return Buffer.from(buf.subarray(0, buf.length & ~1)).swap16();
}

/**
 * Decodes bytes to text: UTF-8 (BOM stripped), UTF-32 and UTF-16 with a BOM, UTF-16 without
 * one (recognised by its NUL pattern), lenient UTF-8 otherwise. Only formats binary by magic
 * number are refused; text with NUL bytes is scanned (a note says so).
 */
export function decodeBytes(
  buf: Buffer,
  path: string,
): { ok: true; text: string; notifications: Notification[] } | { ok: false; notification: Notification } {
  const notifications: Notification[] = [];
  // UTF-32 first: its LE BOM starts like UTF-16 LE's.
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) {
    return { ok: true, text: decodeUtf32(buf.subarray(4), true), notifications };
  }
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) {
    return { ok: true, text: decodeUtf32(buf.subarray(4), false), notifications };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { ok: true, text: buf.subarray(2).toString('utf16le'), notifications };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { ok: true, text: swapToLe(buf.subarray(2)).toString('utf16le'), notifications };
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const nul = buf.indexOf(0, start);
  if (nul !== -1 && nul < BINARY_SNIFF_BYTES) {
    const format = binaryFormat(buf);
    if (format) {
      return {
        ok: false,
        notification: note(path, 'binary-file', format.media ? 'note' : 'warning', `${path}: skipped: binary file (${format.name})`),
      };
    }
    const utf16 = utf16WithoutBom(buf);
    if (utf16) {
      notifications.push(note(path, 'invalid-encoding', 'note', `${path}: UTF-16 ${utf16 === 'utf16le' ? 'LE' : 'BE'} without a byte-order mark; decoded and scanned`));
      return { ok: true, text: (utf16 === 'utf16le' ? buf : swapToLe(buf)).toString('utf16le'), notifications };
    }
    notifications.push(note(path, 'binary-file', 'note', `${path}: holds NUL bytes but no known binary format; scanned as text`));
  }
  const body = start ? buf.subarray(start) : buf;
  const text = body.toString('utf8');
  // Invalid UTF-8 decodes to U+FFFD: only a text holding one needs the validating pass (an
  // ASCII or Latin-1-range text is a one-byte string, where the search costs nothing).
  if (nul === -1 && text.includes('\uFFFD') && !isUtf8(body)) {
    notifications.push(
      note(path, 'invalid-encoding', 'note', `${path}: not valid UTF-8; decoded leniently (invalid bytes replaced) and scanned`),
    );
  }
  return { ok: true, text, notifications };
}

/**
 * Reads and decodes one file. Synchronous calls on purpose: a scan is CPU bound, and the
 * five awaited calls per file an async version needs cost more in idle hand-offs (measured
 * ~10% of a single-threaded scan) than they could overlap. Worker threads give parallelism.
 */
export async function readTextFile(absPath: string, relPath: string, maxBytes: number): Promise<ReadResult> {
  return readTextFileSync(absPath, relPath, maxBytes);
}

/** Why readRegularFile refused a path (besides the errno codes of open/read). */
export class NotRegularFileError extends Error {
  constructor(
    readonly what: 'directory' | 'not-regular' | 'too-large',
    readonly size: number,
  ) {
    super(what);
  }
}

/** Reads reuse one buffer up to this size (larger files get their own). */
const SCRATCH_MAX = 8 * 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * `size` bytes of the thread's read buffer. A scan reads thousands of files one after another
 * and decodes each into a string (a copy) at once: a fresh buffer per file was ~40 MB of
 * short-lived allocations per 40 MB scanned, and garbage collections to match.
 */
function scratchBuffer(size: number): Buffer {
  if (size > SCRATCH_MAX) return Buffer.allocUnsafe(size);
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(size, 2 * (scratch?.length ?? 0), 256 * 1024)));
  return scratch.subarray(0, size);
}

/**
 * The bytes of a regular file, at most `maxBytes`. Opened non-blocking and checked on the open
 * descriptor, so a FIFO (or a path swapped for one after a `stat`) never blocks, and a device
 * such as /dev/zero (behind a committed symlink named `package.json`, say) is refused instead
 * of read forever. A file that grows past `maxBytes` while it is read is refused too. With
 * `reuse`, the bytes may sit in the thread's read buffer, valid until the next such read: for
 * callers that decode them at once.
 */
export function readRegularFile(absPath: string, maxBytes: number, reuse = false): Buffer {
  const fd = openSync(absPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new NotRegularFileError('directory', 0);
    if (!st.isFile()) throw new NotRegularFileError('not-regular', 0);
    if (st.size > maxBytes) throw new NotRegularFileError('too-large', st.size);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.max(64 * 1024, Math.min(st.size + 1, maxBytes + 1));
    for (;;) {
      const size = Math.min(chunkSize, maxBytes + 1 - total);
      const chunk = reuse && chunks.length === 0 ? scratchBuffer(size) : Buffer.allocUnsafe(size);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new NotRegularFileError('too-large', total);
      // All fstat promised, and the read came back short of the byte more it asked for: the
      // end, without a second read to hear it (one system call of five per file). A file
      // that grew since, or a file system that reads short (FUSE), goes on to EOF and the cap.
      if (n < chunk.length && total === st.size) break;
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

export function readTextFileSync(absPath: string, relPath: string, maxBytes: number): ReadResult {
  try {
    // Decoding copies the bytes into a string before anything else reads: the buffer can be reused.
    const buf = readRegularFile(absPath, maxBytes, true);
    const decoded = decodeBytes(buf, relPath);
    if (!decoded.ok) return decoded;
    return { ok: true, text: decoded.text, bytes: buf.length, notifications: decoded.notifications };
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      if (error.what === 'directory') {
        return { ok: false, notification: note(relPath, 'not-a-file', 'note', `${relPath}: skipped: a directory (symbolic links to directories are not followed)`) };
      }
      if (error.what === 'not-regular') {
        return { ok: false, notification: note(relPath, 'not-a-file', 'warning', `${relPath}: skipped: not a regular file (a FIFO, socket or device)`) };
      }
      return {
        ok: false,
        notification: note(
          relPath,
          'file-too-large',
          'warning',
          `${relPath}: skipped: ${formatBytes(error.size)}${error.size > maxBytes ? '' : '+'} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)`,
        ),
      };
    }
    return { ok: false, notification: note(relPath, 'unreadable-file', 'error', `${relPath}: could not be read: ${describeFsError(error)}`) };
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file (a dangling symbolic link?)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} B`;
}

/** Parses `5MB`, `512KB`, `1000000` into bytes; returns undefined when malformed. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
  const bytes = Math.floor(n * mult);
  return bytes > 0 ? bytes : undefined;
}
