import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';

const RULE = 'no-credentials-in-environment';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

const ID = fakeAccessKeyId('env-test');
const SECRET = fakeSecretAccessKey('env-test');

describe(RULE, () => {
  it('reports AWS_SECRET_ACCESS_KEY in a Lambda Environment.Variables map at the value, masked', () => {
    const yaml = [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      `          AWS_SECRET_ACCESS_KEY: ${SECRET}`,
      '',
    ].join('\n');
    const found = run('template.yaml', yaml);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 7, startColumn: 34, endLine: 7, endColumn: 74 }]]);
    expect(found[0]!.message).toContain('Lambda function Fn');
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('reports the AWS documentation example key id too: the practice is the defect', () => {
    const tf = 'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"\n    }\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 4, startColumn: 28, endLine: 4, endColumn: 48 }]]);
  });

  it('reports a key-shaped value under an access_key style name, but not an ordinary value', () => {
    const yaml = `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          MINIO_ACCESS_KEY: ${ID}\n          ACCESS_KEY_HEADER: X-Access-Key\n`;
    expect(run('template.yaml', yaml).map((f) => [f.messageId, f.region])).toEqual([['keyLikeValue', { startLine: 7, startColumn: 29, endLine: 7, endColumn: 49 }]]);
  });

  it('reports the documentation example keys under access_key / secret_key names (the terragoat pattern), not under other names', () => {
    const tf = [
      'resource "aws_lambda_function" "f" {',
      '  environment {',
      '    variables = {',
      '      access_key = "AKIAIOSFODNN7EXAMPLE"',
      '      secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
      '      sample_id  = "AKIAIOSFODNN7EXAMPLE"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([
      ['keyLikeValue', { startLine: 4, startColumn: 21, endLine: 4, endColumn: 41 }],
      ['keyLikeValue', { startLine: 5, startColumn: 21, endLine: 5, endColumn: 61 }],
    ]);
  });

  it('reports a key inside a heredoc container_definitions JSON at its exact column in the .tf file', () => {
    const tf = [
      'resource "aws_ecs_task_definition" "t" {',
      '  family                = "t"',
      '  container_definitions = <<EOF',
      '[{"name": "app", "environment": [',
      `  {"name": "AWS_ACCESS_KEY_ID", "value": "${ID}"}`,
      ']}]',
      'EOF',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 5, startColumn: 43, endLine: 5, endColumn: 63 }]]);
  });

  it('reports only PLAINTEXT CodeBuild variables (the default type)', () => {
    const yaml = [
      'Resources:',
      '  B:',
      '    Type: AWS::CodeBuild::Project',
      '    Properties:',
      '      Environment:',
      '        EnvironmentVariables:',
      '          - Name: AWS_SECRET_ACCESS_KEY',
      '            Type: SECRETS_MANAGER',
      '            Value: ci/aws:secret',
      '          - Name: AWS_SECRET_ACCESS_KEY',
      `            Value: ${SECRET}`,
      '',
    ].join('\n');
    expect(run('template.yaml', yaml).map((f) => f.region)).toEqual([{ startLine: 11, startColumn: 20, endLine: 11, endColumn: 60 }]);
  });

  it('reports a docker-compose list item at the value after "=", and stays silent on ${VAR} and bare names', () => {
    const compose = `services:\n  app:\n    image: app\n    environment:\n      - AWS_PROFILE\n      - AWS_ACCESS_KEY_ID=\${AWS_ACCESS_KEY_ID}\n      - AWS_SECRET_ACCESS_KEY=${SECRET}\n`;
    const found = run('docker-compose.yml', compose);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 7, startColumn: 31, endLine: 7, endColumn: 71 }]]);
    expect(found[0]!.message).toContain('docker-compose service app');
  });

  it('reports a Kubernetes env value in the second document of a multi-document manifest, not valueFrom or a Secret', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: aws}',
      'stringData:',
      `  AWS_SECRET_ACCESS_KEY: ${SECRET}`,
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: c',
      '      image: app',
      '      env:',
      '        - name: AWS_SECRET_ACCESS_KEY',
      '          valueFrom: {secretKeyRef: {name: aws, key: AWS_SECRET_ACCESS_KEY}}',
      '        - name: AWS_SESSION_TOKEN',
      `          value: ${fakeSessionToken('env-test')}`,
      '',
    ].join('\n');
    const found = run('pod.yaml', manifest);
    expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['awsVariable', 18, 18]]);
    expect(found[0]!.message).toContain('Kubernetes Pod p, container c');
  });

  it('reports env of container-like parts of custom resources (Argo Workflows template container)', () => {
    const manifest = ['apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {name: sync}', 'spec:', '  templates:', '    - name: sync', '      container:', '        image: amazon/aws-cli', '        env:', '          - name: AWS_ACCESS_KEY_ID', `            value: ${ID}`, ''].join('\n');
    const found = run('workflow.yaml', manifest);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 11, startColumn: 20, endLine: 11, endColumn: 40 }]]);
    expect(found[0]!.message).toContain('Kubernetes Workflow sync');
  });

  it('reads Kubernetes manifests written as JSON', () => {
    const json = `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "c", "env": [{"name": "AWS_SECRET_ACCESS_KEY", "value": "${SECRET}"}]}]}}\n`;
    expect(run('pod.json', json).map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 2, startColumn: 92, endLine: 2, endColumn: 132 }]]);
  });

  it('reports a key-shaped SSM String parameter but not a SecureString one', () => {
    const tf = `resource "aws_ssm_parameter" "a" {\n  name  = "/x/a"\n  type  = "String"\n  value = "${SECRET}"\n}\nresource "aws_ssm_parameter" "b" {\n  name  = "/x/b"\n  type  = "SecureString"\n  value = "${SECRET}"\n}\n`;
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['ssmParameter', { startLine: 4, startColumn: 12, endLine: 4, endColumn: 52 }]]);
  });

  it('reports var.x with a literal default at the reference and masks the default', () => {
    const tf = `variable "k" {\n  default = "${SECRET}"\n}\nresource "aws_lambda_function" "f" {\n  environment {\n    variables = { AWS_SECRET_ACCESS_KEY = var.k }\n  }\n}\n`;
    const found = run('main.tf', tf);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 6, startColumn: 43, endLine: 6, endColumn: 48 }]]);
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('stays silent on resolve references, parameters, variables without default and emulator dummies', () => {
    const yaml = [
      'Parameters:',
      '  K:',
      '    Type: String',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          AWS_ACCESS_KEY_ID: !Ref K',
      '          AWS_SECRET_ACCESS_KEY: "{{resolve:secretsmanager:app:SecretString:key}}"',
      '          AWS_SESSION_TOKEN: minioadmin',
      '',
    ].join('\n');
    expect(run('template.yaml', yaml)).toEqual([]);
    expect(run('main.tf', 'variable "k" {}\nresource "aws_lambda_function" "f" {\n  environment {\n    variables = { AWS_SECRET_ACCESS_KEY = var.k }\n  }\n}\n')).toEqual([]);
  });

  it('reports a GitHub Actions step env literal and labels the job and the 1-based step', () => {
    const yaml = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: ./deploy.sh',
      '        env:',
      `          AWS_SECRET_ACCESS_KEY: ${SECRET}`,
      '',
    ].join('\n');
    const found = run('.github/workflows/deploy.yml', yaml);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 9, startColumn: 34, endLine: 9, endColumn: 74 }]]);
    expect(found[0]!.message).toContain('in GitHub Actions workflow job deploy step 2');
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('reports static keys given to aws-actions/configure-aws-credentials, whatever the value, but not the same input of another action', () => {
    const yaml = [
      'jobs:',
      '  deploy:',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          aws-access-key-id: AKIAIOSFODNN7EXAMPLE',
      '          aws-region: us-east-1',
      '      - uses: someone/s3-upload@v1',
      '        with:',
      `          aws-access-key-id: ${ID}`,
      '',
    ].join('\n');
    const found = run('.github/workflows/deploy.yaml', yaml);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 6, startColumn: 30, endLine: 6, endColumn: 50 }]]);
    expect(found[0]!.message).toContain('aws-access-key-id is set to a literal');
  });

  it('treats any ${{ … }} expression in a workflow value as a reference, even inside a longer string', () => {
    const yaml = [
      'env:',
      '  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      '  AWS_SECRET_ACCESS_KEY: ${{secrets.DEPLOY_KEY}}',
      'jobs:',
      '  deploy:',
      '    env:',
      '      AWS_SESSION_TOKEN: "prefix-${{ steps.sts.outputs.token }}-suffix"',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: arn:aws:iam::123456789012:role/deploy',
      '          aws-secret-access-key: ${{ vars.UNUSUAL_BUT_A_REFERENCE }}',
      '',
    ].join('\n');
    expect(run('.github/workflows/deploy.yml', yaml)).toEqual([]);
  });

  it('does not read a workflow-shaped file outside .github/workflows as a workflow', () => {
    expect(run('ci/deploy.yml', `env:\n  AWS_SECRET_ACCESS_KEY: ${SECRET}\n`)).toEqual([]);
  });

  it('reports GitLab CI variables in the {value, description} form and in rules, not $VAR references', () => {
    const yaml = [
      'variables:',
      '  AWS_ACCESS_KEY_ID:',
      `    value: "${ID}"`,
      '    description: deploy key',
      '  AWS_SECRET_ACCESS_KEY: $MASKED_SECRET',
      'deploy:',
      '  script: [aws s3 ls]',
      '  variables:',
      '    AWS_SESSION_TOKEN: "${STS_TOKEN}-and-more-text"',
      '  rules:',
      '    - if: $CI_COMMIT_TAG',
      '      variables:',
      `        AWS_SECRET_ACCESS_KEY: ${SECRET}`,
      '',
    ].join('\n');
    const found = run('.gitlab-ci.yml', yaml);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([
      ['awsVariable', { startLine: 3, startColumn: 13, endLine: 3, endColumn: 33 }],
      ['awsVariable', { startLine: 13, startColumn: 32, endLine: 13, endColumn: 72 }],
    ]);
    expect(found.map((f) => f.message.match(/ in (GitLab CI [^:]+):/)?.[1])).toEqual(['GitLab CI global variables', 'GitLab CI job deploy rules']);
  });

  it('reads included *.gitlab-ci.yml files too', () => {
    const found = run('ci/deploy.gitlab-ci.yml', `.deploy:\n  variables:\n    AWS_SECRET_ACCESS_KEY: ${SECRET}\n`);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 3, startColumn: 28, endLine: 3, endColumn: 68 }]]);
  });

  it('reports Serverless function environment literals, not ${ssm:…} with nested variables nor tagged intrinsics', () => {
    const yaml = [
      'service: api',
      'provider:',
      '  name: aws',
      '  environment:',
      '    AWS_ACCESS_KEY_ID: ${ssm:/api/${sls:stage}/access-key-id}',
      '    AWS_SECRET_ACCESS_KEY: !GetAtt DeployKey.SecretAccessKey',
      '    AWS_SESSION_TOKEN: !Join ["", [!Ref TokenPrefix, "-long-literal-suffix"]]',
      '    AWS_ACCESS_KEY: !ImportValue shared-deploy-access-key-id',
      'functions:',
      '  worker:',
      '    handler: worker.handler',
      '    environment:',
      `      SECRET_KEY: '${SECRET}'`,
      '',
    ].join('\n');
    const found = run('serverless.yml', yaml);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['keyLikeValue', { startLine: 13, startColumn: 20, endLine: 13, endColumn: 60 }]]);
    expect(found[0]!.message).toContain('Serverless function worker');
  });

  it('checks a serverless.yml whose CloudFormation resources make it classified as a template', () => {
    const yaml = [
      'service: api',
      'provider:',
      '  environment:',
      `    AWS_SECRET_ACCESS_KEY: ${SECRET}`,
      'resources:',
      '  Resources:',
      '    Bucket:',
      '      Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    expect(run('serverless.yaml', yaml).map((f) => [f.messageId, f.region])).toEqual([['awsVariable', { startLine: 4, startColumn: 28, endLine: 4, endColumn: 68 }]]);
  });
});
