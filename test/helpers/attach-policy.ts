// Replaces the policies a fixture marks between `# policy-begin [role]` and `# policy-end`
// with a given policy document: the evidence that a proposed least-privilege policy, once
// attached, satisfies the rule that proposed it.
export function attachPolicy(text: string, policy: unknown, path: string): string {
  const re = /^([ \t]*)# policy-begin(?:[ \t]+(\S+))?[ \t]*\n[\s\S]*?^[ \t]*# policy-end[ \t]*\n/m;
  const m = re.exec(text);
  if (!m) throw new Error('fixture has no "# policy-begin" … "# policy-end" region');
  const indent = m[1] as string;
  const role = m[2];
  const json = JSON.stringify(policy, null, 2);
  let replacement: string;
  const statements = (policy as { Statement?: unknown[] } | undefined)?.Statement;
  // A bootstrap that calls nothing needs no policy at all (IAM rejects an empty Statement list).
  if (Array.isArray(statements) && statements.length === 0) replacement = '';
  else if (!path.endsWith('.tf')) {
    replacement = `${indent}Policies:\n${indent}  - PolicyName: least-privilege\n${indent}    PolicyDocument: ${JSON.stringify(policy)}\n`;
  } else if (role) {
    replacement = `resource "aws_iam_role_policy" "least_privilege" {\n  role   = ${role}.id\n  policy = <<POLICY\n${json}\nPOLICY\n}\n`;
  } else {
    replacement = `${indent}inline_policy {\n${indent}  name   = "least-privilege"\n${indent}  policy = <<POLICY\n${json}\nPOLICY\n${indent}}\n`;
  }
  return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
}
