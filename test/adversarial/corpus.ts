// The adversarial corpus: hostile inputs, each a small tree of files generated at test time
// (keys from test/helpers/fake-keys.ts, never in the repository). Every case is scanned next to
// a neighbour file holding a planted key id, which must still be reported: one hostile file
// must never cost the findings of the others.
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

export interface AdversarialCase {
  readonly name: string;
  /** Files of the case (relative path → content). */
  readonly files: Record<string, string | Buffer>;
  /** Extra work after the files are written (symbolic links, FIFOs). */
  readonly setup?: (dir: string) => void;
  /** Extra CLI arguments (rule selection). */
  readonly args?: readonly string[];
  /** Values that no output may show, whole or as any 12-character piece. */
  readonly secrets: readonly string[];
  /** Notification ids that must be present. */
  readonly notifications?: readonly string[];
  /** [path, line, column] findings that must be reported (besides the neighbour's). */
  readonly findings?: ReadonlyArray<readonly [string, number, number]>;
  /** Expected exit code (default 1: the neighbour's key is an error). */
  readonly exitCode?: number;
}

export const NEIGHBOUR_PATH = 'neighbour/app.env';
export const NEIGHBOUR_KEY = fakeAccessKeyId('adversarial-neighbour');
export const NEIGHBOUR_TEXT = `AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${NEIGHBOUR_KEY}\n`;

const ESC = '\u001b';

function s(n: number): string {
  return fakeSecretAccessKey(`adv-${n}`);
}
function k(n: number, prefix: 'AKIA' | 'ASIA' = 'AKIA'): string {
  return fakeAccessKeyId(`adv-${n}`, prefix);
}

function pairsLine(count: number): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  let text = '';
  for (let i = 0; i < count; i++) {
    const id = k(1000 + i);
    const secret = s(1000 + i);
    secrets.push(id, secret);
    text += `${id}:${secret} `;
  }
  return { text: `${text}\n`, secrets };
}

/** The corpus. Sizes are those that took minutes or gigabytes before the fixes, kept small enough for `npm test`. */
export function adversarialCases(): AdversarialCase[] {
  const pairs = pairsLine(300);
  const gzipBomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61)).toString('base64').replace(/.{76}/g, '$&\n');
  const broken = s(7);
  const jsonSecret = s(8);
  const urlSecret = s(9);
  const cfnSecret = s(10);
  const justSecret = s(11);
  const eqSecret = s(12);
  return [
    {
      name: 'nested command substitutions in user data (quadratic memory in readWord)',
      files: { 'user-data.sh': `#!/bin/bash\naws s3 ls\necho ${'"$(echo '.repeat(4000)}AWS_SECRET_ACCESS_KEY${')"'.repeat(4000)}\n` },
      secrets: [],
    },
    {
      name: 'credential name followed by a long run of spaces (PAIR_VALUE)',
      files: { 'notes.txt': `aws_secret_access_key${' '.repeat(300_000)}\n` },
      secrets: [],
      exitCode: 1,
    },
    {
      name: 'aws_secret_access_key= repeated on one line (BARE_VALUE rescans)',
      files: { 'a.env': `${'aws_secret_access_key='.repeat(20_000)}\n` },
      secrets: [],
    },
    {
      name: '300 key:secret pairs on one line (pairing windows; the growth check runs 16,000 in the bench), every secret masked',
      files: { 'pairs.txt': pairs.text },
      secrets: pairs.secrets,
      findings: [['pairs.txt', 1, 1]],
    },
    {
      name: 'a line of <b>x</b> in a shell script (HEREDOC_FILE_WRITE)',
      files: { 'x.sh': `#!/bin/sh\n${'<b>x</b>'.repeat(40_000)}\n` },
      secrets: [],
    },
    {
      name: 'aws … without configure, repeated (the aws-configure pre-filter)',
      files: { 'boot.sh': `#!/bin/sh\n${'aws x '.repeat(50_000)}\n` },
      secrets: [],
    },
    {
      name: 'gzip bomb in MIME multipart user data',
      files: {
        'user-data.txt': `Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\nContent-Encoding: gzip\n\n${gzipBomb}\n--B--\n`,
      },
      secrets: [],
      notifications: ['not-fully-scanned'],
    },
    {
      name: 'broken Terraform with a long blank run (tree-sitter budget)',
      files: { 'main.tf': `resource "aws_instance" "x" {\n  ami = "${' '.repeat(40_000)}\n  user_data = "aws configure set aws_secret_access_key x"\n` },
      secrets: [],
    },
    {
      name: 'a 64K-character IAM action',
      files: { 'iam.tf': `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:${'*a'.repeat(32_000)}", Resource = "*" }] })\n}\n` },
      secrets: [],
    },
    {
      name: 'Terraform with 25,000 list items',
      files: {
        'big.tf': `resource "aws_instance" "x" {\n  ami = "a"\n  vpc_security_group_ids = [${Array.from({ length: 25_000 }, (_, i) => `"sg-${i}"`).join(', ')}]\n  user_data = "aws s3 ls"\n}\n`,
      },
      secrets: [],
    },
    {
      name: 'JSON-escaped secret next to a key id on one line (snippet mask)',
      files: { 'dump.json': `{"id":"${k(2)}","secret":"${jsonSecret.replace(/\//g, '\\/')}"}\n` },
      secrets: [jsonSecret, jsonSecret.replace(/\//g, '\\/')],
      findings: [['dump.json', 1, 8]],
    },
    {
      name: 'URL-encoded secret in an s3a URL',
      files: { 'job.conf': `path = s3a://${k(3)}:${encodeURIComponent(urlSecret)}@bucket/data\n` },
      secrets: [urlSecret, encodeURIComponent(urlSecret)],
    },
    {
      name: 'secret right after = with the secret rules off (fail-closed snippet mask)',
      files: { 'cfg.ini': `key=${k(4)} secret=${eqSecret}\n` },
      args: ['--rule', 'no-hardcoded-access-key-id'],
      secrets: [eqSecret],
    },
    {
      name: 'CloudFormation parse error quoting a secret, secret rules off',
      files: {
        'template.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: |aws_secret_access_key=${cfnSecret}\n        x\n`,
      },
      args: ['--disable-rule', 'no-hardcoded-secret-access-key', '--disable-rule', 'no-credentials-in-environment'],
      secrets: [cfnSecret],
    },
    {
      name: 'a suppression justification holding a secret',
      files: { 'sup.sh': `# credlint-disable-next-line no-hardcoded-access-key-id -- rotated, was ${justSecret}\nexport X=${k(5)}\n` },
      secrets: [justSecret],
    },
    {
      name: 'a secret broken by one inserted character',
      files: { 'broken.env': `AWS_ACCESS_KEY_ID=${k(6)}\nAWS_SECRET_ACCESS_KEY=${broken.slice(0, 17)}-${broken.slice(17)}\n` },
      secrets: [broken],
    },
    {
      name: 'terminal escapes and an OSC-8 link in a CloudFormation logical id',
      files: {
        't.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  "Evil${ESC}[2K${ESC}[1A${ESC}]8;;http://x.invalid${ESC}\\\\fake: all clear\\n::error::x":\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData: !Base64 "aws s3 ls"\n`,
      },
      secrets: [],
    },
    {
      name: 'a file named like a workflow command',
      files: { '::stop-commands::abc/x.env': `AWS_ACCESS_KEY_ID=${k(13)}\n` },
      secrets: [],
    },
    {
      name: 'a NUL byte in a key-laden script (still scanned)',
      files: { 'run.sh': Buffer.concat([Buffer.from('#!/bin/sh\n\0\n'), Buffer.from(`export AWS_ACCESS_KEY_ID=${k(14)}\n`)]) },
      secrets: [],
      findings: [['run.sh', 3, 26]],
      notifications: ['binary-file'],
    },
    {
      name: 'UTF-16 LE without a BOM',
      files: { 'w.env': Buffer.from(`AWS_ACCESS_KEY_ID=${k(15)}\r\n`, 'utf16le') },
      secrets: [],
      findings: [['w.env', 1, 19]],
    },
    {
      name: 'UTF-32 LE with a BOM',
      files: {
        'w32.env': (() => {
          const text = `AWS_ACCESS_KEY_ID=${k(16)}\n`;
          const buf = Buffer.alloc(4 + text.length * 4);
          buf.writeUInt32LE(0xfeff, 0);
          for (let i = 0; i < text.length; i++) buf.writeUInt32LE(text.charCodeAt(i), 4 + i * 4);
          return buf;
        })(),
      },
      secrets: [],
      findings: [['w32.env', 1, 19]],
    },
    {
      name: 'a symbolic link out of the scan root (not followed)',
      files: { '../outside/credentials': `[default]\naws_access_key_id = ${k(17)}\naws_secret_access_key = ${s(17)}\n` },
      setup: (dir) => symlinkSync(join(dir, '..', 'outside', 'credentials'), join(dir, 'notes.txt')),
      secrets: [k(17), s(17)],
      notifications: ['not-a-file'],
    },
    {
      name: 'package.json and a .tf sibling linked to /dev/zero, a FIFO named like a script',
      files: { 'mod/main.tf': 'resource "aws_instance" "x" {\n  ami = "a"\n}\n' },
      setup: (dir) => {
        symlinkSync('/dev/zero', join(dir, 'package.json'));
        symlinkSync('/dev/zero', join(dir, 'mod', 'zero.tf'));
        execFileSync('mkfifo', [join(dir, 'pipe.sh')]);
      },
      secrets: [],
      notifications: ['not-a-file'],
    },
    {
      name: 'a lone CR in a Dockerfile (one line model)',
      files: { Dockerfile: `FROM alpine\r# comment\nENV AWS_SECRET_ACCESS_KEY=${s(18)}\n` },
      secrets: [s(18)],
      // One defect, one finding: the ENV key is reported by no-credentials-in-image, at the name.
      findings: [['Dockerfile', 2, 5]],
    },
    {
      name: '5,000 findings in one file',
      files: { 'many.txt': Array.from({ length: 5000 }, (_, i) => `k${i} = ${k(3000 + i)}`).join('\n') },
      secrets: [],
      findings: [['many.txt', 5000, 9]],
    },
  ];
}

/** Writes a case (and the neighbour) under `dir`. */
export function writeCase(dir: string, c: AdversarialCase): void {
  for (const [rel, content] of Object.entries({ ...c.files, [NEIGHBOUR_PATH]: NEIGHBOUR_TEXT })) {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  c.setup?.(dir);
}

/** Every 12-character piece of `secret` (and the whole) that `output` contains. */
export function leakedPieces(output: string, secret: string): string[] {
  return leakedPiecesOfAny(output, [secret]);
}

/**
 * Every 12-character piece of any of `secrets` found in `output`: one pass over the output's
 * runs of key characters with a set lookup per window (an `includes` per piece and secret was
 * quadratic on reports of thousands of findings).
 */
export function leakedPiecesOfAny(output: string, secrets: readonly string[]): string[] {
  const pieces = new Set<string>();
  for (const secret of secrets) for (let i = 0; i + 12 <= secret.length; i++) pieces.add(secret.slice(i, i + 12));
  const found = new Set<string>();
  for (const m of output.matchAll(/[^\s"'`,;:=()[\]{}<>|&*]{12,}/g)) {
    const run = m[0];
    for (let i = 0; i + 12 <= run.length; i++) {
      const w = run.slice(i, i + 12);
      if (pieces.has(w)) found.add(w);
    }
  }
  return [...found];
}
