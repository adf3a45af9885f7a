import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-imdsv1-calls';

describeRuleFixtures(RULE);

function lint(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

function regions(findings: ReturnType<typeof lint>) {
  return findings.map((f) => [f.messageId, f.severity, f.region.startLine, f.region.startColumn, f.region.endColumn]);
}

describe(RULE, () => {
  it('reports a curl without token at the URL token as a warning', () => {
    const findings = lint('user-data.sh', 'ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\n');
    expect(regions(findings)).toEqual([['imdsv1', 'warning', 1, 14, 65]]);
    expect(findings[0]!.message).toContain('169.254.169.254/latest/meta-data/instance-id');
  });

  it('reports the credentials path as an error', () => {
    const findings = lint('script.sh', 'curl "http://169.254.169.254/latest/meta-data/iam/security-credentials/web"\n');
    expect(regions(findings)).toEqual([['imdsv1Credentials', 'error', 1, 7, 75]]);
  });

  it('resolves a base URL kept in a variable', () => {
    const text = 'MD=http://169.254.169.254/latest/meta-data\ncurl -s "$MD/iam/security-credentials/$ROLE"\n';
    expect(regions(lint('user-data.sh', text))).toEqual([['imdsv1Credentials', 'error', 2, 10, 44]]);
  });

  it('resolves a variable that extends itself (X="$X/…") without looping, through a bounded chain', () => {
    const text = 'MD=http://169.254.169.254\nMD="$MD/latest"\nA="$MD/meta-data"\nA="$A"\ncurl -s "$A/iam/security-credentials/r"\n';
    const r = lintText('user-data.sh', text, { rules: [RULE] });
    expect(r.notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
    expect(regions(r.findings)).toEqual([['imdsv1Credentials', 'error', 5, 10, 39]]);
    // A cycle through two names ends too.
    const cycle = lintText('user-data.sh', 'A="$B"\nB="$A"\nA="$B"\ncurl -s "$A"\n', { rules: [RULE] });
    expect(cycle.notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
  });

  it('resolves a PowerShell variable that extends itself ($u = "$u/…") without looping', () => {
    const text = '$u = "http://169.254.169.254"\n$u = "$u/latest"\n$u = "$u/meta-data"\nInvoke-RestMethod -Uri "$u/instance-id"\n';
    const r = lintText('scripts/setup.ps1', text, { rules: [RULE] });
    expect(r.notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
    expect(regions(r.findings)).toEqual([['imdsv1', 'warning', 4, 25, 39]]);
    const cycle = lintText('scripts/setup.ps1', '$a = "$b"\n$b = "$a"\n$a = "$b"\nInvoke-RestMethod -Uri "http://169.254.169.254/latest/meta-data/$a"\n', { rules: [RULE] });
    expect(cycle.notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
  });

  it('does not grow a word exponentially through a variable read several times per assignment', () => {
    const text = 'A=x\n' + 'A="${A}${A}${A}${A}"\n'.repeat(14) + 'curl -s "http://169.254.169.254/latest/meta-data/$A"\n';
    const r = lintText('user-data.sh', text, { rules: [RULE] });
    expect(r.notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
    expect(regions(r.findings).map((f) => f.slice(0, 3))).toEqual([['imdsv1', 'warning', 16]]);
  });

  it('accepts the IMDSv2 token flow in curl and wget', () => {
    const text = [
      'TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
      'curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id',
      'curl -H"X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id',
      'wget --header="X-aws-ec2-metadata-token: $TOKEN" -qO- http://169.254.169.254/latest/meta-data/ami-id',
      '',
    ].join('\n');
    expect(lint('user-data.sh', text)).toEqual([]);
  });

  it('skips commands whose headers it cannot see', () => {
    expect(lint('user-data.sh', 'curl -H "$AUTH" http://169.254.169.254/latest/meta-data/x\ncurl -K /etc/imds.curlrc http://169.254.169.254/latest/meta-data/x\n')).toEqual([]);
  });

  it('reports in a Dockerfile RUN heredoc and continuation line with file positions', () => {
    const text = 'FROM alpine\nRUN apk add curl && \\\n    curl -s http://169.254.169.254/latest/meta-data/instance-id\nRUN <<EOF\ncurl -s http://169.254.169.254/latest/meta-data/ami-id\nEOF\n';
    expect(regions(lint('Dockerfile', text))).toEqual([
      ['imdsv1', 'warning', 3, 13, 64],
      ['imdsv1', 'warning', 5, 9, 55],
    ]);
  });

  it('reports a cloud-init runcmd list item URL', () => {
    const text = '#cloud-config\nruncmd:\n  - [ curl, -s, "http://169.254.169.254/latest/meta-data/instance-id" ]\n';
    expect(regions(lint('cloud-config.yaml', text))).toEqual([['imdsv1', 'warning', 3, 18, 69]]);
  });

  it('reports PowerShell Invoke-RestMethod without the token header', () => {
    const text = '<powershell>\n$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id\n</powershell>\n';
    expect(regions(lint('user-data.ps1', text))).toEqual([['imdsv1', 'warning', 2, 30, 81]]);
  });

  it('reports Python requests.get with a literal metadata URL', () => {
    const text = 'import requests\nr = requests.get("http://169.254.169.254/latest/meta-data/iam/security-credentials/")\n';
    expect(regions(lint('tools/md.py', text))).toEqual([['imdsv1Credentials', 'error', 2, 19, 84]]);
  });

  it('ignores the ECS task metadata endpoint and other hosts', () => {
    expect(lint('run.sh', 'curl -s http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\ncurl http://169.254.169.2540/x\n')).toEqual([]);
  });

  it('reports an untagged user_data.ps1 at the URL, ending where the parenthesised expression closes', () => {
    const text = '$Region = (Invoke-RestMethod -uri http://169.254.169.254/latest/dynamic/instance-identity/document).region\n';
    const findings = lint('user_data.ps1', text);
    expect(regions(findings)).toEqual([['imdsv1', 'warning', 1, 35, 99]]);
    expect(findings[0]!.message).toContain('(http://169.254.169.254/latest/dynamic/instance-identity/document)');
  });

  it('reports a standalone .ps1 script', () => {
    expect(regions(lint('scripts/setup.ps1', '$id = Invoke-RestMethod http://169.254.169.254/latest/meta-data/instance-id\n'))).toEqual([['imdsv1', 'warning', 1, 25, 76]]);
  });

  it('reports a shell-form CMD of a Dockerfile, which runs on every container start', () => {
    const text = 'FROM centos\nCMD HOST=`wget -q -O - http://169.254.169.254/latest/meta-data/public-hostname` && exec java\n';
    expect(regions(lint('Dockerfile', text))).toEqual([['imdsv1', 'warning', 2, 24, 79]]);
  });

  it('reports a request kept in a variable and run through $(…) or eval, at the URL in the assignment', () => {
    const text = [
      "export itype='curl http://169.254.169.254/latest/meta-data/instance-type'",
      'echo "running on $($itype)"',
      'GET="curl -H \\"X-aws-ec2-metadata-token: $TOKEN\\" http://169.254.169.254/latest/meta-data/placement/region"',
      'REGION=$(eval "$GET")',
      "UNUSED='curl http://169.254.169.254/latest/meta-data/ami-id'",
      '',
    ].join('\n');
    expect(regions(lint('user-data.sh', text))).toEqual([['imdsv1', 'warning', 1, 20, 73]]);
  });

  it('reports a request in a script that user data writes from a heredoc, at its line in the file', () => {
    const text = "#!/bin/bash\ncat > /usr/local/bin/tag.sh <<'EOF'\n#!/bin/sh\nID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\nEOF\nchmod +x /usr/local/bin/tag.sh\n";
    const findings = lint('user-data.sh', text);
    expect(regions(findings)).toEqual([['imdsv1', 'warning', 4, 14, 65]]);
    expect(findings[0]!.embeddedIn).toEqual(['heredoc > /usr/local/bin/tag.sh']);
  });
});
