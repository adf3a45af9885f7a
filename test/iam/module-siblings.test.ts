// A Terraform module is scanned file by file, and each file's IAM model reads the policies of
// the whole module; the policies written in the other files are built once and shared by the
// scans (src/iam/sources.ts, policyOfValue). A file's findings must not depend on which files
// of its module were scanned before it, nor on how often.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const FILES: Record<string, string> = {
  'main.tf': `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "web" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
  user_data            = <<-EOF
    #!/bin/bash
    aws s3 cp s3://app-artifacts/app.tgz /opt/app.tgz
  EOF
}
`,
  'iam.tf': `resource "aws_iam_role_policy" "admin" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
`,
  'extra.tf': `resource "aws_iam_policy" "pass" {
  name = "pass"
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*" }]
    }
  POLICY
}

resource "aws_iam_role_policy_attachment" "pass" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.pass.arn
}
`,
};

/** Each file of a fresh copy of the module, scanned in `order` (repeated `times`), its findings by file. */
function scan(order: readonly string[], times: number): Record<string, string> {
  const tmp = tempDir('credlint-module-');
  const paths = Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, tmp.write(`mod/${name}`, text)]));
  const out: Record<string, string> = {};
  for (let i = 0; i < times; i++) {
    for (const name of order) {
      const findings = lintText(`mod/${name}`, FILES[name] as string, { absPath: paths[name] }).findings;
      const shown = JSON.stringify(findings.map((f) => [f.ruleId, f.region, f.message]));
      if (out[name] !== undefined) expect(shown, `${name}, scan ${i + 1}`).toBe(out[name]);
      out[name] = shown;
    }
  }
  return out;
}

describe('a Terraform module scanned file by file', () => {
  it("reports each file's findings whatever was scanned before it, however often", () => {
    const forward = scan(['main.tf', 'iam.tf', 'extra.tf'], 2);
    const backward = scan(['extra.tf', 'iam.tf', 'main.tf'], 2);
    const alone = Object.fromEntries(Object.keys(FILES).map((name) => [name, scan([name], 1)[name]]));
    expect(backward).toEqual(forward);
    expect(alone).toEqual(forward);
    expect(JSON.parse(forward['iam.tf'] as string).length).toBeGreaterThan(0);
    expect(JSON.parse(forward['extra.tf'] as string).length).toBeGreaterThan(0);
  });
});
