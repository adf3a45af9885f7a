import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-MC65E5ZR.js";
import "./chunk-A6U7EHHN.js";
import "./chunk-KQF74CRY.js";
import "./chunk-ZRM76UOI.js";

// src/bin.ts
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin
});
process.exitCode = code;
