// `credlint init`: writes a commented starter configuration. It never overwrites one: an
// existing configuration is somebody's decisions.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, CONFIG_FILE_NAMES } from './config.js';
import type { AnyRule } from './rule.js';

export const INIT_FILE_NAME = 'credlint.config.yaml';

/** The starter configuration: every rule at its default, every other key shown and explained. */
export function starterConfig(rules: readonly AnyRule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const ruleLines = rules.map((r) => `  ${`${r.id}:`.padEnd(width + 1)} ${r.severity.padEnd(7)} # ${r.description}`);
  return [
    '# credlint configuration — https://github.com/credlint/credlint#configuration',
    '# Every key is optional; credlint validates this file and names any mistake.',
    '',
    '# Rule severities: error | warning (or warn) | note | off. Options: [severity, { option: value }].',
    '# Each rule is documented at https://github.com/credlint/credlint/blob/main/docs/rules/<id>.md',
    'rules:',
    ...ruleLines,
    '',
    '# Files never scanned (gitignore syntax, relative to this file).',
    'ignore:',
    '  - "**/*.snap"',
    '',
    '# Files over this size are skipped with a notification.',
    'maxFileSize: 5MB',
    '',
    '# Findings that are known and accepted. Prefer a suppression comment with a reason, or a',
    '# baseline (credlint --write-baseline credlint-baseline.json), which both stay reviewable.',
    'allow:',
    '  paths: []        # e.g. ["test/fixtures/"]: findings under these paths are dropped',
    '  patterns: []     # regular expressions; a finding whose value matches is dropped',
    '  accountIds: []   # 12-digit AWS accounts whose keys are canaries: never reported',
    '',
    '# Accounts whose keys are always reported, even where a rule would skip the value.',
    'deny:',
    '  accountIds: []',
    '',
    '# The lowest severity that makes credlint exit with code 1.',
    'failOn: error',
    '',
  ].join('\n');
}

/** Writes the starter configuration in `dir`; refuses when a configuration is already there. */
export function writeStarterConfig(dir: string, rules: readonly AnyRule[]): string {
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(dir, name))) throw new UsageError(`init: ${name} already exists; not overwriting it`);
  }
  const target = join(dir, INIT_FILE_NAME);
  try {
    writeFileSync(target, starterConfig(rules), { flag: 'wx' });
  } catch (error) {
    throw new UsageError(`init: cannot write ${INIT_FILE_NAME} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return target;
}
