import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  quickAnswer
} from "./chunk-3YTE4AFB.js";
import "./chunk-YSKYUCNQ.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-JQ7CTWZG.js";

// src/bin.ts
var argv = process.argv.slice(2);
var quick = quickAnswer(argv);
if (quick !== void 0) {
  process.stdout.write(quick);
} else {
  const { runCli } = await import("./chunk-E7VXNMPW.js");
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
