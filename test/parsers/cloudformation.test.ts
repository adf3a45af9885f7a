import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/engine/document.js';
import { parseCloudFormation, scalarPieces } from '../../src/parsers/cloudformation.js';
import type { Notification } from '../../src/engine/types.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { branchItems, branchesOf, getPath, knownString } from '../../src/iac/value.js';

function doc(path: string, text: string) {
  return createDocument({ path, kind: 'cloudformation', language: 'cloudformation', text });
}

describe('CloudFormation parser', () => {
  it('normalises every short-form tag to the long form and keeps ranges', () => {
    const text = [
      'Resources:',
      '  R:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      A: !Ref Profile',
      '      B: !GetAtt Role.Arn',
      '      C: !GetAtt [Role, Arn]',
      '      D: !Sub "arn:${AWS::Partition}:s3:::b"',
      '      E: !Join ["-", [a, !Ref X, c]]',
      '      F: !ImportValue shared',
      '      G: !If [Cond, a, b]',
      '      H: !Base64 "plain"',
      '',
    ].join('\n');
    const t = parseCloudFormation(doc('t.yaml', text))!;
    const p = t.resources[0]!.properties!;
    expect(getPath(p, ['A'])).toMatchObject({ kind: 'ref', target: 'Profile' });
    expect(getPath(p, ['B'])).toMatchObject({ kind: 'ref', target: 'Role', attribute: 'Arn' });
    expect(getPath(p, ['C'])).toMatchObject({ kind: 'ref', target: 'Role', attribute: 'Arn' });
    expect(getPath(p, ['D'])).toMatchObject({ kind: 'string', value: 'arn:${AWS::Partition}:s3:::b', hasPlaceholders: true });
    expect(getPath(p, ['E'])).toMatchObject({ kind: 'string', value: 'a-${X}-c', hasPlaceholders: true });
    expect(getPath(p, ['F'])).toMatchObject({ kind: 'unknown', reason: 'external' });
    expect(getPath(p, ['G'])).toMatchObject({ kind: 'unknown', reason: 'dynamic' });
    expect(knownString(getPath(p, ['H']))).toBe('plain');
    // The range of `!Ref Profile` covers the tag and the value.
    const a = getPath(p, ['A'])!;
    expect(text.slice(a.range.start, a.range.end)).toBe('!Ref Profile');
    expect(text.slice(t.resources[0]!.typeRange.start, t.resources[0]!.typeRange.end)).toBe('AWS::EC2::Instance');
  });

  it('reads JSON templates (CDK output) with the same model', () => {
    const text = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": {"Fn::Sub": "${AWS::StackName}-r"}}}}}';
    const t = parseCloudFormation(doc('cdk.out/S.template.json', text))!;
    expect(t.resources[0]!.type).toBe('AWS::IAM::Role');
    expect(getPath(t.resources[0]!.properties, ['RoleName'])).toMatchObject({ kind: 'string', hasPlaceholders: true });
  });

  it('maps folded, quoted and literal scalars back to the source', () => {
    const src = '"a\\tb c"';
    expect(scalarPieces('a\tb c', src, 0, src.length, 'QUOTE_DOUBLE')).toEqual([
      { text: 'a', start: 1, end: 2, verbatim: true },
      { text: '\t', start: 2, end: 4, verbatim: false },
      { text: 'b c', start: 4, end: 7, verbatim: true },
    ]);
    const lit = '|\n  one\n  two\n';
    const pieces = scalarPieces('one\ntwo\n', lit, 0, lit.length, 'BLOCK_LITERAL');
    expect(pieces.map((p) => lit.slice(p.start, p.end))).toEqual(['one\n', 'two\n']);
  });

  it('turns malformed YAML into a notification, never a crash, and text rules still run', () => {
    const key = fakeAccessKeyId('malformed-cfn');
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [unclosed\n  B: ${key}\n    bad: indent\n`;
    const { findings, notifications } = lintText('template.yaml', text);
    expect(notifications.some((n) => n.id === 'parse-error' && n.path === 'template.yaml')).toBe(true);
    expect(notifications.some((n) => n.id === 'rule-error')).toBe(false);
    expect(findings.some((f) => f.ruleId === 'no-hardcoded-access-key-id')).toBe(true);
  });

  it('turns malformed JSON into a notification', () => {
    const notes: Notification[] = [];
    parseCloudFormation(doc('t.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {'), notes);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('could not parse the CloudFormation template');
    // A template a rule needs (an instance) is parsed, and its syntax error reported.
    const r = lintText('t.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"X": {"Type": "AWS::EC2::Instance", "Properties": {');
    expect(r.notifications.filter((n) => n.id === 'parse-error')).toHaveLength(1);
    expect(r.notifications.some((n) => n.id === 'rule-error')).toBe(false);
  });

  it('does not parse a template no rule needs just to report its syntax', () => {
    const r = lintText('t.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"X": {"Type": "AWS::S3::Bucket", ');
    expect(r.notifications).toEqual([]);
  });

  it('caches the model per document', () => {
    const d = doc('t.yaml', 'Resources: {}\n');
    expect(parseCloudFormation(d)).toBe(parseCloudFormation(d));
  });
});

describe('Fn::If', () => {
  const props = (text: string) => parseCloudFormation(doc('template.yaml', text))!.resources[0]!.properties!;
  const yaml = (value: string) => `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      P: ${value}\n`;

  it('keeps both branches of the short and the long form as alternatives of an unknown value', () => {
    for (const text of [yaml("!If [C, 'a', 'b']"), yaml("{ 'Fn::If': [C, 'a', 'b'] }")]) {
      const v = getPath(props(text), ['P'])!;
      expect(v).toMatchObject({ kind: 'unknown', label: 'Fn::If', condition: 'C' });
      expect(branchesOf(v).map((b) => knownString(b))).toEqual(['a', 'b']);
    }
  });

  it('splices branch items into a list, drops AWS::NoValue branches and counts an item written in both branches once', () => {
    const v = getPath(props(yaml("[x, !If [C, [y, x2], !Ref AWS::NoValue], !If [D, z, z], { 'Fn::If': [E, { Ref: 'AWS::NoValue' }, w] }]")), ['P']);
    expect(branchItems(v).map((i) => knownString(i))).toEqual(['x', 'y', 'x2', 'z', 'w']);
  });

  it('stays a plain unknown when the Fn::If is malformed', () => {
    const v = getPath(props(yaml('!If [C, a]')), ['P'])!;
    expect(v).toMatchObject({ kind: 'unknown', label: 'Fn::If' });
    expect('alternatives' in v).toBe(false);
  });
});
