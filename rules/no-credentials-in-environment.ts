// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-security
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
// https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env
// https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html
// https://kubernetes.io/docs/concepts/configuration/secret/
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html (GitHub Actions / GitLab CI OIDC)
//
// Runtime environments (Lambda, ECS, Batch, CodeBuild, Elastic Beanstalk, App Runner, SSM
// String parameters, docker-compose services, Kubernetes containers, GitHub Actions workflows,
// GitLab CI pipelines, Serverless Framework functions) are configuration that
// many people and tools can read: the console, `describe-*` APIs, CloudFormation/Terraform
// state, `docker inspect`, `kubectl get -o yaml`. Every one of these services runs with a
// role, so an AWS key written into its environment is both unnecessary and exposed.
//
// What counts:
//   - `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` (and their legacy
//     aliases, any case) set to any literal: the practice is the defect, whatever the value
//     (the AWS documentation example included). Values shorter than the shortest AWS
//     credential (a 20-character key id) are local-emulator dummies (`minioadmin`,
//     `localstack`) and are left alone.
//   - other credential names (`access_key`, `S3_SECRET_KEY`, `secretAccessKey`…) only when the
//     value has the shape of a key (aws-keys.ts, entropy.ts): such names are used for many
//     non-AWS systems. The documentation example keys count here too (the name says it is a
//     credential slot); a key-shaped value under any other name does not.
// Placeholders and references (`!Ref`, `{{resolve:secretsmanager:…}}`, `${VAR}`, `$(VAR)`,
// `var.x` without default) are fine: the key lives elsewhere.
import { defineRule, type RuleContext, type SecretKind } from '../src/rule.js';
import { parseCloudFormation, parseYamlDocuments, type CfnTemplate } from '../src/parsers/cloudformation.js';
import { parseTerraform, resourceBlocks, type TfBlock } from '../src/parsers/terraform.js';
import { documentFromPieces } from '../src/extract/documents.js';
import type { IacMap, IacValue, Range } from '../src/iac/value.js';
import { asList, getPath, knownString, mapGet, piecesOf, substringRange, valueTokenRange } from '../src/iac/value.js';
import { awsCredentialVariableIgnoreCase } from '../src/detect/aws-env-vars.js';
import { CREDENTIAL_NAME_SETS, isCredentialName } from '../src/detect/credential-context.js';
import { ACCESS_KEY_ID_SOURCE, isDocumentationExampleKeyId, isDocumentationExampleSecret, isImplausibleKeyId } from '../src/detect/aws-keys.js';
import { looksLikeSecretAccessKey, looksLikeSessionToken } from '../src/detect/entropy.js';
import { isPlaceholder } from '../src/detect/placeholders.js';
import { displaySecret } from '../src/detect/display.js';
import { baseName } from '../src/kinds.js';

/** The shortest AWS credential is a 20-character key id; anything much shorter is a local-emulator dummy. */
const MIN_CREDENTIAL_LENGTH = 16;
const ACCESS_KEY_ID_EXACT = new RegExp(`^${ACCESS_KEY_ID_SOURCE}$`);

const WHAT: Readonly<Record<SecretKind, string>> = {
  'access-key-id': 'access key id',
  'secret-access-key': 'secret access key',
  'session-token': 'session token',
  secret: 'secret',
};

/** A name/value pair of some environment, with where it is for messages. */
interface EnvEntry {
  readonly name: string;
  readonly value: IacValue;
  readonly where: string;
  /** Maps a range of `value` to the scanned document (values parsed out of an embedded JSON string). */
  readonly map?: (range: Range) => Range;
  /** Only part of the string is the value (`KEY=value` list items): [from, to) of value.value. */
  readonly slice?: readonly [number, number];
  /** The name the value is judged by when it differs from the one shown (`aws-access-key-id` input ≡ `AWS_ACCESS_KEY_ID`). */
  readonly classifyAs?: string;
  /** A literal containing this is an expression of the format (`${{ … }}`, `$VAR`, `${ssm:…}`), not a value. */
  readonly reference?: RegExp;
}

interface Verdict {
  readonly messageId: 'awsVariable' | 'keyLikeValue';
  readonly kind: SecretKind;
}

/**
 * The kind of key `value` has the shape of; word runs excluded, and the AWS documentation
 * examples too unless `examples` (a value under a credential name: the slot is the defect,
 * and vulnerable-by-design repositories use exactly those keys).
 */
function keyShape(value: string, examples = false): SecretKind | undefined {
  if (ACCESS_KEY_ID_EXACT.test(value)) {
    // Under a credential name the documentation example is still a key in a slot; typed
    // stand-ins (`AKIA` + `XXXX…`) and word runs are not keys at all.
    if (examples && isDocumentationExampleKeyId(value)) return 'access-key-id';
    return isImplausibleKeyId(value) ? undefined : 'access-key-id';
  }
  if (looksLikeSecretAccessKey(value)) return !examples && isDocumentationExampleSecret(value) ? undefined : 'secret-access-key';
  if (looksLikeSessionToken(value)) return 'session-token';
  return undefined;
}

function looksLike(kind: SecretKind, value: string): boolean {
  return keyShape(value, true) === kind;
}

/** Whether a literal assigned to `name` is a credential worth reporting (value already not a placeholder). */
function classify(name: string, value: string): Verdict | undefined {
  const aws = awsCredentialVariableIgnoreCase(name.trim());
  if (aws) return value.length >= MIN_CREDENTIAL_LENGTH ? { messageId: 'awsVariable', kind: aws } : undefined;
  const set = CREDENTIAL_NAME_SETS.find((s) => isCredentialName(name, s));
  if (set && looksLike(set.kind, value)) return { messageId: 'keyLikeValue', kind: set.kind };
  return undefined;
}

function report(context: RuleContext, entry: EnvEntry, verdict: Verdict, text: string, range: Range, secret: Range): void {
  context.report({
    messageId: verdict.messageId,
    data: { name: entry.name, where: entry.where, value: displaySecret(text, verdict.kind, context.settings), what: WHAT[verdict.kind] },
    start: range.start,
    end: range.end,
    secrets: [{ start: secret.start, end: secret.end, kind: verdict.kind }],
    identity: `${entry.where}:${entry.name}`,
  });
}

/** The literal text of an entry's value and its range in the document, or undefined when it is not a literal. */
function literalOf(entry: EnvEntry): { text: string; range: Range; secret: Range } | undefined {
  const v = entry.value;
  if (v.kind !== 'string' || v.hasPlaceholders) return undefined;
  let from = entry.slice?.[0] ?? 0;
  let to = entry.slice?.[1] ?? v.value.length;
  // Trim spaces and one pair of quotes (`- KEY="value"` in compose list form).
  while (from < to && /\s/.test(v.value[from] as string)) from++;
  while (to > from && /\s/.test(v.value[to - 1] as string)) to--;
  if (to - from >= 2 && /["']/.test(v.value[from] as string) && v.value[to - 1] === v.value[from]) {
    from++;
    to--;
  }
  const text = v.value.slice(from, to);
  const whole = from === 0 && to === v.value.length;
  const raw = whole ? valueTokenRange(v) : substringRange(v, from, to);
  const range = entry.map ? entry.map(raw) : raw;
  // `var.x` / `local.x` resolved to a literal default elsewhere in the file: report at the
  // reference (that is where the key enters the environment), mask the default itself.
  const first = v.pieces?.[0];
  const last = v.pieces?.[v.pieces.length - 1];
  if (whole && !entry.map && !v.fromFile && first && last && (first.start < v.range.start || last.end > v.range.end)) {
    return { text, range: v.range, secret: { start: first.start, end: last.end } };
  }
  return { text, range, secret: range };
}

function checkEntry(context: RuleContext, entry: EnvEntry): void {
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text) || entry.reference?.test(literal.text)) return;
  const verdict = classify(entry.classifyAs ?? entry.name, literal.text);
  if (verdict) report(context, entry, verdict, literal.text, literal.range, literal.secret);
}

/** Entries of a `{NAME: value}` map. */
function mapEntries(value: IacValue | undefined, where: string, map?: EnvEntry['map']): EnvEntry[] {
  if (value?.kind !== 'map') return [];
  return value.entries.map((e) => ({ name: e.key, value: e.value, where, ...(map ? { map } : {}) }));
}

/** Entries of a `[{Name: N, Value: V}]` list (ECS, Batch, CodeBuild, App Runner, Kubernetes). */
function pairEntries(list: IacValue | undefined, where: string, keys: { name: string; value: string }, map?: EnvEntry['map']): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const item of asList(list)) {
    const name = knownString(mapGet(item, keys.name));
    const value = mapGet(item, keys.value);
    if (name !== undefined && value) out.push({ name, value, where, ...(map ? { map } : {}) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Container definitions (ECS task definitions, Batch job definitions), as structures or as
// JSON strings (Terraform `jsonencode(…)`, heredoc, `file()`).

interface Structure {
  readonly root: IacValue;
  readonly map?: (range: Range) => Range;
}

/** A JSON document given as a value: the structure itself, `jsonencode`'s input, or parsed JSON text mapped back to the document. */
function structureOf(context: RuleContext, value: IacValue | undefined): Structure | undefined {
  if (!value) return undefined;
  if (value.kind === 'map' || value.kind === 'list') return { root: value };
  if (value.kind !== 'string') return undefined;
  if (value.encoded) return { root: value.encoded };
  const head = value.value.trimStart()[0];
  if (head !== '[' && head !== '{') return undefined;
  // Parse the text as its own (virtual) document so every value keeps its position in the host.
  const virtual = documentFromPieces(context.document, piecesOf(value), { kind: 'text', language: 'json', label: 'JSON string', bootstrap: false });
  const root = parseYamlDocuments(virtual)[0];
  const host = virtual.host;
  if (!root || !host) return undefined;
  return { root, map: (r) => host.map.mapRange(r.start, r.end) };
}

/** ECS container definitions: `[{name, environment: [{name, value}]}]` (JSON keys) or CloudFormation `Name`/`Environment`. */
function containerEntries(containers: IacValue | undefined, where: string, cfn: boolean, map?: EnvEntry['map']): EnvEntry[] {
  const k = cfn ? { name: 'Name', env: 'Environment', value: 'Value' } : { name: 'name', env: 'environment', value: 'value' };
  const out: EnvEntry[] = [];
  for (const c of asList(containers)) {
    const cname = knownString(mapGet(c, k.name));
    const w = cname ? `${where}, container ${cname}` : where;
    out.push(...pairEntries(mapGet(c, k.env), w, { name: k.name, value: k.value }, map));
  }
  return out;
}

/** Batch job definition container properties, node properties and ECS properties. */
function batchEntries(props: { container?: IacValue; node?: IacValue; ecs?: IacValue }, where: string, cfn: boolean, maps: { container?: EnvEntry['map']; node?: EnvEntry['map']; ecs?: EnvEntry['map'] } = {}): EnvEntry[] {
  const key = (s: string) => (cfn ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  const out: EnvEntry[] = [];
  if (props.container) out.push(...pairEntries(mapGet(props.container, key('environment')), where, { name: key('name'), value: key('value') }, maps.container));
  for (const range of asList(mapGet(props.node, key('nodeRangeProperties')))) {
    out.push(...pairEntries(getPath(range, [key('container'), key('environment')]), where, { name: key('name'), value: key('value') }, maps.node));
  }
  for (const task of asList(mapGet(props.ecs, key('taskProperties')))) {
    out.push(...containerEntries(mapGet(task, key('containers')), where, cfn, maps.ecs));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CloudFormation (and SAM)

const EB_ENV_NAMESPACE = 'aws:elasticbeanstalk:application:environment';

function cloudFormationEntries(template: CfnTemplate): EnvEntry[] {
  const out: EnvEntry[] = [];
  const globals = getPath(template.root, ['Globals', 'Function', 'Environment', 'Variables']);
  out.push(...mapEntries(globals, 'SAM Globals.Function'));
  for (const r of template.resources) {
    const p = r.properties;
    if (!p) continue;
    switch (r.type) {
      case 'AWS::Lambda::Function':
      case 'AWS::Serverless::Function':
        out.push(...mapEntries(getPath(p, ['Environment', 'Variables']), `Lambda function ${r.logicalId}`));
        break;
      case 'AWS::ECS::TaskDefinition':
        out.push(...containerEntries(mapGet(p, 'ContainerDefinitions'), `ECS task definition ${r.logicalId}`, true));
        break;
      case 'AWS::Batch::JobDefinition': {
        const props: { container?: IacValue; node?: IacValue; ecs?: IacValue } = {};
        const container = mapGet(p, 'ContainerProperties');
        const node = mapGet(p, 'NodeProperties');
        const ecs = mapGet(p, 'EcsProperties');
        if (container) props.container = container;
        if (node) props.node = node;
        if (ecs) props.ecs = ecs;
        out.push(...batchEntries(props, `Batch job definition ${r.logicalId}`, true));
        break;
      }
      case 'AWS::CodeBuild::Project':
        for (const v of asList(getPath(p, ['Environment', 'EnvironmentVariables']))) {
          if (!isPlaintextCodeBuildVariable(mapGet(v, 'Type'))) continue;
          out.push(...pairEntries(v, `CodeBuild project ${r.logicalId}`, { name: 'Name', value: 'Value' }));
        }
        break;
      case 'AWS::ElasticBeanstalk::Environment':
      case 'AWS::ElasticBeanstalk::ConfigurationTemplate':
        for (const o of asList(mapGet(p, 'OptionSettings'))) {
          if (knownString(mapGet(o, 'Namespace')) !== EB_ENV_NAMESPACE) continue;
          out.push(...pairEntries(o, `Elastic Beanstalk ${r.type.endsWith('Environment') ? 'environment' : 'configuration template'} ${r.logicalId}`, { name: 'OptionName', value: 'Value' }));
        }
        break;
      case 'AWS::AppRunner::Service': {
        const where = `App Runner service ${r.logicalId}`;
        const keys = { name: 'Name', value: 'Value' };
        out.push(...pairEntries(getPath(p, ['SourceConfiguration', 'ImageRepository', 'ImageConfiguration', 'RuntimeEnvironmentVariables']), where, keys));
        out.push(...pairEntries(getPath(p, ['SourceConfiguration', 'CodeRepository', 'CodeConfiguration', 'CodeConfigurationValues', 'RuntimeEnvironmentVariables']), where, keys));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** CodeBuild variables default to PLAINTEXT; PARAMETER_STORE and SECRETS_MANAGER hold a name, not the value. */
function isPlaintextCodeBuildVariable(type: IacValue | undefined): boolean {
  if (!type) return true;
  return knownString(type)?.toUpperCase() === 'PLAINTEXT';
}

interface SsmParameter {
  readonly name: string;
  readonly type: string | undefined;
  readonly value: IacValue;
}

function cloudFormationSsmParameters(template: CfnTemplate): SsmParameter[] {
  const out: SsmParameter[] = [];
  for (const r of template.resources) {
    if (r.type !== 'AWS::SSM::Parameter' || !r.properties) continue;
    const value = mapGet(r.properties, 'Value');
    if (!value) continue;
    out.push({ name: knownString(mapGet(r.properties, 'Name')) ?? r.logicalId, type: knownString(mapGet(r.properties, 'Type')), value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Terraform

/** A nested block or an object written as an attribute (`.tf.json`, `setting = [{…}]`). */
type TfNode = TfBlock | IacMap;

function isBlock(n: TfNode): n is TfBlock {
  return typeof (n as TfBlock).blocks === 'function';
}

function tfChildren(n: TfNode | undefined, name: string): TfNode[] {
  if (!n) return [];
  if (isBlock(n)) {
    const blocks = n.blocks(name);
    if (blocks.length > 0) return [...blocks];
    return asList(n.attribute(name)?.value()).filter((v): v is IacMap => v.kind === 'map');
  }
  return asList(mapGet(n, name)).filter((v): v is IacMap => v.kind === 'map');
}

function tfValue(n: TfNode | undefined, name: string): IacValue | undefined {
  if (!n) return undefined;
  return isBlock(n) ? n.attribute(name)?.value() : mapGet(n, name);
}

function tfPath(n: TfNode | undefined, path: readonly string[]): TfNode[] {
  let current: TfNode[] = n ? [n] : [];
  for (const step of path) current = current.flatMap((c) => tfChildren(c, step));
  return current;
}

function terraformEntries(context: RuleContext, blocks: readonly TfBlock[]): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const b of blocks) {
    const type = b.labels[0]?.value ?? '';
    const id = `${type}.${b.labels[1]?.value ?? ''}`;
    switch (type) {
      case 'aws_lambda_function':
        for (const env of tfChildren(b, 'environment')) out.push(...mapEntries(tfValue(env, 'variables'), `Lambda function ${id}`));
        break;
      case 'aws_ecs_task_definition': {
        const s = structureOf(context, tfValue(b, 'container_definitions'));
        if (s) out.push(...containerEntries(s.root, `ECS task definition ${id}`, false, s.map));
        break;
      }
      case 'aws_batch_job_definition': {
        const container = structureOf(context, tfValue(b, 'container_properties'));
        const node = structureOf(context, tfValue(b, 'node_properties'));
        const ecs = structureOf(context, tfValue(b, 'ecs_properties'));
        const props: { container?: IacValue; node?: IacValue; ecs?: IacValue } = {};
        const maps: { container?: EnvEntry['map']; node?: EnvEntry['map']; ecs?: EnvEntry['map'] } = {};
        if (container) {
          props.container = container.root;
          if (container.map) maps.container = container.map;
        }
        if (node) {
          props.node = node.root;
          if (node.map) maps.node = node.map;
        }
        if (ecs) {
          props.ecs = ecs.root;
          if (ecs.map) maps.ecs = ecs.map;
        }
        out.push(...batchEntries(props, `Batch job definition ${id}`, false, maps));
        break;
      }
      case 'aws_codebuild_project':
        for (const v of tfPath(b, ['environment', 'environment_variable'])) {
          if (!isPlaintextCodeBuildVariable(tfValue(v, 'type'))) continue;
          const name = knownString(tfValue(v, 'name'));
          const value = tfValue(v, 'value');
          if (name !== undefined && value) out.push({ name, value, where: `CodeBuild project ${id}` });
        }
        break;
      case 'aws_elastic_beanstalk_environment':
      case 'aws_elastic_beanstalk_configuration_template':
        for (const s of tfChildren(b, 'setting')) {
          if (knownString(tfValue(s, 'namespace')) !== EB_ENV_NAMESPACE) continue;
          const name = knownString(tfValue(s, 'name'));
          const value = tfValue(s, 'value');
          if (name !== undefined && value) out.push({ name, value, where: `Elastic Beanstalk ${type.endsWith('environment') ? 'environment' : 'configuration template'} ${id}` });
        }
        break;
      case 'aws_apprunner_service': {
        const where = `App Runner service ${id}`;
        for (const c of tfPath(b, ['source_configuration', 'image_repository', 'image_configuration'])) out.push(...mapEntries(tfValue(c, 'runtime_environment_variables'), where));
        for (const c of tfPath(b, ['source_configuration', 'code_repository', 'code_configuration', 'code_configuration_values'])) out.push(...mapEntries(tfValue(c, 'runtime_environment_variables'), where));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function terraformSsmParameters(blocks: readonly TfBlock[]): SsmParameter[] {
  const out: SsmParameter[] = [];
  for (const b of blocks) {
    if (b.labels[0]?.value !== 'aws_ssm_parameter') continue;
    const name = knownString(b.attribute('name')?.value()) ?? `aws_ssm_parameter.${b.labels[1]?.value ?? ''}`;
    const type = knownString(b.attribute('type')?.value());
    for (const attr of ['value', 'insecure_value']) {
      const value = b.attribute(attr)?.value();
      // Unknown type (a variable): cannot tell String from SecureString.
      if (value) out.push({ name, type: b.attribute('type') ? type : undefined, value });
    }
  }
  return out;
}

/**
 * An SSM parameter of type `String`/`StringList` holding a key: readable by anyone with
 * `ssm:GetParameter`, shown in the console and stored in plain text in the stack or state.
 * The value must have a key's shape, or the parameter's name must be an AWS credential
 * variable (`/app/AWS_SECRET_ACCESS_KEY`).
 */
function checkSsmParameter(context: RuleContext, p: SsmParameter, format: 'cloudformation' | 'terraform'): void {
  // CloudFormation creates only String/StringList (the default is unset there: required); Terraform requires `type`.
  if (p.type === undefined || !/^String(?:List)?$/.test(p.type)) return;
  const entry: EnvEntry = { name: p.name.split('/').pop() ?? p.name, value: p.value, where: `SSM parameter ${p.name}` };
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text)) return;
  const kind = keyShape(literal.text) ?? classify(entry.name, literal.text)?.kind;
  if (!kind) return;
  context.report({
    messageId: 'ssmParameter',
    data: { parameter: p.name, type: p.type, what: WHAT[kind], value: displaySecret(literal.text, kind, context.settings), store: format === 'cloudformation' ? 'the stack template' : 'the Terraform state' },
    start: literal.range.start,
    end: literal.range.end,
    secrets: [{ start: literal.secret.start, end: literal.secret.end, kind }],
    identity: `ssm:${p.name}`,
  });
}

// ---------------------------------------------------------------------------------------
// docker-compose, Kubernetes manifests, ECS task definition JSON

const COMPOSE_ROOT = /^services[ \t]*:/m;
const K8S_API_VERSION = /^apiVersion[ \t]*:/m;
const K8S_KIND = /^kind[ \t]*:/m;
const ECS_JSON = /"containerDefinitions"\s*:/;
const K8S_JSON_API_VERSION = /"apiVersion"\s*:/;
const K8S_JSON_KIND = /"kind"\s*:/;

/** docker-compose `environment:` as a map or as a `KEY=value` list. */
function composeEntries(root: IacValue): EnvEntry[] {
  const services = mapGet(root, 'services');
  if (services?.kind !== 'map') return [];
  const out: EnvEntry[] = [];
  for (const service of services.entries) {
    if (service.value.kind !== 'map') continue;
    const where = `docker-compose service ${service.key}`;
    const env = mapGet(service.value, 'environment');
    if (env?.kind === 'map') out.push(...mapEntries(env, where));
    else if (env?.kind === 'list') {
      for (const item of env.items) {
        if (item.kind !== 'string') continue;
        const eq = item.value.indexOf('=');
        if (eq <= 0) continue; // `- AWS_PROFILE`: passed through from the host
        out.push({ name: item.value.slice(0, eq), value: item, where, slice: [eq + 1, item.value.length] });
      }
    }
  }
  return out;
}

/**
 * Maps that carry an `env` list of `{name, value}` anywhere in a Kubernetes object: containers
 * of Pods, Deployments, StatefulSets, Jobs, CronJobs, and the container-like parts of CRDs
 * (Argo Workflows `container`/`script`, Tekton `steps`, Knative services).
 */
function kubernetesEnvHolders(value: IacValue | undefined, out: IacMap[], depth = 0): void {
  if (!value || depth > 16) return;
  if (value.kind === 'list') value.items.forEach((i) => kubernetesEnvHolders(i, out, depth + 1));
  if (value.kind !== 'map') return;
  const env = mapGet(value, 'env');
  if (env?.kind === 'list' && env.items.some((i) => mapGet(i, 'name') !== undefined)) out.push(value);
  for (const e of value.entries) if (e.key !== 'env') kubernetesEnvHolders(e.value, out, depth + 1);
}

function kubernetesEntries(root: IacValue): EnvEntry[] {
  const kind = knownString(mapGet(root, 'kind'));
  if (!kind || mapGet(root, 'apiVersion') === undefined) return [];
  const name = knownString(getPath(root, ['metadata', 'name']));
  const object = `Kubernetes ${kind}${name ? ` ${name}` : ''}`;
  // A Secret is where credentials belong in Kubernetes (ideally fed by an external store).
  if (kind === 'Secret' || kind === 'SealedSecret' || kind === 'ExternalSecret') return [];
  if (kind === 'ConfigMap') return mapEntries(mapGet(root, 'data'), object);
  if (kind === 'List') return asList(mapGet(root, 'items')).flatMap(kubernetesEntries);
  const containers: IacMap[] = [];
  for (const e of root.kind === 'map' ? root.entries : []) if (e.key !== 'metadata') kubernetesEnvHolders(e.value, containers);
  const out: EnvEntry[] = [];
  for (const c of containers) {
    const cname = knownString(mapGet(c, 'name'));
    const where = `${object}${cname ? `, container ${cname}` : ''}`;
    for (const item of asList(mapGet(c, 'env'))) {
      // `valueFrom: {secretKeyRef: …}` reads a Secret: fine.
      if (mapGet(item, 'valueFrom')) continue;
      out.push(...pairEntries(item, where, { name: 'name', value: 'value' }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CI and deployment configuration: GitHub Actions workflows, GitLab CI, Serverless Framework.
// Recognised by file name (their content has no marker as reliable as `apiVersion`/`kind`).
// Each format has its own expression syntax; a value that contains one is evaluated at run
// time from somewhere else (a repository secret, a masked CI/CD variable, SSM), so it is a
// reference however long it is: `${{ secrets.AWS_SECRET_ACCESS_KEY }}`, `"$AWS_KEY"`,
// `${ssm:/app/${sls:stage}/key}` (nested braces defeat a whole-value placeholder pattern).

const GITHUB_WORKFLOW_PATH = /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i;
/** `.gitlab-ci.yml` and included `deploy.gitlab-ci.yml` files. */
const GITLAB_CI_NAME = /^(?:\.|.+\.)gitlab-ci\.ya?ml$/i;
const SERVERLESS_NAME = /^serverless\.ya?ml$/i;

/** `${{ expression }}` anywhere in a GitHub Actions value. */
const GITHUB_EXPRESSION = /\$\{\{/;
/** `$VAR` / `${VAR}` expansion in a GitLab CI value (`$$` is an escaped dollar, never in a key). */
const GITLAB_EXPANSION = /\$(?:\{|[A-Za-z_])/;
/** Serverless Framework variables: `${ssm:…}`, `${env:…}`, `${self:…}`, `${opt:…}`, `${file(…)}`… */
const SERVERLESS_VARIABLE = /\$\{/;

/**
 * Pre-filter for these formats: a name `classify` can accept must occur. The rule's keywords
 * let `secret` through, and nearly every workflow says `${{ secrets.GITHUB_TOKEN }}`: without
 * this, every workflow and pipeline in a repository would be parsed for nothing.
 */
const CREDENTIAL_NAME_IN_TEXT = /(?:secret|access)[\W_]{0,2}(?:access[\W_]{0,2})?key|(?:aws|s3)[\W_]{0,2}secret|(?:session|security)[\W_]{0,2}token/i;

type CiFormat = 'github-actions' | 'gitlab-ci' | 'serverless';

function ciFormatOf(path: string): CiFormat | undefined {
  const base = baseName(path.replace(/\\/g, '/'));
  if (GITHUB_WORKFLOW_PATH.test(path)) return 'github-actions';
  if (GITLAB_CI_NAME.test(base)) return 'gitlab-ci';
  if (SERVERLESS_NAME.test(base)) return 'serverless';
  return undefined;
}

/** The inputs of aws-actions/configure-aws-credentials that take a static key, judged as the variables they set. */
const CONFIGURE_AWS_CREDENTIALS_INPUTS: ReadonlyMap<string, string> = new Map([
  ['aws-access-key-id', 'AWS_ACCESS_KEY_ID'],
  ['aws-secret-access-key', 'AWS_SECRET_ACCESS_KEY'],
  ['aws-session-token', 'AWS_SESSION_TOKEN'],
]);

function githubActionsEntries(root: IacValue): EnvEntry[] {
  const reference = GITHUB_EXPRESSION;
  const env = (value: IacValue | undefined, where: string) => mapEntries(value, where).map((e) => ({ ...e, reference }));
  const out: EnvEntry[] = env(mapGet(root, 'env'), 'GitHub Actions workflow');
  const jobs = mapGet(root, 'jobs');
  for (const job of jobs?.kind === 'map' ? jobs.entries : []) {
    if (job.value.kind !== 'map') continue;
    const where = `GitHub Actions workflow job ${job.key}`;
    out.push(...env(mapGet(job.value, 'env'), where));
    out.push(...env(getPath(job.value, ['container', 'env']), `${where} container`));
    const services = mapGet(job.value, 'services');
    for (const s of services?.kind === 'map' ? services.entries : []) out.push(...env(mapGet(s.value, 'env'), `${where} service ${s.key}`));
    for (const [i, step] of asList(mapGet(job.value, 'steps')).entries()) {
      const stepWhere = `${where} step ${i + 1}`;
      out.push(...env(mapGet(step, 'env'), stepWhere));
      // Only this action's inputs: other actions' `with:` names mean whatever the action decides.
      const uses = knownString(mapGet(step, 'uses'))?.trim().toLowerCase();
      if (!uses?.startsWith('aws-actions/configure-aws-credentials')) continue;
      const inputs = mapGet(step, 'with');
      for (const e of inputs?.kind === 'map' ? inputs.entries : []) {
        const classifyAs = CONFIGURE_AWS_CREDENTIALS_INPUTS.get(e.key.toLowerCase());
        if (classifyAs) out.push({ name: e.key, value: e.value, where: stepWhere, classifyAs, reference });
      }
    }
  }
  return out;
}

/** GitLab CI top-level keywords: every other top-level map is a job (hidden `.template` jobs included). */
const GITLAB_GLOBAL_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec', 'types']);

/** `variables:` of GitLab CI: `NAME: value` or `NAME: {value: …, description: …, options: […]}`. */
function gitlabVariables(value: IacValue | undefined, where: string): EnvEntry[] {
  if (value?.kind !== 'map') return [];
  const out: EnvEntry[] = [];
  for (const e of value.entries) {
    const v = e.value.kind === 'map' ? mapGet(e.value, 'value') : e.value;
    if (v) out.push({ name: e.key, value: v, where, reference: GITLAB_EXPANSION });
  }
  return out;
}

/** Variables of `rules:` entries, set when the rule matches. */
function gitlabRuleVariables(holder: IacValue | undefined, where: string): EnvEntry[] {
  return asList(mapGet(holder, 'rules')).flatMap((r) => gitlabVariables(mapGet(r, 'variables'), where));
}

function gitlabEntries(root: IacValue): EnvEntry[] {
  if (root.kind !== 'map') return [];
  const out: EnvEntry[] = [...gitlabVariables(mapGet(root, 'variables'), 'GitLab CI global variables')];
  out.push(...gitlabRuleVariables(mapGet(root, 'workflow'), 'GitLab CI workflow rules'));
  for (const e of root.entries) {
    if (GITLAB_GLOBAL_KEYWORDS.has(e.key) || e.value.kind !== 'map') continue;
    const where = `GitLab CI job ${e.key}`;
    out.push(...gitlabVariables(mapGet(e.value, 'variables'), where));
    out.push(...gitlabRuleVariables(e.value, `${where} rules`));
  }
  return out;
}

/**
 * `provider.environment` and `functions.<name>.environment`. Besides `${…}` variables, a
 * CloudFormation intrinsic written as a tag (`!Ref AccessKey`, `!GetAtt Key.SecretAccessKey`)
 * is parsed here as its plain argument: the tag before the value token marks it a reference.
 */
function serverlessEntries(doc: RuleContext['document'], root: IacValue): EnvEntry[] {
  const env = (value: IacValue | undefined, where: string) =>
    mapEntries(value, where)
      .filter((e) => {
        const start = valueTokenRange(e.value).start;
        const before = doc.text.slice(Math.max(0, start - 60), start).split('\n').pop() ?? '';
        return !/![A-Za-z][\w:]*[ \t]+["']?$/.test(before);
      })
      .map((e) => ({ ...e, reference: SERVERLESS_VARIABLE }));
  const out = env(getPath(root, ['provider', 'environment']), 'Serverless provider');
  const functions = mapGet(root, 'functions');
  for (const f of functions?.kind === 'map' ? functions.entries : []) out.push(...env(mapGet(f.value, 'environment'), `Serverless function ${f.key}`));
  return out;
}

function ciEntries(context: RuleContext, format: CiFormat): EnvEntry[] {
  const { document: doc } = context;
  if (!CREDENTIAL_NAME_IN_TEXT.test(doc.text)) return [];
  const out: EnvEntry[] = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== 'map') continue;
    if (format === 'github-actions') out.push(...githubActionsEntries(root));
    else if (format === 'gitlab-ci') out.push(...gitlabEntries(root));
    else out.push(...serverlessEntries(doc, root));
  }
  return out;
}

function textEntries(context: RuleContext): EnvEntry[] {
  const { document: doc } = context;
  const text = doc.text;
  if (doc.language === 'json') {
    const ecs = ECS_JSON.test(text);
    const k8s = K8S_JSON_API_VERSION.test(text) && K8S_JSON_KIND.test(text);
    if (!ecs && !k8s) return [];
    const root = parseYamlDocuments(doc)[0];
    if (!root) return [];
    const family = knownString(mapGet(root, 'family'));
    return [
      ...(ecs ? containerEntries(mapGet(root, 'containerDefinitions'), `ECS task definition${family ? ` ${family}` : ''}`, false) : []),
      ...(k8s ? kubernetesEntries(root) : []),
    ];
  }
  if (doc.language !== 'yaml') return [];
  const ci = ciFormatOf(doc.path);
  if (ci) return ciEntries(context, ci);
  const compose = COMPOSE_ROOT.test(text);
  const k8s = K8S_API_VERSION.test(text) && K8S_KIND.test(text);
  if (!compose && !k8s) return [];
  const out: EnvEntry[] = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== 'map') continue;
    if (compose) out.push(...composeEntries(root));
    if (k8s) out.push(...kubernetesEntries(root));
  }
  return out;
}

export default defineRule({
  id: 'no-credentials-in-environment',
  description: 'Disallow literal AWS credentials in the environment of Lambda, ECS, Batch, CodeBuild, Beanstalk, App Runner, compose, Kubernetes, GitHub Actions, GitLab CI and Serverless workloads',
  fullDescription:
    'Environment variables and plain SSM String parameters are configuration, not secret storage: they are shown in ' +
    'the console, returned by describe/get APIs, stored in plain text in the CloudFormation template or Terraform ' +
    'state, and visible to `docker inspect` and `kubectl get -o yaml`. Every one of these services runs with an IAM ' +
    'role (execution role, task role, service role, instance profile, IRSA), so static AWS keys in its environment ' +
    'are both unnecessary and exposed.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'high',
  cwe: ['CWE-798', 'CWE-526'],
  tags: ['security', 'secrets', 'aws', 'lambda', 'ecs', 'kubernetes', 'docker-compose', 'github-actions', 'gitlab-ci', 'serverless'],
  kinds: ['cloudformation', 'terraform', 'text'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  // SSM parameters are checked by the shape of their value, whatever their name.
  keywords: /access.?key|secret|session.?token|security.?token|AKIA|ASIA|ABIA|ACCA|A3T|aws_ssm_parameter|AWS::SSM::Parameter/i,
  messages: {
    awsVariable: '{{name}} is set to a literal ({{value}}) in {{where}}: static AWS keys in a runtime environment are readable by anyone who can read the configuration; use the role of the workload instead',
    keyLikeValue: '{{name}} in {{where}} holds a literal AWS {{what}} ({{value}}): use the role of the workload, or a reference to Secrets Manager / SSM SecureString',
    ssmParameter: 'SSM parameter {{parameter}} of type {{type}} stores an AWS {{what}} ({{value}}) in plain text (also in {{store}}): use a role; if a key is unavoidable, keep it in Secrets Manager or a SecureString created outside the code',
  },
  recommendation: [
    'Delete the key from the code, deactivate it and give the workload a role: the Lambda execution role, the ECS task ',
    'role, the Batch job role, the CodeBuild service role, the Beanstalk instance profile, the App Runner instance role, ',
    'IRSA / EKS Pod Identity in Kubernetes, an OIDC role (`role-to-assume`, `id_tokens`) in GitHub Actions and GitLab CI. ',
    'The AWS SDKs pick those up with no configuration. A key for a system outside ',
    'AWS belongs in Secrets Manager or an SSM SecureString, referenced by name: ECS `secrets`/`valueFrom`, CodeBuild ',
    '`type = "SECRETS_MANAGER"`, `{{resolve:secretsmanager:…}}`, Kubernetes `valueFrom.secretKeyRef`, compose `env_file`, ',
    '`${{ secrets.X }}` in GitHub Actions, a masked CI/CD variable in GitLab, `${ssm:…}` in Serverless.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-security',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
    'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
    'https://kubernetes.io/docs/concepts/configuration/secret/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html',
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === 'cloudformation') {
      const template = parseCloudFormation(doc);
      if (!template) return;
      for (const entry of cloudFormationEntries(template)) checkEntry(context, entry);
      for (const p of cloudFormationSsmParameters(template)) checkSsmParameter(context, p, 'cloudformation');
      // A serverless.yml with a `resources:` section of CloudFormation is classified as a template.
      if (ciFormatOf(doc.path) === 'serverless') for (const entry of ciEntries(context, 'serverless')) checkEntry(context, entry);
    } else if (doc.kind === 'terraform') {
      if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return;
      const blocks = resourceBlocks(parseTerraform(doc));
      for (const entry of terraformEntries(context, blocks)) checkEntry(context, entry);
      for (const p of terraformSsmParameters(blocks)) checkSsmParameter(context, p, 'terraform');
    } else {
      for (const entry of textEntries(context)) checkEntry(context, entry);
    }
  },
});

