// The `credlint` command: runs the CLI on the process's streams. bin/credlint.js loads the
// bundled copy of this module (bundle/cli.js), so nothing is compiled at install time.
import { runCli } from './cli.js';
import { installProcessHandlers } from './output-file.js';

// EPIPE (`credlint . | head -1`) ends output quietly; SIGINT/SIGTERM remove partial reports.
installProcessHandlers();
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
});
// Let stdout drain before exiting (large reports piped to another process).
process.exitCode = code;
