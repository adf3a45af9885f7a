// Reading a file's bytes into text, safely. Nothing here throws for a bad file: every
// problem becomes a Notification and the scan goes on.
import { closeSync, constants as fsConstants, openSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Notification } from './types.js';

/** How many leading bytes are checked for NUL to call a file binary (as git does). */
const BINARY_SNIFF_BYTES = 8000;

export type ReadResult =
  | { ok: true; text: string; bytes: number; notifications: Notification[] }
  | { ok: false; notification: Notification };

function note(path: string, id: Notification['id'], level: Notification['level'], message: string): Notification {
  return { id, level, message, path };
}

function hasNul(buf: Buffer, from: number, to: number): boolean {
  const idx = buf.indexOf(0, from);
  return idx !== -1 && idx < to;
}

/** Decodes bytes to text: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM, lenient UTF-8 otherwise. */
export function decodeBytes(
  buf: Buffer,
  path: string,
): { ok: true; text: string; notifications: Notification[] } | { ok: false; notification: Notification } {
  const notifications: Notification[] = [];
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { ok: true, text: buf.subarray(2).toString('utf16le'), notifications };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    // swap16 needs an even length; a dangling odd byte cannot be a character anyway.
    const body = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1))).swap16();
    return { ok: true, text: body.toString('utf16le'), notifications };
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (hasNul(buf, start, Math.min(buf.length, BINARY_SNIFF_BYTES))) {
    return { ok: false, notification: note(path, 'binary-file', 'note', `${path}: skipped: binary file (NUL byte in the first ${BINARY_SNIFF_BYTES} bytes)`) };
  }
  const body = start ? buf.subarray(start) : buf;
  if (!isUtf8(body)) {
    notifications.push(
      note(path, 'invalid-encoding', 'note', `${path}: not valid UTF-8; decoded leniently (invalid bytes replaced) and scanned`),
    );
  }
  return { ok: true, text: body.toString('utf8'), notifications };
}

/**
 * Reads and decodes one file. Synchronous calls on purpose: a scan is CPU bound, and the
 * five awaited calls per file an async version needs cost more in idle hand-offs (measured
 * ~10% of a single-threaded scan) than they could overlap. Worker threads give parallelism.
 */
export async function readTextFile(absPath: string, relPath: string, maxBytes: number): Promise<ReadResult> {
  return readTextFileSync(absPath, relPath, maxBytes);
}

export function readTextFileSync(absPath: string, relPath: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    const stat = statSync(absPath);
    if (stat.isDirectory()) {
      return { ok: false, notification: note(relPath, 'not-a-file', 'note', `${relPath}: skipped: a directory (symbolic links to directories are not followed)`) };
    }
    if (!stat.isFile()) {
      return { ok: false, notification: note(relPath, 'not-a-file', 'note', `${relPath}: skipped: not a regular file`) };
    }
    if (stat.size > maxBytes) {
      return {
        ok: false,
        notification: note(
          relPath,
          'file-too-large',
          'warning',
          `${relPath}: skipped: ${formatBytes(stat.size)} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)`,
        ),
      };
    }
    fd = openSync(absPath, fsConstants.O_RDONLY);
    const buf = readFileSync(fd);
    const decoded = decodeBytes(buf, relPath);
    if (!decoded.ok) return decoded;
    return { ok: true, text: decoded.text, bytes: buf.length, notifications: decoded.notifications };
  } catch (error) {
    return { ok: false, notification: note(relPath, 'unreadable-file', 'error', `${relPath}: could not be read: ${describeFsError(error)}`) };
  } finally {
    if (fd !== undefined) closeSync(fd);
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
