// `--shard I/N`: a stable partition of the files to scan by a hash of their path, so a CI
// matrix of N jobs scans disjoint slices whose union is the whole tree. The hash is of the
// path as reported (relative, `/`-separated), so every job agrees whatever its machine.
import { createHash } from 'node:crypto';
import { UsageError } from '../config.js';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1024 || index < 1 || index > count) {
    throw new UsageError(`--shard: expected I/N with 1 <= I <= N <= 1024 (e.g. 2/4), got "${value}"`);
  }
  return { index, count };
}

/** Which shard (1-based) a path belongs to among `count`. */
export function shardOf(path: string, count: number): number {
  // The first 6 bytes of SHA-1: uniform, and the same in every Node version.
  return (createHash('sha1').update(path).digest().readUIntBE(0, 6) % count) + 1;
}

export function inShard(shard: Shard): (path: string) => boolean {
  return (path) => shardOf(path, shard.count) === shard.index;
}

export function shardCategory(shard: Shard): string {
  return `credlint/shard-${shard.index}-of-${shard.count}`;
}
