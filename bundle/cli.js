import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-BN3EQCIO.js";
import "./chunk-6BWNGG34.js";
import "./chunk-S6GKFWVH.js";
import "./chunk-QTATZA4Z.js";

// src/bin.ts
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin
});
process.exitCode = code;
