// `--staged`: scan what is about to be committed — the index's version of each added, copied,
// modified or renamed file — not the work tree (which may hold unstaged edits). The blob ids
// come from one `git diff --cached --raw`, the contents from one `git cat-file --batch`.
import { resolve } from 'node:path';
import { decodeBytes, formatBytes } from './read.js';
import { scanText, type ScanSetup } from './scan-file.js';
import type { FileResult } from './types.js';
import { gitBytes, gitTopLevel, readBlobs } from './git.js';
import { NON_CONTENT_MODES, pathFilter } from './history.js';

export async function scanStaged(
  baseDir: string,
  setup: ScanSetup,
  maxBytes: number,
  ignorePatterns: readonly string[],
  ignoreBase: string = baseDir,
  shard?: (relPath: string) => boolean,
): Promise<FileResult[]> {
  const top = await gitTopLevel(baseDir, '--staged');
  // `:old-mode new-mode old-oid new-oid status\0path\0` per entry.
  const raw = await gitBytes(top, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMRT', '--no-renames']);
  const keep = pathFilter(baseDir, top, ignorePatterns, ignoreBase);
  const entries: Array<{ oid: string; repoPath: string; relPath: string }> = [];
  const fields = raw.toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = (fields[i] as string).split(' ');
    const repoPath = fields[i + 1] as string;
    const mode = meta[1] ?? '';
    const oid = meta[3] ?? '';
    if (NON_CONTENT_MODES.has(mode) || !/^[0-9a-f]{40,64}$/.test(oid)) continue;
    const relPath = keep(repoPath);
    if (relPath === undefined || (shard && !shard(relPath))) continue;
    entries.push({ oid, repoPath, relPath });
  }
  entries.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));

  const results: FileResult[] = [];
  await readBlobs(
    top,
    entries.map((e) => e.oid),
    maxBytes,
    (_oid, read, index) => {
      const { relPath, repoPath } = entries[index] as (typeof entries)[number];
      if (read.status !== 'ok') {
        results.push({
          path: relPath,
          findings: [],
          notifications: [
            read.status === 'too-large'
              ? { id: 'file-too-large', level: 'warning', path: relPath, message: `${relPath}: skipped: staged version is ${formatBytes(read.size)}, over the size limit of ${formatBytes(maxBytes)}` }
              : { id: 'unreadable-file', level: 'error', path: relPath, message: `${relPath}: could not read the staged version` },
          ],
          bytes: 0,
          scanned: false,
        });
        return;
      }
      const decoded = decodeBytes(read.data, relPath);
      if (!decoded.ok) {
        results.push({ path: relPath, findings: [], notifications: [decoded.notification], bytes: 0, scanned: false });
        return;
      }
      const { findings, notifications } = scanText(relPath, decoded.text, setup, undefined, resolve(top, repoPath));
      results.push({ path: relPath, findings, notifications: [...decoded.notifications, ...notifications], bytes: read.data.length, scanned: true });
    },
  );
  return results;
}

