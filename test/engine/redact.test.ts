// The fail-closed masks of src/engine/redact.ts: a key broken by one inserted or changed
// character leaves no 12-character piece on a line holding a finding or in a message, while
// ordinary identifiers, paths, ARNs and hashes on those lines stay readable.
import { describe, expect, it } from 'vitest';
import { SecretPieces, maskFindingLine, maskFindingText, maskLine } from '../../src/engine/redact.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText, ROOT } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, prng } from '../helpers/fake-keys.js';

function pieces(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= value.length; i++) out.push(value.slice(i, i + 12));
  return out;
}

const JUNK = ['_', '@', '*', '\u001b', ':', "'", '`', '{', ' ', '.', '-', '$', '"', '=', ','];

describe('maskFindingLine', () => {
  it('a key id or secret broken by one inserted or changed character leaves no 12-character piece (2,000 cases)', () => {
    const rand = prng('redact-pieces');
    for (let i = 0; i < 1000; i++) {
      for (const key of [fakeAccessKeyId(`p${i}`), fakeSecretAccessKey(`p${i}`)]) {
        const at = 1 + Math.floor(rand() * (key.length - 2));
        const junk = JUNK[Math.floor(rand() * JUNK.length)] as string;
        const broken = rand() < 0.5 ? key.slice(0, at) + junk + key.slice(at) : key.slice(0, at) + junk + key.slice(at + 1);
        const line = `  credentials: { accessKeyId: '${broken}', region: 'us-east-1' },`;
        const masked = maskFindingLine(line);
        expect(masked.length).toBe(line.length);
        for (const p of pieces(key)) expect(masked, `${line} → ${masked}`).not.toContain(p);
      }
    }
  });

  it('pieces glued to names: AKIA…_secret_access_key, accessKeyIAKIA…, a key id piece before lower-case text', () => {
    const id = fakeAccessKeyId('glued');
    for (const line of [`aws_access_key_id = ${id.slice(0, 14)}_secret_access_key = x`, `accessKeyI${id.slice(1)}'`, `/ro${id.slice(0, 16)}ot/.aws`]) {
      const masked = maskFindingLine(line);
      for (const p of pieces(id)) expect(masked).not.toContain(p);
    }
  });

  it('keeps ordinary text on a finding line readable', () => {
    for (const line of [
      'arn:aws:iam::123456789012:policy/AdministratorAccess AmazonEC2RoleforSSM AmazonSSMManagedInstanceCore',
      'ami-0abcdef1234567890 i-0123456789abcdef0 ec2:DescribeInstances DescribeInstancesV2Command',
      'node_modules/@aws-sdk/client-s3/dist-cjs/index.js /usr/local/bin/python3 CLOUDFORMATION AWSTemplateFormatVersion',
      'const credentials = new AWS.SharedIniFileCredentials({ profile }); fromTemporaryCredentials NewStaticCredentialsProvider',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html 2023/01/01/report',
      'MyWebServerInstanceProfile2, XMLHttpRequest, AmazonS3ReadOnlyAccess, requireInstanceProfile X-Amz-Date=20240101T000000Z',
      'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]) {
      expect(maskFindingLine(line)).toBe(line);
    }
  });

  it('masks what maskLine masks, and the explicit ranges', () => {
    const secret = fakeSecretAccessKey('explicit');
    const line = `secret=${secret}`;
    expect(maskFindingLine(line)).toBe(maskLine(line));
    expect(maskFindingLine('value=abc', [{ start: 6, end: 9, kind: 'secret' }])).toBe('value=***');
  });

  it('escaped and encoded pieces are measured decoded: %2F and \\u002F count as one character', () => {
    const secret = fakeSecretAccessKey('enc-piece');
    const piece = `${secret.slice(0, 6)}%2F${secret.slice(6, 12)}`;
    expect(maskFindingLine(`x ${piece} y`)).not.toContain(secret.slice(0, 6));
    const uni = `${secret.slice(0, 6)}\\u002F${secret.slice(6, 12)}`;
    expect(maskFindingLine(`x ${uni} y`)).not.toContain(secret.slice(6, 12));
  });

  it('maskFindingText masks every line', () => {
    const id = fakeAccessKeyId('multi');
    expect(maskFindingText(`a\n${id.slice(0, 15)}-\nb`)).toBe(`a\n${'*'.repeat(15)}-\nb`);
  });

  it('maskFindingText shows the paths it is told to keep, and masks the rest of the text', () => {
    const path = 'RhinoSecurityLabs+cloudgoat/cloudgoat/scenarios/aws/vulnerable_cognito/app.js';
    const secret = fakeSecretAccessKey('keep-path');
    expect(maskFindingText(`${path}: not fully scanned`)).not.toContain('RhinoSecurityLabs+cloudgoat');
    expect(maskFindingText(`${path}: not fully scanned`, [path])).toBe(`${path}: not fully scanned`);
    const masked = maskFindingText(`${path}: ${secret} and ${path}`, [path, 'other/path+x/file.tf']);
    expect(masked).toBe(`${path}: ${maskFindingText(secret)} and ${path}`);
    expect(masked).not.toContain(secret.slice(8, 20));
    // A path that is part of a longer run (a secret holding it) is masked with the run.
    const inside = `k=${secret}`;
    const piece = secret.slice(4, 20);
    expect(maskFindingText(inside, [piece])).not.toContain(piece);
    const both = maskFindingText(`${piece}${secret.slice(20)} in ${piece}`, [piece]);
    expect(both.endsWith(` ${piece}`)).toBe(true);
    expect(both.slice(0, -piece.length)).not.toContain(secret.slice(8, 20));
  });

  it('a notification about a file whose path holds "+" names the file readably (CLI, JSON)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-plus-'));
    const rel = 'aws-quickstart+quickstart-linux-bastion/scripts';
    mkdirSync(join(dir, rel), { recursive: true });
    writeFileSync(join(dir, rel, 'main.tf'), 'resource "aws_instance" "x" {\n  ami = = "a"\n}\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/credlint.js'), '--no-git', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    const notes = (JSON.parse(run.stdout) as { notifications: Array<{ id: string; message: string }> }).notifications;
    expect(notes.find((n) => n.id === 'parse-error')?.message).toMatch(/^aws-quickstart\+quickstart-linux-bastion\/scripts\/main\.tf:2:/);
  });
});

describe('pieces of a secret found elsewhere in the file', () => {
  it('SecretPieces: every 12-character piece of a known value, merged into ranges', () => {
    const secret = fakeSecretAccessKey('pieces-unit');
    const pieces = new SecretPieces();
    pieces.add(secret);
    const line = `x ${secret.slice(5, 30)} y ${secret.slice(0, 11)}`;
    expect(pieces.ranges(line)).toEqual([{ start: 2, end: 27, kind: 'secret' }]);
  });

  it('a broken copy glued to words (reads like an identifier) is masked because an intact copy was found', () => {
    const secret = `aZ9zHDgMZWc2kv/Arakg5FyHNDVErGm5y1OFm1dZ`.slice(0, 3) + fakeSecretAccessKey('pieces-engine').slice(3);
    const id = fakeAccessKeyId('pieces-engine');
    const broken = `aws_acc${secret.slice(12, 30)}ess_key_id = ${id}`;
    const text = `#!/bin/bash\n${broken}\naws_secret_access_key = ${secret}\n`;
    const { findings } = lintText('user-data.sh', text);
    const out = JSON.stringify(findings);
    for (const p of pieces(secret)) expect(out).not.toContain(p);
  });
});

describe('the plain-line fast path', () => {
  it('masks a line without escapes exactly as the escape-aware pass does (20,000 lines)', () => {
    // A trailing ` &` opens no escape and joins no run, but sends the line through the
    // escape-aware regexes: both paths must mask the rest alike.
    const rand = prng('redact-plain-path');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.: "\'';
    for (let i = 0; i < 10000; i++) {
      const parts: string[] = [];
      const n = 1 + Math.floor(rand() * 6);
      for (let k = 0; k < n; k++) {
        const r = rand();
        if (r < 0.25) parts.push(fakeSecretAccessKey(`plain${i}:${k}`).slice(0, 10 + Math.floor(rand() * 31)));
        else if (r < 0.4) parts.push(fakeAccessKeyId(`plain${i}:${k}`));
        else {
          let s = '';
          const len = 1 + Math.floor(rand() * 45);
          for (let c = 0; c < len; c++) s += alphabet[Math.floor(rand() * alphabet.length)];
          parts.push(s);
        }
      }
      const line = parts.join(rand() < 0.5 ? ' ' : alphabet[Math.floor(rand() * alphabet.length)]!);
      expect(maskFindingLine(`${line} &`), line).toBe(`${maskFindingLine(line)} &`);
      expect(maskLine(`${line} &`), line).toBe(`${maskLine(line)} &`);
    }
  });
});
