// https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
//
// The chain behind real breaches: an instance reachable from the internet, a metadata service
// that answers a server-side request forgery without a session token, and a role behind the
// instance profile whose credentials are worth taking. Each piece is reported on its own by
// other rules (require-imdsv2, no-admin-policy …); this rule joins them, once per instance or
// template where every link is certain, and walks the path in SARIF `codeFlows`. Any link that
// is missing or not known (IMDSv2 required, no public exposure, a harmless role, a profile
// from a variable) means no finding.
import { defineRule, type RelatedRange } from '../src/rule.js';
import { describeNode, resourceGraph, type GraphNode, type NodeAttribute, type ResourceGraph } from '../src/iac/graph.js';
import { knownString, valueTokenRange } from '../src/iac/value.js';
import { exposureOf, type Step } from '../src/iac/exposure.js';
import { bootstrapOf, type Bootstrap } from '../src/iac/bootstrap.js';
import { COMPUTE_KINDS, instanceRoleOf, settingRange } from '../src/iam/bootstrap-policy.js';
import { effectiveOf } from '../src/iam/effective.js';
import { dangerOf, grantRange } from '../src/iam/danger.js';

function hops(attr: NodeAttribute | undefined): number | undefined {
  const s = knownString(attr?.value);
  return s !== undefined && /^\d+$/.test(s.trim()) ? Number(s) : undefined;
}

/** The metadata link: IMDSv1 answering (explicitly or by default), or a token that containers reach. */
function tokenlessMetadata(graph: ResourceGraph, node: GraphNode, bootstrap: Bootstrap | undefined): Step[] | undefined {
  const options = graph.metadataOptionsOf(node);
  if (knownString(options?.httpEndpoint?.value)?.toLowerCase() === 'disabled') return undefined;
  const inherited = graph.launchTemplatesOf(node).length > 0;
  if (!options) {
    // The template it launches from decides (and is judged itself).
    if (inherited) return undefined;
    return [{ range: node.typeRange, message: `${node.id} sets no metadata options: the metadata service answers IMDSv1 requests, without a token, by default` }];
  }
  const tokens = options.httpTokens;
  if (!tokens) return inherited ? undefined : [{ range: options.range, message: 'the metadata options do not require tokens: IMDSv1 stays enabled' }];
  const value = knownString(tokens.value);
  if (value === undefined) return undefined;
  if (value.toLowerCase() !== 'required') return [{ range: valueTokenRange(tokens.value), message: `http tokens "${value}": the metadata service answers IMDSv1 requests without a token` }];
  const limit = hops(options.hopLimit);
  if (limit !== undefined && limit > 1 && options.hopLimit && bootstrap?.containers) {
    return [
      { range: valueTokenRange(options.hopLimit.value), message: `hop limit ${limit}: the metadata token reaches processes ${limit - 1} network hop${limit > 2 ? 's' : ''} away` },
      { range: bootstrap.containers, message: 'the user data starts containers, which reach the metadata service and its token through that hop limit' },
    ];
  }
  return undefined;
}

/** Step messages for the one-line message, without repeating the resource's own name. */
function summary(steps: readonly Step[], node: GraphNode): string {
  return steps.map((s) => (s.message.startsWith(`${node.id} `) ? s.message.slice(node.id.length + 1) : s.message)).join('; ');
}

export default defineRule({
  id: 'no-credential-theft-path',
  description: 'Disallow instances where internet exposure, token-less instance metadata and a powerful role line up',
  fullDescription:
    'An instance reachable from the internet (a public address with a security group open to 0.0.0.0/0 or ::/0, or an ' +
    'internet-facing load balancer in front), whose metadata service answers without a session token (IMDSv1, or a hop ' +
    'limit above 1 with containers), and whose instance profile role can act as administrator, escalate its privileges or ' +
    'hand out credentials: one server-side request forgery in anything it serves yields credentials that own the account. ' +
    'That is the SSRF → IMDSv1 → role credentials → data chain behind real breaches.',
  severity: 'error',
  securitySeverity: 9.6,
  precision: 'high',
  cwe: ['CWE-918', 'CWE-522', 'CWE-269'],
  tags: ['security', 'aws', 'ec2', 'imds', 'iam', 'ssrf'],
  kinds: ['cloudformation', 'terraform'],
  keywords: /SecurityGroup|security_group|LoadBalanc|aws_lb|aws_alb|aws_elb/,
  messages: {
    theftPath:
      '{{resource}} is reachable from the internet ({{exposure}}), its metadata service answers without a token ({{metadata}}) and it runs as {{role}}, which {{danger}}: one SSRF on it hands out credentials to the account — require IMDSv2, and scope the role',
  },
  recommendation: [
    'Break the chain at every link you can: require IMDSv2 (`MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}`, ',
    '`metadata_options { http_tokens = "required" }`), give the role only what the instance uses (`credlint policy` ',
    'prints what its user data needs), and put the instance behind a load balancer in a private subnet instead of a ',
    'public IP with a security group open to the world.',
  ].join(''),
  references: [
    'https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE_KINDS])) {
      // Each link is required; the role's (a few lookups) is the cheapest to find missing.
      const role = instanceRoleOf(context.document, graph, node);
      if (!role) continue;
      const exposure = exposureOf(graph, node);
      if (!exposure) continue;
      const danger = dangerOf(effectiveOf(role.principal));
      if (!danger) continue;
      const bootstrap = bootstrapOf(context.document, graph, node);
      const metadata = tokenlessMetadata(graph, node, bootstrap);
      if (!metadata) continue;
      const statement = grantRange(danger.grant, danger.action) ?? role.principal.range;
      const steps: RelatedRange[] = [
        ...exposure.map((s) => ({ ...s.range, message: s.message })),
        ...(bootstrap?.webServer ? [{ ...bootstrap.webServer, message: 'the user data starts a web server: a request forgery surface' }] : []),
        ...metadata.map((s) => ({ ...s.range, message: s.message })),
        { ...settingRange(role.profileSetting), message: `${node.id} runs with instance profile ${role.profile.id}` },
        { ...valueTokenRange(role.roleSetting.value), message: `${role.profile.id} holds ${role.principal.label}` },
        { ...statement, message: `${danger.grant.attached.document.label}: ${role.principal.label} ${danger.what}` },
      ];
      context.report({
        messageId: 'theftPath',
        data: {
          resource: describeNode(node),
          exposure: summary(exposure, node),
          metadata: summary(metadata.slice(0, 1), node),
          role: role.principal.label,
          danger: danger.what,
        },
        start: node.nameRange.start,
        end: node.nameRange.end,
        identity: `${node.id}:theft-path`,
        related: steps,
        flow: true,
      });
    }
  },
});
