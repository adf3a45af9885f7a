// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
import { defineRule } from '../src/rule.js';
import { describeNode, ec2ModuleOf, moduleMetadataOptions, resourceGraph, type GraphNode, type NodeAttribute, type ResourceGraph } from '../src/iac/graph.js';
import { knownString } from '../src/iac/value.js';

const TARGETS = ['instance', 'launch-template', 'launch-configuration', 'spot-request'] as const;

/** Whether a launch template reference resolves to a template in this graph, or is unknown. */
function inheritsFromTemplate(graph: ResourceGraph, node: GraphNode): boolean {
  return graph.launchTemplatesOf(node).length > 0;
}

function numberOf(attr: NodeAttribute | undefined): number | undefined {
  const s = knownString(attr?.value);
  if (s === undefined || !/^\d+$/.test(s.trim())) return undefined;
  return Number(s);
}

export default defineRule({
  id: 'require-imdsv2',
  description: 'Require IMDSv2 (session tokens) on EC2 instances, launch templates and launch configurations',
  fullDescription:
    "The instance metadata service serves the instance role's temporary credentials. With IMDSv1 enabled, any " +
    'process or server-side request forgery that can make the instance fetch http://169.254.169.254/ can read them ' +
    'with a plain GET. IMDSv2 requires a session token obtained with a PUT that such requests cannot make, and a hop ' +
    'limit of 1 keeps the token from leaving the host.',
  severity: 'warning',
  securitySeverity: 6.5,
  precision: 'high',
  cwe: ['CWE-918', 'CWE-522'],
  tags: ['security', 'aws', 'ec2', 'imds'],
  // `text`: Terraform plan JSON (`terraform show -json`), read through the same resource graph.
  kinds: ['cloudformation', 'terraform', 'text'],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request)\b|terraform-aws-modules/,
  messages: {
    missing: '{{resource}} does not require IMDSv2: set {{setting}} so a stolen metadata request cannot read the role credentials',
    optional: 'http tokens are "{{value}}": IMDSv1 stays enabled and any SSRF can read the role credentials; set it to "required"',
    moduleOptional:
      '{{module}} passes metadata_options.http_tokens = "{{value}}" to {{source}}: IMDSv1 stays enabled on the instances it launches and any SSRF can read the role credentials; set it to "required"',
    hopLimit: 'hop limit {{value}} lets the metadata token travel {{value}} network hops (containers on the host can use it); use 1 unless containers need 2',
  },
  recommendation: [
    'Require session tokens: `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` on an instance, ',
    'a launch template (under `LaunchTemplateData`) or a launch configuration in CloudFormation, ',
    '`metadata_options { http_tokens = "required" }` in Terraform (`metadata_options = { http_tokens = "required" }` ',
    'as an input of the terraform-aws-modules ec2-instance, autoscaling and EKS node group modules). Update tools that still use IMDSv1 (the AWS CLI and ',
    'SDKs have used IMDSv2 for years). Use a hop limit of 2 only for containers that need the instance role.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
    'https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...TARGETS])) {
      const resource = describeNode(node);
      const options = graph.metadataOptionsOf(node);
      const endpoint = knownString(options?.httpEndpoint?.value);
      // A disabled metadata endpoint serves nothing, IMDSv1 included.
      if (endpoint?.toLowerCase() === 'disabled') continue;
      const inherited = inheritsFromTemplate(graph, node);
      if (!options) {
        // The template it launches from decides (and is checked itself; unknown is fine).
        if (inherited) continue;
        const setting = node.format === 'cloudformation' ? 'MetadataOptions.HttpTokens: required' : 'metadata_options { http_tokens = "required" }';
        context.report({ messageId: 'missing', data: { resource, setting }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:imds` });
        continue;
      }
      const tokens = options.httpTokens;
      if (!tokens) {
        if (!inherited) {
          const setting = node.format === 'cloudformation' ? 'HttpTokens: required' : 'http_tokens = "required"';
          context.report({ messageId: 'missing', data: { resource, setting }, start: options.range.start, end: options.range.end, identity: `${node.id}:imds` });
        }
      } else {
        const value = knownString(tokens.value);
        // Unknown (a parameter or variable without default) stays silent: never guess.
        if (value !== undefined && value.toLowerCase() !== 'required') {
          context.report({ messageId: 'optional', data: { value }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${node.id}:imds` });
        }
      }
      const hops = numberOf(options.hopLimit);
      if (hops !== undefined && hops > 1 && options.hopLimit) {
        context.report({
          messageId: 'hopLimit',
          data: { value: hops },
          start: options.hopLimit.value.range.start,
          end: options.hopLimit.value.range.end,
          identity: `${node.id}:imds-hops`,
          // Containers behind a bridge network need 2; anything more is never required.
          severity: hops > 2 ? 'warning' : 'note',
        });
      }
    }
    // Community modules (terraform-aws-modules ec2-instance, autoscaling, EKS node groups) build
    // the instance's metadata options from their `metadata_options` map input. Only an explicit
    // non-"required" http_tokens is reported: without it these modules require tokens in current
    // versions, and a value that is not known statically is never guessed at.
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      if (!source) continue;
      const options = moduleMetadataOptions(call);
      const tokens = options?.httpTokens;
      if (!tokens) continue;
      if (knownString(options.httpEndpoint?.value)?.toLowerCase() === 'disabled') continue;
      const value = knownString(tokens.value);
      if (value === undefined || value.toLowerCase() === 'required') continue;
      context.report({ messageId: 'moduleOptional', data: { module: call.id, value, source }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${call.id}:imds` });
    }
  },
});
