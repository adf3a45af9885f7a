// `--staged`: scan what is about to be committed — the index's version of each added, copied,
// modified or renamed file — not the work tree (which may hold unstaged edits).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { relative, resolve } from 'node:path';
import { UsageError } from '../config.js';
import { decodeBytes, formatBytes } from './read.js';
import { scanText, type ScanSetup } from './scan-file.js';
import type { FileResult } from './types.js';
import { toPosix } from './discover.js';
import ignore from 'ignore';

const execFileAsync = promisify(execFile);

export async function scanStaged(
  baseDir: string,
  setup: ScanSetup,
  maxBytes: number,
  ignorePatterns: readonly string[],
  ignoreBase: string = baseDir,
): Promise<FileResult[]> {
  let top: string;
  try {
    top = (await execFileAsync('git', ['-C', baseDir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' })).stdout.trim();
  } catch {
    throw new UsageError('--staged: not inside a git work tree');
  }
  const { stdout } = await execFileAsync('git', ['-C', top, 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const userIgnore = ignore().add([...ignorePatterns]);
  const results: FileResult[] = [];
  for (const repoPath of stdout.split('\0').filter(Boolean).sort()) {
    const relPath = toPosix(relative(baseDir, resolve(top, repoPath)));
    if (/(?:^|\/)(?:\.git|node_modules)\//.test(relPath)) continue;
    const fromBase = toPosix(relative(ignoreBase, resolve(top, repoPath)));
    if (!fromBase.startsWith('../') && userIgnore.ignores(fromBase)) continue;
    const blob = await execFileAsync('git', ['-C', top, 'cat-file', 'blob', `:${repoPath}`], { encoding: 'buffer', maxBuffer: maxBytes + 1 }).catch(
      (error: NodeJS.ErrnoException & { code?: string }) => error,
    );
    if (blob instanceof Error) {
      const tooLarge = blob.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
      results.push({
        path: relPath,
        findings: [],
        notifications: [
          tooLarge
            ? { id: 'file-too-large', level: 'warning', path: relPath, message: `${relPath}: skipped: staged version is over the size limit of ${formatBytes(maxBytes)}` }
            : { id: 'unreadable-file', level: 'error', path: relPath, message: `${relPath}: could not read the staged version: ${blob.message.split('\n')[0]}` },
        ],
        bytes: 0,
        scanned: false,
      });
      continue;
    }
    const buf = blob.stdout as unknown as Buffer;
    const decoded = decodeBytes(buf, relPath);
    if (!decoded.ok) {
      results.push({ path: relPath, findings: [], notifications: [decoded.notification], bytes: 0, scanned: false });
      continue;
    }
    const { findings, notifications } = scanText(relPath, decoded.text, setup, undefined, resolve(top, repoPath));
    results.push({ path: relPath, findings, notifications: [...decoded.notifications, ...notifications], bytes: buf.length, scanned: true });
  }
  return results;
}
