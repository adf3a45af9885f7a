import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { loadRules } from '../../src/index.js';
import { fakeSecretAccessKey } from '../helpers/fake-keys.js';

const RULE = 'no-credentials-in-image';

describeRuleFixtures(RULE);

function lint(path: string, text: string, rules: readonly string[] = [RULE]) {
  return lintText(path, text, { rules }).findings;
}

function regions(findings: ReturnType<typeof lint>) {
  return findings.map((f) => [f.messageId, f.severity, f.region.startLine, f.region.startColumn, f.region.endColumn]);
}

describe(RULE, () => {
  const secret = fakeSecretAccessKey('image-1');

  it('reports ENV of a secret key at the key token and masks the value', () => {
    const findings = lint('Dockerfile', `FROM alpine\nENV AWS_SECRET_ACCESS_KEY=${secret}\n`);
    expect(regions(findings)).toEqual([['envCredential', 'error', 2, 5, 26]]);
    expect(findings[0]!.snippet).not.toContain(secret);
  });

  it('reports ARG without a default in the final stage, not a global ARG', () => {
    const text = 'ARG AWS_ACCESS_KEY_ID\nFROM alpine\nARG AWS_ACCESS_KEY_ID\nARG AWS_REGION\n';
    expect(regions(lint('Dockerfile', text))).toEqual([['argCredential', 'error', 3, 5, 22]]);
  });

  it('follows FROM <stage> to decide which stages are in the final image', () => {
    const text = 'FROM alpine AS base\nENV AWS_ACCESS_KEY_ID=x\nFROM alpine AS other\nARG AWS_SECRET_ACCESS_KEY\nFROM base\nRUN true\n';
    expect(regions(lint('Dockerfile', text))).toEqual([
      ['envCredential', 'error', 2, 5, 22],
      ['builderStage', 'warning', 4, 5, 26],
    ]);
  });

  it('reports COPY of a .aws directory at the source and a heredoc COPY at the destination', () => {
    const text = 'FROM alpine\nCOPY --chown=1000 ~/.aws /root/.aws\nCOPY <<EOF /root/.aws/credentials\n[default]\nEOF\n';
    expect(regions(lint('Dockerfile', text))).toEqual([
      ['copyCredentials', 'error', 2, 19, 25],
      ['copyCredentials', 'error', 3, 12, 34],
    ]);
  });

  it('reports exec-form ADD of an access key CSV', () => {
    expect(regions(lint('Dockerfile', 'FROM alpine\nADD ["ci_accessKeys.csv", "/tmp/"]\n'))).toEqual([['copyCredentials', 'error', 2, 7, 24]]);
  });

  it('reports RUN aws configure set on a continuation line and in a heredoc, once', () => {
    const text = 'FROM alpine\nRUN apk add aws-cli && \\\n    aws configure set aws_secret_access_key "$S"\nRUN <<EOF\naws configure set aws_access_key_id "$K"\nEOF\n';
    const all = lint('Dockerfile', text, [RULE, 'no-aws-configure-in-bootstrap']);
    expect(regions(all)).toEqual([
      ['runConfigure', 'error', 3, 23, 44],
      ['runConfigure', 'error', 5, 19, 36],
    ]);
  });

  it('reports aws configure in a RUN exec form sh -c script', () => {
    const text = 'FROM alpine\nRUN ["/bin/sh", "-c", "aws configure set aws_access_key_id $K"]\n';
    expect(regions(lint('Dockerfile', text))).toEqual([['runConfigure', 'error', 2, 42, 59]]);
  });

  it('does not report secret mounts and non-credential settings', () => {
    const text = 'FROM alpine\nRUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 ls\nRUN aws configure set region eu-west-1\nENV AWS_REGION=eu-west-1\n';
    expect(lint('Dockerfile', text)).toEqual([]);
  });

  it('does not report shell scripts outside Dockerfiles', () => {
    expect(lint('user-data.sh', 'aws configure set aws_access_key_id x\n')).toEqual([]);
  });

  it('does not report aws configure in a shell-form CMD, which runs in the container rather than a layer', () => {
    const text = 'FROM amazon/aws-cli\nCMD aws configure set aws_access_key_id "$KEY" && app\nRUN aws configure set aws_secret_access_key "$S"\n';
    expect(regions(lint('Dockerfile', text))).toEqual([['runConfigure', 'error', 3, 23, 44]]);
  });

  it('has a keyword pre-filter that skips images built from source with ./configure', () => {
    const rule = loadRules().find((r) => r.id === RULE)!;
    expect(rule.keywords!.test('FROM debian\nRUN ./configure --prefix=/usr && make && make install\n')).toBe(false);
    expect(rule.keywords!.test('RUN aws --region us-east-1 \\\n    configure set aws_access_key_id "$K"\n')).toBe(true);
  });

  it('reports RUN aws configure in a Dockerfile that user data writes from a heredoc, and leaves it to this rule', () => {
    const text = '#!/bin/bash\ncat <<EOF >> /tmp/Dockerfile\nFROM ubuntu\nRUN aws configure set aws_secret_access_key "$S"\nEOF\ndocker build -t app /tmp/\n';
    expect(regions(lint('user-data.sh', text, [RULE, 'no-aws-configure-in-bootstrap']))).toEqual([['runConfigure', 'error', 4, 23, 44]]);
  });
});
