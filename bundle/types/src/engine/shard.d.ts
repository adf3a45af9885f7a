export interface Shard {
    /** 1-based. */
    readonly index: number;
    readonly count: number;
}
export declare function parseShard(value: string): Shard;
/** Which shard (1-based) a path belongs to among `count`. */
export declare function shardOf(path: string, count: number): number;
export declare function inShard(shard: Shard): (path: string) => boolean;
export declare function shardCategory(shard: Shard): string;
