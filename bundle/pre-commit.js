import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  installProcessHandlers,
  runCli
} from "./chunk-GIPTFDME.js";
import "./chunk-XRLYIGQK.js";
import "./chunk-XRJPA54A.js";
import "./chunk-LBS566LI.js";

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
installProcessHandlers();
var code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
if (code === 1) process.stderr.write(HOOK_HINT);
process.exitCode = code;
export {
  HOOK_HINT
};
