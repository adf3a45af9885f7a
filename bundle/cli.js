import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-GIPTFDME.js";
import "./chunk-XRLYIGQK.js";
import "./chunk-XRJPA54A.js";
import "./chunk-LBS566LI.js";

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
