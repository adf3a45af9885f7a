import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { buildSarif } from '../../src/reporters/sarif.js';
import { rules } from '../../rules/index.js';
import { lint } from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';

const RULE = 'no-privilege-escalation';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

const role = (policies: string[]) =>
  [
    'resource "aws_iam_role" "ci" {',
    '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
    '}',
    ...policies.map((p, i) => `resource "aws_iam_role_policy" "p${i}" {\n  role   = aws_iam_role.ci.id\n  policy = jsonencode({ Statement = [${p}] })\n}`),
    '',
  ].join('\n');

describe(RULE, () => {
  it('combines two policies of one role into the PassRole + RunInstances path and points at both statements', () => {
    const tf = role(['{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }', '{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }']);
    const found = run('main.tf', tf);
    expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['escalation', 10, 68, 80]]);
    expect(found[0]!.message).toContain('pass a role to a new EC2 instance (iam:PassRole + ec2:RunInstances)');
    expect(found[0]!.related).toEqual([{ region: { startLine: 6, startColumn: 68, endLine: 6, endColumn: 84 }, message: 'ec2:RunInstances (aws_iam_role_policy.p0)' }]);
  });

  it('carries the statements of the path as SARIF relatedLocations', () => {
    const tf = role(['{ Effect = "Allow", Action = ["ec2:RunInstances", "iam:PassRole"], Resource = "*" }', '{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "*" }']);
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const log = buildSarif({ result: { findings, notifications: [], stats: { filesDiscovered: 1, filesScanned: 1, bytesScanned: tf.length }, enabledRules: [RULE], baseDir: '/tmp' }, rules, version: '0.0.0' });
    const result = log.runs[0]!.results![0]!;
    expect(result.relatedLocations?.map((l) => [l.id, l.physicalLocation?.region?.startLine, l.message?.text])).toEqual([[1, 6, 'ec2:RunInstances (aws_iam_role_policy.p0)']]);
    expect(result.message.text).toContain('1 more path');
  });

  it('honours resource scope, iam:PassedToService for another service and explicit Deny', () => {
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" }', '{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/worker" }']))).toEqual([]);
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances", "iam:PassRole"], Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } } }']))).toEqual([]);
    // PassedToService naming the path's service keeps the path open.
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" }', '{ Effect = "Allow", Action = ["iam:PassRole"], Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } } }'])).map((f) => f.messageId)).toEqual(['escalation']);
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["iam:CreatePolicyVersion"], Resource = "*" }', '{ Effect = "Deny", Action = "iam:*PolicyVersion", Resource = "*" }']))).toEqual([]);
  });

  it('leaves full administrators to no-admin-policy', () => {
    expect(run('main.tf', role(['{ Effect = "Allow", Action = "*", Resource = "*" }']))).toEqual([]);
  });

  describe('AWS service roles with their own service-role/ managed policies', () => {
    const cfnRole = (name: string, principal: string, arn: string, extra: string[] = []) => [
      `  ${name}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      `            Principal: ${principal}`,
      '            Action: sts:AssumeRole',
      '      ManagedPolicyArns:',
      `        - ${arn}`,
      ...extra,
    ];
    const at = (yaml: string) => run('template.yaml', yaml).map((f) => [f.message.slice(0, f.message.indexOf(' can ')), f.region.startLine, f.region.startColumn]);

    it('stays silent on EMR, Glue and ECS service roles trusted only by their service', () => {
      const yaml = [
        'Resources:',
        ...cfnRole('EmrRole', '{ Service: [elasticmapreduce.amazonaws.com] }', '!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonElasticMapReduceRole'),
        ...cfnRole('GlueRole', '{ Service: glue.amazonaws.com }', 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'),
        ...cfnRole('EcsRole', '{ Service: ecs.amazonaws.com }', 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole'),
        '',
      ].join('\n');
      expect(at(yaml)).toEqual([]);
      const tf = [
        'resource "aws_iam_role" "emr" {',
        '  name               = "EMR_DefaultRole"',
        '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "elasticmapreduce.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
        '}',
        'resource "aws_iam_role_policy_attachment" "emr" {',
        '  role       = aws_iam_role.emr.name',
        '  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonElasticMapReduceRole"',
        '}',
        '',
      ].join('\n');
      expect(run('main.tf', tf)).toEqual([]);
    });

    it('still reports a service-role policy on a role people can assume, and a customer policy on a service-trusted instance role', () => {
      const yaml = [
        'Resources:',
        ...cfnRole('HumanRole', '{ AWS: arn:aws:iam::111122223333:root }', 'arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole'),
        ...cfnRole('InstanceRole', '{ Service: ec2.amazonaws.com }', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', [
          '      Policies:',
          '        - PolicyName: launch',
          '          PolicyDocument:',
          '            Statement:',
          "              - { Effect: Allow, Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }",
        ]),
        '',
      ].join('\n');
      expect(at(yaml)).toEqual([
        ['AWS::IAM::Role HumanRole', 11, 11],
        ['AWS::IAM::Role InstanceRole', 26, 44],
      ]);
    });
  });

  describe('CloudFormation Fn::If', () => {
    it('combines a statement inside an !If branch with another statement of the role, and points at both', () => {
      const yaml = [
        'Resources:',
        '  Role:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]',
        '      Policies:',
        '        - PolicyName: ci',
        '          PolicyDocument:',
        '            Statement:',
        "              - !If [CanLaunch, { Effect: Allow, Action: 'iam:PassRole', Resource: '*' }, !Ref AWS::NoValue]",
        "              - { Effect: Allow, Action: 'ec2:RunInstances', Resource: '*' }",
        '',
      ].join('\n');
      const found = run('template.yaml', yaml);
      expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['escalation', 11, 59, 71]]);
      expect(found[0]!.related?.map((r) => [r.region.startLine, r.region.startColumn])).toEqual([[12, 43]]);
    });

    it('never combines steps written in opposite branches of one condition (no stack has both)', () => {
      const head = ['Resources:', '  Role:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]'];
      const pass = "{ Effect: Allow, Action: 'iam:PassRole', Resource: '*' }";
      const launch = "{ Effect: Allow, Action: 'ec2:RunInstances', Resource: '*' }";
      const statements = [...head, '      Policies:', '        - PolicyName: ci', '          PolicyDocument:', `            Statement: !If [C, [${pass}], [${launch}]]`, ''].join('\n');
      expect(run('template.yaml', statements)).toEqual([]);
      const policies = [...head, '      Policies:', `        - !If [C, { PolicyName: a, PolicyDocument: { Statement: [${pass}] } }, { PolicyName: b, PolicyDocument: { Statement: [${launch}] } }]`, ''].join('\n');
      expect(run('template.yaml', policies)).toEqual([]);
      // The same branch of two conditionals on one condition does coexist.
      const same = [...head, '      Policies:', `        - !If [C, { PolicyName: a, PolicyDocument: { Statement: [${pass}] } }, !Ref AWS::NoValue]`, `        - !If [C, { PolicyName: b, PolicyDocument: { Statement: [${launch}] } }, !Ref AWS::NoValue]`, ''].join('\n');
      expect(run('template.yaml', same).map((f) => f.messageId)).toEqual(['escalation']);
    });
  });

  it('reports a path written in a sibling file of the module there, not at the role', async () => {
    const t = tempDir('credlint-iam9-');
    t.write('role.tf', 'resource "aws_iam_role" "ci" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }] })\n}\n');
    t.write('policy.tf', 'resource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.ci.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = "*" }] })\n}\n');
    const result = await lint(['.'], { cwd: t.dir, useGit: false, concurrency: 'off' });
    expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['policy.tf', 3, 69, 81]]);
  });
});
