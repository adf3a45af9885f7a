import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  quickAnswer
} from "./chunk-PRVNKZFE.js";
import "./chunk-CLUR5C64.js";
import "./chunk-ORZ2ZCPG.js";
import "./chunk-JQ7CTWZG.js";

// src/hook.ts
var HOOK_HINT = `
credlint blocked this commit. For each finding above:
  - remove the credential, and rotate it if it was ever pushed or shared;
  - or, if it is not a live secret (a test value, a revoked key), suppress it on the line before:
      # credlint-disable-next-line <rule-id> -- why this is safe
  - or record the findings already in the repository as a baseline, so only new ones block:
      npx credlint --write-baseline .credlint-baseline.json
    and pass it to the hook: args: [--baseline, .credlint-baseline.json]
`;
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
    cwd: process.cwd()
  });
  if (code === 1) process.stderr.write(HOOK_HINT);
  process.exitCode = code;
}
export {
  HOOK_HINT
};
