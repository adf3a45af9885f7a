import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  createSetup,
  initParsers,
  rules,
  scanBytes,
  scanFile
} from "./chunk-LBS566LI.js";

// src/engine/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var init = workerData;
var setup = createSetup(init.config, rules, { reportUnusedSuppressions: init.reportUnusedSuppressions });
var parsersReady = initParsers();
parentPort?.on("message", async (request) => {
  try {
    await parsersReady;
    const results = [];
    if ("blobs" in request) {
      for (const blob of request.blobs) results.push(scanBytes(Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.path, Infinity, setup));
    } else {
      for (const file of request.files) results.push(await scanFile(file.absPath, file.relPath, init.config.maxFileSize, setup));
    }
    parentPort?.postMessage({ batch: request.batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch: request.batch, error: error?.stack ?? String(error) });
  }
});
