// The command's --help text, in a module of its own: bin/credlint.js answers `--help` and
// `--version` (src/quick-answer.ts) without importing the engine, the rules or any parser.
export const HELP = `Usage: credlint [options] [paths...]
       credlint --history [<rev-range>] [options]
       credlint - [--stdin-filename <path>] [options]
       credlint init
       credlint policy <file> [--resource <name>] [--format json]

Finds AWS credential misuse: hard-coded keys, static credentials in bootstrap scripts,
images and infrastructure code. Paths default to the current directory; in a git work
tree the tracked and untracked-but-not-ignored files are scanned.

Output
  -f, --format <name>          stylish (default), json, sarif, github
  -o, --output <file>          write the report to a file instead of stdout
      --annotate               also print GitHub Actions annotations on stdout (with --output:
                               one scan gives both the SARIF file and the pull-request annotations)
  -q, --quiet                  report errors only
      --show-secrets           print whole secret values (never do this in CI logs)
      --color / --no-color     force colours on or off (default: on a TTY, unless NO_COLOR)

Rules and configuration
  -c, --config <file>          configuration file (default: credlint.config.{json,yaml,yml}
                               or a "credlint" key in package.json, found upward)
      --rule <id>              run only this rule (repeatable)
      --disable-rule <id>      do not run this rule (repeatable)
      --ignore <glob>          skip files matching this gitignore-style pattern (repeatable)
      --max-file-size <size>   skip larger files (default 5MB)
      --list-rules             list the rules (with their documentation links) and exit

Results
      --fail-on <level>        error (default), warning (or warn) or note: exit 1 at or above it
      --exit-zero              exit 0 even when problems are found
      --baseline <file>        report only findings not recorded in this baseline
      --write-baseline <file>  record the current findings as the baseline and exit 0
      --report-unused-suppressions
                               report suppression comments that suppress nothing

Running
      --concurrency <n>        auto (default), off, or a number of worker threads
      --file-timeout <s>       seconds one file may take, plus a third of that per MiB (default
                               30, in worker threads; given, at least one worker runs); a file
                               over it is reported not fully scanned, only text checks run; 0: off
      --staged                 scan the staged version of the files about to be committed
                               (for pre-commit hooks; paths are ignored)
      --history [<rev-range>]  scan every blob added in a range of commits (default: all of
                               HEAD's history; e.g. main..HEAD); findings name the commit
      --shard <I/N>            scan only shard I of N (a stable split of the files by path
                               hash, for CI matrices; SARIF category credlint/shard-I-of-N)
      --stdin-filename <path>  with "-": the path standard input is reported as (and its kind)
      --no-git                 walk directories instead of asking git for the file list
      --debug                  print stack traces and skipped-file details
  -v, --version                print the version
  -h, --help                   print this help

Commands
  init                         write a commented starter credlint.config.yaml here
  policy <file>                print the least-privilege policy the user data of each instance,
                               launch template or launch configuration of a CloudFormation or
                               Terraform file needs (JSON, and HCL for Terraform), and the calls
                               it could not resolve; --resource <name> picks one, -f json for data

Exit codes: 0 no problems at or above the fail level, 1 problems found, 2 usage,
configuration or internal error.`;
