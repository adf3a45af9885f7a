// https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration
// https://developer.hashicorp.com/terraform/language/backend/s3#credentials-and-shared-configuration
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-authentication.html
import { defineRule, type RuleContext, type SecretKind } from '../src/rule.js';
import { parseCloudFormation, parseYamlDocuments } from '../src/parsers/cloudformation.js';
import { looksLikeTerraformPlan, moduleOf, parseTerraform, type TfAttribute, type TfBlock } from '../src/parsers/terraform.js';
import type { IacValue, Range } from '../src/iac/value.js';
import { asList, getPath, knownString, mapEntry, mapGet, valueTokenRange } from '../src/iac/value.js';

/** Provider / backend arguments that take a static credential, and what the value is. */
const TF_CREDENTIAL_ARGUMENTS: Readonly<Record<string, SecretKind>> = {
  access_key: 'access-key-id',
  secret_key: 'secret-access-key',
  token: 'session-token',
};

/** CloudFormation parameter names that carry a key: AccessKey, AwsSecretAccessKey, SecretKeyId… */
const KEY_PARAMETER = /(?:^|[^a-z])(?:aws)?_?(?:access_?key(?:_?id)?|secret_?(?:access_?)?key|session_?token)(?:$|[^a-z])/i;
const SECRET_PARAMETER = /secret|token/i;

function nonEmptyLiteral(value: IacValue): value is Extract<IacValue, { kind: 'string' }> {
  return value.kind === 'string' && !value.hasPlaceholders && value.value.trim().length > 0;
}

/** The secret inside a value's range: without its quotes (a quoted HCL/YAML/JSON string), so masks keep them. */
function secretRange(text: string, range: Range, kind: SecretKind): { start: number; end: number; kind: SecretKind } {
  const first = text[range.start];
  const quoted = range.end - range.start >= 2 && (first === '"' || first === "'") && text[range.end - 1] === first;
  return quoted ? { start: range.start + 1, end: range.end - 1, kind } : { start: range.start, end: range.end, kind };
}

function reportValue(context: RuleContext, messageId: string, data: Record<string, string>, range: Range, kind: SecretKind, identity: string): void {
  context.report({ messageId, data, start: range.start, end: range.end, secrets: [secretRange(context.document.text, range, kind)], identity });
}

function checkTerraformArguments(context: RuleContext, block: TfBlock, where: string): void {
  const file = block.file;
  for (const attr of block.attributes()) {
    const kind = TF_CREDENTIAL_ARGUMENTS[attr.name];
    if (!kind) continue;
    checkTerraformArgument(context, file, attr, kind, where);
  }
}

function checkTerraformArgument(context: RuleContext, file: TfBlock['file'], attr: TfAttribute, kind: SecretKind, where: string): void {
  const expr = context.document.text.slice(attr.range.start, attr.range.end).trim();
  // `var.x`, or `"${var.x}"` as Terraform 0.11 wrote it.
  const variable = /^(?:var\.([A-Za-z_][\w-]*)|"\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}")$/.exec(expr)?.slice(1).find((g) => g !== undefined);
  if (variable !== undefined) {
    // `access_key = var.x`: a literal default is a committed key; no default means the
    // value is supplied at run time (still a static key, but not one in this code).
    const block = moduleOf(file).variables.get(variable);
    const def = block?.attribute('default');
    if (!block || !def) return;
    const value = def.value();
    if (!nonEmptyLiteral(value)) return;
    // The reference itself is not secret; it declares the default it points at (same file),
    // so the engine keeps one finding per key: the one at the default.
    const pointsAt =
      block.file === file
        ? { secrets: [secretRange(context.document.text, def.range, kind)] }
        : { refersTo: { absPath: block.file.path, text: block.file.text, start: def.range.start, end: def.range.end } };
    context.report({ messageId: 'providerVariable', data: { argument: attr.name, where, variable }, start: attr.range.start, end: attr.range.end, identity: `${where}.${attr.name}`, ...pointsAt });
    if (block.file === file) {
      reportValue(context, 'variableDefault', { argument: attr.name, variable }, def.range, kind, `var.${variable}.default`);
    }
    return;
  }
  const value = attr.value();
  if (nonEmptyLiteral(value)) reportValue(context, 'providerLiteral', { argument: attr.name, where }, attr.range, kind, `${where}.${attr.name}`);
}

function checkTerraform(context: RuleContext): void {
  const file = parseTerraform(context.document);
  for (const block of file.blocks) {
    if (block.type === 'provider' && block.labels[0]?.value === 'aws') {
      const alias = block.attribute('alias')?.value();
      const where = `provider "aws"${alias?.kind === 'string' ? ` (${alias.value})` : ''}`;
      checkTerraformArguments(context, block, where);
    } else if (block.type === 'terraform') {
      for (const backend of block.blocks('backend')) {
        if (backend.labels[0]?.value === 's3') checkTerraformArguments(context, backend, 'backend "s3"');
      }
    }
  }
}

/**
 * Terraform plan JSON (`terraform show -json`): provider arguments appear under
 * `configuration.provider_config.<name>.expressions` as a `constant_value` or as
 * `references` to variables, and the plan records every root variable's value in plain
 * text under `variables` — a key passed with `-var` or `TF_VAR_` ends up in the file.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */
function checkTerraformPlan(context: RuleContext): void {
  const root = parseYamlDocuments(context.document)[0];
  const providers = getPath(root, ['configuration', 'provider_config']);
  if (providers?.kind !== 'map') return;
  const variables = mapGet(root, 'variables');
  for (const provider of providers.entries) {
    if (knownString(mapGet(provider.value, 'name')) !== 'aws') continue;
    const alias = knownString(mapGet(provider.value, 'alias'));
    const where = `provider "aws"${alias ? ` (${alias})` : ''}`;
    const expressions = mapGet(provider.value, 'expressions');
    for (const [argument, kind] of Object.entries(TF_CREDENTIAL_ARGUMENTS)) {
      const expression = mapGet(expressions, argument);
      if (!expression) continue;
      const constant = mapGet(expression, 'constant_value');
      if (constant && nonEmptyLiteral(constant)) {
        reportValue(context, 'providerLiteral', { argument, where }, valueTokenRange(constant), kind, `${where}.${argument}`);
        continue;
      }
      for (const ref of asList(mapGet(expression, 'references'))) {
        const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(knownString(ref) ?? '')?.[1];
        if (variable === undefined) continue;
        const value = getPath(variables, [variable, 'value']);
        if (value && nonEmptyLiteral(value)) {
          reportValue(context, 'planVariable', { argument, where, variable }, valueTokenRange(value), kind, `var.${variable}.value`);
        }
        break;
      }
    }
  }
}

function checkCloudFormation(context: RuleContext): void {
  const template = parseCloudFormation(context.document);
  if (!template) return;
  // AWS::CloudFormation::Authentication: cfn-init credentials for S3/URL sources.
  for (const resource of template.resources) {
    const auth = mapEntry(resource.metadata, 'AWS::CloudFormation::Authentication');
    if (auth?.value.kind !== 'map') continue;
    for (const source of auth.value.entries) {
      for (const [key, kind] of [['accessKeyId', 'access-key-id'], ['secretKey', 'secret-access-key'], ['password', 'secret']] as const) {
        const entry = mapEntry(source.value, key);
        if (!entry) continue;
        // Whatever the value — literal or `!Ref` to a parameter — the stack hands static keys to cfn-init.
        const data = { key, resource: resource.logicalId };
        const identity = `${resource.logicalId}.${source.key}.${key}`;
        if (nonEmptyLiteral(entry.value)) reportValue(context, 'cfnAuthentication', data, entry.value.range, kind, identity);
        else context.report({ messageId: 'cfnAuthentication', data, start: entry.value.range.start, end: entry.value.range.end, identity });
      }
    }
  }
  for (const parameter of template.parameters.values()) {
    if (!KEY_PARAMETER.test(parameter.name)) continue;
    const def = parameter.default;
    if (def && nonEmptyLiteral(def)) {
      const kind: SecretKind = SECRET_PARAMETER.test(parameter.name) ? 'secret-access-key' : 'access-key-id';
      reportValue(context, 'parameterDefault', { parameter: parameter.name }, def.range, kind, `${parameter.name}.Default`);
    } else if (SECRET_PARAMETER.test(parameter.name) && !parameter.noEcho) {
      context.report({ messageId: 'parameterEcho', data: { parameter: parameter.name }, start: parameter.nameRange.start, end: parameter.nameRange.end, identity: `${parameter.name}.NoEcho` });
    }
  }
}

export default defineRule({
  id: 'no-static-provider-credentials',
  description: 'Disallow static AWS keys in Terraform providers and backends and in CloudFormation templates',
  fullDescription:
    'Access keys written into a Terraform `provider "aws"` or `backend "s3"` block, a variable default, a CloudFormation ' +
    '`AWS::CloudFormation::Authentication` block or a parameter default are long-lived credentials committed with the ' +
    'code. Terraform and CloudFormation get credentials from the environment (profiles, SSO, OIDC in CI, an assumed ' +
    'role) and cfn-init from the instance role: the slot itself is the defect, whatever value is in it today.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'very-high',
  cwe: ['CWE-798'],
  tags: ['security', 'secrets', 'aws', 'terraform', 'cloudformation'],
  // `text`: Terraform plan JSON (`terraform show -json`).
  kinds: ['terraform', 'cloudformation', 'text'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  keywords: /access_key|secret_key|\btoken\s*=|AWS::CloudFormation::Authentication|AccessKey|SecretKey|SessionToken|access_?key|secret/i,
  messages: {
    providerLiteral: '{{where}} sets {{argument}} to a literal: static keys committed with the code; use a profile, SSO, OIDC or assume_role instead',
    providerVariable:
      '{{where}} takes {{argument}} from var.{{variable}}, whose default is a literal key: use a profile, SSO, OIDC or assume_role instead',
    variableDefault: 'var.{{variable}} has a literal default and is used as {{argument}} of an AWS provider: a committed key',
    planVariable:
      'the plan records var.{{variable}}, the {{argument}} of {{where}}, in plain text: anyone who can read the plan has the key; use a profile, SSO, OIDC or assume_role instead',
    cfnAuthentication:
      '{{resource}} gives cfn-init static keys ({{key}}) in AWS::CloudFormation::Authentication: use roleName with the instance role instead',
    parameterDefault: 'parameter {{parameter}} holds an AWS key as its Default: a committed key; remove the default and use a role',
    parameterEcho: 'parameter {{parameter}} takes an AWS secret without NoEcho: true, so the console and API show it; better, use a role',
  },
  recommendation: [
    'Remove the key from the code and deactivate it. Let Terraform find credentials in the environment ',
    '(`AWS_PROFILE`, IAM Identity Center, OIDC federation in CI) and switch accounts with `assume_role { role_arn = … }`. ',
    'For cfn-init, use `type: S3` with `roleName` pointing at the instance role. For CloudFormation parameters, do ',
    'not take keys at all; if you must, drop the `Default` and set `NoEcho: true`.',
  ].join(''),
  references: [
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
    'https://developer.hashicorp.com/terraform/language/backend/s3#credentials-and-shared-configuration',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-authentication.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === 'terraform') checkTerraform(context);
    else if (doc.kind === 'cloudformation') checkCloudFormation(context);
    else if (doc.language === 'json' && looksLikeTerraformPlan(doc.text)) checkTerraformPlan(context);
  },
});
