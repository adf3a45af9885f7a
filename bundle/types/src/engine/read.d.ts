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
/** Decodes bytes to text: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM, lenient UTF-8 otherwise. */
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
export declare function readTextFileSync(absPath: string, relPath: string, maxBytes: number): ReadResult;
export declare function describeFsError(error: unknown): string;
export declare function formatBytes(bytes: number): string;
/** Parses `5MB`, `512KB`, `1000000` into bytes; returns undefined when malformed. */
export declare function parseByteSize(value: string | number): number | undefined;
