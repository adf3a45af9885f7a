/** Counts git processes started here (tests assert on it: one batch reader, not one per file). */
export declare const gitProcessCount: {
    value: number;
};
/**
 * The work tree's top directory. With `allowBare` (history scans need no work tree), a bare
 * repository — a CI mirror — stands for its own top: paths are then reported as in the repository.
 */
export declare function gitTopLevel(dir: string, flag: string, allowBare?: boolean): Promise<string>;
/** Runs git and returns stdout as bytes (paths from `-z` output may be any bytes). */
export declare function gitBytes(top: string, args: readonly string[]): Promise<Buffer>;
export type BlobRead = {
    readonly status: 'ok';
    readonly data: Buffer;
} | {
    readonly status: 'too-large';
    readonly size: number;
} | {
    readonly status: 'missing';
};
/**
 * Reads `oids` in order through one `git cat-file --batch`, calling `onBlob` for each as it
 * arrives. Blobs over `maxBytes` are skipped as they stream by (never held in memory). The
 * callback runs synchronously inside the stream handler, so while a blob is being scanned
 * git blocks on a full pipe: memory stays at about one blob plus the pipe buffer.
 */
export interface BlobFlow {
    /** Stops reading until `resume()` (the consumer has enough in hand). */
    pause(): void;
    resume(): void;
}
export declare function readBlobs(top: string, oids: readonly string[], maxBytes: number, onBlob: (oid: string, read: BlobRead, index: number) => void, onFlow?: (flow: BlobFlow) => void): Promise<void>;
