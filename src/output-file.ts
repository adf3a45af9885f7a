// Writing a report file the safe way: into a temporary file beside the target, renamed over
// it only once complete. An interrupted run (SIGINT, a full disk) leaves no half report and
// never clobbers the previous one; a FIFO or device named as the output is refused rather than
// blocking forever on a reader that never comes.
import { closeSync, constants as fsConstants, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();

/** Temporary files not yet renamed (removed by removePendingOutputs on an interrupt). */
export function removePendingOutputs(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Writes `content` to `target` atomically. Throws an Error with a `code` on failure. */
export function writeOutputFile(target: string, content: string): void {
  let existing;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing && existing.isFIFO()) {
    // `-o >(jq .)`: a pipe is fine when someone reads it. Opening a FIFO with no reader blocks
    // forever; a non-blocking open fails at once with ENXIO instead.
    closeSync(openSync(target, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK));
    writeFileSync(target, content);
    return;
  }
  if (existing && existing.isCharacterDevice()) {
    writeFileSync(target, content); // /dev/null, /dev/stdout
    return;
  }
  if (existing && !existing.isFile()) {
    const error = new Error('not a regular file') as NodeJS.ErrnoException;
    error.code = existing.isDirectory() ? 'EISDIR' : 'not a regular file';
    throw error;
  }
  const tmp = join(dirname(target), `.${basename(target)}.credlint-${process.pid}-${Date.now()}.tmp`);
  pending.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    const buf = Buffer.from(content, 'utf8');
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    pending.delete(tmp);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removePendingOutputs();
    throw error;
  }
}

/**
 * Process-level behaviour of the command line: a reader that goes away (`credlint . | head -1`)
 * ends the output quietly instead of crashing with EPIPE; SIGINT/SIGTERM remove unfinished
 * report files and exit 130/143.
 */
export function installProcessHandlers(proc: NodeJS.Process = process): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        stream.destroy();
        return;
      }
      throw error;
    });
  }
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    proc.on(signal, () => {
      removePendingOutputs();
      proc.exit(code);
    });
  }
}
