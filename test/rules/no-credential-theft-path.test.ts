import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FIXTURES, ROOT, lintText, loadFixtures } from '../helpers/fixtures.js';
import { attachPolicy } from '../helpers/attach-policy.js';
import { policyReports } from '../../src/policy-command.js';
import { resolveConfig } from '../../src/config.js';
import { rules } from '../../rules/index.js';
import { scan } from '../../src/engine/run.js';
import { buildSarif } from '../../src/reporters/sarif.js';
import { tempDir } from '../helpers/tmp.js';
import type { Finding } from '../../src/engine/types.js';

const RULE = 'no-credential-theft-path';

describeRuleFixtures(RULE);

function run(path: string, text: string): Finding[] {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

const fixture = (name: string) => loadFixtures(RULE, name.split('/')[0] as 'positive' | 'negative').find((f) => f.name === name)!.text;
const steps = (f: Finding) => (f.related ?? []).map((r) => `${r.region.startLine}:${r.region.startColumn}-${r.region.endColumn} ${r.message}`);

describe(RULE, () => {
  it('reports the full Terraform path once, on the instance, walking exposure → metadata → profile → role → statement', () => {
    const [f, ...rest] = run('main.tf', fixture('positive/full-path.tf'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'theftPath', severity: 'error', region: { startLine: 33, startColumn: 26, endLine: 33, endColumn: 29 }, flow: true });
    expect(steps(f!)).toEqual([
      '37:33-37 aws_instance.web gets a public IP address',
      '28:21-30 aws_security_group.web allows inbound traffic from 0.0.0.0/0',
      '46:5-33 the user data starts a web server: a request forgery surface',
      '41:20-28 http tokens "optional": the metadata service answers IMDSv1 requests without a token',
      '39:33-66 aws_instance.web runs with instance profile aws_iam_instance_profile.web',
      '19:10-31 aws_iam_instance_profile.web holds aws_iam_role.web',
      '13:17-60 AWS managed policy AdministratorAccess: aws_iam_role.web has full administrative access (every action on every resource)',
    ]);
  });

  it('follows an internet-facing ALB through its listener, target group and Auto Scaling group to the launch template', () => {
    const [f] = run('template.yaml', fixture('positive/load-balanced-fleet.yaml'));
    expect(f!.region).toMatchObject({ startLine: 36, startColumn: 3, endColumn: 14 });
    expect(f!.message).toContain('can hand out credentials or secrets (secretsmanager:GetSecretValue on every resource)');
    expect(steps(f!).map((s) => s.replace(/^\S+ /, ''))).toEqual([
      'AppLoadBalancer is an internet-facing load balancer',
      'AppListener forwards to AppTargets',
      'AppGroup launches AppTemplate into AppTargets',
      'the user data starts a web server: a request forgery surface',
      'http tokens "optional": the metadata service answers IMDSv1 requests without a token',
      'AppTemplate runs with instance profile AppProfile',
      'AppProfile holds AWS::IAM::Role AppRole',
      'AWS::IAM::Role AppRole (inline policy app): AWS::IAM::Role AppRole can hand out credentials or secrets (secretsmanager:GetSecretValue on every resource)',
    ]);
    expect(steps(f!)[7]).toMatch(/^27:21-50 /);
    expect(steps(f!)[5]).toMatch(/^43:16-38 /);
  });

  it('takes a hop limit above 1 with containers started in user data as token-less metadata, pointing into the JSON string', () => {
    const [f] = run('template.json', fixture('positive/containers-hop-limit.json'));
    expect(steps(f!)).toContain('35:83-84 hop limit 3: the metadata token reaches processes 2 network hops away');
    expect(steps(f!)).toContain('36:51-73 the user data starts containers, which reach the metadata service and its token through that hop limit');
    expect(f!.message).toContain('iam:PassRole + ec2:RunInstances');
  });

  it('stays silent when any single link of the Terraform path is broken', () => {
    const full = fixture('positive/full-path.tf');
    const breaks: [string, string][] = [
      ['http_tokens = "optional"', 'http_tokens = "required"'],
      ['  associate_public_ip_address = true\n', ''],
      ['cidr_blocks = ["0.0.0.0/0"]', 'cidr_blocks = ["192.0.2.0/24"]'],
      ['AdministratorAccess', 'AmazonS3ReadOnlyAccess'],
      ['iam_instance_profile        = aws_iam_instance_profile.web.name', 'iam_instance_profile        = var.profile'],
      ['vpc_security_group_ids      = [aws_security_group.web.id]', 'vpc_security_group_ids      = var.groups'],
      ['role = aws_iam_role.web.name\n}', 'role = var.role_name\n}'],
    ];
    for (const [a, b] of breaks) {
      expect(full.includes(a), a).toBe(true);
      expect(run('main.tf', full.replace(a, b)), `${a} → ${b}`).toEqual([]);
    }
  });

  it('writes the path as SARIF codeFlows and ordered relatedLocations', async () => {
    const dir = tempDir();
    dir.write('main.tf', fixture('positive/full-path.tf'));
    const config = resolveConfig({}, rules, { onlyRules: [RULE] });
    const result = await scan({ cwd: dir.dir, paths: ['.'], config, rules, concurrency: 'off', useGit: false });
    const sarif = buildSarif({ result, rules, version: '0.0.0' });
    const [r] = sarif.runs[0]!.results!;
    const flow = r!.codeFlows![0]!.threadFlows[0]!.locations;
    expect(flow.map((l) => l.executionOrder)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(flow.map((l) => l.location!.physicalLocation!.region!.startLine)).toEqual([37, 28, 46, 41, 39, 19, 13]);
    expect(r!.relatedLocations!.map((l) => [l.id, l.physicalLocation!.region!.startLine])).toEqual([[1, 37], [2, 28], [3, 46], [4, 41], [5, 39], [6, 19], [7, 13]]);
    expect(flow[0]!.location!.physicalLocation!.artifactLocation!.uri).toBe('main.tf');
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe(`${RULE}: the least-privilege policy breaks the chain`, () => {
  for (const name of ['positive/full-path.tf', 'positive/load-balanced-fleet.yaml']) {
    it(`${name}: replacing the role's policies with what its user data needs (credlint policy) makes the finding disappear`, async () => {
      const [report] = await policyReports(join(FIXTURES, RULE), name, undefined);
      const path = name.endsWith('.tf') ? 'main.tf' : 'template.yaml';
      expect(run(path, fixture(name))).toHaveLength(1);
      const fixed = attachPolicy(fixture(name), report!.policy, path);
      expect(fixed).not.toBe(fixture(name));
      expect(run(path, fixed)).toEqual([]);
    });
  }
});
