// AWS SAM policy templates (`Policies: [S3ReadPolicy: {BucketName: …}]`) as the statements
// they expand to, so a SAM function is judged by what it is granted.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html
// Only templates whose expansion is listed here are known; any other template makes the
// function's permissions partly unknown (never reported on a guess).
import type { IacEntry, IacValue, Range } from '../iac/value.js';
import { knownString, mapGet } from '../iac/value.js';

interface TemplateStatement {
  readonly actions: readonly string[];
  /** ARN with `${Param}` for template parameters (`${AWS::Partition}` etc. stay placeholders). */
  readonly resources: readonly string[];
}

const T: Readonly<Record<string, readonly TemplateStatement[]>> = {
  S3ReadPolicy: [{ actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'] }],
  S3WritePolicy: [{ actions: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'] }],
  S3CrudPolicy: [{ actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'], resources: ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'] }],
  S3FullAccessPolicy: [
    { actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'], resources: ['arn:${AWS::Partition}:s3:::${BucketName}/*'] },
    { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: ['arn:${AWS::Partition}:s3:::${BucketName}'] },
  ],
  DynamoDBReadPolicy: [{ actions: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*'] }],
  DynamoDBWritePolicy: [{ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*'] }],
  DynamoDBCrudPolicy: [{ actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'], resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*'] }],
  SQSSendMessagePolicy: [{ actions: ['sqs:SendMessage*'], resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}'] }],
  SQSPollerPolicy: [{ actions: ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}'] }],
  SNSPublishMessagePolicy: [{ actions: ['sns:Publish'], resources: ['arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}'] }],
  LambdaInvokePolicy: [{ actions: ['lambda:InvokeFunction'], resources: ['arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*'] }],
  StepFunctionsExecutionPolicy: [{ actions: ['states:StartExecution'], resources: ['arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}'] }],
  SSMParameterReadPolicy: [
    { actions: ['ssm:DescribeParameters'], resources: ['*'] },
    { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: ['arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ParameterName}'] },
  ],
  KMSDecryptPolicy: [{ actions: ['kms:Decrypt'], resources: ['arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}'] }],
  KMSEncryptPolicy: [{ actions: ['kms:Encrypt'], resources: ['arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}'] }],
  AWSSecretsManagerGetSecretValuePolicy: [{ actions: ['secretsmanager:GetSecretValue'], resources: ['${SecretArn}'] }],
  EventBridgePutEventsPolicy: [{ actions: ['events:PutEvents'], resources: ['arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${EventBusName}'] }],
  KinesisStreamReadPolicy: [
    { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*'] },
    { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${StreamName}'] },
  ],
  CloudWatchPutMetricPolicy: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }],
  VPCAccessPolicy: [{ actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], resources: ['*'] }],
  AMIDescribePolicy: [{ actions: ['ec2:DescribeImages'], resources: ['*'] }],
  CloudFormationDescribeStacksPolicy: [{ actions: ['cloudformation:DescribeStacks'], resources: ['arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/*'] }],
  EC2DescribePolicy: [{ actions: ['ec2:DescribeRegions', 'ec2:DescribeInstances'], resources: ['*'] }],
  AWSXrayWriteOnlyAccessPolicy: [{ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], resources: ['*'] }],
};

/**
 * The statements of a SAM policy template in IAM JSON shape, every range at the template's
 * name; parameters become placeholders (partly known ARNs). undefined for a template not in the table.
 */
export function samPolicyTemplate(name: string, params: IacValue, at: Range): IacValue[] | undefined {
  const statements = T[name];
  if (!statements) return undefined;
  const str = (value: string, placeholders: boolean): IacValue => ({ kind: 'string', value, range: at, ...(placeholders ? { hasPlaceholders: true } : {}) });
  const fill = (arn: string) => {
    // A literal parameter is substituted; anything else stays a `${Param}` placeholder.
    const text = arn.replace(/\$\{(\w+)\}/g, (whole, p: string) => knownString(mapGet(params, p)) ?? whole);
    return str(text, text.includes('${'));
  };
  return statements.map((s): IacValue => {
    const entries: IacEntry[] = [
      { key: 'Effect', keyRange: at, value: str('Allow', false) },
      { key: 'Action', keyRange: at, value: { kind: 'list', items: s.actions.map((a) => str(a, false)), range: at } },
      { key: 'Resource', keyRange: at, value: { kind: 'list', items: s.resources.map(fill), range: at } },
    ];
    return { kind: 'map', entries, range: at };
  });
}
