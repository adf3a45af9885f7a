import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-RNL3Z75R.js";
import "./chunk-4UICKSNB.js";
import "./chunk-BUXJWK4Q.js";
import "./chunk-RH3E4CVB.js";
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
