// The `credlint` command: runs the CLI on the process's streams. bin/credlint.js loads the
// bundled copy of this module (bundle/cli.js), so nothing is compiled at install time.
//
// `--version` and `--help` are answered before the CLI is imported (src/quick-answer.ts): the
// bundle splits at the dynamic import, so bundle/cli.js stays a few KB and the engine's chunks
// are only read and compiled for a scan.
import { quickAnswer } from './quick-answer.js';

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  const { runCli } = await import('./cli.js');
  const { installProcessHandlers } = await import('./output-file.js');
  // EPIPE (`credlint . | head -1`) ends output quietly; SIGINT/SIGTERM remove partial reports.
  installProcessHandlers();
  const code = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
  });
  // Let stdout drain before exiting (large reports piped to another process).
  process.exitCode = code;
}
