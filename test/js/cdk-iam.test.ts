// AWS CDK IAM constructs (src/js/cdk-iam.ts) through the IAM rules: import forms, bindings,
// attachments, principals, and the values that stay unknown. Positions are asserted.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { createDocument } from '../../src/engine/document.js';
import { iamModel } from '../../src/iam/sources.js';

const IAM_RULES = ['no-admin-policy', 'no-wildcard-action', 'no-unscoped-write', 'no-passrole-wildcard', 'no-wildcard-principal', 'no-credential-exposure', 'valid-iam-actions', 'no-privilege-escalation'];

function run(code: string, path = 'lib/stack.ts') {
  return lintText(path, code, { rules: IAM_RULES }).findings.map((f) => [f.ruleId, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn]);
}

/** 1-based [line, column, endColumn] of a needle (single line). */
function pos(code: string, needle: string, nth = 0): [number, number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = code.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = code.slice(0, i).split('\n');
  const col = before[before.length - 1]!.length + 1;
  return [before.length, col, col + needle.length];
}

/** The `*` inside the nth `'*'` literal. */
function star(code: string, nth: number): [number, number, number] {
  const [line, col] = pos(code, "'*'", nth);
  return [line, col + 1, col + 2];
}

describe('CDK IAM analysis', () => {
  it.each([
    ["import * as iam from 'aws-cdk-lib/aws-iam';", 'iam.'],
    ["import { aws_iam as iam } from 'aws-cdk-lib';", 'iam.'],
    ["import * as cdk from 'aws-cdk-lib';", 'cdk.aws_iam.'],
    ["import * as iam from '@aws-cdk/aws-iam';", 'iam.'],
    ["const iam = require('aws-cdk-lib/aws-iam');", 'iam.'],
    ["import { Role, ServicePrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';", ''],
  ])('reads %s', (imp, ns) => {
    const code = `${imp}\nconst role = new ${ns}Role(this, 'R', { assumedBy: new ${ns}ServicePrincipal('lambda.amazonaws.com') });\nrole.addToPolicy(new ${ns}PolicyStatement({ actions: ['*'], resources: ['*'] }));\n`;
    expect(run(code)).toEqual([
      // One defect, one finding: PassRole through `*` on `*` is part of the admin finding.
      ['no-admin-policy', 'adminCompute', ...star(code, 0)],
    ]);
  });

  it('follows this.role assigned once, a statement variable, spread arrays and PolicyStatement.fromJson', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      "const READ = ['s3:GetObject'];",
      "const WRITE = [...READ, 's3:Put*'];",
      'class S {',
      '  role: iam.Role;',
      '  constructor() {',
      "    this.role = new iam.Role(this, 'R', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });",
      "    const st = new iam.PolicyStatement({ actions: WRITE, resources: ['arn:aws:s3:::b/*'] });",
      '    this.role.addToPrincipalPolicy(st);',
      "    this.role.addToPolicy(iam.PolicyStatement.fromJson({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }));",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(run(code)).toEqual([
      ['no-wildcard-action', 'writePattern', ...pos(code, 's3:Put*')],
      ['no-credential-exposure', 'credentialAction', ...pos(code, 'secretsmanager:GetSecretValue')],
    ]);
  });

  it('combines an inline document, a Policy attached by roles: and attachInlinePolicy into one principal', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      "const role = new iam.Role(this, 'R', {",
      "  assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),",
      "  inlinePolicies: { a: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['iam:CreatePolicyVersion'], resources: ['arn:aws:iam::123456789012:policy/*'] })] }) },",
      '});',
      "const p = new iam.Policy(this, 'P', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] })] });",
      'role.attachInlinePolicy(p);',
      '',
    ].join('\n');
    const model = iamModel(createDocument({ path: 'stack.ts', kind: 'javascript', text: code }))!;
    const role = model.principals.find((x) => x.label === "iam.Role 'R'")!;
    expect(role.assumedBy).toEqual(['codebuild.amazonaws.com']);
    expect(role.policies.map((a) => a.document.label)).toEqual(["iam.Role 'R' (inline policy a)", "iam.Policy 'P'"]);
    expect(run(code)).toEqual([['no-privilege-escalation', 'escalation', ...pos(code, 'iam:CreatePolicyVersion')]]);
  });

  it('a construct given a role runs with it: fn.addToRolePolicy adds to that role, the message names the instance', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "const role = new iam.Role(this, 'Shared', { assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('ec2.amazonaws.com'), new iam.ServicePrincipal('lambda.amazonaws.com')) });",
      "new ec2.Instance(this, 'Web', { instanceType, machineImage, vpc, role });",
      "const fn = new lambda.Function(this, 'Fn', { runtime, handler: 'i.h', code, role });",
      "fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:CreateAccessKey'], resources: ['*'] }));",
      "role.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['iam:CreateAccessKey'], resources: ['*'] }));",
      "fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }));",
      '',
    ].join('\n');
    const found = lintText('lib/stack.ts', code, { rules: IAM_RULES }).findings;
    // The Deny on the role takes back what the function's statement allowed.
    expect(found.map((f) => [f.ruleId, f.region.startLine]).sort()).toEqual([['no-admin-policy', 9]]); // iam:* on * is near-admin: one finding, not three
    expect(found.find((f) => f.ruleId === 'no-admin-policy')!.message).toContain("runs on EC2, Lambda (ec2.Instance 'Web', lambda.Function 'Fn')");
  });

  it('resolves a name declared in two methods to the declaration of the method it is used in', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      'class S {',
      '  constructor() {',
      '    const role = this.make();',
      "    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }));",
      '  }',
      '  make() {',
      "    const role = new iam.Role(this, 'Backup', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });",
      "    role.addToPolicy(new iam.PolicyStatement({ actions: ['iam:CreateAccessKey'], resources: ['*'] }));",
      '    return role;',
      '  }',
      '}',
      '',
    ].join('\n');
    const model = iamModel(createDocument({ path: 'stack.ts', kind: 'javascript', text: code }))!;
    const role = model.principals.find((x) => x.label === "iam.Role 'Backup'")!;
    // The constructor's `role` is a call result (not known); the method's is the Role.
    expect(role.policies.flatMap((a) => a.document.statements.map((st) => st.action?.items[0]?.value))).toEqual(['iam:CreateAccessKey']);
    expect(run(code)).toEqual([['no-credential-exposure', 'credentialAction', ...pos(code, 'iam:CreateAccessKey')], ['no-privilege-escalation', 'escalation', ...pos(code, 'iam:CreateAccessKey')]]);
  });

  it('reads users, groups and managed policies attached to them', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      "const g = new iam.Group(this, 'Admins', { managedPolicies: [iam.ManagedPolicy.fromManagedPolicyArn(this, 'A', 'arn:aws:iam::aws:policy/AdministratorAccess')] });",
      "const u = new iam.User(this, 'U');",
      'u.addToGroup(g);',
      '',
    ].join('\n');
    // The group and its member have it through the same attachment: one finding at the call.
    expect(run(code)).toEqual([['no-admin-policy', 'admin', ...pos(code, "iam.ManagedPolicy.fromManagedPolicyArn(this, 'A', 'arn:aws:iam::aws:policy/AdministratorAccess')")]]);
  });

  it('stays silent on grant*, unknown values, Deny undoing an Allow and statements whose props come from elsewhere', () => {
    const code = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      'export function attach(role: iam.Role, actions: string[], props: iam.PolicyStatementProps) {',
      '  bucket.grantReadWrite(role);',
      "  role.addToPolicy(new iam.PolicyStatement({ actions, resources: ['*'] }));",
      '  role.addToPolicy(new iam.PolicyStatement(props));',
      "  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`${bucket.bucketArn}/*`] }));",
      "  role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyName(this, 'M', 'team-admin'));",
      '}',
      "const r = new iam.Role(this, 'R', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });",
      "r.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));",
      "r.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['s3:*'], resources: ['*'] }));",
      '',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  it('a file that does not import CDK is not read as CDK, however it looks', () => {
    const code = "import * as iam from './my-iam';\nconst r = new iam.Role(this, 'R', { assumedBy: new iam.AnyPrincipal() });\nr.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));\n";
    expect(run(code)).toEqual([]);
    expect(iamModel(createDocument({ path: 'x.ts', kind: 'javascript', text: 'const PolicyStatement = 1;\n' }))!.principals).toEqual([]);
  });
});
