// `credlint policy <file> [--resource NAME]`: the least-privilege policy the user data of each
// instance, launch template and launch configuration of a CloudFormation template or Terraform
// file needs, and the calls credlint could not resolve — so a wildcard role can be replaced in
// one step. The same analysis as the bootstrap-permissions-match-role rule.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from './config.js';
import { createDocument } from './engine/document.js';
import { readTextFile } from './engine/read.js';
import { classifyFile, languageOf, SNIFF_BYTES } from './kinds.js';
import { initParsers } from './parsers/tree-sitter.js';
import { describeNode } from './iac/graph.js';
import { documentBootstraps, neededBy, policiesOf, policyHcl, policyJson, proposePolicy, type BootstrapPermissions, type ProposedPolicy } from './iam/bootstrap-policy.js';
import { maskLine } from './engine/redact.js';

export interface PolicyReport {
  readonly resource: string;
  readonly role?: string;
  readonly policies?: string;
  readonly policy: ProposedPolicy;
  readonly hcl?: string;
  readonly unresolved: readonly { readonly line: number; readonly column: number; readonly command: string; readonly reason: string }[];
}

/** Whether a compute node is the one `--resource` names: its logical id, `type.name`, or the name alone. */
function named(b: BootstrapPermissions, name: string): boolean {
  const id = b.node.id;
  return id === name || id.split('.').slice(1).join('.') === name;
}

/** The policy reports of a file; a usage error when it cannot be read or holds nothing to report. */
export async function policyReports(cwd: string, file: string, resourceName: string | undefined): Promise<PolicyReport[]> {
  const abs = resolve(cwd, file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`policy: ${file}: no such file`);
  const rel = relative(cwd, abs).split(sep).join('/') || file;
  const read = await readTextFile(abs, rel, 50 * 1024 * 1024);
  if (!read.ok) throw new UsageError(`policy: ${read.notification.message}`);
  const kind = classifyFile(rel, read.text.slice(0, SNIFF_BYTES));
  if (kind !== 'cloudformation' && kind !== 'terraform') throw new UsageError(`policy: ${file} is not a CloudFormation template or Terraform file (it reads as ${kind})`);
  await initParsers();
  const doc = createDocument({ path: rel, absPath: abs, kind, language: languageOf(rel, kind), text: read.text });
  let all = documentBootstraps(doc);
  if (resourceName !== undefined) {
    const wanted = all.filter((b) => named(b, resourceName));
    if (wanted.length === 0) {
      const names = all.map((b) => b.node.id);
      throw new UsageError(`policy: --resource ${resourceName}: no instance, launch template or launch configuration with user data of that name in ${file}${names.length > 0 ? ` (there are: ${names.join(', ')})` : ''}`);
    }
    all = wanted;
  }
  if (all.length === 0) throw new UsageError(`policy: ${file} has no instance, launch template or launch configuration with user data`);
  return all.map((b) => {
    const policy = proposePolicy(neededBy(b));
    return {
      resource: describeNode(b.node),
      ...(b.role ? { role: b.role.principal.label, policies: policiesOf(b.role.principal) } : {}),
      policy,
      ...(b.node.format === 'terraform' ? { hcl: policyHcl(policy, b.node) } : {}),
      unresolved: b.unresolved.map((u) => {
        const p = doc.lines.position(u.call.range.start);
        return { line: p.line, column: p.column, command: u.call.command, reason: u.reason };
      }),
    };
  });
}

/** The reports as text: per resource, a header, the JSON policy, the HCL block, the unresolved calls. */
export function formatPolicyReports(file: string, reports: readonly PolicyReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`# ${r.resource}${r.role ? ` — runs as ${r.role} (${r.policies})` : ' — no instance profile role in this file'}`);
    out.push(policyJson(r.policy));
    if (r.hcl) out.push('', '# Terraform', r.hcl);
    if (r.unresolved.length > 0) {
      out.push('', `# Not resolved (${r.unresolved.length}): add what these need by hand`);
      for (const u of r.unresolved) out.push(`#   ${file}:${u.line}:${u.column}  ${u.command}: ${u.reason}`);
    }
    out.push('');
  }
  // Nothing here comes from a secret, but output never carries a key-shaped string.
  return out.map((l) => maskLine(l)).join('\n');
}
