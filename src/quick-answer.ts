// `credlint --version` and `credlint --help` before anything else is imported. The engine's
// module graph (rules, parsers, IAM model, reporters: a few MB of bundle to compile) is what a
// scan needs, not these: the entry points (src/bin.ts, src/hook.ts) ask here first and import
// the CLI (src/cli.ts) only when this has no answer. This module imports nothing but the
// help text and the version (node:fs, node:path, node:url).
import { HELP } from './cli-help.js';
import { VERSION } from './version.js';

const HELP_FLAGS = new Set(['-h', '--help']);
const VERSION_FLAGS = new Set(['-v', '--version']);

/**
 * The output of a command line made only of help and version flags (help wins, as in
 * src/cli.ts), or undefined: anything else — another option, a path, a misspelt flag that
 * must become a usage error — goes to the full CLI, which answers help and version the same way.
 */
export function quickAnswer(argv: readonly string[]): string | undefined {
  if (argv.length === 0 || !argv.every((a) => HELP_FLAGS.has(a) || VERSION_FLAGS.has(a))) return undefined;
  return argv.some((a) => HELP_FLAGS.has(a)) ? `${HELP}\n` : `${VERSION}\n`;
}
