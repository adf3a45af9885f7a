import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-5ZNWTNYF.js";
import "./chunk-IBIXX7WK.js";
import "./chunk-C3X625RN.js";
import "./chunk-6ODMWOIB.js";

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
