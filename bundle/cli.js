import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunks/chunk-KEBQ733X.js";
import "./chunks/chunk-CW3DXRR3.js";
import "./chunks/chunk-6GJLX3E2.js";
import "./chunks/chunk-3LSDKGHY.js";

// src/bin.ts
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
process.exitCode = code;
