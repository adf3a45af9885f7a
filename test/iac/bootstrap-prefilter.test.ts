// The bootstrap rules skip work that cannot change a finding: bootstrap-permissions-match-role
// reads the user data only of instances whose role is in the file, and only parses scripts
// whose text could spell an AWS CLI call (AWS_CALL_TEXT). Both are speed-ups only if they are
// exact: the pre-filter never rejects a script in which the parser finds an `aws` command, and
// the calls-only bootstrap equals the full one on every fixture.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AWS_CALL_TEXT, bootstrapCallsOf, bootstrapOf } from '../../src/iac/bootstrap.js';
import { resourceGraph } from '../../src/iac/graph.js';
import { bootstrapPermissions, COMPUTE_KINDS, roleBootstrapPermissions } from '../../src/iam/bootstrap-policy.js';
import { awsInvocation, parseShell, shellScript } from '../../src/parsers/shell.js';
import { createDocument, type SourceDocument } from '../../src/engine/document.js';
import { extractors } from '../../src/extract/index.js';
import { classifyFile, languageOf } from '../../src/kinds.js';
import { renderedFixtureTree } from '../helpers/fixtures.js';

// Every fixture, keys rendered, at its own path under one root (so `file()` and module siblings resolve).
const { root, files } = renderedFixtureTree('credlint-bootstrap-prefilter-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function documentOf(file: { path: string; absPath: string; text: string }): SourceDocument {
  const kind = classifyFile(file.path, file.text);
  return createDocument({ path: file.path, absPath: file.absPath, kind, language: languageOf(file.path, kind), text: file.text });
}

/** A document and every document the extractors find in it, at any depth. */
function withEmbedded(doc: SourceDocument, out: SourceDocument[] = [], depth = 0): SourceDocument[] {
  out.push(doc);
  if (depth > 4) return out;
  for (const ex of extractors) {
    if (!ex.kinds.includes(doc.kind)) continue;
    for (const child of ex.extract(doc, [])) withEmbedded(child, out, depth + 1);
  }
  return out;
}

function makesAwsCall(text: string): boolean {
  return parseShell(text).commands.some((c) => awsInvocation(c) !== undefined);
}

describe('AWS_CALL_TEXT: a script it rejects makes no AWS call', () => {
  it('passes every way of writing the command word that the parser reads as aws', () => {
    const spellings = [
      'aws s3 ls',
      '/usr/local/bin/aws s3 ls',
      'sudo -u ec2-user aws s3 ls',
      'AWS_PROFILE=x aws s3 ls',
      "'aws' s3 ls",
      '"aws" s3 ls',
      "a'w's s3 ls",
      'a"w"s s3 ls',
      "a''ws s3 ls",
      'a""ws s3 ls',
      "aws'' s3 ls",
      'a\\ws s3 ls',
      '\\a\\w\\s s3 ls',
      'a\\\nws s3 ls',
      "$'aws' s3 ls",
      "$'\\x61ws' s3 ls",
      "$'\\141\\167\\163' s3 ls",
      "a$''ws s3 ls",
      'a$""ws s3 ls',
      "bash -c 'aws s3 ls'",
      'bash -c "a\\ws s3 ls"',
      'su - app -c "aws s3 cp s3://b/k /tmp/k"',
      'sudo bash <<EOF\naws s3 ls\nEOF',
      'x=$(aws sts get-caller-identity)',
      'if true; then aws s3 ls; fi',
      'echo ok && aws s3 ls || exit 1',
      'aws\ts3 ls',
      'aws;',
      'time aws s3 ls',
      'nohup aws s3 sync s3://b /opt &',
    ];
    // Each passes the filter; the parser reads nearly all as the command (`a\<newline>ws` it
    // reads as two words: the filter errs towards passing).
    for (const s of spellings) expect(AWS_CALL_TEXT.test(s), s).toBe(true);
    expect(spellings.filter(makesAwsCall).length).toBeGreaterThanOrEqual(spellings.length - 2);
  });

  it('rejects scripts that only mention the CLI package or other commands', () => {
    for (const s of ['yum install -y awscli jq\nsystemctl enable --now nginx', 'pip install aws-sam-cli', 'aws-vault exec x -- true', './aws.sh', 'echo jaws.txt']) {
      expect(makesAwsCall(s), s).toBe(false);
      expect(AWS_CALL_TEXT.test(s), s).toBe(false);
    }
  });

  it('never rejects a generated spelling the parser reads as an aws command', () => {
    // Pieces the shell joins into one word without adding characters, around each letter.
    const glue = ['', '', '', "''", '""', '\\', "$''", '$""', '\\\n'];
    const letter = (c: string, r: () => number): string => {
      const forms = [c, `\\${c}`, `'${c}'`, `"${c}"`, `$'${c}'`, `$'\\x${c.charCodeAt(0).toString(16)}'`, `$'\\${c.charCodeAt(0).toString(8)}'`];
      return forms[Math.floor(r() * forms.length)] as string;
    };
    let seed = 7;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let calls = 0;
    for (let i = 0; i < 1500; i++) {
      const pick = () => glue[Math.floor(r() * glue.length)] as string;
      const word = `${pick()}${letter('a', r)}${pick()}${letter('w', r)}${pick()}${letter('s', r)}${pick()}`;
      const prefix = ['', '/usr/bin/', 'sudo ', 'env X=1 '][Math.floor(r() * 4)] as string;
      const after = [' s3 ls', '', ' --version', '-x s3 ls', '2 s3 ls', 'cli'][Math.floor(r() * 6)] as string;
      const script = `set -e\n${prefix}${word}${after}\n`;
      if (!makesAwsCall(script)) continue;
      calls++;
      expect(AWS_CALL_TEXT.test(script), JSON.stringify(script)).toBe(true);
    }
    expect(calls).toBeGreaterThan(150);
  });

  it('holds for every shell document of every fixture', () => {
    let shells = 0;
    for (const file of files) {
      for (const doc of withEmbedded(documentOf(file))) {
        const script = shellScript(doc);
        if (!script) continue;
        shells++;
        if (script.commands.some((c) => awsInvocation(c) !== undefined)) expect(AWS_CALL_TEXT.test(doc.text), `${file.path}: ${doc.label ?? doc.kind}`).toBe(true);
      }
    }
    expect(shells).toBeGreaterThan(100);
  });
});

describe('the calls-only bootstrap', () => {
  it('lists the same calls as the full bootstrap for every compute resource of every fixture, and the rule judges the same', () => {
    let nodes = 0;
    let judged = 0;
    for (const file of files) {
      const kind = classifyFile(file.path, file.text);
      if (kind !== 'cloudformation' && kind !== 'terraform') continue;
      // Separate documents, so that neither result is the other's cache entry.
      const a = documentOf(file);
      const b = documentOf(file);
      const ga = resourceGraph(a);
      const gb = resourceGraph(b);
      if (!ga || !gb) continue;
      const nodesA = ga.localNodes([...COMPUTE_KINDS]);
      const nodesB = gb.localNodes([...COMPUTE_KINDS]);
      nodesA.forEach((na, i) => {
        const nb = nodesB[i]!;
        nodes++;
        const calls = bootstrapCallsOf(a, ga, na)?.calls;
        const full = bootstrapOf(b, gb, nb)?.calls;
        expect(JSON.stringify(calls), `${file.path} ${na.id}`).toBe(JSON.stringify(full));
        const rolePart = roleBootstrapPermissions(a, ga, na);
        const whole = bootstrapPermissions(b, gb, nb);
        if (!whole?.role) {
          expect(rolePart, `${file.path} ${na.id}`).toBeUndefined();
          return;
        }
        judged++;
        const view = (p: typeof whole) =>
          JSON.stringify({
            decided: p.decided.map((d) => [d.call.command, d.call.range, d.call.credentials, d.needs.map((n) => [n.action, n.resource, n.verdict.decision])]),
            unresolved: p.unresolved.map((u) => [u.call.command, u.call.range, u.reason]),
            role: p.role?.principal.id,
          });
        expect(rolePart && view(rolePart), `${file.path} ${na.id}`).toBe(view(whole));
      });
    }
    expect(nodes).toBeGreaterThan(50);
    expect(judged).toBeGreaterThan(10);
  });
});

describe('shell parses shared by text', () => {
  it('gives two documents with the same script text one model', () => {
    const text = '#!/bin/bash\naws s3 cp s3://bucket/app.tgz /opt/app.tgz\n';
    const one = createDocument({ path: 'a.sh', kind: 'shell', language: 'bash', text });
    const two = createDocument({ path: 'b.sh', kind: 'shell', language: 'bash', text });
    expect(shellScript(one)).toBeDefined();
    expect(shellScript(two)).toBe(shellScript(one));
    const other = createDocument({ path: 'c.sh', kind: 'shell', language: 'bash', text: `${text}echo done\n` });
    expect(shellScript(other)).not.toBe(shellScript(one));
    expect(shellScript(other)?.commands.length).toBe(2);
  });
});
