// File discovery. In a git work tree: the tracked files plus the untracked ones git does
// not ignore (what a commit could contain). Elsewhere: a walk with fast-glob honouring
// every .gitignore on the way. `.git/` and `node_modules/` are always skipped; user
// excludes (config `ignore`, `--ignore`) are gitignore-style patterns. A path named
// explicitly on the command line is always scanned.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep, posix } from 'node:path';
import { promisify } from 'node:util';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../config.js';
import type { Notification } from './types.js';
import { lstatSync, readdir as readdirCb, realpathSync } from 'node:fs';

const execFileAsync = promisify(execFile);

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

const ALWAYS_SKIPPED = /(?:^|\/)(?:\.git|node_modules)(?:\/|$)/;

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function relativeTo(baseDir: string, absPath: string): string {
  const rel = toPosix(relative(baseDir, absPath));
  return rel === '' ? '.' : rel;
}

async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
    const top = stdout.trim();
    return top || undefined;
  } catch {
    return undefined; // not a work tree, or git missing: fall back to walking
  }
}

async function gitListFiles(dir: string): Promise<string[]> {
  const { stdout } = await execFileAsync(
    'git',
    ['-C', dir, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--', '.'],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
  );
  const files = stdout.split('\0').filter(Boolean);
  // Submodules (gitlinks, mode 160000) are listed as one entry, and so is an untracked nested
  // clone (`nested/`): both are directories whose files are listed by walking into them.
  const staged = await execFileAsync('git', ['-C', dir, 'ls-files', '-z', '--stage', '--', '.'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const gitlinks = new Set(
    staged.stdout
      .split('\0')
      .filter((line) => line.startsWith('160000 '))
      .map((line) => line.slice(line.indexOf('\t') + 1)),
  );
  const nested: string[] = [];
  for (const f of files) if (gitlinks.has(f) || f.endsWith('/')) nested.push(f.replace(/\/$/, ''));
  const plain = nested.length ? files.filter((f) => !gitlinks.has(f) && !f.endsWith('/')) : files;
  for (const sub of nested) {
    const subDir = resolve(dir, sub);
    let inner: string[];
    try {
      inner = (await gitTopLevel(subDir)) === subDir ? await gitListFiles(subDir) : await walk(subDir);
    } catch {
      inner = await walk(subDir);
    }
    for (const f of inner) plain.push(`${sub}/${f}`);
  }
  // Tracked files deleted from the work tree are not there to scan.
  const deleted = await execFileAsync('git', ['-C', dir, 'ls-files', '-z', '--deleted', '--', '.'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!deleted.stdout) return plain;
  const gone = new Set(deleted.stdout.split('\0').filter(Boolean));
  return plain.filter((f) => !gone.has(f));
}

/**
 * Directories that could not be listed during walks since the last call (fast-glob's
 * suppressErrors would drop them in silence: their keys unreported, exit code 0).
 */
let unlistable: string[] = [];

/** A readdir for fast-glob that records a directory it may not list and goes on with the rest. */
const recordingFs = {
  readdir(path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown[]) => void): void {
    readdirCb(path, options as { withFileTypes: true }, (error, entries) => {
      if (error && (error.code === 'EACCES' || error.code === 'EPERM')) {
        unlistable.push(path);
        callback(null, []);
      } else callback(error, entries as unknown[]);
    });
  },
};

/** Gitignore-aware walk of `dir` with fast-glob. Returns paths relative to `dir`. */
async function walk(dir: string): Promise<string[]> {
  const skip = ['**/.git/**', '**/node_modules/**'];
  const gitignores = await fg('**/.gitignore', { cwd: dir, dot: true, ignore: skip, followSymbolicLinks: false, suppressErrors: true, fs: recordingFs as never });
  unlistable = []; // the listing below reports them (once)
  const byDir = new Map<string, Ignore>();
  await Promise.all(
    gitignores.map(async (file) => {
      try {
        const text = await fs.readFile(resolve(dir, file), 'utf8');
        byDir.set(posix.dirname(file), ignore().add(text));
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }),
  );
  // Symbolic links are returned as entries, not followed: a link loop or a link to a
  // directory becomes a notification when read, never an endless walk.
  // onlyFiles would drop every symbolic link; list all entries and drop real directories
  // (marked with a trailing slash) instead.
  const entries = (
    await fg('**/*', { cwd: dir, dot: true, ignore: skip, onlyFiles: false, markDirectories: true, followSymbolicLinks: false, suppressErrors: true, fs: recordingFs as never })
  ).filter((e) => !e.endsWith('/'));
  if (byDir.size === 0) return entries;
  return entries.filter((entry) => {
    // Apply the .gitignore files from the root down, as git does: a deeper file's `!pattern`
    // can re-include what a shallower one ignored.
    const chain: string[] = [];
    for (let d = posix.dirname(entry); ; d = posix.dirname(d)) {
      chain.unshift(d);
      if (d === '.') break;
    }
    let ignored = false;
    for (const d of chain) {
      const ig = byDir.get(d);
      if (!ig) continue;
      const verdict = ig.test(d === '.' ? entry : entry.slice(d.length + 1));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return !ignored;
  });
}

export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const { baseDir } = options;
  const ignoreBase = options.ignoreBase ?? baseDir;
  const userIgnore = ignore().add([...options.ignore]);
  const found = new Map<string, DiscoveredFile>();
  /** `walkedRel` is the path inside the directory being listed: `.git`/`node_modules` are skipped there, not above it. */
  let rootReal = baseDir;
  const add = (absPath: string, explicit: boolean, walkedRel?: string) => {
    const relPath = relativeTo(baseDir, absPath);
    if (!explicit) {
      const refused = linkLeavingRoot(absPath, rootReal, relPath);
      if (refused) {
        found.set(relPath, { absPath, relPath, explicit, refused });
        return;
      }
      if (walkedRel !== undefined && ALWAYS_SKIPPED.test(walkedRel)) return;
      // User excludes are relative to the configuration's directory; the `ignore` package
      // rejects paths that leave it (`../x`), so those are tested as given.
      const fromBase = relativeTo(ignoreBase, absPath);
      const testPath = fromBase.startsWith('../') ? fromBase.replace(/^(?:\.\.\/)+/, '') : fromBase;
      if (testPath && testPath !== '.' && userIgnore.ignores(testPath)) return;
    }
    if (!found.has(relPath) || explicit) found.set(relPath, { absPath, relPath, explicit });
  };

  for (const input of options.paths.length > 0 ? options.paths : ['.']) {
    const absInput = isAbsolute(input) ? input : resolve(baseDir, input);
    let stat;
    try {
      stat = await fs.stat(absInput);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`${input}: no such file or directory`);
      // Unreadable or a loop: still "explicit" so the reader reports it as a notification.
      add(absInput, true);
      continue;
    }
    if (!stat.isDirectory()) {
      add(absInput, true);
      continue;
    }
    try {
      rootReal = realpathSync(absInput);
    } catch {
      rootReal = absInput;
    }
    // A directory named on the command line that cannot be listed is a usage error (exit 2).
    try {
      await fs.readdir(absInput);
    } catch (error) {
      throw new UsageError(`${input}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const useGit = options.useGit !== false && (await gitTopLevel(absInput)) !== undefined;
    let rels: string[];
    try {
      rels = useGit ? await gitListFiles(absInput) : await walk(absInput);
    } catch {
      rels = await walk(absInput);
    }
    // A directory named on the command line that git ignores as a whole (`dist/`, `cdk.out/`)
    // is still what the user asked for: walk it.
    if (useGit && rels.length === 0) rels = await walk(absInput);
    for (const rel of rels) add(resolve(absInput, rel), false, rel);
    for (const dir of unlistable) {
      const relPath = relativeTo(baseDir, dir);
      found.set(relPath, {
        absPath: dir,
        relPath,
        explicit: false,
        refused: { id: 'unreadable-file', level: 'error', path: relPath, message: `${relPath}: directory could not be read (permission denied); its files were not scanned` },
      });
    }
    unlistable = [];
  }
  return [...found.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/**
 * A symbolic link found while walking whose target lies outside the scan root: not followed.
 * A pull request adding `notes.txt -> ~/.aws/credentials` must not make a CI scan read the
 * runner's own credentials and publish their shape. (A link named on the command line is the
 * user's choice and is followed.) Costs one lstat per walked entry.
 */
function linkLeavingRoot(absPath: string, rootReal: string, relPath: string): Notification | undefined {
  let isLink = false;
  try {
    isLink = lstatSync(absPath).isSymbolicLink();
  } catch {
    return undefined; // the reader reports what cannot be read
  }
  if (!isLink) return undefined;
  let target: string;
  try {
    target = realpathSync(absPath);
  } catch {
    return undefined; // dangling or a loop: the reader says so
  }
  const inside = target === rootReal || target.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
  if (inside) return undefined;
  return { id: 'not-a-file', level: 'warning', path: relPath, message: `${relPath}: skipped: a symbolic link to a file outside the scanned directory (not followed)` };
}
