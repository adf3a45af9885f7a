#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ at install time (npm's prepare script).
import { runCli } from '../dist/src/cli.js';
import { installProcessHandlers } from '../dist/src/output-file.js';

installProcessHandlers();
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Let stdout drain before exiting (large reports piped to another process).
process.exitCode = code;
