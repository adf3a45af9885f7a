import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';
import { findConfigFile, loadConfig, resolveConfig, validateConfig } from '../../src/config.js';
import { tempDir } from '../helpers/tmp.js';

const ids = rules.map((r) => r.id);
const bad = (raw: unknown) => () => validateConfig(raw, 'c.yaml', ids);

describe('configuration validation', () => {
  it('names the file, the key and what was expected', () => {
    expect(bad([])).toThrow('c.yaml: expected an object at the top level, got a list');
    expect(bad({ rule: {} })).toThrow('c.yaml: unknown key "rule" (did you mean "rules"?)');
    expect(bad({ rules: { 'no-hardcoded-acess-key-id': 'error' } })).toThrow(
      'c.yaml: rules: unknown rule id "no-hardcoded-acess-key-id" (did you mean "no-hardcoded-access-key-id"?)',
    );
    expect(bad({ rules: { 'no-hardcoded-access-key-id': { level: 'error' } } })).toThrow(
      'c.yaml: rules.no-hardcoded-access-key-id.level: unknown key (expected severity, options)',
    );
    expect(bad({ ignore: 'dist' })).toThrow('c.yaml: ignore: expected a list of strings, got string "dist"');
    expect(bad({ maxFileSize: 'big' })).toThrow('c.yaml: maxFileSize: expected a size such as 5MB or 1048576, got string "big"');
    expect(bad({ allow: { accountIds: ['1234'] } })).toThrow('c.yaml: allow.accountIds: "1234" is not a 12-digit AWS account id');
    expect(bad({ allow: { patterns: ['(unclosed'] } })).toThrow(/c\.yaml: allow\.patterns: "\(unclosed" is not a valid regular expression/);
    expect(bad({ failOn: 'fatal' })).toThrow('c.yaml: failOn: expected error, warning (or warn) or note, got string "fatal"');
  });

  it('accepts every documented form', () => {
    const c = validateConfig(
      {
        rules: { 'no-hardcoded-access-key-id': ['warning', {}] },
        ignore: ['dist/'],
        maxFileSize: '2MB',
        allow: { paths: ['a/'], patterns: ['^x'], accountIds: [111122223333] },
        deny: { accountIds: ['444455556666'] },
        failOn: 'warning',
      },
      'c.yaml',
      ids,
    );
    expect(c.maxFileSize).toBe(2 * 1024 * 1024);
    expect(c.allow!.accountIds).toEqual(['111122223333']);
    const resolved = resolveConfig(c, rules);
    expect(resolved.rules.find((r) => r.id === 'no-hardcoded-access-key-id')!.severity).toBe('warning');
    expect(resolved.failOn).toBe('warning');
  });

  it('turns a rule off and lets --rule re-enable only what is named', () => {
    const off = resolveConfig({ rules: { 'no-hardcoded-access-key-id': { severity: 'off' } } }, rules);
    expect(off.rules.map((r) => r.id)).not.toContain('no-hardcoded-access-key-id');
    const only = resolveConfig({}, rules, { onlyRules: ['no-hardcoded-access-key-id'] });
    expect(only.rules.map((r) => r.id)).toEqual(['no-hardcoded-access-key-id']);
  });

  it('rejects unknown options of a rule without an options schema', () => {
    expect(() => resolveConfig({ rules: { 'no-hardcoded-access-key-id': { options: { nope: 1 } } } }, rules, {}, 'c.yaml')).toThrow(
      'c.yaml: rules.no-hardcoded-access-key-id.options.nope: unknown option',
    );
  });

  it('is found upward from the working directory and stops at the repository root', () => {
    const t = tempDir();
    mkdirSync(join(t.dir, 'repo/.git'), { recursive: true });
    mkdirSync(join(t.dir, 'repo/a/b'), { recursive: true });
    writeFileSync(join(t.dir, 'credlint.config.json'), '{}');
    expect(findConfigFile(join(t.dir, 'repo/a/b'))).toBeUndefined();
    writeFileSync(join(t.dir, 'repo/credlint.config.yaml'), 'failOn: note\n');
    expect(findConfigFile(join(t.dir, 'repo/a/b'))).toBe(join(t.dir, 'repo/credlint.config.yaml'));
    expect(loadConfig(join(t.dir, 'repo/a/b'), rules, undefined).failOn).toBe('note');
  });

  it('reports a YAML syntax error with the file name', () => {
    const t = tempDir();
    t.write('credlint.config.yaml', 'rules: [unclosed\n');
    expect(() => loadConfig(t.dir, rules, 'credlint.config.yaml')).toThrow(/credlint\.config\.yaml: not valid YAML/);
  });
});
