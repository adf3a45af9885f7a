import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/engine/document.js';
import { jsonValue, parseCloudFormation, parseYamlDocuments, yamlValue } from '../../src/parsers/cloudformation.js';
import type { Notification } from '../../src/engine/types.js';
import { getPath, type IacValue } from '../../src/iac/value.js';

// JSON goes through jsonc-parser's scanner, YAML short forms stay tags on yaml's nodes: both
// must give exactly the values and ranges the yaml reading with declared tags gave.

const JSON_TEXTS: Record<string, string> = {
  'escapes and unicode': '{"a": "tab\\there \\"q\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 é 😀", "b": "", "c": "plain"}',
  numbers: '{"n": [0, -0, 1.0, 1.5e3, 1E+2, -12, 123456789012345678901234567890], "t": true, "f": false, "z": null}',
  'nesting and empties': '[{}, [], [[{"a": [{"b": {}}]}]], "x"]',
  'duplicate keys keep both': '{"k": 1, "k": 2}',
  'CRLF and tabs between tokens': '{\r\n\t"a" :\t[ 1 ,\r\n 2 ]\r\n}\r\n',
  intrinsics: JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        R: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            A: { Ref: 'Profile' },
            B: { 'Fn::GetAtt': ['Role', 'Arn'] },
            C: { 'Fn::GetAtt': 'Role.Arn' },
            D: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' },
            E: { 'Fn::Join': ['-', ['a', { Ref: 'X' }, 'c', 1]] },
            F: { 'Fn::If': ['Cond', 'a', 'b'] },
            G: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\naws configure set x y\n' } },
            H: { 'Fn::ToJsonString': { a: [1, 'b'] } },
            I: { 'Fn::ImportValue': 'shared' },
          },
        },
      },
    },
    null,
    2,
  ),
};

describe('JSON fast path', () => {
  for (const [name, text] of Object.entries(JSON_TEXTS)) {
    it(`reads ${name} exactly as yaml does`, () => {
      for (const intrinsics of [true, false]) {
        const fast = jsonValue(text, intrinsics);
        expect(fast).toBeDefined();
        expect(fast).toEqual(yamlValue(text, intrinsics));
      }
    });
  }

  it('maps an escaped string character by character', () => {
    const text = '{"k": "a\\nb"}';
    const v = getPath(jsonValue(text, false), ['k']) as Extract<IacValue, { kind: 'string' }>;
    expect(v.value).toBe('a\nb');
    expect(v.range).toEqual({ start: 6, end: 12 });
    expect(v.pieces).toEqual([
      { text: 'a', start: 7, end: 8, verbatim: true },
      { text: '\n', start: 8, end: 10, verbatim: false },
      { text: 'b', start: 10, end: 11, verbatim: true },
    ]);
  });

  it('leaves what is not strict JSON to yaml (comments, trailing commas, several documents, YAML)', () => {
    for (const text of ['{"a": 1, // c\n"b": 2}', '{"a": [1, 2,]}', '{"a": 1}\n{"b": 2}\n', 'a: {"b": 1}', '"just a string"', '{"a": "unterminated}', '[' .repeat(100_000)]) {
      expect(jsonValue(text, true)).toBeUndefined();
    }
  });

  it('reports a broken JSON template as yaml did, without quoting it', () => {
    const text = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"X": "SECRETVALUE"}}';
    const notes: Notification[] = [];
    parseCloudFormation(createDocument({ path: 't.json', kind: 'cloudformation', language: 'json', text }), notes);
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes)).not.toContain('SECRETVALUE');
  });

  it('gives parseYamlDocuments one document for a JSON file', () => {
    const text = '{"kind": "Secret", "data": {"k": "dg=="}}';
    const docs = parseYamlDocuments(createDocument({ path: 's.json', kind: 'text', language: 'json', text }));
    expect(docs).toEqual([yamlValue(text, false)]);
  });
});

describe('YAML short forms as tags on nodes', () => {
  const forms = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'Base64', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'ImportValue', 'GetAZs', 'Cidr', 'Transform', 'ToJsonString', 'Length', 'ForEach'];
  const longKey = (f: string) => (f === 'Ref' || f === 'Condition' ? f : `Fn::${f}`);

  it('normalises the scalar, sequence and mapping variant of every short form like its long form', () => {
    for (const f of forms) {
      const variants: [string, string][] = [
        [`V: !${f} a.b`, `V: {"${longKey(f)}": a.b}`],
        [`V: !${f} [a, b]`, `V: {"${longKey(f)}": [a, b]}`],
        [`V: !${f} {a: b}`, `V: {"${longKey(f)}": {a: b}}`],
        [`V: !${f}\n  - a\n  - b`, `V: {"${longKey(f)}": [a, b]}`],
      ];
      for (const [short, long] of variants) {
        const s = getPath(yamlValue(short, true), ['V']) as IacValue;
        const l = getPath(yamlValue(long, true), ['V']) as IacValue;
        expect({ f, short, kind: s.kind }).toEqual({ f, short, kind: l.kind });
        // The short form's range starts at its tag, the long form's at its brace.
        expect(s.range.start).toBe(short.indexOf('!'));
        if (s.kind === 'ref' && l.kind === 'ref') expect([s.target, s.attribute]).toEqual([l.target, l.attribute]);
        if (s.kind === 'string' && l.kind === 'string') expect(s.value).toBe(l.value);
      }
    }
  });

  it('reports no parse error for short forms', () => {
    const text = 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n      Tags: !If [C, !Ref T, !Ref "AWS::NoValue"]\n';
    const notes: Notification[] = [];
    const t = parseCloudFormation(createDocument({ path: 't.yaml', kind: 'cloudformation', language: 'cloudformation', text }), notes);
    expect(notes).toEqual([]);
    expect(t?.errors).toEqual([]);
  });
});
