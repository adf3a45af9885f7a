// The pre-commit hooks' command (bin/credlint-pre-commit.js → bundle/pre-commit.js): the CLI,
// plus — when it blocks a commit — what to do about it, since a hook's output is all a
// developer sees at that moment.
//
// As in src/bin.ts, `--version`/`--help` are answered before the CLI is imported, and the CLI
// is imported only then (a hook runs on every commit: its start-up is paid each time).
import { quickAnswer } from './quick-answer.js';

export const HOOK_HINT = `
credlint blocked this commit. For each finding above:
  - remove the credential, and rotate it if it was ever pushed or shared;
  - or, if it is not a live secret (a test value, a revoked key), suppress it on the line before:
      # credlint-disable-next-line <rule-id> -- why this is safe
  - or record the findings already in the repository as a baseline, so only new ones block:
      npx credlint --write-baseline .credlint-baseline.json
    and pass it to the hook: args: [--baseline, .credlint-baseline.json]
`;

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  const { runCli } = await import('./cli.js');
  const { installProcessHandlers } = await import('./output-file.js');
  installProcessHandlers();
  const code = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  if (code === 1) process.stderr.write(HOOK_HINT);
  process.exitCode = code;
}
