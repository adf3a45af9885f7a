// File discovery. In a git work tree: the tracked files plus the untracked ones git does
// not ignore (what a commit could contain). Elsewhere: one synchronous walk that reads each
// directory's .gitignore as it enters it. `.git/` and `node_modules/` are always skipped;
// user excludes (config `ignore`, `--ignore`) are gitignore-style patterns. A path named
// explicitly on the command line is always scanned; a glob pattern on the command line that
// names no existing path is expanded with fast-glob.
//
// Files are delivered one at a time (`discoverEach`) so a scan can feed worker threads while
// the walk goes on; `discoverFiles` collects them, sorted by path.
import { execFile } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../config.js';
import type { Notification } from './types.js';

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

/** Never walked into, never listed (any entry of that name, file, directory or link). */
const ALWAYS_SKIPPED_NAMES = new Set(['.git', 'node_modules']);
const ALWAYS_SKIPPED = /(?:^|\/)(?:\.git|node_modules)(?:\/|$)/;

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function relativeTo(baseDir: string, absPath: string): string {
  const rel = toPosix(relative(baseDir, absPath));
  return rel === '' ? '.' : rel;
}

/** `dir` + `/`-separated `rel` without resolve(): `rel` is already normalised (from a walk or git). */
function joinRel(dir: string, rel: string): string {
  const native = sep === '/' ? rel : rel.split('/').join(sep);
  return dir.endsWith(sep) ? dir + native : dir + sep + native;
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

/**
 * A listed path relative to the directory listed. `link`: whether it may be a symbolic link
 * (`undefined`: not known, checked with lstat; `false`: known not to be one, no system call).
 */
interface Listed {
  readonly rel: string;
  readonly link: boolean | undefined;
}

const GIT_BUFFER = 1024 * 1024 * 1024;

async function gitListFiles(dir: string, unlistable: string[]): Promise<Listed[]> {
  const git = (args: string[]) => execFileAsync('git', ['-C', dir, 'ls-files', '-z', ...args, '--', '.'], { encoding: 'utf8', maxBuffer: GIT_BUFFER });
  // The index with modes (so tracked symbolic links, mode 120000, and submodules, 160000, are
  // known without a system call per file), the untracked files git does not ignore, and the
  // tracked files whose work-tree copy differs from the index (deleted, or replaced by a link).
  const [staged, others, modified] = await Promise.all([git(['--stage']), git(['--others', '--exclude-standard']), git(['--modified'])]);
  const changed = new Set(modified.stdout.split('\0').filter(Boolean));
  const out: Listed[] = [];
  const nested: string[] = [];
  const seen = new Set<string>();
  for (const line of staged.stdout.split('\0')) {
    if (!line) continue;
    // `<mode> <object> <stage>\t<path>`; a conflicted path is listed once per stage.
    const tab = line.indexOf('\t');
    const path = line.slice(tab + 1);
    if (seen.has(path)) continue;
    seen.add(path);
    const mode = line.slice(0, line.indexOf(' '));
    if (mode === '160000') {
      nested.push(path);
      continue;
    }
    if (changed.has(path)) {
      // Deleted from the work tree: not there to scan. Otherwise its type may have changed.
      try {
        lstatSync(joinRel(dir, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      }
      out.push({ rel: path, link: undefined });
    } else out.push({ rel: path, link: mode === '120000' });
  }
  for (const path of others.stdout.split('\0')) {
    if (!path) continue;
    // An untracked nested clone is listed as one entry, `nested/`: walked into below.
    if (path.endsWith('/')) nested.push(path.slice(0, -1));
    else out.push({ rel: path, link: undefined });
  }
  for (const sub of nested) {
    const subDir = joinRel(dir, sub);
    let inner: Listed[];
    try {
      inner = (await gitTopLevel(subDir)) === subDir ? await gitListFiles(subDir, unlistable) : await collectWalk(subDir, unlistable);
    } catch {
      inner = await collectWalk(subDir, unlistable);
    }
    for (const f of inner) out.push({ rel: `${sub}/${f.rel}`, link: f.link });
  }
  return out;
}

async function collectWalk(dir: string, unlistable: string[]): Promise<Listed[]> {
  const out: Listed[] = [];
  await walk(dir, unlistable, (rel, link) => out.push({ rel, link }));
  return out;
}

interface GitignoreLevel {
  /** The directory holding the .gitignore, relative to the walk root ('' for the root). */
  readonly base: string;
  readonly ig: Ignore;
  /** For a .gitignore above the walk root: the walk root's path from its directory. */
  readonly above?: string;
}

/**
 * Whether the .gitignore files from the root down ignore `rel`, as git applies them: a deeper
 * file's `!pattern` re-includes what a shallower one ignored.
 */
function ignoredBy(chain: readonly GitignoreLevel[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig, above } of chain) {
    const sub = above !== undefined ? `${above}/${rel}` : base === '' ? rel : rel.slice(base.length + 1);
    const verdict = ig.test(isDir ? `${sub}/` : sub);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Directories listed between two turns of the event loop (so a pool is fed while walking). */
const DIRS_PER_TURN = 256;

/**
 * Gitignore-aware walk of `dir`, depth first: a directory's files, then its subdirectories,
 * each in code-unit order (so the order is the same on every machine and file system). Calls `emit` with each path relative to `dir` that
 * is not a directory: files, and symbolic links (never followed here: a link loop or a link to
 * a directory becomes a notification when read). A directory every .gitignore above it
 * ignores is not entered — as git, which cannot re-include a file inside an excluded
 * directory. Directories that may not be listed are recorded in `unlistable`.
 */
async function walk(dir: string, unlistable: string[], emit: (rel: string, link: boolean) => void, inherited: readonly GitignoreLevel[] = []): Promise<void> {
  const stack: Array<{ abs: string; rel: string; chain: readonly GitignoreLevel[] }> = [{ abs: dir, rel: '', chain: inherited }];
  let listed = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as (typeof stack)[number];
    let entries: Dirent[];
    try {
      entries = readdirSync(frame.abs, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') unlistable.push(frame.abs);
      continue; // gone since it was listed, or no longer a directory
    }
    entries.sort(byName);
    let chain = frame.chain;
    const gitignore = entries.find((e) => e.name === '.gitignore');
    if (gitignore?.isFile()) {
      try {
        chain = [...chain, { base: frame.rel, ig: ignore().add(readFileSync(joinRel(frame.abs, '.gitignore'), 'utf8')) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const subdirs: Array<{ abs: string; rel: string; chain: readonly GitignoreLevel[] }> = [];
    for (const entry of entries) {
      const name = entry.name;
      if (ALWAYS_SKIPPED_NAMES.has(name)) continue;
      const rel = frame.rel === '' ? name : `${frame.rel}/${name}`;
      if (entry.isDirectory()) {
        if (chain.length === 0 || !ignoredBy(chain, rel, true)) subdirs.push({ abs: joinRel(frame.abs, name), rel, chain });
      } else if (chain.length === 0 || !ignoredBy(chain, rel, false)) {
        emit(rel, entry.isSymbolicLink());
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as (typeof subdirs)[number]);
    if (++listed % DIRS_PER_TURN === 0) await new Promise<void>((r) => setImmediate(r));
  }
}

/**
 * Calls `onFile` with every file to scan (and every entry refused: `refused` set), each path
 * once, as soon as it is found. Explicitly named files come first, then each directory's files
 * in walk order (git's order in a work tree). Throws a `UsageError` for a missing path or a
 * directory named on the command line that cannot be listed, before anything is delivered.
 */
export async function discoverEach(options: DiscoverOptions, onFile: (file: DiscoveredFile) => void): Promise<void> {
  const { baseDir } = options;
  const ignoreBase = options.ignoreBase ?? baseDir;
  const userIgnore = options.ignore.length > 0 ? ignore().add([...options.ignore]) : undefined;
  const seen = new Set<string>();
  const deliver = (file: DiscoveredFile) => {
    if (seen.has(file.relPath)) return;
    seen.add(file.relPath);
    onFile(file);
  };

  // Every input is checked before any file is delivered: a typo is a usage error, not half a scan.
  const explicit: string[] = [];
  const dirs: Array<{ input: string; abs: string }> = [];
  for (const input of options.paths.length > 0 ? options.paths : ['.']) {
    const absInput = isAbsolute(input) ? input : resolve(baseDir, input);
    let stat;
    try {
      stat = statSync(absInput);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        const matches = await expandGlob(input, baseDir);
        if (matches === undefined) throw new UsageError(`${input}: no such file or directory`);
        if (matches.length === 0) throw new UsageError(`${input}: no file matches this pattern`);
        explicit.push(...matches);
        continue;
      }
      // Unreadable or a loop: still "explicit" so the reader reports it as a notification.
      explicit.push(absInput);
      continue;
    }
    if (!stat.isDirectory()) {
      explicit.push(absInput);
      continue;
    }
    // A directory named on the command line that cannot be listed is a usage error (exit 2).
    try {
      readdirSync(absInput);
    } catch (error) {
      throw new UsageError(`${input}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    dirs.push({ input, abs: absInput });
  }
  for (const absPath of explicit) deliver({ absPath, relPath: relativeTo(baseDir, absPath), explicit: true });

  for (const { abs: absInput } of dirs) {
    let rootReal: string;
    try {
      rootReal = realpathSync(absInput);
    } catch {
      rootReal = absInput;
    }
    // Computed once per input, not per file: every listed path is `prefix + rel`.
    const relInput = relativeTo(baseDir, absInput);
    const prefix = relInput === '.' ? '' : `${relInput}/`;
    const fromIgnoreBase = relativeTo(ignoreBase, absInput);
    const ignorePrefix = fromIgnoreBase === '.' ? '' : `${fromIgnoreBase}/`;
    const unlistable: string[] = [];
    const add = (rel: string, link: boolean | undefined) => {
      const absPath = joinRel(absInput, rel);
      const relPath = prefix + rel;
      if (link !== false) {
        const refused = linkLeavingRoot(absPath, rootReal, relPath);
        if (refused) {
          deliver({ absPath, relPath, explicit: false, refused });
          return;
        }
      }
      // `.git`/`node_modules` are skipped inside the directory being listed, not above it.
      if (ALWAYS_SKIPPED.test(rel)) return;
      if (userIgnore) {
        // User excludes are relative to the configuration's directory; the `ignore` package
        // rejects paths that leave it (`../x`), so those are tested as given.
        const fromBase = ignorePrefix + rel;
        const testPath = fromBase.startsWith('../') ? fromBase.replace(/^(?:\.\.\/)+/, '') : fromBase;
        if (testPath && userIgnore.ignores(testPath)) return;
      }
      deliver({ absPath, relPath, explicit: false });
    };

    const useGit = options.useGit !== false && (await gitTopLevel(absInput)) !== undefined;
    let listed: Listed[] | undefined;
    if (useGit) {
      try {
        listed = await gitListFiles(absInput, unlistable);
      } catch {
        listed = undefined;
      }
      // A directory named on the command line that git ignores as a whole (`dist/`, `cdk.out/`)
      // is still what the user asked for: walk it.
      if (listed?.length === 0) listed = undefined;
    }
    if (listed) for (const f of listed) add(f.rel, f.link);
    else await walk(absInput, unlistable, add, gitignoresAbove(baseDir, absInput));
    for (const dir of unlistable) {
      const relPath = relativeTo(baseDir, dir);
      deliver({
        absPath: dir,
        relPath,
        explicit: false,
        refused: { id: 'unreadable-file', level: 'error', path: relPath, message: `${relPath}: directory could not be read (permission denied); its files were not scanned` },
      });
    }
  }
}

/**
 * The .gitignore files between the scan's base directory and a subdirectory named on the command
 * line (`credlint logs --no-git`): they apply inside it as they do when the walk starts at the
 * base, or as git applies them. None when the named directory is itself ignored by them (it was
 * asked for by name) or lies outside the base.
 */
function gitignoresAbove(baseDir: string, dir: string): GitignoreLevel[] {
  const rel = relative(baseDir, dir).split(sep).join('/');
  if (rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return [];
  const parts = rel.split('/');
  const levels: GitignoreLevel[] = [];
  for (let i = 0; i < parts.length; i++) {
    const holder = join(baseDir, ...parts.slice(0, i));
    try {
      const text = readFileSync(join(holder, '.gitignore'), 'utf8');
      levels.push({ base: '', ig: ignore().add(text), above: parts.slice(i).join('/') });
    } catch {
      // no .gitignore there (or unreadable: it ignores nothing)
    }
  }
  if (levels.length === 0) return [];
  // The named directory itself: each level tested on its own path from that level's directory.
  let ignored = false;
  for (const level of levels) {
    const verdict = level.ig.test(`${level.above}/`);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored ? [] : levels;
}

/** Every file to scan (and every refused entry), sorted by path. */
export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const files: DiscoveredFile[] = [];
  await discoverEach(options, (f) => files.push(f));
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/**
 * A command-line argument that names no existing path but is a glob pattern (`'infra/**\/*.tf'`,
 * quoted so the shell left it alone — or a shell without globbing): the files it matches, as
 * absolute paths, `.git/` and `node_modules/` skipped, links not followed. `undefined` when it
 * is no pattern.
 */
async function expandGlob(input: string, baseDir: string): Promise<string[] | undefined> {
  const { default: fg } = await import('fast-glob');
  const pattern = toPosix(input);
  if (!fg.isDynamicPattern(pattern)) return undefined;
  const matches = await fg(pattern, {
    cwd: baseDir,
    absolute: true,
    dot: true,
    ignore: ['**/.git/**', '**/node_modules/**'],
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  return matches.map((m) => resolve(m)).sort();
}

/**
 * A symbolic link found while walking whose target lies outside the scan root: not followed.
 * A pull request adding `notes.txt -> ~/.aws/credentials` must not make a CI scan read the
 * runner's own credentials and publish their shape. (A link named on the command line is the
 * user's choice and is followed.) Costs one lstat for an entry not known not to be a link.
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
