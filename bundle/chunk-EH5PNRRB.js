import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);

// src/output-file.ts
import { closeSync, constants as fsConstants, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var pending = /* @__PURE__ */ new Set();
function removePendingOutputs() {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
    }
  }
  pending.clear();
}
function writeOutputFile(target, content) {
  let existing;
  try {
    existing = statSync(target);
  } catch {
    existing = void 0;
  }
  if (existing && existing.isFIFO()) {
    closeSync(openSync(target, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK));
    writeFileSync(target, content);
    return;
  }
  if (existing && existing.isCharacterDevice()) {
    writeFileSync(target, content);
    return;
  }
  if (existing && !existing.isFile()) {
    const error = new Error("not a regular file");
    error.code = existing.isDirectory() ? "EISDIR" : "not a regular file";
    throw error;
  }
  const tmp = join(dirname(target), `.${basename(target)}.credlint-${process.pid}-${Date.now()}.tmp`);
  pending.add(tmp);
  let fd;
  try {
    fd = openSync(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 420);
    const buf = Buffer.from(content, "utf8");
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = void 0;
    renameSync(tmp, target);
    pending.delete(tmp);
  } catch (error) {
    if (fd !== void 0) closeSync(fd);
    removePendingOutputs();
    throw error;
  }
}
function installProcessHandlers(proc = process) {
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on("error", (error) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") {
        stream.destroy();
        return;
      }
      throw error;
    });
  }
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    proc.on(signal, () => {
      removePendingOutputs();
      proc.exit(code);
    });
  }
}

export {
  removePendingOutputs,
  writeOutputFile,
  installProcessHandlers
};
