import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-KDIRPLVY.js";
import "./chunk-FAC7AZX3.js";
import "./chunk-42IE3WPL.js";
import "./chunk-FVQGQ2VL.js";

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
