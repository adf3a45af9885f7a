import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  createSetup,
  initParsers,
  readTextFile,
  rules,
  scanBytes,
  scanFile,
  scanText
} from "./chunk-I4XBVQCL.js";
import "./chunk-JQ7CTWZG.js";

// src/engine/worker.ts
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { isAbsolute } from "node:path";
var init = workerData;
var setup = createSetup(init.config, rules, { reportUnusedSuppressions: init.reportUnusedSuppressions });
var progress = new Int32Array(init.progress);
var textSetup;
function textOnlySetup() {
  textSetup ??= { ...setup, rules: setup.rules.filter((r) => r.rule.kinds === "all" || r.rule.kinds.includes("text")), extractors: [] };
  return textSetup;
}
async function scanTextOnly(absPath, relPath) {
  const read = await readTextFile(absPath, relPath, init.config.maxFileSize);
  if (!read.ok) return { path: relPath, findings: [], notifications: [read.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(relPath, read.text, textOnlySetup(), "text", absPath);
  return { path: relPath, findings, notifications: [...read.notifications, ...notifications], bytes: read.bytes, scanned: true };
}
var parsersReady = initParsers();
var hooks = init.hookModule === void 0 ? Promise.resolve(void 0) : isAbsolute(init.hookModule) ? import(pathToFileURL(init.hookModule).href) : import(init.hookModule);
parentPort?.on("message", async (request) => {
  try {
    await parsersReady;
    const hook = (await hooks)?.beforeFile;
    const results = [];
    if ("blobs" in request) {
      for (const blob of request.blobs) results.push(scanBytes(Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.path, Infinity, setup));
    } else {
      for (const file of request.files) {
        Atomics.add(progress, 0, 1);
        hook?.(file.relPath);
        results.push(request.textOnly ? await scanTextOnly(file.absPath, file.relPath) : await scanFile(file.absPath, file.relPath, init.config.maxFileSize, setup));
      }
    }
    parentPort?.postMessage({ batch: request.batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch: request.batch, error: error?.stack ?? String(error) });
  }
});
