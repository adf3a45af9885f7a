import type { Notification } from './types.js';
export type ReadResult = {
    ok: true;
    text: string;
    bytes: number;
    notifications: Notification[];
} | {
    ok: false;
    notification: Notification;
};
/** The binary format `buf` starts with, by magic number (checked only when the sniff found a NUL). */
export declare function binaryFormat(buf: Buffer): {
    name: string;
    media: boolean;
} | undefined;
/**
 * Decodes bytes to text: UTF-8 (BOM stripped), UTF-32 and UTF-16 with a BOM, UTF-16 without
 * one (recognised by its NUL pattern), lenient UTF-8 otherwise. Only formats binary by magic
 * number are refused; text with NUL bytes is scanned (a note says so).
 */
export declare function decodeBytes(buf: Buffer, path: string): {
    ok: true;
    text: string;
    notifications: Notification[];
} | {
    ok: false;
    notification: Notification;
};
/**
 * Reads and decodes one file. Synchronous calls on purpose: a scan is CPU bound, and the
 * five awaited calls per file an async version needs cost more in idle hand-offs (measured
 * ~10% of a single-threaded scan) than they could overlap. Worker threads give parallelism.
 */
export declare function readTextFile(absPath: string, relPath: string, maxBytes: number): Promise<ReadResult>;
/** Why readRegularFile refused a path (besides the errno codes of open/read). */
export declare class NotRegularFileError extends Error {
    readonly what: 'directory' | 'not-regular' | 'too-large';
    readonly size: number;
    constructor(what: 'directory' | 'not-regular' | 'too-large', size: number);
}
/**
 * The bytes of a regular file, at most `maxBytes`. Opened non-blocking and checked on the open
 * descriptor, so a FIFO (or a path swapped for one after a `stat`) never blocks, and a device
 * such as /dev/zero (behind a committed symlink named `package.json`, say) is refused instead
 * of read forever. A file that grows past `maxBytes` while it is read is refused too. With
 * `reuse`, the bytes may sit in the thread's read buffer, valid until the next such read: for
 * callers that decode them at once.
 */
export declare function readRegularFile(absPath: string, maxBytes: number, reuse?: boolean): Buffer;
export declare function readTextFileSync(absPath: string, relPath: string, maxBytes: number): ReadResult;
export declare function describeFsError(error: unknown): string;
export declare function formatBytes(bytes: number): string;
/** Parses `5MB`, `512KB`, `1000000` into bytes; returns undefined when malformed. */
export declare function parseByteSize(value: string | number): number | undefined;
