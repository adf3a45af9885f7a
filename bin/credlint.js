#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ at install time (npm's prepare script).
import { runCli } from '../dist/src/cli.js';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
});
// Let stdout drain before exiting (large reports piped to another process).
process.exitCode = code;
