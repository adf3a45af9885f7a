// End to end: credentials inside scripts embedded in templates are reported at their real
// line and column in the template (or at the `file()` call for a referenced file).
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { createDocument } from '../../src/engine/document.js';
import { terraformEmbeddedDocuments } from '../../src/extract/terraform.js';
import { decodeBase64Text } from '../../src/extract/documents.js';
import { embeddingPath, toFileRange } from '../../src/engine/document.js';
import { extractors } from '../../src/extract/index.js';
import { classifyFile } from '../../src/kinds.js';
import type { Notification } from '../../src/engine/types.js';

const RULE = 'no-hardcoded-access-key-id';
const key = fakeAccessKeyId('user-data-e2e');

function only(findings: ReturnType<typeof lintText>['findings']) {
  return findings.filter((f) => f.ruleId === RULE).map((f) => ({ region: f.region }));
}

/**
 * Where the key lands when found inside the *embedded* document (the host text may hold it
 * too, and the engine keeps one finding per range): proves the virtual document's map.
 */
function embeddedPosition(path: string, text: string, absPath?: string): { line: number; column: number; labels: string[] } | undefined {
  const kind = classifyFile(path, text);
  const host = createDocument({ path, ...(absPath ? { absPath } : {}), kind, language: kind, text });
  const notes: Notification[] = [];
  const docs = extractors.filter((e) => e.kinds.includes(kind)).flatMap((e) => e.extract(host, notes));
  for (const doc of docs) {
    const at = doc.text.indexOf(key);
    if (at < 0) continue;
    const r = toFileRange(doc, at, at + key.length);
    return { ...host.lines.position(r.start), labels: embeddingPath(doc) };
  }
  return undefined;
}

const tmp = mkdtempSync(join(tmpdir(), 'credlint-ud-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('user data in Terraform', () => {
  it('reports a key inside an indented <<-EOF heredoc user_data at its line in the .tf file', () => {
    const tf = [
      'resource "aws_instance" "web" {',
      '  ami       = "ami-123"',
      '  user_data = <<-EOF',
      '    #!/bin/bash',
      `    export AWS_ACCESS_KEY_ID=${key}`,
      '  EOF',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('infra/main.tf', tf, { rules: [RULE] });
    expect(only(findings)).toEqual([
      { region: { startLine: 5, startColumn: 30, endLine: 5, endColumn: 50 } },
    ]);
    expect(embeddedPosition('infra/main.tf', tf)).toEqual({ line: 5, column: 30, labels: ['user_data of aws_instance.web'] });
  });

  it('maps positions after an interpolation and a $${} escape in a heredoc', () => {
    const tf = [
      'resource "aws_launch_template" "lt" {',
      '  user_data = base64encode(<<EOT',
      '#!/bin/bash',
      'echo ${var.region} $${HOME}',
      `aws configure set aws_access_key_id ${key}`,
      'EOT',
      '  )',
      '}',
      '',
    ].join('\n');
    const docs = terraformEmbeddedDocuments(createDocument({ path: 'main.tf', kind: 'terraform', language: 'terraform', text: tf }));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.text).toBe(`#!/bin/bash\necho \${var.region} \${HOME}\naws configure set aws_access_key_id ${key}\n`);
    expect(docs[0]!.kind).toBe('user-data');
    expect(docs[0]!.bootstrap).toBe(true);
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    expect(only(findings)[0]!.region).toEqual({ startLine: 5, startColumn: 37, endLine: 5, endColumn: 57 });
    expect(embeddedPosition('main.tf', tf)).toMatchObject({ line: 5, column: 37 });
  });

  it('reports a key in a quoted user_data string with escapes at its column', () => {
    const tf = `resource "aws_instance" "a" {\n  user_data = "#!/bin/bash\\necho \\"hi\\"\\nexport K=${key}\\n"\n}\n`;
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const col = tf.split('\n')[1]!.indexOf(key) + 1;
    expect(only(findings)[0]!.region).toEqual({ startLine: 2, startColumn: col, endLine: 2, endColumn: col + 20 });
    expect(embeddedPosition('main.tf', tf)).toMatchObject({ line: 2, column: col });
  });

  it('reports a key inside a base64 user_data_base64 literal at the literal as a whole', () => {
    const encoded = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${key}\n`).toString('base64');
    const tf = `resource "aws_instance" "b64" {\n  user_data_base64 = "${encoded}"\n}\n`;
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    expect(only(findings)).toEqual([
      { region: { startLine: 2, startColumn: 22, endLine: 2, endColumn: 24 + encoded.length } },
    ]);
    expect(findings[0]!.embeddedIn).toEqual(['user_data_base64 of aws_instance.b64']);
    expect(JSON.stringify(findings)).not.toContain(key);
  });

  it('reports a key in a file read by templatefile() at the templatefile(...) call', () => {
    const dir = join(tmp, 'tpl');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'init.sh.tftpl'), `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${key}\nexport REGION=\${region}\n`);
    const tf = [
      'resource "aws_instance" "tpl" {',
      '  user_data = templatefile("${path.module}/templates/init.sh.tftpl", { region = var.region })',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('main.tf', tf, { rules: [RULE], absPath: join(dir, 'main.tf') });
    const line = tf.split('\n')[1]!;
    const start = line.indexOf('templatefile') + 1;
    expect(only(findings)).toEqual([
      { region: { startLine: 2, startColumn: start, endLine: 2, endColumn: line.length + 1 } },
    ]);
    expect(findings[0]!.embeddedIn).toEqual(['user_data of aws_instance.tpl']);
  });

  it('reports a key in the template of a data "template_file" used as user_data at its file() call', () => {
    const dir = join(tmp, 'template-file');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    writeFileSync(join(dir, 'scripts', 'user-data.sh'), `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${key}\necho \${cluster}\n`);
    const tf = [
      'data "template_file" "init" {',
      '  template = file("${path.module}/scripts/user-data.sh")',
      '  vars = { cluster = var.cluster }',
      '}',
      'resource "aws_launch_configuration" "lc" {',
      '  user_data = "${data.template_file.init.rendered}"',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('main.tf', tf, { rules: [RULE], absPath: join(dir, 'main.tf') });
    const line = tf.split('\n')[1]!;
    expect(only(findings)).toEqual([
      { region: { startLine: 2, startColumn: line.indexOf('file(') + 1, endLine: 2, endColumn: line.length + 1 } },
    ]);
    expect(findings[0]!.embeddedIn).toEqual(['user_data of aws_launch_configuration.lc']);
  });

  it('treats a file() whose file is missing, or a scan without a directory, as unknown (nothing reported, no crash)', () => {
    const tf = 'resource "aws_instance" "x" {\n  user_data = file("${path.module}/missing.sh")\n}\n';
    expect(lintText('main.tf', tf, { rules: [RULE] }).findings).toHaveLength(0);
    expect(lintText('main.tf', tf, { rules: [RULE], absPath: join(tmp, 'nowhere', 'main.tf') }).findings).toHaveLength(0);
  });

  it('extracts remote-exec inline commands line by line', () => {
    const tf = [
      'resource "null_resource" "p" {',
      '  provisioner "remote-exec" {',
      '    inline = [',
      '      "sudo yum install -y awscli",',
      `      "aws configure set aws_access_key_id ${key}",`,
      '    ]',
      '  }',
      '}',
      '',
    ].join('\n');
    const docs = terraformEmbeddedDocuments(createDocument({ path: 'main.tf', kind: 'terraform', language: 'terraform', text: tf }));
    expect(docs.map((d) => [d.kind, d.bootstrap, d.text])).toEqual([['shell', true, `sudo yum install -y awscli\naws configure set aws_access_key_id ${key}\n`]]);
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const col = tf.split('\n')[4]!.indexOf(key) + 1;
    expect(only(findings)[0]!.region).toMatchObject({ startLine: 5, startColumn: col });
    expect(embeddedPosition('main.tf', tf)).toMatchObject({ line: 5, column: col, labels: ['remote-exec inline of null_resource.p'] });
  });

  it('extracts aws:runShellScript commands of an aws_ssm_document written with jsonencode', () => {
    const tf = [
      'resource "aws_ssm_document" "d" {',
      '  name          = "bootstrap"',
      '  document_type = "Command"',
      '  content = jsonencode({',
      '    schemaVersion = "2.2"',
      '    mainSteps = [{',
      '      action = "aws:runShellScript"',
      '      name   = "run"',
      `      inputs = { runCommand = ["echo start", "export AWS_ACCESS_KEY_ID=${key}"] }`,
      '    }]',
      '  })',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const line = tf.split('\n')[8]!;
    expect(only(findings)[0]!.region).toMatchObject({ startLine: 9, startColumn: line.indexOf(key) + 1 });
    expect(embeddedPosition('main.tf', tf)).toMatchObject({ line: 9, column: line.indexOf(key) + 1 });
  });

  it('extracts aws:runShellScript commands of an SSM document in a JSON heredoc', () => {
    const tf = [
      'resource "aws_ssm_document" "d" {',
      '  name          = "bootstrap"',
      '  document_type = "Command"',
      '  content = <<DOC',
      '{',
      '  "schemaVersion": "2.2",',
      '  "mainSteps": [{"action": "aws:runShellScript", "name": "r",',
      `    "inputs": {"runCommand": ["export AWS_ACCESS_KEY_ID=${key}"]}}]`,
      '}',
      'DOC',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const line = tf.split('\n')[7]!;
    expect(only(findings)[0]!.region).toMatchObject({ startLine: 8, startColumn: line.indexOf(key) + 1 });
    expect(embeddedPosition('main.tf', tf)).toMatchObject({ line: 8, column: line.indexOf(key) + 1 });
  });
});

describe('user data in CloudFormation', () => {
  it('reports a key inside Fn::Base64: !Sub | at its line and column in the template', () => {
    const yaml = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Web:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-123',
      '      UserData:',
      '        Fn::Base64: !Sub |',
      '          #!/bin/bash',
      '          echo ${AWS::Region}',
      `          export AWS_ACCESS_KEY_ID=${key}`,
      '',
    ].join('\n');
    const { findings } = lintText('template.yaml', yaml, { rules: [RULE] });
    expect(only(findings)).toEqual([
      { region: { startLine: 11, startColumn: 36, endLine: 11, endColumn: 56 } },
    ]);
    expect(embeddedPosition('template.yaml', yaml)).toEqual({ line: 11, column: 36, labels: ['UserData of Web'] });
  });

  it('reports a key in a Fn::Join list of a JSON template at its column, with non-literal parts as placeholders', () => {
    const json = [
      '{',
      '  "Resources": {',
      '    "LT": {',
      '      "Type": "AWS::EC2::LaunchTemplate",',
      '      "Properties": {"LaunchTemplateData": {"UserData": {"Fn::Base64": {"Fn::Join": ["", [',
      '        "#!/bin/bash\\n",',
      '        "export REGION=", {"Ref": "AWS::Region"}, "\\n",',
      `        "export AWS_ACCESS_KEY_ID=${key}\\n"`,
      '      ]]}}}}',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('cdk.out/Stack.template.json', json, { rules: [RULE] });
    expect(only(findings)).toEqual([
      { region: { startLine: 8, startColumn: 35, endLine: 8, endColumn: 55 } },
    ]);
    expect(embeddedPosition('cdk.out/Stack.template.json', json)).toEqual({ line: 8, column: 35, labels: ['LaunchTemplateData.UserData of LT'] });
  });

  it('decodes a pre-encoded UserData literal and reports at the literal', () => {
    const encoded = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${key}\n`).toString('base64');
    const yaml = `Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: ${encoded}\n`;
    const { findings } = lintText('template.yaml', yaml, { rules: [RULE] });
    expect(only(findings)[0]!.region).toEqual({ startLine: 5, startColumn: 17, endLine: 5, endColumn: 17 + encoded.length });
  });

  it('extracts runCommand lines of an AWS::SSM::Document', () => {
    const yaml = [
      'Resources:',
      '  Doc:',
      '    Type: AWS::SSM::Document',
      '    Properties:',
      '      DocumentType: Command',
      '      Content:',
      '        schemaVersion: "2.2"',
      '        mainSteps:',
      '          - action: aws:runShellScript',
      '            name: run',
      '            inputs:',
      '              runCommand:',
      '                - echo hi',
      `                - "aws configure set aws_access_key_id ${key}"`,
      '',
    ].join('\n');
    const { findings } = lintText('template.yaml', yaml, { rules: [RULE] });
    const col = yaml.split('\n')[13]!.indexOf(key) + 1;
    expect(only(findings)[0]!.region).toMatchObject({ startLine: 14, startColumn: col });
    expect(embeddedPosition('template.yaml', yaml)).toMatchObject({ line: 14, column: col, labels: ['Content of Doc runCommand'] });
  });

  it('maps a folded double-quoted JSON UserData string with \\n escapes', () => {
    const json = `{"Resources": {"I": {"Type": "AWS::EC2::Instance", "Properties": {"UserData": {"Fn::Base64": "#!/bin/bash\\nexport K=${key}\\n"}}}}}\n`;
    const { findings } = lintText('template.json', json, { rules: [RULE] });
    const col = json.indexOf(key) + 1;
    expect(only(findings)[0]!.region).toEqual({ startLine: 1, startColumn: col, endLine: 1, endColumn: col + 20 });
    expect(embeddedPosition('template.json', json)).toMatchObject({ line: 1, column: col });
  });
});

describe('decodeBase64Text', () => {
  it('decodes readable base64 and refuses binary or non-base64 text', () => {
    expect(decodeBase64Text(Buffer.from('#!/bin/bash\necho hi\n').toString('base64'))).toBe('#!/bin/bash\necho hi\n');
    expect(decodeBase64Text('not base64 at all')).toBeUndefined();
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 3, 255, 254]).toString('base64'))).toBeUndefined();
  });

  it('maps a verbatim piece through nested documents', () => {
    const tf = 'resource "aws_instance" "a" {\n  user_data = "abc"\n}\n';
    const [doc] = terraformEmbeddedDocuments(createDocument({ path: 'main.tf', kind: 'terraform', language: 'terraform', text: tf }));
    expect(toFileRange(doc!, 1, 2)).toEqual({ start: tf.indexOf('abc') + 1, end: tf.indexOf('abc') + 2 });
  });
});
