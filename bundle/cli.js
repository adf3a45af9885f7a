import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-6PGH75RI.js";
import "./chunk-2QDW6EN4.js";
import "./chunk-VAPZJIFI.js";
import "./chunk-SOGZ3ATC.js";
import "./chunk-GVK3VARZ.js";

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
