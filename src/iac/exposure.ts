// Whether a compute resource can be reached from the internet, read from the template: a
// public address (AssociatePublicIpAddress, a subnet that maps public IPs, an Elastic IP, an
// instance in the default VPC) together with a security group open to 0.0.0.0/0 or ::/0, or
// an internet-facing load balancer whose listener forwards to it (directly or through the
// Auto Scaling group that launches it). Each piece with its position, for a path a reviewer
// can walk. Anything that is not in the file (a subnet or security group from a variable) is
// simply not evidence: exposure is reported only from what is certain.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
// https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme
//
// Additive to the resource graph (src/iac/graph.ts): security groups, their ingress rules,
// subnets, Elastic IPs, load balancers, target groups and listeners are ordinary nodes of
// kind `other`, read by type here.
import type { TfBlock } from '../parsers/terraform.js';
import type { GraphNode, ResourceGraph } from './graph.js';
import type { IacEntry, IacValue, Range } from './value.js';
import { asList, getPath, knownString, mapEntry, mapGet, valueTokenRange } from './value.js';

export interface Step {
  readonly range: Range;
  readonly message: string;
}

/** A node's properties as one value for both formats: Terraform attributes, and nested blocks as lists of maps. */
export function propertiesOf(node: GraphNode): IacValue | undefined {
  if (node.cfn) return node.cfn.properties;
  if (node.tf) return blockValue(node.tf);
  return node.plan?.values;
}

const blockCache = new WeakMap<TfBlock, IacValue>();

/**
 * A block as a map whose attribute values are evaluated when read (TfAttribute.value() caches):
 * the exposure checks read a few keys of an instance (`subnet_id`, `associate_public_ip_address`
 * …), and evaluating all of them — `user_data` heredocs, `tags` — was most of their cost.
 */
function blockValue(b: TfBlock): IacValue {
  const hit = blockCache.get(b);
  if (hit) return hit;
  const entries: IacEntry[] = b.attributes().map((a) => ({
    key: a.name,
    keyRange: a.nameRange,
    get value() {
      return a.value();
    },
  }));
  const nested = new Map<string, { keyRange: Range; items: IacValue[] }>();
  for (const nb of b.blocks()) {
    const e = nested.get(nb.type) ?? { keyRange: nb.typeRange, items: [] };
    e.items.push(blockValue(nb));
    nested.set(nb.type, e);
  }
  for (const [key, e] of nested) entries.push({ key, keyRange: e.keyRange, value: { kind: 'list', items: e.items, range: e.keyRange } });
  const v: IacValue = { kind: 'map', entries, range: b.range };
  blockCache.set(b, v);
  return v;
}

function isTrue(v: IacValue | undefined): boolean {
  const s = knownString(v);
  return s !== undefined && s.toLowerCase() === 'true';
}

/** The nodes a list of references points at (unknown ones skipped). */
function targets(graph: ResourceGraph, v: IacValue | undefined): GraphNode[] {
  const out: GraphNode[] = [];
  for (const item of asList(v)) {
    const r = graph.resolve(item);
    if (r?.state === 'node') out.push(r.node);
  }
  return out;
}

function refersTo(graph: ResourceGraph, v: IacValue | undefined, node: GraphNode): boolean {
  return targets(graph, v).includes(node);
}

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** The first ingress rule of a security group open to the internet (inline or a separate rule resource). */
function openIngress(graph: ResourceGraph, sg: GraphNode): Step | undefined {
  const props = propertiesOf(sg);
  const inline = sg.format === 'cloudformation' ? asList(mapGet(props, 'SecurityGroupIngress')) : asList(mapGet(props, 'ingress'));
  const cidrKeys = sg.format === 'cloudformation' ? ['CidrIp', 'CidrIpv6'] : ['cidr_blocks', 'ipv6_cidr_blocks'];
  const describe = (sgName: string, cidr: string) => `${sgName} allows inbound traffic from ${cidr}`;
  for (const rule of inline) {
    for (const key of cidrKeys) {
      for (const c of asList(mapGet(rule, key))) {
        const s = knownString(c);
        if (s && OPEN_CIDRS.has(s.trim())) return { range: valueTokenRange(c), message: describe(sg.id, s.trim()) };
      }
    }
  }
  for (const n of graph.nodes) {
    const p = propertiesOf(n);
    let group: IacValue | undefined;
    let cidrs: IacValue[] = [];
    if (n.type === 'AWS::EC2::SecurityGroupIngress') {
      group = mapGet(p, 'GroupId') ?? mapGet(p, 'GroupName');
      cidrs = [mapGet(p, 'CidrIp'), mapGet(p, 'CidrIpv6')].filter((x): x is IacValue => x !== undefined);
    } else if (n.type === 'aws_security_group_rule' && knownString(mapGet(p, 'type')) === 'ingress') {
      group = mapGet(p, 'security_group_id');
      cidrs = [...asList(mapGet(p, 'cidr_blocks')), ...asList(mapGet(p, 'ipv6_cidr_blocks'))];
    } else if (n.type === 'aws_vpc_security_group_ingress_rule') {
      group = mapGet(p, 'security_group_id');
      cidrs = [mapGet(p, 'cidr_ipv4'), mapGet(p, 'cidr_ipv6')].filter((x): x is IacValue => x !== undefined);
    } else continue;
    if (!refersTo(graph, group, sg)) continue;
    for (const c of cidrs) {
      const s = knownString(c);
      if (s && OPEN_CIDRS.has(s.trim()) && n.local) return { range: valueTokenRange(c), message: describe(sg.id, s.trim()) };
    }
  }
  return undefined;
}

/** Security groups a compute node (or its network interfaces) names. */
function securityGroupsOf(graph: ResourceGraph, node: GraphNode): GraphNode[] {
  const p = propertiesOf(node);
  const data = node.format === 'cloudformation' && node.kind === 'launch-template' ? mapGet(p, 'LaunchTemplateData') : p;
  const keys = node.format === 'cloudformation' ? ['SecurityGroupIds', 'SecurityGroups'] : ['vpc_security_group_ids', 'security_groups'];
  const out: GraphNode[] = [];
  for (const k of keys) out.push(...targets(graph, mapGet(data, k)));
  const nics = asList(mapGet(data, node.format === 'cloudformation' ? 'NetworkInterfaces' : 'network_interfaces'));
  for (const nic of nics) for (const k of node.format === 'cloudformation' ? ['GroupSet', 'Groups'] : ['security_groups']) out.push(...targets(graph, mapGet(nic, k)));
  return [...new Set(out)].filter((n) => n.type === 'AWS::EC2::SecurityGroup' || n.type === 'aws_security_group');
}

/** Auto Scaling groups that launch a template or launch configuration. */
function groupsLaunching(graph: ResourceGraph, node: GraphNode): GraphNode[] {
  return graph.nodes.filter((n) => n.kind === 'autoscaling-group' && graph.launchTemplatesOf(n).some((v) => graph.resolve(v)?.state === 'node' && (graph.resolve(v) as { node: GraphNode }).node === node));
}

/** A public address of the node: an explicit public IP, a subnet that maps public IPs, an Elastic IP, the default VPC. */
function publicAddress(graph: ResourceGraph, node: GraphNode): Step | undefined {
  const cfn = node.format === 'cloudformation';
  const p = propertiesOf(node);
  const data = cfn && node.kind === 'launch-template' ? mapGet(p, 'LaunchTemplateData') : p;
  // Terraform: `network_interfaces` in launch templates, `network_interface` (an attached ENI) on instances.
  const nics = cfn ? asList(mapGet(data, 'NetworkInterfaces')) : [...asList(mapGet(data, 'network_interfaces')), ...asList(mapGet(data, 'network_interface'))];
  const assocKey = cfn ? 'AssociatePublicIpAddress' : 'associate_public_ip_address';
  for (const holder of [data, ...nics]) {
    const e = mapEntry(holder, assocKey);
    if (e && isTrue(e.value)) return { range: valueTokenRange(e.value), message: `${node.id} gets a public IP address` };
  }
  // An explicit `false` on an interface wins over the subnet's default.
  if ([data, ...nics].some((h) => mapEntry(h, assocKey) && !isTrue(mapGet(h, assocKey)))) return undefined;
  const subnetValues = [mapGet(data, cfn ? 'SubnetId' : 'subnet_id'), ...nics.map((n) => mapGet(n, cfn ? 'SubnetId' : 'subnet_id'))].filter((v): v is IacValue => v !== undefined);
  for (const g of groupsLaunching(graph, node)) subnetValues.push(...asList(mapGet(propertiesOf(g), cfn ? 'VPCZoneIdentifier' : 'vpc_zone_identifier')));
  for (const subnet of targets(graph, subnetValues.length === 1 && subnetValues[0]!.kind === 'list' ? subnetValues[0] : { kind: 'list', items: subnetValues, range: node.nameRange })) {
    const e = mapEntry(propertiesOf(subnet), cfn ? 'MapPublicIpOnLaunch' : 'map_public_ip_on_launch');
    if (e && isTrue(e.value) && subnet.local) return { range: valueTokenRange(e.value), message: `${node.id} is launched into ${subnet.id}, which gives every instance a public IP address` };
  }
  if (node.kind === 'instance') {
    for (const n of graph.nodes) {
      if (!n.local) continue;
      const key = n.type === 'AWS::EC2::EIP' || n.type === 'AWS::EC2::EIPAssociation' ? 'InstanceId' : n.type === 'aws_eip' ? 'instance' : n.type === 'aws_eip_association' ? 'instance_id' : undefined;
      if (key && refersTo(graph, mapGet(propertiesOf(n), key), node)) return { range: n.nameRange, message: `${n.id} gives ${node.id} a public Elastic IP address` };
    }
    // No subnet and no interface at all: EC2 launches it into the default VPC, whose subnets map public IPs.
    if (subnetValues.length === 0 && nics.length === 0) return { range: node.typeRange, message: `${node.id} names no subnet: it is launched into the default VPC, whose subnets give it a public IP address` };
  }
  return undefined;
}

/** Whether a load balancer node is internet-facing (the default scheme). */
function internetFacing(lb: GraphNode): IacValue | 'default' | undefined {
  const p = propertiesOf(lb);
  if (lb.format === 'cloudformation') {
    const scheme = mapGet(p, 'Scheme');
    if (!scheme) return 'default';
    return knownString(scheme) === 'internet-facing' ? scheme : undefined;
  }
  const internal = mapGet(p, 'internal');
  if (!internal) return 'default';
  return knownString(internal) === 'false' ? internal : undefined;
}

const LB_TYPES = new Set(['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer', 'aws_lb', 'aws_alb', 'aws_elb']);
const TG_TYPES = new Set(['AWS::ElasticLoadBalancingV2::TargetGroup', 'aws_lb_target_group', 'aws_alb_target_group']);
const LISTENER_TYPES = new Set(['AWS::ElasticLoadBalancingV2::Listener', 'aws_lb_listener', 'aws_alb_listener']);

/** An internet-facing load balancer in front of the node: the steps from the load balancer to the attachment. */
function publicLoadBalancer(graph: ResourceGraph, node: GraphNode): Step[] | undefined {
  const cfn = node.format === 'cloudformation';
  const fronted = [node, ...groupsLaunching(graph, node)];
  const lbStep = (lb: GraphNode): Step | undefined => {
    const f = internetFacing(lb);
    if (!f || !lb.local) return undefined;
    return { range: f === 'default' ? lb.nameRange : valueTokenRange(f), message: `${lb.id} is an internet-facing load balancer${f === 'default' ? ' (the default scheme)' : ''}` };
  };
  // Classic load balancers list instances (or are named by the group).
  for (const lb of graph.nodes.filter((n) => LB_TYPES.has(n.type) && /ElasticLoadBalancing::|aws_elb/.test(n.type))) {
    const step = lbStep(lb);
    if (!step) continue;
    if (refersTo(graph, mapGet(propertiesOf(lb), cfn ? 'Instances' : 'instances'), node)) return [step, { range: lb.nameRange, message: `${lb.id} sends traffic to ${node.id}` }];
    for (const g of fronted.slice(1)) if (refersTo(graph, mapGet(propertiesOf(g), cfn ? 'LoadBalancerNames' : 'load_balancers'), lb)) return [step, { range: g.nameRange, message: `${lb.id} sends traffic to ${g.id}, which launches ${node.id}` }];
  }
  // Target groups: a target, an attachment, or the group's TargetGroupARNs.
  for (const tg of graph.nodes.filter((n) => TG_TYPES.has(n.type))) {
    let attach: Step | undefined;
    const tp = propertiesOf(tg);
    for (const t of asList(mapGet(tp, 'Targets'))) if (refersTo(graph, mapGet(t, 'Id'), node)) attach = { range: valueTokenRange(mapGet(t, 'Id') as IacValue), message: `${tg.id} targets ${node.id}` };
    for (const a of graph.nodes) {
      if (attach) break;
      if ((a.type === 'aws_lb_target_group_attachment' || a.type === 'aws_alb_target_group_attachment') && refersTo(graph, mapGet(propertiesOf(a), 'target_group_arn'), tg) && refersTo(graph, mapGet(propertiesOf(a), 'target_id'), node)) attach = { range: a.nameRange, message: `${a.id} registers ${node.id} in ${tg.id}` };
      if (a.type === 'aws_autoscaling_attachment' && refersTo(graph, mapGet(propertiesOf(a), 'lb_target_group_arn'), tg) && fronted.slice(1).some((g) => refersTo(graph, mapGet(propertiesOf(a), 'autoscaling_group_name'), g))) attach = { range: a.nameRange, message: `${a.id} registers the group launching ${node.id} in ${tg.id}` };
    }
    for (const g of fronted.slice(1)) if (!attach && refersTo(graph, mapGet(propertiesOf(g), cfn ? 'TargetGroupARNs' : 'target_group_arns'), tg)) attach = { range: g.nameRange, message: `${g.id} launches ${node.id} into ${tg.id}` };
    if (!attach) continue;
    for (const listener of graph.nodes.filter((n) => LISTENER_TYPES.has(n.type))) {
      const lp = propertiesOf(listener);
      const actions = asList(mapGet(lp, cfn ? 'DefaultActions' : 'default_action'));
      const forwards = actions.some((a) => refersTo(graph, mapGet(a, cfn ? 'TargetGroupArn' : 'target_group_arn'), tg) || asList(getPath(a, cfn ? ['ForwardConfig', 'TargetGroups'] : ['forward', 0, 'target_group'])).some((t) => refersTo(graph, mapGet(t, cfn ? 'TargetGroupArn' : 'arn'), tg)));
      if (!forwards) continue;
      for (const lb of targets(graph, mapGet(lp, cfn ? 'LoadBalancerArn' : 'load_balancer_arn'))) {
        const step = lbStep(lb);
        if (step) return [step, { range: listener.nameRange, message: `${listener.id} forwards to ${tg.id}` }, attach];
      }
    }
  }
  return undefined;
}

/** The steps that make a node reachable from the internet, or undefined. */
export function exposureOf(graph: ResourceGraph, node: GraphNode): Step[] | undefined {
  const lb = publicLoadBalancer(graph, node);
  if (lb) return lb;
  const address = publicAddress(graph, node);
  if (!address) return undefined;
  const groups = [...securityGroupsOf(graph, node), ...groupsLaunching(graph, node).flatMap((g) => securityGroupsOf(graph, g))];
  for (const sg of groups) {
    const open = openIngress(graph, sg);
    if (open && sg.local) return [address, open];
  }
  return undefined;
}
