import type { Notification } from './types.js';
export interface DiscoveredFile {
    readonly absPath: string;
    /** Relative to the base directory, `/`-separated. */
    readonly relPath: string;
    /** Named on the command line: scanned even if ignored. */
    readonly explicit: boolean;
    /** Why this entry is not read (a link out of the scan root, an unreadable directory): reported, not scanned. */
    readonly refused?: Notification;
}
export interface DiscoverOptions {
    readonly baseDir: string;
    readonly paths: readonly string[];
    readonly ignore: readonly string[];
    /** Directory the `ignore` patterns are relative to (the configuration file's; default baseDir). */
    readonly ignoreBase?: string;
    /** Use git to list files when inside a work tree (default true). */
    readonly useGit?: boolean;
}
export declare function toPosix(p: string): string;
/**
 * Calls `onFile` with every file to scan (and every entry refused: `refused` set), each path
 * once, as soon as it is found. Explicitly named files come first, then each directory's files
 * in walk order (git's order in a work tree). Throws a `UsageError` for a missing path or a
 * directory named on the command line that cannot be listed, before anything is delivered.
 */
export declare function discoverEach(options: DiscoverOptions, onFile: (file: DiscoveredFile) => void): Promise<void>;
/** Every file to scan (and every refused entry), sorted by path. */
export declare function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFile[]>;
