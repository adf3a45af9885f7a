import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/detect/placeholders.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';

describe('isPlaceholder', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['${VAR}', '${AWS_SECRET_ACCESS_KEY}'],
    ['${VAR:-default}', '${AWS_SECRET:-}'],
    ['$VAR', '$AWS_SECRET'],
    ['$(command)', '$(aws configure get aws_secret_access_key)'],
    ['{{ template }}', '{{ aws_secret_key }}'],
    ['GitHub Actions expression', '${{ secrets.AWS_SECRET_ACCESS_KEY }}'],
    ['CloudFormation dynamic reference', '{{resolve:secretsmanager:prod/aws:SecretString:secret}}'],
    ['ssm-secure dynamic reference', '{{resolve:ssm-secure:/prod/secret:1}}'],
    ['<YOUR_KEY>', '<YOUR_SECRET_ACCESS_KEY>'],
    ['<secret>', '<secret>'],
    ['%VAR%', '%AWS_SECRET_ACCESS_KEY%'],
    ['%(name)s', '%(secret_key)s'],
    ['#{var}', '#{aws_secret}'],
    ['@VAR@ (Maven)', '@aws.secret@'],
    ['__VAR__', '__AWS_SECRET__'],
    ['x run', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['XXXX', 'XXXX'],
    ['XXXX groups', 'XXXX-XXXX-XXXX'],
    ['stars', '*****'],
    ['dots', 'abc...'],
    ['ellipsis', 'wJal…'],
    ['changeme', 'changeme'],
    ['CHANGE_ME', 'CHANGE_ME'],
    ['your-secret-key', 'your-secret-key'],
    ['yourSecretKey', 'yourSecretAccessKeyHere'],
    ['REPLACE_ME', 'REPLACE_ME'],
    ['replace-with', 'replace-with-your-key'],
    ['TODO', 'TODO'],
    ['FIXME', 'FIXME'],
    ['dummy', 'dummy'],
    ['dummy inside', 'my-dummy-secret'],
    ['test', 'test'],
    ['secret', 'secret'],
    ['example', 'example'],
    ['example inside', 'exampleSecretKey123'],
    ['sample', 'sample-secret'],
    ['null', 'null'],
    ['None', 'None'],
    ['nil', 'nil'],
    ['undefined', 'undefined'],
    ['redacted', '[REDACTED]'],
    ['fake', 'fake-secret-key'],
    ['repeated character', 'aaaaaaaaaaaa'],
    ['zeros', '0000000000000000'],
    ['Terraform var', 'var.aws_secret_key'],
    ['Terraform local', 'local.creds.secret'],
    ['Terraform data', 'data.aws_secretsmanager_secret_version.x.secret_string'],
    ['process.env', 'process.env.AWS_SECRET_ACCESS_KEY'],
    ['import.meta.env', 'import.meta.env.VITE_AWS_SECRET'],
    ['os.environ[...]', 'os.environ["AWS_SECRET_ACCESS_KEY"]'],
    ['os.environ.get', 'os.environ.get("AWS_SECRET_ACCESS_KEY")'],
    ['os.getenv', 'os.getenv("AWS_SECRET")'],
    ['Go os.Getenv', 'os.Getenv("AWS_SECRET_ACCESS_KEY")'],
    ['Java System.getenv', 'System.getenv("AWS_SECRET_ACCESS_KEY")'],
    ['Ruby ENV', "ENV['AWS_SECRET_ACCESS_KEY']"],
    ['Ruby ENV.fetch', "ENV.fetch('AWS_SECRET_ACCESS_KEY')"],
    ['Laravel env()', "env('AWS_SECRET_ACCESS_KEY')"],
    ['member access', 'config.aws.secretAccessKey'],
    ['call', 'getSecret()'],
    ['!Ref', '!Ref SecretKeyParameter'],
    ['!Sub', '!Sub "${Secret}"'],
    ['{"Ref": …}', '{"Ref": "SecretKey"}'],
    ['Fn::GetAtt', 'Fn::GetAtt'],
    ['Secrets Manager ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/aws-AbCdEf'],
    ['SSM ARN', 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/secret'],
    ['ssm:/path', 'ssm:/prod/aws/secret'],
    ['vault:', 'vault:secret/data/aws#secret_key'],
    ['Azure Key Vault reference', '@Microsoft.KeyVault(SecretUri=https://x.vault.azure.net/secrets/aws)'],
    ['UPPER_SNAKE name', 'AWS_SECRET_ACCESS_KEY'],
    ['quoted placeholder', '"<your-key>"'],
    ['interpolation inside', 'prefix-${SECRET}'],
  ])('%s is a placeholder', (_label, value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    ['a generated secret access key', fakeSecretAccessKey('ph-1')],
    ['another generated secret', fakeSecretAccessKey('ph-2')],
    ['a generated access key id', fakeAccessKeyId('ph-3')],
    ['a generated session token', fakeSessionToken('ph-4')],
    ['a quoted generated secret', `"${fakeSecretAccessKey('ph-5')}"`],
    // Documentation examples are literal keys: callers decide whether to skip them.
    ['the AWS documentation example key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['the AWS documentation example secret', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['an ordinary password-like literal', 'p4ssW0rd!2024'],
  ])('%s is not a placeholder', (_label, value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it('keeps real keys: none of 2000 generated secrets is taken for a placeholder', () => {
    const missed: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = fakeSecretAccessKey(`bulk-${i}`);
      if (isPlaceholder(s)) missed.push(s);
    }
    expect(missed.length).toBeLessThanOrEqual(1);
  });
});
