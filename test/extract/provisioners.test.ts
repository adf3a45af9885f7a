// The Ansible extractor reads only YAML whose first document is a list (a playbook, a task
// file). Its keywords also pass Kubernetes manifests and Helm templates (`command:`,
// `template:`), which are maps: firstDocumentMayBeList spares their parse. It must never say
// "not a list" of a text the YAML parser reads as one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDocumentMayBeList } from '../../src/extract/provisioners.js';
import { parseYamlDocuments } from '../../src/parsers/cloudformation.js';
import { createDocument } from '../../src/engine/document.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

function firstIsList(text: string): boolean {
  const doc = createDocument({ path: 'x.yaml', kind: 'text', language: 'yaml', text });
  return parseYamlDocuments(doc)[0]?.kind === 'list';
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/i.test(entry)) out.push(full);
  }
  return out;
}

describe('firstDocumentMayBeList', () => {
  const lists = [
    '- hosts: all\n  tasks: []\n',
    '  - a\n',
    '---\n- a\n',
    '--- \r\n- a\r\n',
    '--- [a, b]\n',
    '# playbook\n%YAML 1.2\n---\n- a\n',
    '&tasks\n- a\n',
    '!!seq\n- a\n',
    '\t- a\n',
    '\uFEFF- a\n',
    '[a, b]\n',
    '- a\nb: c\n',
  ];
  const others = [
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - command: ["sh"]\n',
    'key: v\n- a\n',
    '"a"\n- b\n',
    '? a\n: b\n',
    '*a\n',
    '{a: 1}\n',
    '|\n  - a\n',
    'a: |\n  - x\n',
    '---\n---\nk: v\n',
    '',
    '---\n',
    '# only a comment\n',
  ];

  it('says "may" of every text whose first document is a list', () => {
    for (const text of lists) {
      expect(firstIsList(text), JSON.stringify(text)).toBe(true);
      expect(firstDocumentMayBeList(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('says "not" of maps, scalars and empty texts', () => {
    for (const text of others) {
      expect(firstIsList(text), JSON.stringify(text)).toBe(false);
      expect(firstDocumentMayBeList(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('never says "not" of a YAML file of the repository the parser reads as a list', () => {
    const files = [...yamlFiles(FIXTURES), ...yamlFiles(join(ROOT, 'examples')), join(ROOT, '.pre-commit-hooks.yaml'), join(ROOT, 'action.yml')];
    let lists = 0;
    for (const full of files) {
      const text = readFileSync(full, 'utf8');
      if (!firstIsList(text)) continue;
      lists++;
      expect(firstDocumentMayBeList(text), full).toBe(true);
    }
    expect(lists).toBeGreaterThan(2);
  });
});
