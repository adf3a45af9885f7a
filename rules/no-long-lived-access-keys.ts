// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key
import { defineRule, type RuleContext } from '../src/rule.js';
import { describeNode, resourceGraph } from '../src/iac/graph.js';
import { parseCloudFormation } from '../src/parsers/cloudformation.js';
import { parseTerraform } from '../src/parsers/terraform.js';
import type { IacValue, Range } from '../src/iac/value.js';

/** Attributes of an access key resource that hold the secret (or a form of it). */
const CFN_SECRET_ATTRIBUTES = new Set(['SecretAccessKey']);
const TF_SECRET_ATTRIBUTES = new Set(['secret', 'encrypted_secret', 'ses_smtp_password_v4', 'encrypted_ses_smtp_password_v4']);

function exposedSecret(value: IacValue | undefined, isAccessKey: (target: string) => boolean, secretAttrs: ReadonlySet<string>): Range | undefined {
  if (!value) return undefined;
  if (value.kind === 'ref') return value.attribute && secretAttrs.has(value.attribute) && isAccessKey(value.target) ? value.range : undefined;
  if (value.kind === 'string' && value.hasPlaceholders) {
    // `!Sub "${Key.SecretAccessKey}"`, `"${aws_iam_access_key.k.secret}"`
    for (const m of value.value.matchAll(/\$\{([\w:.-]+)\}/g)) {
      const parts = (m[1] as string).split('.');
      const attribute = parts[parts.length - 1] as string;
      if (secretAttrs.has(attribute) && isAccessKey(parts.slice(0, -1).join('.'))) return value.range;
    }
  }
  if (value.kind === 'list') for (const i of value.items) { const r = exposedSecret(i, isAccessKey, secretAttrs); if (r) return r; }
  if (value.kind === 'map') for (const e of value.entries) { const r = exposedSecret(e.value, isAccessKey, secretAttrs); if (r) return r; }
  return undefined;
}

function checkOutputs(context: RuleContext): void {
  const doc = context.document;
  if (doc.kind === 'cloudformation') {
    const template = parseCloudFormation(doc);
    if (!template) return;
    const isKey = (id: string) => template.resourcesById.get(id)?.type === 'AWS::IAM::AccessKey';
    for (const output of template.outputs) {
      const range = exposedSecret(output.value, isKey, CFN_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: 'exposed', data: { output: output.name }, start: range.start, end: range.end, identity: `output.${output.name}` });
    }
  } else {
    const file = parseTerraform(doc);
    const isKey = (target: string) => target.startsWith('aws_iam_access_key.');
    for (const block of file.blocks) {
      if (block.type !== 'output') continue;
      const value = block.attribute('value')?.value();
      const range = exposedSecret(value, isKey, TF_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: 'exposed', data: { output: block.labels[0]?.value ?? '' }, start: range.start, end: range.end, identity: `output.${block.labels[0]?.value ?? ''}` });
    }
  }
}

export default defineRule({
  id: 'no-long-lived-access-keys',
  description: 'Disallow minting IAM user access keys in infrastructure code and exposing their secrets as outputs',
  fullDescription:
    'An `AWS::IAM::AccessKey` / `aws_iam_access_key` creates a long-lived IAM user key whose secret ends up in the ' +
    'CloudFormation stack or the Terraform state (in plain text), and often in an output that anyone who can read ' +
    'the stack or the state can see. Workloads should use roles (instance profiles, task roles, OIDC) instead.',
  severity: 'warning',
  securitySeverity: 7.0,
  precision: 'very-high',
  cwe: ['CWE-798', 'CWE-200'],
  tags: ['security', 'aws', 'iam'],
  kinds: ['cloudformation', 'terraform'],
  keywords: /AWS::IAM::AccessKey|aws_iam_access_key/,
  messages: {
    minted: '{{resource}} creates a long-lived IAM user access key; its secret is stored in the {{store}}: use a role instead',
    exposed: 'output {{output}} exposes an access key secret to anyone who can read the {{store}}: remove the output and use a role',
  },
  recommendation: [
    'Give the workload a role instead of a user key: an instance profile on EC2, a task role on ECS, an execution role ',
    'on Lambda, OIDC federation for CI. If a key is unavoidable (a third-party system outside AWS), create it out of ',
    'band, store it in Secrets Manager and rotate it; never output its secret.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const store = graph.format === 'cloudformation' ? 'stack' : 'Terraform state';
    for (const node of graph.localNodes(['access-key'])) {
      context.report({ messageId: 'minted', data: { resource: describeNode(node), store }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:access-key` });
    }
    // Messages need the store name: wrap report.
    checkOutputs({ ...context, report: (d) => context.report({ ...d, data: { ...d.data, store } }) });
  },
});
