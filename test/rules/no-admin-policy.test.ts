import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { lint } from '../../src/index.js';

const RULE = 'no-admin-policy';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE, 'no-wildcard-action'] }).findings;
}

const EC2_ROLE = ['  Role:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement:', '          - Effect: Allow', '            Principal: { Service: ec2.amazonaws.com }', '            Action: sts:AssumeRole'];

describe(RULE, () => {
  it('reports AdministratorAccess on an EC2 role at the ARN and names the instance that runs with it', () => {
    const yaml = ['Resources:', ...EC2_ROLE, '      ManagedPolicyArns: [arn:aws-cn:iam::aws:policy/AdministratorAccess]', '  Profile:', '    Type: AWS::IAM::InstanceProfile', '    Properties:', '      Roles: [!Ref Role]', '  Web:', '    Type: AWS::EC2::Instance', '    Properties:', '      IamInstanceProfile: !Ref Profile', ''].join('\n');
    const [f, ...rest] = run('template.yaml', yaml);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: RULE, messageId: 'adminCompute', severity: 'error', region: { startLine: 10, startColumn: 27, endLine: 10, endColumn: 73 } });
    expect(f!.message).toContain('runs on EC2 (AWS::EC2::Instance Web)');
    expect(f!.message).toContain('through AdministratorAccess');
  });

  it('reports "*" on "*" once, under no-admin-policy (it supersedes no-wildcard-action at the same token)', () => {
    const yaml = ['Resources:', ...EC2_ROLE, '      Policies:', '        - PolicyName: p', '          PolicyDocument:', '            Statement:', '              - Effect: Allow', "                Action: '*'", "                Resource: '*'", ''].join('\n');
    expect(run('template.yaml', yaml).map((f) => [f.ruleId, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[RULE, 'adminCompute', 15, 26, 27]]);
  });

  it('judges AWS managed policies by content: PowerUserAccess is near-admin, ReadOnlyAccess is not', () => {
    const tf = (arn: string) => `resource "aws_iam_user" "u" {\n  name = "u"\n}\nresource "aws_iam_user_policy_attachment" "a" {\n  user       = aws_iam_user.u.name\n  policy_arn = "${arn}"\n}\n`;
    const [f] = run('main.tf', tf('arn:aws:iam::aws:policy/PowerUserAccess'));
    expect(f).toMatchObject({ messageId: 'nearAdmin', severity: 'warning', region: { startLine: 6, startColumn: 17, endLine: 6, endColumn: 56 } });
    expect(run('main.tf', tf('arn:aws:iam::aws:policy/ReadOnlyAccess'))).toEqual([]);
    expect(run('main.tf', tf('arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess'))).toEqual([]);
  });

  it('combines the policies of a user and the groups it belongs to', () => {
    const tf = [
      'resource "aws_iam_group" "g" { name = "g" }',
      'resource "aws_iam_user" "u" { name = "u" }',
      'resource "aws_iam_group_membership" "m" {',
      '  name  = "m"',
      '  group = aws_iam_group.g.name',
      '  users = [aws_iam_user.u.name]',
      '}',
      'resource "aws_iam_group_policy" "all_but_s3" {',
      '  group  = aws_iam_group.g.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "s3:*", Resource = "*" }] })',
      '}',
      'resource "aws_iam_user_policy" "s3" {',
      '  user   = aws_iam_user.u.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })',
      '}',
      '',
    ].join('\n');
    const found = run('main.tf', tf).filter((f) => f.ruleId === RULE);
    // The group alone is near-admin; the user, with its own s3:*, has every action.
    expect(found.map((f) => [f.messageId, f.region.startLine, f.message.slice(0, 16)])).toEqual([['nearAdmin', 10, 'aws_iam_group.g '], ['admin', 14, 'aws_iam_user.u h']]);
  });

  it('stays silent when the admin policy comes from outside (a variable ARN)', () => {
    const tf = 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  managed_policy_arns = [var.admin_arn]\n}\n';
    expect(run('main.tf', tf)).toEqual([]);
  });

  describe('CloudFormation Fn::If', () => {
    const at = (yaml: string, path = 'template.yaml') => run(path, yaml).filter((f) => f.ruleId === RULE).map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn]);
    const role = (...lines: string[]) => ['Conditions:', '  Admin: !Equals [!Ref Mode, admin]', 'Resources:', ...EC2_ROLE, ...lines, ''].join('\n');

    it('reports AdministratorAccess in a branch of !If around the whole ManagedPolicyArns list, at the ARN', () => {
      expect(at(role("      ManagedPolicyArns: !If [Admin, ['arn:aws:iam::aws:policy/AdministratorAccess'], !Ref AWS::NoValue]"))).toEqual([['adminCompute', 12, 40, 83]]);
    });

    it('reports an !If entry of ManagedPolicyArns (long form, Ref AWS::NoValue in the other branch)', () => {
      const yaml = role('      ManagedPolicyArns:', '        - Fn::If:', '            - Admin', '            - arn:aws:iam::aws:policy/AdministratorAccess', "            - Ref: 'AWS::NoValue'");
      expect(at(yaml)).toEqual([['adminCompute', 15, 15, 58]]);
    });

    it('reads the JSON form of Fn::If around a Policies item and reports the "*" inside the branch', () => {
      const json = JSON.stringify(
        {
          Resources: {
            R: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
                Policies: [{ 'Fn::If': ['Admin', { PolicyName: 'all', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }, { Ref: 'AWS::NoValue' }] }],
              },
            },
          },
        },
        null,
        2,
      );
      const line = json.split('\n').findIndex((l) => l.includes('"Action": "*"')) + 1;
      const column = json.split('\n')[line - 1]!.indexOf('"*"') + 2;
      expect(at(json, 'template.json')).toEqual([['adminCompute', line, column, column + 1]]);
    });

    it('reports !If around a PolicyDocument, a Statement and an Action entry, each at the element in its branch', () => {
      const doc = role('      Policies:', '        - PolicyName: p', '          PolicyDocument: !If', '            - Admin', '            - Statement:', "                - { Effect: Allow, Action: '*', Resource: '*' }", '            - Statement:', "                - { Effect: Allow, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }");
      expect(at(doc)).toEqual([['adminCompute', 17, 45, 46]]);
      const statement = role('      Policies:', '        - PolicyName: p', '          PolicyDocument:', '            Statement: !If', '              - Admin', "              - [{ Effect: Allow, Action: '*', Resource: '*' }]", '              - !Ref AWS::NoValue');
      expect(at(statement)).toEqual([['adminCompute', 17, 44, 45]]);
      const action = role('      Policies:', '        - PolicyName: p', '          PolicyDocument:', '            Statement:', "              - Effect: Allow", "                Action: [!If [Admin, '*', 's3:GetObject']]", "                Resource: '*'");
      expect(at(action)).toEqual([['adminCompute', 17, 39, 40]]);
    });

    it('reports one finding when both branches attach the same admin policy', () => {
      const yaml = role("      ManagedPolicyArns: [!If [Admin, 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess']]");
      expect(at(yaml)).toEqual([['adminCompute', 12, 40, 83]]);
    });

    it('stays silent when the admin branch is only AWS::NoValue and the other is least privilege', () => {
      expect(at(role("      ManagedPolicyArns: !If [Admin, !Ref AWS::NoValue, ['arn:aws:iam::aws:policy/ReadOnlyAccess']]"))).toEqual([]);
    });
  });

  describe('Terraform attachments to principals the module does not declare', () => {
    const ADMIN = '"arn:aws:iam::aws:policy/AdministratorAccess"';
    const cases: [string, string, string][] = [
      ['role var.role_name', 'aws_iam_role_policy_attachment', `  role       = var.role_name\n  policy_arn = ${ADMIN}`],
      ['role "legacy-app"', 'aws_iam_role_policy_attachment', `  role       = "legacy-app"\n  policy_arn = ${ADMIN}`],
      ['role data.aws_iam_role.ops', 'aws_iam_role_policy_attachment', `  role       = data.aws_iam_role.ops.name\n  policy_arn = ${ADMIN}`],
      ['role module.app.role_name', 'aws_iam_role_policy_attachment', `  role       = module.app.role_name\n  policy_arn = ${ADMIN}`],
      ['user local.deployer', 'aws_iam_user_policy_attachment', `  user       = local.deployer\n  policy_arn = ${ADMIN}`],
      ['group var.admins', 'aws_iam_group_policy_attachment', `  group      = var.admins\n  policy_arn = ${ADMIN}`],
      ['role var.role_name', 'aws_iam_policy_attachment', `  name       = "a"\n  policy_arn = ${ADMIN}\n  roles      = [var.role_name]`],
      ['role var.role_name', 'aws_iam_role_policy_attachments_exclusive', `  role_name   = var.role_name\n  policy_arns = [${ADMIN}]`],
    ];
    for (const [principal, type, body] of cases) {
      it(`reports AdministratorAccess attached by ${type} to ${principal} at the policy ARN`, () => {
        const tf = `resource "${type}" "a" {\n${body}\n}\n`;
        const [f, ...rest] = run('main.tf', tf);
        expect(rest).toEqual([]);
        const line = tf.split('\n').findIndex((l) => l.includes('AdministratorAccess')) + 1;
        const column = tf.split('\n')[line - 1]!.indexOf('arn:') + 1;
        expect(f).toMatchObject({ ruleId: RULE, messageId: 'admin', region: { startLine: line, startColumn: column, endLine: line, endColumn: column + 43 } });
        expect(f!.message.startsWith(`${principal} has full administrative access`)).toBe(true);
      });
    }

    it('combines the attachments naming one external role, and keeps for_each roles apart', () => {
      const tf = [
        'resource "aws_iam_role_policy_attachment" "iam" {',
        '  role       = var.role_name',
        '  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"',
        '}',
        'resource "aws_iam_role_policy_attachment" "power" {',
        '  role       = var.role_name',
        '  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"',
        '}',
        'resource "aws_iam_role_policy_attachment" "each" {',
        '  for_each   = toset(var.roles)',
        '  role       = each.value',
        '  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"',
        '}',
        '',
      ].join('\n');
      // Both attachments reach one principal: one finding, at the first grant, naming both policies.
      const found = run('main.tf', tf);
      expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['nearAdmin', 3, 17]]);
      expect(found[0]!.message).toContain('role var.role_name has near-administrative access');
      expect(found[0]!.message).toContain('through IAMFullAccess, PowerUserAccess');
    });

    it("attaches by a name written with the same interpolation as the role's own name to that role", () => {
      const tf = [
        'resource "aws_iam_role" "app" {',
        '  name               = "app-${var.env}"',
        '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
        '}',
        'resource "aws_iam_role_policy_attachment" "admin" {',
        '  role       = "app-${var.env}"',
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"',
        '}',
        '',
      ].join('\n');
      const found = run('main.tf', tf);
      expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['adminCompute', 7, 17]]);
      expect(found[0]!.message.startsWith('aws_iam_role.app has full administrative access')).toBe(true);
    });

    it('stays silent on a least-privilege policy attached to an external role', () => {
      expect(run('main.tf', 'resource "aws_iam_role_policy_attachment" "a" {\n  role       = var.role_name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"\n}\n')).toEqual([]);
    });
  });

  describe('a Terraform module whose role and admin attachment are in different files', () => {
    const role = 'resource "aws_iam_role" "app" {\n  name               = "app"\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })\n}\n';
    const attach = 'resource "aws_iam_role_policy_attachment" "admin" {\n  role       = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n';
    const inline = 'resource "aws_iam_role_policy" "all" {\n  role   = aws_iam_role.app.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n';

    it('reports at attach.tf\'s policy_arn, never in role.tf', async () => {
      const t = tempDir('credlint-iam9-');
      t.write('role.tf', role);
      t.write('attach.tf', attach);
      const result = await lint(['.'], { cwd: t.dir, useGit: false, concurrency: 'off' });
      const found = result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn]);
      expect(found).toEqual([['attach.tf', 'adminCompute', 3, 17, 60]]);
    });

    it('reports a "*" written in a sibling policy file there, once', async () => {
      const t = tempDir('credlint-iam9-');
      t.write('role.tf', role);
      t.write('policy.tf', inline);
      const result = await lint(['.'], { cwd: t.dir, useGit: false, concurrency: 'off' });
      expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.region.startLine, f.region.startColumn])).toEqual([['policy.tf', 3, 68]]);
    });

    it('still reports at the role when only role.tf is scanned (the attachment file is not part of the scan)', async () => {
      const t = tempDir('credlint-iam9-');
      t.write('role.tf', role);
      t.write('attach.tf', attach);
      const result = await lint(['role.tf'], { cwd: t.dir, useGit: false, concurrency: 'off' });
      expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['role.tf', 1, 26, 29]]);
    });
  });
});
