// Dockerfile, cloud-init and user-data parsing: the extracted virtual documents and how each
// of their offsets maps back to the host file.
import { describe, expect, it } from 'vitest';
import { createDocument, toFileRange, type SourceDocument } from '../../src/engine/document.js';
import { classifyFile, languageOf } from '../../src/kinds.js';
import type { Notification } from '../../src/engine/types.js';
import { dockerfile, jsonStrings } from '../../src/parsers/dockerfile.js';
import { alignScalar, cloudConfig, parseCloudConfig } from '../../src/parsers/cloud-init.js';
import { dockerfileRunExtractor } from '../../src/extract/dockerfile.js';
import { cloudInitExtractor } from '../../src/extract/cloud-init.js';
import { multipartUserDataExtractor } from '../../src/extract/multipart.js';
import {
  decodeBase64Text,
  parseMultipart,
  userDataFormat,
  windowsBlocks,
  windowsStatements,
  windowsWords,
} from '../../src/parsers/user-data.js';
import { isShellDocument } from '../../src/parsers/shell.js';
import { lintText } from '../helpers/fixtures.js';
import { parseDocument, type Scalar } from 'yaml';

function doc(path: string, text: string): SourceDocument {
  const kind = classifyFile(path, text);
  return createDocument({ path, kind, language: languageOf(path, kind), text });
}

/** Host text under a virtual range. */
function hostText(child: SourceDocument, start: number, end: number): string {
  const r = toFileRange(child, start, end);
  let root = child;
  while (root.host) root = root.host.document;
  return root.text.slice(r.start, r.end);
}

describe('dockerfile parser', () => {
  it('converts instruction, flag, property and heredoc positions to offsets', () => {
    const text = 'FROM alpine AS a\nENV A=1 AWS_REGION="us east"\nRUN --mount=type=secret,id=aws echo hi\nCOPY <<EOF /x\nbody\nEOF\n';
    const model = dockerfile(doc('Dockerfile', text))!;
    const env = model.instructions[1]!;
    expect(env.properties.map((p) => [text.slice(p.name.start, p.name.end), p.value && text.slice(p.value.start, p.value.end)])).toEqual([
      ['A', '1'],
      ['AWS_REGION', '"us east"'],
    ]);
    const run = model.instructions[2]!;
    expect(run.flags.map((f) => [f.name, f.value])).toEqual([['mount', 'type=secret,id=aws']]);
    expect(text.slice(run.argsStart, run.end)).toBe('echo hi');
    const copy = model.instructions[3]!;
    expect(text.slice(copy.heredocs[0]!.contentStart, copy.heredocs[0]!.contentEnd)).toBe('body');
    expect(model.stageCount).toBe(1);
  });

  it('extracts a RUN with continuation lines, dropping comment lines, mapping each line verbatim', () => {
    const text = 'FROM alpine\nRUN apk add curl && \\\n    # a comment Docker removes\n    curl -s https://example.com\n';
    const host = doc('Dockerfile', text);
    const [run] = dockerfileRunExtractor.extract(host, []);
    expect(run!.text).toBe('apk add curl && \\\n    curl -s https://example.com');
    const at = run!.text.indexOf('curl -s');
    expect(hostText(run!, at, at + 7)).toBe('curl -s');
    expect(toFileRange(run!, at, at + 7).start).toBe(text.indexOf('    curl -s') + 4);
    expect(run!.bootstrap).toBe(true);
    expect(run!.host?.label).toBe('RUN');
  });

  it('extracts RUN <<EOF heredoc bodies as their own scripts', () => {
    const text = 'FROM alpine\nRUN <<EOF\nset -e\necho hi\nEOF\nRUN <<EOT bash\necho bash\nEOT\n';
    const docs = dockerfileRunExtractor.extract(doc('Dockerfile', text), []);
    expect(docs.map((d) => d.host?.label)).toEqual(['RUN', 'RUN heredoc', 'RUN']);
    expect(docs[1]!.text).toBe('set -e\necho hi');
  });

  it('extracts exec-form sh -c scripts and skips other exec forms', () => {
    const text = 'FROM alpine\nRUN ["/bin/sh", "-ec", "echo a && echo b"]\nRUN ["python3", "-c", "print(1)"]\n';
    const docs = dockerfileRunExtractor.extract(doc('Dockerfile', text), []);
    expect(docs.map((d) => d.text)).toEqual(['echo a && echo b']);
    expect(jsonStrings(' [ "a\\"b" , "c" ]', 10)!.map((t) => t.value)).toEqual(['a"b', 'c']);
    expect(jsonStrings('echo ["x"', 0)).toBeUndefined();
  });

  it('treats RUN bodies under a PowerShell SHELL as Windows script text', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host a; `\n    Write-Host b\n';
    const docs = dockerfileRunExtractor.extract(doc('Dockerfile', text), []);
    expect(docs.map((d) => [d.kind, d.language])).toEqual([['user-data', 'powershell']]);
  });

  it('extracts shell-form CMD and ENTRYPOINT as container-start scripts, not build steps', () => {
    const text = 'FROM alpine\nRUN echo build\nCMD ID=`wget -qO- http://169.254.169.254/latest/meta-data/instance-id` && run\nENTRYPOINT ["sh", "-c", "exec app"]\nCMD ["app", "--flag"]\n';
    const docs = dockerfileRunExtractor.extract(doc('Dockerfile', text), []);
    expect(docs.map((d) => [d.host?.label, d.bootstrap, d.text])).toEqual([
      ['RUN', true, 'echo build'],
      ['CMD', false, 'ID=`wget -qO- http://169.254.169.254/latest/meta-data/instance-id` && run'],
      ['ENTRYPOINT exec form', false, 'exec app'],
    ]);
    expect(hostText(docs[1]!, 0, 2)).toBe('ID');
  });

  it('parses malformed Dockerfiles without throwing', () => {
    for (const text of ['RUN', 'FROM\nRUN <<EOF\nunterminated', 'ENV =\nARG\nCOPY', '\\\n\\\n', 'RUN ["sh", "-c"']) {
      const notes: Notification[] = [];
      expect(() => dockerfileRunExtractor.extract(doc('Dockerfile', text), notes)).not.toThrow();
    }
    expect(() => lintText('Dockerfile', 'FROM\nRUN <<EOF\naws configure set aws_access_key_id', { rules: ['no-credentials-in-image'] })).not.toThrow();
  });
});

describe('cloud-init parser', () => {
  const text = [
    '#cloud-config',
    'runcmd:',
    '  - echo one',
    '  - [ sh, -c, "echo two && echo \\"q\\"" ]',
    '  - |',
    '    echo three',
    '    echo four',
    '  - >-',
    '    echo folded',
    '    continues',
    'bootcmd:',
    "  - 'echo it''s'",
    'write_files:',
    '  - path: /etc/x.sh',
    '    content: |',
    '      #!/bin/sh',
    '      echo five',
    '  - path: /root/.aws/credentials',
    '    encoding: b64',
    `    content: ${Buffer.from('[default]\n').toString('base64')}`,
    '',
  ].join('\n');

  it('lists runcmd/bootcmd entries and write_files with decoded content', () => {
    const config = parseCloudConfig(text);
    expect(config.commands.map((c) => [c.section, c.index, c.form])).toEqual([
      ['runcmd', 0, 'string'],
      ['runcmd', 1, 'argv'],
      ['runcmd', 2, 'string'],
      ['runcmd', 3, 'string'],
      ['bootcmd', 0, 'string'],
    ]);
    expect(config.writeFiles.map((f) => [f.path?.value, f.content?.value, f.content?.decoded])).toEqual([
      ['/etc/x.sh', '#!/bin/sh\necho five\n', false],
      ['/root/.aws/credentials', '[default]\n', true],
    ]);
  });

  it('extracts each command as a shell document whose characters map to the YAML source', () => {
    const host = doc('cloud-config.yaml', text);
    const docs = cloudInitExtractor.extract(host, []);
    const byLabel = new Map(docs.map((d) => [d.host!.label, d]));
    const block = byLabel.get('cloud-init runcmd[2]')!;
    expect(block.text).toBe('echo three\necho four\n');
    const four = block.text.indexOf('four');
    expect(hostText(block, four, four + 4)).toBe('four');
    expect(host.lines.position(toFileRange(block, four, four + 4).start)).toEqual({ line: 7, column: 10 });
    const argv = byLabel.get('cloud-init runcmd[1]')!;
    expect(argv.text).toBe(`sh -c 'echo two && echo "q"'`);
    const two = argv.text.indexOf('two');
    expect(hostText(argv, two, two + 3)).toBe('two');
    const folded = byLabel.get('cloud-init runcmd[3]')!;
    expect(folded.text).toBe('echo folded continues');
    const cont = folded.text.indexOf('continues');
    expect(hostText(folded, cont, cont + 9)).toBe('continues');
    const quoted = byLabel.get('cloud-init bootcmd[0]')!;
    expect(quoted.text).toBe("echo it's");
    expect(byLabel.get('cloud-init write_files[0] (/etc/x.sh)')!.kind).toBe('shell');
    expect(byLabel.get('cloud-init write_files[1] (/root/.aws/credentials)')!.kind).toBe('aws-config');
  });

  it('aligns double-quoted escapes to their source characters', () => {
    const yaml = 'a: "x\\ty \\u0041"\n';
    const scalar = parseDocument(yaml).get('a', true) as Scalar;
    const pieces = alignScalar(String(scalar.value), yaml, scalar)!;
    expect(pieces.map((p) => [p.text, yaml.slice(p.hostStart, p.hostEnd), p.verbatim])).toEqual([
      ['x', 'x', true],
      ['\t', '\\t', false],
      ['y ', 'y ', true],
      ['A', '\\u0041', false],
    ]);
  });

  it('reads write_files around Terraform template directives and Jinja tags, offsets unchanged', () => {
    const tf = '#cloud-config\nwrite_files:\n%{ if enabled ~}\n  - path: /etc/a\n    content: x\n%{ endif ~}\n  - path: /root/.aws/credentials\n    content: |\n      aws_access_key_id = ${key}\n';
    const config = parseCloudConfig(tf);
    expect(config.writeFiles.map((f) => [f.path?.value, tf.slice(f.path!.start, f.path!.end)])).toEqual([
      ['/etc/a', '/etc/a'],
      ['/root/.aws/credentials', '/root/.aws/credentials'],
    ]);
    const jinja = '## template: jinja\n#cloud-config\nhostname: {{ v1.local_hostname }}\n{% if true %}\nwrite_files:\n  - path: /home/u/.aws/credentials\n    content: "aws_secret_access_key = {{ ds.meta_data.s }}"\n{% endif %}\n';
    const files = parseCloudConfig(jinja).writeFiles;
    expect(files.map((f) => jinja.slice(f.path!.start, f.path!.end))).toEqual(['/home/u/.aws/credentials']);
    expect(files[0]!.content!.value).toMatch(/^aws_secret_access_key = _+$/);
  });

  it('reads cloud-config in user data but not shell user data; bad YAML is a note, not a crash', () => {
    expect(cloudConfig(doc('user-data.yaml', '#cloud-config\nruncmd: [a]\n'))?.commands).toHaveLength(1);
    expect(cloudConfig(doc('user-data.sh', '#!/bin/bash\nruncmd\n'))).toBeUndefined();
    const notes: Notification[] = [];
    expect(() => cloudInitExtractor.extract(doc('cloud.yaml', '#cloud-config\nruncmd: [ "unterminated\n  - : :\n'), notes)).not.toThrow();
    expect(() => lintText('cloud.yaml', '#cloud-config\nruncmd:\n- [ aws, configure\nwrite_files: {', { rules: ['no-aws-configure-in-bootstrap'] })).not.toThrow();
  });
});

describe('user-data', () => {
  it('tells formats apart by their first line', () => {
    expect(userDataFormat('#!/bin/bash\n')).toBe('shell');
    expect(userDataFormat('#cloud-config\n')).toBe('cloud-config');
    expect(userDataFormat('## template: jinja\n#cloud-config\n')).toBe('cloud-config');
    expect(userDataFormat('#cloud-boothook\n')).toBe('boothook');
    expect(userDataFormat('Content-Type: multipart/mixed; boundary="x"\n')).toBe('multipart');
    expect(userDataFormat('MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="x"\n')).toBe('multipart');
    expect(userDataFormat('<powershell>\n</powershell>')).toBe('windows');
    expect(userDataFormat('<script>\necho\n</script>')).toBe('windows');
  });

  it('splits multipart parts with their bodies located in the file (CRLF, folded headers, no closing delimiter)', () => {
    const text = 'Content-Type: multipart/mixed;\r\n boundary="==B=="\r\n\r\n--==B==\r\nContent-Type: text/x-shellscript\r\n\r\necho a\r\n--==B==\r\nContent-Type: text/cloud-config\r\n\r\n#cloud-config\r\nruncmd: []\r\n';
    const parts = parseMultipart(text)!;
    expect(parts.map((p) => [p.contentType, text.slice(p.bodyStart, p.bodyEnd)])).toEqual([
      ['text/x-shellscript', 'echo a'],
      ['text/cloud-config', '#cloud-config\r\nruncmd: []'],
    ]);
    const docs = multipartUserDataExtractor.extract(doc('user-data.txt', text), []);
    expect(docs.map((d) => [d.kind, d.host?.label])).toEqual([
      ['shell', 'multipart part 1 (text/x-shellscript)'],
      ['cloud-init', 'multipart part 2 (text/cloud-config)'],
    ]);
  });

  it('decodes base64 parts and skips include-url parts', () => {
    const b64 = Buffer.from('#!/bin/sh\necho hi\n').toString('base64');
    const text = `Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/x-include-url\n\nhttps://example.com/x\n--B\nContent-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\n${b64}\n--B--\n`;
    const docs = multipartUserDataExtractor.extract(doc('user-data', text), []);
    expect(docs.map((d) => d.text)).toEqual(['#!/bin/sh\necho hi\n']);
    expect(hostText(docs[0]!, 0, 5)).toBe(b64);
    expect(decodeBase64Text('not base64!')).toBeUndefined();
  });

  it('splits a nested multipart part into its own parts', () => {
    const text = [
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/mixed; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/x-shellscript',
      '',
      'echo nested',
      '--inner--',
      '--outer--',
      '',
    ].join('\n');
    const docs = multipartUserDataExtractor.extract(doc('user-data', text), []);
    expect(docs.map((d) => [d.kind, d.text])).toEqual([['shell', 'echo nested']]);
    expect(hostText(docs[0]!, 0, 4)).toBe('echo');
  });

  it('does not crash on multipart without a boundary', () => {
    const notes: Notification[] = [];
    expect(multipartUserDataExtractor.extract(doc('user-data', 'Content-Type: multipart/mixed\n\nhello\n'), notes)).toEqual([]);
    expect(notes).toHaveLength(1);
  });

  it('locates Windows blocks and splits statements and words with document offsets', () => {
    const text = '<powershell>\n$a = 1; Write-Host "x; y" `\n  -NoNewline\n# comment\n</powershell>\n<script>\nset A=1 && echo b\n</script>';
    const d = doc('user-data', text);
    const blocks = windowsBlocks(d);
    expect(blocks.map((b) => b.language)).toEqual(['powershell', 'cmd']);
    const ps = windowsStatements(d, blocks[0]!);
    expect(ps.map((s) => s.text)).toEqual(['$a = 1', 'Write-Host "x; y" `\n  -NoNewline']);
    const w = windowsWords(ps[1]!);
    expect(w.map((x) => x.value)).toEqual(['Write-Host', 'x; y', '-NoNewline']);
    expect(text.slice(w[1]!.contentStart, w[1]!.contentEnd)).toBe('x; y');
    expect(windowsStatements(d, blocks[1]!).map((s) => s.text)).toEqual(['set A=1', 'echo b']);
  });

  it('reads an untagged .ps1 or .bat user data file as one Windows block, and not as shell', () => {
    const ps = doc('user_data.ps1', '$r = (Invoke-RestMethod -uri http://169.254.169.254/latest/dynamic/instance-identity/document).region\n');
    expect(ps.kind).toBe('user-data');
    expect(windowsBlocks(ps)).toEqual([{ language: 'powershell', start: 0, end: ps.text.length }]);
    expect(isShellDocument(ps)).toBe(false);
    expect(windowsBlocks(doc('userdata.bat', 'set A=1\n')).map((b) => b.language)).toEqual(['cmd']);
    // Tagged content keeps its tags' blocks; a shell script named .sh is still shell.
    expect(windowsBlocks(doc('user_data.ps1', '<powershell>\nWrite-Host a\n</powershell>\n'))).toEqual([{ language: 'powershell', start: 12, end: 26 }]);
    expect(isShellDocument(doc('user-data.sh', 'echo a\n'))).toBe(true);
  });
});

