// What an AWS CLI call needs from IAM: the actions and the resources it acts on.
// https://docs.aws.amazon.com/cli/latest/reference/
// https://docs.aws.amazon.com/cli/latest/reference/s3/  (high-level commands)
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
//
// Low-level commands (`aws <service> <operation>`) are the API operation in kebab case: the
// action is found in the catalogue by the operation's name with the hyphens removed (the
// catalogue lookup is case-insensitive), under the IAM prefix of the CLI service (`s3api` →
// `s3`, `elbv2` → `elasticloadbalancing` …). Operations whose action has another name, or
// that need several actions, are listed in EXCEPTIONS. The high-level `aws s3` commands
// are mapped by the operations they perform.
//
// A resource is an ARN *template*: literal text with UNKNOWN marking a part that is not
// known statically (`s3://$BUCKET/x`, `${var.bucket}`). A word that is not known at all makes
// the call unresolved, never guessed.
import { getCatalog } from './catalog.js';

/** Stands for a part of an ARN that is not known statically. */
export const UNKNOWN = '\u0000';

/** One permission a call needs: an action on a resource (`*` for actions that only accept `*`, or when it cannot be named). */
export interface Need {
  /** `s3:CreateBucket` (the catalogue's spelling). */
  readonly action: string;
  /** An ARN template (UNKNOWN for unknown parts) or `*`. */
  readonly resource: string;
}

export type CallMapping =
  | { readonly state: 'mapped'; readonly command: string; readonly needs: readonly Need[] }
  /** Makes no call that needs a permission (`aws configure list`, `aws s3 presign` needs one only when the URL is used …). */
  | { readonly state: 'none'; readonly command: string }
  | { readonly state: 'unresolved'; readonly command: string; readonly reason: string };

/** A CLI word: its static value, or a template with UNKNOWN parts (undefined: nothing is known). */
export interface CliWord {
  readonly template: string;
  /** The word is fully known. */
  readonly known: boolean;
}

/** CLI service names whose IAM prefix differs. https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html */
const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  s3api: 's3',
  s3control: 's3',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  efs: 'elasticfilesystem',
  emr: 'elasticmapreduce',
  deploy: 'codedeploy',
  stepfunctions: 'states',
  configservice: 'config',
  opensearch: 'es',
  sesv2: 'ses',
  apigatewayv2: 'apigateway',
  dynamodbstreams: 'dynamodb',
  'iot-data': 'iot',
  kinesisanalyticsv2: 'kinesisanalytics',
  'mediastore-data': 'mediastore',
  'timestream-write': 'timestream',
  'timestream-query': 'timestream',
  resourcegroupstaggingapi: 'tag',
  'sso-admin': 'sso',
  'lex-models': 'lex',
  'lexv2-models': 'lex',
  'lexv2-runtime': 'lex',
  'sagemaker-runtime': 'sagemaker',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  'marketplace-catalog': 'aws-marketplace',
  'ecr-public': 'ecr-public',
  'cognito-idp': 'cognito-idp',
  'rds-data': 'rds-data',
};

/** CLI services whose operations do not map to actions by name (API Gateway's actions are HTTP verbs). */
const UNMAPPED_SERVICES = new Set(['apigateway', 'apigatewayv2']);

/** Commands that call no AWS API (or configure the CLI itself). */
const LOCAL_COMMANDS = new Set(['configure', 'help', 'history', 'cli-dev', 'login', 'logout']);

/**
 * Operations whose actions are not their own name, by `service operation`. Resources are
 * filled in by the service's resource mapping afterwards.
 */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  's3api list-objects': ['s3:ListBucket'],
  's3api list-objects-v2': ['s3:ListBucket'],
  's3api list-object-versions': ['s3:ListBucketVersions'],
  's3api head-object': ['s3:GetObject'],
  's3api head-bucket': ['s3:ListBucket'],
  's3api list-buckets': ['s3:ListAllMyBuckets'],
  's3api delete-objects': ['s3:DeleteObject'],
  's3api copy-object': ['s3:PutObject'],
  's3api upload-part-copy': ['s3:PutObject'],
  's3api create-multipart-upload': ['s3:PutObject'],
  's3api upload-part': ['s3:PutObject'],
  's3api complete-multipart-upload': ['s3:PutObject'],
  's3api list-parts': ['s3:ListMultipartUploadParts'],
  's3api list-multipart-uploads': ['s3:ListBucketMultipartUploads'],
  's3api select-object-content': ['s3:GetObject'],
  's3api get-bucket-encryption': ['s3:GetEncryptionConfiguration'],
  's3api put-bucket-encryption': ['s3:PutEncryptionConfiguration'],
  's3api delete-bucket-encryption': ['s3:PutEncryptionConfiguration'],
  's3api get-bucket-lifecycle-configuration': ['s3:GetLifecycleConfiguration'],
  's3api put-bucket-lifecycle-configuration': ['s3:PutLifecycleConfiguration'],
  's3api delete-bucket-lifecycle': ['s3:PutLifecycleConfiguration'],
  's3api get-bucket-replication': ['s3:GetReplicationConfiguration'],
  's3api put-bucket-replication': ['s3:PutReplicationConfiguration'],
  's3api delete-bucket-replication': ['s3:PutReplicationConfiguration'],
  's3api get-bucket-accelerate-configuration': ['s3:GetAccelerateConfiguration'],
  's3api put-bucket-accelerate-configuration': ['s3:PutAccelerateConfiguration'],
  's3api get-bucket-analytics-configuration': ['s3:GetAnalyticsConfiguration'],
  's3api get-bucket-inventory-configuration': ['s3:GetInventoryConfiguration'],
  's3api get-bucket-metrics-configuration': ['s3:GetMetricsConfiguration'],
  's3api get-public-access-block': ['s3:GetBucketPublicAccessBlock'],
  's3api put-public-access-block': ['s3:PutBucketPublicAccessBlock'],
  's3api delete-public-access-block': ['s3:PutBucketPublicAccessBlock'],
  's3api get-object-lock-configuration': ['s3:GetBucketObjectLockConfiguration'],
  's3api put-object-lock-configuration': ['s3:PutBucketObjectLockConfiguration'],
  's3api get-bucket-notification-configuration': ['s3:GetBucketNotification'],
  's3api put-bucket-notification-configuration': ['s3:PutBucketNotification'],
  's3api get-bucket-policy-status': ['s3:GetBucketPolicyStatus'],
  'ecr get-login-password': ['ecr:GetAuthorizationToken'],
  'ecr get-login': ['ecr:GetAuthorizationToken'],
  'ecr-public get-login-password': ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'],
  'codeartifact login': ['codeartifact:GetAuthorizationToken', 'codeartifact:GetRepositoryEndpoint', 'sts:GetServiceBearerToken'],
  'eks update-kubeconfig': ['eks:DescribeCluster'],
  'logs tail': ['logs:FilterLogEvents'],
  'ec2 wait instance-running': ['ec2:DescribeInstances'],
  'ec2 wait instance-stopped': ['ec2:DescribeInstances'],
  'ec2 wait instance-terminated': ['ec2:DescribeInstances'],
  'ec2 wait instance-exists': ['ec2:DescribeInstances'],
  'ec2 wait instance-status-ok': ['ec2:DescribeInstanceStatus'],
  'ec2 wait system-status-ok': ['ec2:DescribeInstanceStatus'],
  'ec2 wait volume-available': ['ec2:DescribeVolumes'],
  'ec2 wait volume-in-use': ['ec2:DescribeVolumes'],
  'ec2 wait snapshot-completed': ['ec2:DescribeSnapshots'],
  'ec2 wait image-available': ['ec2:DescribeImages'],
  'dynamodb wait table-exists': ['dynamodb:DescribeTable'],
};

/** Calls that need no permission: STS answers get-caller-identity for anyone; eks get-token and rds generate-db-auth-token presign locally. */
const NO_PERMISSION = new Set(['sts get-caller-identity', 'eks get-token', 'rds generate-db-auth-token', 'ecr-public get-login']);

/** Commands that run many operations decided at run time: not mapped. */
const COMPOSITE = new Set(['cloudformation deploy', 'cloudformation package', 'deploy push', 'deploy register', 'emr create-cluster', 'eks create-cluster']);

// ---------------------------------------------------------------------------------------
// Words and ARNs

/** `s3://bucket/key` split into bucket and key templates; undefined when not an S3 URL. */
function s3Url(word: CliWord): { bucket: string; key: string | undefined } | undefined {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(word.template);
  if (!m) return undefined;
  return { bucket: m[1] as string, key: m[2] };
}

function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

/** An ARN text or a name under the service's ARN pattern (region and account are not known). */
function named(value: string, arn: (name: string) => string): string {
  return value.startsWith('arn:') ? value : arn(value);
}

const U = UNKNOWN;

/** Resource of a low-level operation from its literal parameters, by service. */
function lowLevelResources(service: string, op: string, action: string, args: ReadonlyMap<string, CliWord[]>): string[] | undefined {
  const one = (name: string) => args.get(name)?.[0]?.template;
  const all = (name: string) => (args.get(name) ?? []).map((w) => w.template);
  switch (service) {
    case 's3api': {
      const bucket = one('--bucket');
      const types = getCatalog().action(action)?.resourceTypes ?? [];
      if (types.length === 0) return ['*'];
      if (bucket === undefined) return undefined;
      if (types.includes('object')) {
        if (action === 's3:GetObject' && (op === 'copy-object' || op === 'upload-part-copy')) {
          const src = one('--copy-source');
          return src === undefined ? undefined : [`arn:aws:s3:::${src.replace(/^\/+/, '').replace(/\?versionId=.*$/, '')}`];
        }
        const key = one('--key');
        return [objectArn(bucket, key ?? U)];
      }
      return [bucketArn(bucket)];
    }
    case 'ssm': {
      const names = op === 'get-parameters' ? all('--names') : op === 'get-parameters-by-path' ? all('--path') : all('--name');
      if (names.length === 0) return undefined;
      return names.map((n) => named(n, (x) => `arn:aws:ssm:${U}:${U}:parameter/${x.replace(/^\//, '')}`));
    }
    case 'secretsmanager': {
      const id = one('--secret-id');
      // A name stands for the secret whose ARN ends in the name and a random 6-character suffix.
      return id === undefined ? undefined : [named(id, (x) => `arn:aws:secretsmanager:${U}:${U}:secret:${x}-${U}`)];
    }
    case 'dynamodb': {
      const t = one('--table-name');
      return t === undefined ? undefined : [named(t, (x) => `arn:aws:dynamodb:${U}:${U}:table/${x}`)];
    }
    case 'lambda': {
      const f = one('--function-name');
      return f === undefined ? undefined : [named(f, (x) => `arn:aws:lambda:${U}:${U}:function:${x}`)];
    }
    case 'sns': {
      const t = one('--topic-arn');
      return t === undefined ? undefined : [t];
    }
    case 'sqs': {
      const url = one('--queue-url');
      const m = url === undefined ? null : /^https?:\/\/(?:sqs\.)?([^./]+)\.(?:queue\.)?amazonaws\.com(?:\.cn)?\/([^/]+)\/([^/?]+)$/.exec(url);
      return m ? [`arn:aws:sqs:${m[1]}:${m[2]}:${m[3]}`] : undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Argument parsing

/** Splits CLI arguments into `--name value…` options and positional operands. */
function options(words: readonly CliWord[]): { args: Map<string, CliWord[]>; flags: Set<string>; positional: CliWord[] } {
  const args = new Map<string, CliWord[]>();
  const flags = new Set<string>();
  const positional: CliWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as CliWord;
    if (w.template.startsWith('--')) {
      const eq = w.template.indexOf('=');
      if (eq > 0) {
        args.set(w.template.slice(0, eq), [{ template: w.template.slice(eq + 1), known: w.known }]);
        continue;
      }
      const values: CliWord[] = [];
      while (i + 1 < words.length && !(words[i + 1] as CliWord).template.startsWith('--')) values.push(words[++i] as CliWord);
      if (values.length === 0) flags.add(w.template);
      else args.set(w.template, values);
    } else positional.push(w);
  }
  return { args, flags, positional };
}

/** Options of the high-level s3 commands that take a value (anything else unknown makes the call unresolved). */
const S3_VALUE_OPTIONS = new Set([
  '--exclude', '--include', '--acl', '--sse-kms-key-id', '--sse-c', '--sse-c-key', '--sse-c-copy-source', '--sse-c-copy-source-key',
  '--storage-class', '--grants', '--website-redirect', '--content-type', '--cache-control', '--content-disposition', '--content-encoding',
  '--content-language', '--expires', '--metadata', '--metadata-directive', '--expected-size', '--source-region', '--page-size',
  '--request-payer', '--expires-in', '--checksum-algorithm', '--checksum-mode', '--copy-props', '--index-document', '--error-document',
  '--region', '--output', '--query', '--profile', '--endpoint-url', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout',
]);
const S3_FLAGS = new Set([
  '--recursive', '--quiet', '--delete', '--force', '--follow-symlinks', '--no-follow-symlinks', '--only-show-errors', '--no-progress',
  '--human-readable', '--summarize', '--exact-timestamps', '--size-only', '--no-guess-mime-type', '--ignore-glacier-warnings',
  '--force-glacier-transfer', '--no-overwrite', '--debug', '--no-verify-ssl', '--no-paginate', '--bucket-name-prefix',
]);

/** Parses high-level s3 arguments: `--sse` takes a value only when one follows. */
function s3Options(words: readonly CliWord[]): { flags: Set<string>; positional: CliWord[]; unknownOption?: string } {
  const flags = new Set<string>();
  const positional: CliWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as CliWord;
    const t = w.template;
    if (!t.startsWith('--')) {
      positional.push(w);
      continue;
    }
    const name = t.includes('=') ? t.slice(0, t.indexOf('=')) : t;
    if (name === '--sse') {
      if (!t.includes('=') && /^(?:AES256|aws:kms(?::dsse)?)$/.test(words[i + 1]?.template ?? '')) i++;
      flags.add('--sse');
    } else if (S3_VALUE_OPTIONS.has(name)) {
      // Setting an ACL on upload is a separate permission (s3:PutObjectAcl).
      if (name === '--acl' || name === '--grants') flags.add('--acl');
      if (!t.includes('=')) i++;
    } else if (S3_FLAGS.has(name)) flags.add(name);
    else if (name === '--dryrun') flags.add(name);
    else return { flags, positional, unknownOption: name };
  }
  return { flags, positional };
}

/** The basename a local path contributes to the destination key (`cp file s3://b/dir/`). */
function basename(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] || U;
}

/** The high-level `aws s3 <command>`: ls, cp, mv, rm, sync, mb, rb, presign, website. */
function s3HighLevel(op: string, words: readonly CliWord[]): CallMapping {
  const command = `aws s3 ${op}`;
  const { flags, positional, unknownOption } = s3Options(words);
  if (unknownOption) return { state: 'unresolved', command, reason: `option ${unknownOption} is not mapped` };
  if (flags.has('--dryrun')) return { state: 'none', command };
  const recursive = flags.has('--recursive');
  const needs: Need[] = [];
  const url = (w: CliWord | undefined) => (w ? s3Url(w) : undefined);
  /** The object ARN of a URL (prefix + `*` for recursive operations). */
  const objects = (u: { bucket: string; key: string | undefined }, many: boolean) => objectArn(u.bucket, many ? `${u.key ?? ''}${U}` : u.key === undefined || u.key === '' || u.key.endsWith('/') ? `${u.key ?? ''}${U}` : u.key);
  switch (op) {
    case 'ls': {
      const u = url(positional[0]);
      if (!positional[0]) return { state: 'mapped', command, needs: [{ action: 's3:ListAllMyBuckets', resource: '*' }] };
      if (!u) return { state: 'unresolved', command, reason: 'the S3 URL is not known' };
      return { state: 'mapped', command, needs: [{ action: 's3:ListBucket', resource: bucketArn(u.bucket) }] };
    }
    case 'mb':
    case 'rb':
    case 'website': {
      const u = url(positional[0]);
      if (!u) return { state: 'unresolved', command, reason: 'the bucket is not known' };
      if (op === 'mb') needs.push({ action: 's3:CreateBucket', resource: bucketArn(u.bucket) });
      else if (op === 'website') needs.push({ action: 's3:PutBucketWebsite', resource: bucketArn(u.bucket) });
      else {
        if (flags.has('--force')) needs.push({ action: 's3:ListBucket', resource: bucketArn(u.bucket) }, { action: 's3:DeleteObject', resource: objectArn(u.bucket, U) });
        needs.push({ action: 's3:DeleteBucket', resource: bucketArn(u.bucket) });
      }
      return { state: 'mapped', command, needs };
    }
    case 'rm': {
      const u = url(positional[0]);
      if (!u) return { state: 'unresolved', command, reason: 'the S3 URL is not known' };
      if (recursive) needs.push({ action: 's3:ListBucket', resource: bucketArn(u.bucket) });
      needs.push({ action: 's3:DeleteObject', resource: objects(u, recursive) });
      return { state: 'mapped', command, needs };
    }
    case 'presign': {
      // Presigning is local; whoever uses the URL acts with this role's GetObject.
      const u = url(positional[0]);
      if (!u || u.key === undefined) return { state: 'unresolved', command, reason: 'the S3 URL is not known' };
      return { state: 'mapped', command, needs: [{ action: 's3:GetObject', resource: objectArn(u.bucket, u.key) }] };
    }
    case 'cp':
    case 'mv':
    case 'sync': {
      if (positional.length !== 2) return { state: 'unresolved', command, reason: 'source and destination are not known' };
      const [srcWord, dstWord] = positional as [CliWord, CliWord];
      const src = url(srcWord);
      const dst = url(dstWord);
      if (!src && !dst) {
        // Neither side is literally an S3 URL: one of them is a variable.
        return /^s3:|^\u0000/.test(srcWord.template) || /^s3:|^\u0000/.test(dstWord.template) ? { state: 'unresolved', command, reason: 'the S3 URL is not known' } : { state: 'none', command };
      }
      const many = recursive || op === 'sync';
      if (src) {
        if (many) needs.push({ action: 's3:ListBucket', resource: bucketArn(src.bucket) });
        needs.push({ action: 's3:GetObject', resource: objects(src, many) });
        if (op === 'mv') needs.push({ action: 's3:DeleteObject', resource: objects(src, many) });
      } else if (/^\u0000/.test(srcWord.template)) return { state: 'unresolved', command, reason: 'the source is not known' };
      if (dst) {
        let key = dst.key;
        // `cp ./file s3://b/dir/` writes dir/file.
        if (!many && (key === undefined || key === '' || key.endsWith('/'))) key = `${key ?? ''}${src ? basename(src.key ?? U) : basename(srcWord.template)}`;
        if (op === 'sync') needs.push({ action: 's3:ListBucket', resource: bucketArn(dst.bucket) });
        const written = many ? objectArn(dst.bucket, `${dst.key ?? ''}${U}`) : objectArn(dst.bucket, key ?? U);
        needs.push({ action: 's3:PutObject', resource: written });
        if (flags.has('--acl')) needs.push({ action: 's3:PutObjectAcl', resource: written });
        if (op === 'sync' && flags.has('--delete')) needs.push({ action: 's3:DeleteObject', resource: objectArn(dst.bucket, `${dst.key ?? ''}${U}`) });
      } else if (/^\u0000/.test(dstWord.template)) return { state: 'unresolved', command, reason: 'the destination is not known' };
      if (src && !dst && op === 'sync' && flags.has('--delete')) {
        // Deletes local files only.
      }
      return { state: 'mapped', command, needs: dedupe(needs) };
    }
    default:
      return { state: 'unresolved', command, reason: `aws s3 ${op} is not mapped` };
  }
}

function dedupe(needs: readonly Need[]): Need[] {
  const seen = new Set<string>();
  return needs.filter((n) => {
    const k = `${n.action}\0${n.resource}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * What `aws <service> <operation> [args]` needs. `service` and `words` come after the CLI's
 * global options; each word is a template (UNKNOWN for unknown parts).
 */
export function cliCallNeeds(serviceWord: CliWord | undefined, words: readonly CliWord[]): CallMapping {
  if (!serviceWord) return { state: 'none', command: 'aws' };
  if (!serviceWord.known) return { state: 'unresolved', command: 'aws …', reason: 'the service is not known' };
  const service = serviceWord.template;
  if (LOCAL_COMMANDS.has(service)) return { state: 'none', command: `aws ${service}` };
  const opWord = words[0];
  if (!opWord) return { state: 'none', command: `aws ${service}` };
  if (!opWord.known) return { state: 'unresolved', command: `aws ${service} …`, reason: 'the operation is not known' };
  const op = opWord.template;
  const command = `aws ${service} ${op}`;
  if (op === 'help' || words.some((w) => w.template === '--generate-cli-skeleton' || w.template === 'help')) return { state: 'none', command };
  if (service === 's3') return s3HighLevel(op, words.slice(1));
  const rest = words.slice(op === 'wait' ? 2 : 1);
  const key = op === 'wait' ? `${service} wait ${words[1]?.template ?? ''}` : `${service} ${op}`;
  const shown = op === 'wait' ? `${command} ${words[1]?.template ?? ''}`.trim() : command;
  if (NO_PERMISSION.has(key)) return { state: 'none', command: shown };
  if (COMPOSITE.has(key)) return { state: 'unresolved', command: shown, reason: `${shown} runs operations decided at run time` };
  if (UNMAPPED_SERVICES.has(service)) return { state: 'unresolved', command: shown, reason: `${service} actions are HTTP verbs on resource paths` };
  const prefix = SERVICE_PREFIX[service] ?? service;
  const catalog = getCatalog();
  let actions: string[];
  const listed = EXCEPTIONS[key];
  if (listed) actions = [...listed];
  else if (op === 'wait') return { state: 'unresolved', command: shown, reason: `${shown} is not mapped` };
  else {
    const found = catalog.action(`${prefix}:${op.replace(/-/g, '')}`);
    if (!found) return { state: 'unresolved', command: shown, reason: catalog.services.has(prefix) ? `no IAM action ${prefix}:${op.replace(/-/g, '')} in the catalogue` : `service ${service} is not in the catalogue` };
    actions = [found.id];
  }
  const { args } = options(rest);
  if (service === 'ec2' && op === 'run-instances' && args.has('--iam-instance-profile')) actions.push('iam:PassRole');
  if (service === 's3api' && (op === 'copy-object' || op === 'upload-part-copy')) actions.unshift('s3:GetObject');
  const needs: Need[] = [];
  for (const id of actions) {
    const action = catalog.action(id)?.id ?? id;
    const types = catalog.action(action)?.resourceTypes ?? [];
    if (types.length === 0) {
      needs.push({ action, resource: '*' });
      continue;
    }
    const resources = lowLevelResources(service, op, action, args) ?? [U];
    for (const resource of resources) needs.push({ action, resource });
  }
  return { state: 'mapped', command: shown, needs: dedupe(needs) };
}

/** Renders an ARN template for a policy: unknown parts become `*`. */
export function renderResource(template: string): string {
  return template.replace(/\u0000+/g, '*');
}

/** The CLI service families mapped (for docs and reports). */
export const MAPPED_FAMILIES = {
  highLevelS3: ['ls', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign', 'website'],
  exceptions: Object.keys(EXCEPTIONS),
  servicePrefixes: SERVICE_PREFIX,
} as const;
