import { describe, expect, it } from 'vitest';
import {
  assignmentBefore,
  awsInvocation,
  fileWrites,
  hasStdinInput,
  neutralizeTemplateInterpolations,
  parseShell,
  shellScript,
  unwrapCommand,
} from '../../src/parsers/shell.js';
import { heredocFileExtractor } from '../../src/extract/shell-heredoc.js';
import { createDocument } from '../../src/engine/document.js';
import { lintText } from '../helpers/fixtures.js';

function words(text: string) {
  return parseShell(text).commands.map((c) => c.effective.map((w) => w.value ?? `?${w.text}`).join(' '));
}

describe('shell parser', () => {
  it('gives every argument its unquoted value and exact offsets', () => {
    const text = `aws configure set aws_secret_access_key 'a b' "c\\"d" e\\ f $'g\\th'\n`;
    const cmd = parseShell(text).commands[0]!;
    expect(cmd.argv.map((w) => w.value)).toEqual(['aws', 'configure', 'set', 'aws_secret_access_key', 'a b', 'c"d', 'e f', 'g\th']);
    const quoted = cmd.argv[4]!;
    expect(text.slice(quoted.start, quoted.end)).toBe("'a b'");
    expect(text.slice(quoted.contentStart, quoted.contentEnd)).toBe('a b');
  });

  it('classifies values as literal, expansion or command substitution', () => {
    const script = parseShell('A=x\nB="$A/y"\nC=$(aws ssm get-parameter --name n)\nexport D\n');
    expect(script.assignments.map((a) => [a.name, a.value?.kind, a.via])).toEqual([
      ['A', 'literal', 'assignment'],
      ['B', 'expansion', 'assignment'],
      ['C', 'command-substitution', 'assignment'],
      ['D', undefined, 'export'],
    ]);
    expect(script.assignments[1]!.value!.variables).toEqual(['A']);
    expect(script.assignments[2]!.value!.substitutions[0]!.text).toBe('aws ssm get-parameter --name n');
    expect(assignmentBefore(script, 'A', 100)?.value?.value).toBe('x');
  });

  it('records export, declare -x, prefix and env assignments as exported', () => {
    const script = parseShell('export A=1\ndeclare -x B=2\nC=3 run\nenv D=4 run\nsudo E=5 run\nlocal F=6\n');
    expect(script.assignments.map((a) => [a.name, a.via, a.exported])).toEqual([
      ['A', 'export', true],
      ['B', 'declare', true],
      ['C', 'prefix', true],
      ['D', 'env', true],
      ['E', 'env', true],
      ['F', 'local', false],
    ]);
  });

  it('unwraps sudo, env, nohup, timeout and time', () => {
    expect(words('sudo -u ec2-user -H aws s3 ls\nnohup timeout 5s env -i X=1 aws sts get-caller-identity &\n')).toEqual([
      'aws s3 ls',
      'aws sts get-caller-identity',
    ]);
    expect(unwrapCommand([]).effective).toEqual([]);
  });

  it('links pipeline stages, including a heredoc command piped to tee', () => {
    const script = parseShell('printf "%s\\n" a | sudo tee /x\ncat <<EOF | tee /y\nbody\nEOF\ncat <<EOF && echo no\nb\nEOF\n');
    const tees = script.commands.filter((c) => c.effective[0]?.value === 'tee');
    expect(tees.map((c) => c.upstream?.effective[0]?.value)).toEqual(['printf', 'cat']);
    const echo = script.commands.find((c) => c.effective[0]?.value === 'echo')!;
    expect(echo.upstream).toBeUndefined();
    expect(hasStdinInput(tees[0]!)).toBe(true);
  });

  it('finds file writes with their content: redirects, heredocs, tee, copies, compound statements', () => {
    const text = [
      'echo "k = v" > /a',
      'cat > /b <<EOF',
      'heredoc body',
      'EOF',
      'cat <<EOF >> /c',
      'second',
      'EOF',
      'echo piped | tee -a /d',
      'cp /src /e',
      'aws s3 cp s3://bucket/key /f',
      '{ echo x; echo y; } > /g',
      'ls 2> /dev/null',
      '',
    ].join('\n');
    const writes = fileWrites(parseShell(text)).map((w) => [w.target.value, w.via, w.content]);
    expect(writes).toEqual(
      expect.arrayContaining([
        ['/a', 'redirect', 'k = v'],
        ['/b', 'redirect', 'heredoc body\n'],
        ['/c', 'redirect', 'second\n'],
        ['/d', 'tee', 'piped'],
        ['/e', 'copy', undefined],
        ['/f', 'copy', undefined],
        ['/g', 'redirect', '{ echo x; echo y; }'],
      ]),
    );
    expect(writes.some((w) => w[0] === '/dev/null')).toBe(false);
  });

  it('parses nested scripts of bash -c, su -c and heredocs fed to a shell at their real offsets', () => {
    const text = `bash -lc 'aws s3 ls'\nsu - app -c "aws sts get-caller-identity"\nsudo -u app bash <<'EOF'\naws iam list-users\nEOF\n`;
    const script = parseShell(text);
    const nested = script.commands.filter((c) => c.nesting === 1);
    expect(nested.map((c) => text.slice(c.start, c.end))).toEqual(['aws s3 ls', 'aws sts get-caller-identity', 'aws iam list-users']);
  });

  it('neutralises template interpolations without moving any offset', () => {
    const text = 'export A=${var.key} B="${lookup(m, "k")}" C=${HOME:-/root} D=${x}\necho after\n';
    const out = neutralizeTemplateInterpolations(text);
    expect(out.length).toBe(text.length);
    expect(out).toContain('A=${var_key}');
    expect(out).toContain('C=${HOME:-/root} D=${x}');
    const script = parseShell(text);
    expect(script.hasErrors).toBe(false);
    expect(script.assignments.map((a) => a.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(script.commands.map((c) => c.effective[0]?.value)).toEqual(['echo']);
  });

  it('recognises aws global options before the service', () => {
    const cmd = parseShell('aws --profile p --region us-east-1 --no-cli-pager configure set x y\n').commands[0]!;
    const aws = awsInvocation(cmd)!;
    expect([aws.service?.value, aws.args.map((w) => w.value), aws.profile]).toEqual(['configure', ['set', 'x', 'y'], 'p']);
  });

  it('keeps commands around syntax errors and never throws', () => {
    const script = parseShell('echo ok\nif [ -f x ; then\n  aws configure set aws_access_key_id X\n( ( (\ncurl http://x `\n');
    expect(script.hasErrors).toBe(true);
    expect(script.commands.some((c) => c.effective[0]?.value === 'echo')).toBe(true);
    for (const input of ['', '\0\0\0', '"unterminated', "$'\\", '<<EOF', 'a'.repeat(10_000), '((((((((((']) {
      expect(() => parseShell(input)).not.toThrow();
    }
  });

  it('caches the model per document and only parses shell documents', () => {
    const doc = createDocument({ path: 'user-data.sh', kind: 'user-data', language: 'user-data', text: 'echo hi\n' });
    expect(shellScript(doc)).toBe(shellScript(doc));
    const cloud = createDocument({ path: 'user-data', kind: 'user-data', language: 'user-data', text: '#cloud-config\nruncmd: []\n' });
    expect(shellScript(cloud)).toBeUndefined();
    const windows = createDocument({ path: 'user-data', kind: 'user-data', language: 'user-data', text: '<powershell>\nWrite-Host 1\n</powershell>\n' });
    expect(shellScript(windows)).toBeUndefined();
  });

  it('scans malformed scripts with the bootstrap rules without crashing', () => {
    const broken = 'aws configure set aws_access_key_id "unterminated\nexport AWS_SECRET_ACCESS_KEY=x $(\n}}}\n';
    const { notifications } = lintText('user-data.sh', broken, {
      rules: ['no-aws-configure-in-bootstrap', 'no-static-credentials-in-bootstrap', 'no-imdsv1-calls'],
    });
    expect(notifications.filter((n) => n.id === 'rule-error')).toEqual([]);
  });

  it('parses a command kept in a variable where it runs ($CMD, $($CMD), eval), once per value', () => {
    const text = [
      "Q='curl http://169.254.169.254/latest/meta-data/hostname'",
      'echo "$($Q) $($Q)"',
      'R="aws configure list"',
      'eval "$R"',
      'S=(not a string)',
      '$S',
      '',
    ].join('\n');
    const nested = parseShell(text).commands.filter((c) => c.nesting === 1);
    expect(nested.map((c) => [text.slice(c.start, c.end), c.start])).toEqual([
      ['curl http://169.254.169.254/latest/meta-data/hostname', 3],
      ['aws configure list', 80],
    ]);
  });

  it('links every stage of a pipeline that continues after a heredoc, and skips comments between stages', () => {
    const script = parseShell('cat <<EOF | grep a | tee /x\nbody\nEOF\nprintf x | # note\n  tee /y\n');
    const upstream = (name: string, target: string) =>
      script.commands.find((c) => c.effective[0]?.value === name && c.effective.at(-1)?.value === target)?.upstream?.effective[0]?.value;
    expect(upstream('grep', 'a')).toBe('cat');
    expect(upstream('tee', '/x')).toBe('grep');
    expect(upstream('tee', '/y')).toBe('printf');
  });

  it('does not link a command after && in a heredoc statement to the heredoc command', () => {
    const script = parseShell('cat <<EOF && tee /z\nb\nEOF\n');
    expect(script.commands.find((c) => c.effective[0]?.value === 'tee')?.upstream).toBeUndefined();
  });

  it('keeps the line breaks of a multi-line double-quoted value and reads == and a bare $ as literal words', () => {
    const script = parseShell('MSG="line one\nline two"\ntest "$a" == b $\n');
    expect(script.assignments[0]!.value!.value).toBe('line one\nline two');
    expect(script.commands[0]!.argv.map((w) => [w.value, w.kind])).toEqual([
      ['test', 'literal'],
      [undefined, 'expansion'],
      ['==', 'literal'],
      ['b', 'literal'],
      ['$', 'literal'],
    ]);
  });

  it('still finds a command that an invalid call nests inside another command', () => {
    // `f(a b)` is not bash; tree-sitter keeps `aws configure …` as a command inside `f`.
    const script = parseShell('Aws.config.update(aws configure set aws_access_key_id X)\n');
    expect(script.commands.some((c) => c.effective[0]?.value === 'aws')).toBe(true);
  });

  it('takes an assignment value by its field and a redirect target past error nodes', () => {
    const script = parseShell('export AWS_SECURITY_TOKEN=<paste-your-token-here>\ncat >\n<conf\n');
    expect(script.assignments.map((a) => [a.name, a.value?.value])).toEqual([['AWS_SECURITY_TOKEN', 'paste-your-token-here']]);
    expect(fileWrites(script).map((w) => w.target.value)).toContain('conf');
  });

  it('gives the same model as a full walk for words, strings and substitutions it skips', () => {
    // Subtrees without `$(`, backticks or `<(`/`>(` are never visited; these are the cases a
    // skipped subtree could have hidden a command in.
    const text = 'for f in $(ls /etc); do echo "$(cat $f)"; done\nif [[ $(id -u) == 0 ]]; then x=`whoami`; fi\ndiff <(sort a) >(tee b)\n';
    const names = parseShell(text).commands.map((c) => c.effective[0]?.value);
    expect(names).toEqual(['ls', 'echo', 'cat', 'id', 'whoami', 'diff', 'sort', 'tee']);
  });

  it('extracts scripts and Dockerfiles written from heredocs as documents mapped onto the body', () => {
    const text = [
      '#!/bin/bash',
      "cat > /opt/app/start.sh <<'EOF'",
      'curl -s http://169.254.169.254/latest/meta-data/instance-id',
      'EOF',
      'cat <<EOF | sudo tee /tmp/Dockerfile >/dev/null',
      'FROM alpine',
      'ENV AWS_REGION=us-east-1',
      'EOF',
      'cat <<EOF > /etc/app.conf',
      'AWS_REGION=x',
      'EOF',
      '',
    ].join('\n');
    const host = createDocument({ path: 'user-data.sh', kind: 'user-data', language: 'user-data', text });
    const docs = heredocFileExtractor.extract(host, []);
    expect(docs.map((d) => [d.kind, d.host?.label, d.text])).toEqual([
      ['shell', 'heredoc > /opt/app/start.sh', 'curl -s http://169.254.169.254/latest/meta-data/instance-id\n'],
      ['dockerfile', 'heredoc > /tmp/Dockerfile', 'FROM alpine\nENV AWS_REGION=us-east-1\n'],
    ]);
    const r = docs[0]!.host!.map.mapRange(5, 9);
    expect(text.slice(r.start, r.end)).toBe('-s h');
    // Nothing a bootstrap rule could report on: not even parsed.
    const plain = createDocument({ path: 'user-data.sh', kind: 'user-data', language: 'user-data', text: 'cat > /opt/run.sh <<EOF\necho hi\nEOF\n' });
    expect(heredocFileExtractor.extract(plain, [])).toEqual([]);
  });
});
