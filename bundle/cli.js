import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-CW6OAC6G.js";
import "./chunk-DJIGKQTG.js";
import "./chunk-CX7SH4LJ.js";
import "./chunk-LVBZ75WM.js";

// src/bin.ts
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
process.exitCode = code;
