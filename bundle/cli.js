import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-L7CE4OCR.js";
import "./chunk-GR46DBMH.js";
import "./chunk-YSMVE7I3.js";
import "./chunk-BPCCH36T.js";

// src/bin.ts
installProcessHandlers();
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin
});
process.exitCode = code;
