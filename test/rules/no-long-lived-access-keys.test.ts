import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-long-lived-access-keys';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  it('reports aws_iam_access_key at its type label and an output of its secret at the value', () => {
    const tf = 'resource "aws_iam_access_key" "k" {\n  user = "u"\n}\noutput "s" {\n  value = aws_iam_access_key.k.encrypted_secret\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([
      ['minted', { startLine: 1, startColumn: 11, endLine: 1, endColumn: 29 }],
      ['exposed', { startLine: 5, startColumn: 11, endLine: 5, endColumn: 48 }],
    ]);
  });

  it('reports !GetAtt X.SecretAccessKey outputs but not the key id', () => {
    const yaml = 'Resources:\n  K:\n    Type: AWS::IAM::AccessKey\n    Properties: {UserName: u}\nOutputs:\n  Id:\n    Value: !Ref K\n  S:\n    Value: !GetAtt K.SecretAccessKey\n';
    expect(run('t.yaml', yaml).map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      ['minted', 3, 11, 30],
      ['exposed', 9, 12, 37],
    ]);
  });

  it('does not report outputs of other resources secret-like attributes', () => {
    expect(run('main.tf', 'output "s" {\n  value = aws_db_instance.d.password\n}\n')).toHaveLength(0);
  });
});
