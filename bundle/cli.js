import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  quickAnswer
} from "./chunk-PRVNKZFE.js";
import "./chunk-CLUR5C64.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-JQ7CTWZG.js";

// src/bin.ts
var argv = process.argv.slice(2);
var quick = quickAnswer(argv);
if (quick !== void 0) {
  process.stdout.write(quick);
} else {
  const { runCli } = await import("./chunk-6PCUP3Q4.js");
  const { installProcessHandlers } = await import("./chunk-634JJABU.js");
  installProcessHandlers();
  const code = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin
  });
  process.exitCode = code;
}
