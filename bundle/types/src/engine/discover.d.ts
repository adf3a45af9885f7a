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
export declare function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFile[]>;
