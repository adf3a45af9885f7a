// Mutation fuzzer, one target per parser family, deterministic by seed:
//
//   npm run fuzz -- --family terraform --count 10000 [--seed s] [--timeout-ms 2000]
//   npm run fuzz -- --family all --count 1000
//
// Each input is a real-looking file of the family with a planted key id and secret (generated
// here, never stored), damaged by random mutations (deletions, duplications, hostile bytes:
// NUL, lone CR, `${`, `$(`, quotes, heredoc markers, long runs). Every input is scanned with
// scanText and printed by every reporter. Counted: exceptions out of the API, inputs over the
// time budget, outputs holding a whole planted secret or a 12-character piece of one (with where it
// leaked: format and field), whether
// the planted key id was still found (when it survived the mutations intact), peak RSS.
import { parseArgs } from 'node:util';
import { createSetup, formatGithub, formatJson, formatSarif, formatStylish, loadRules, resolveConfig, scanText } from '../src/index.js';
import type { ScanResult } from '../src/index.js';
import { initParsers } from '../src/parsers/tree-sitter.js';
import { fakeAccessKeyIdForBench, fakeSecretForBench } from './fake-keys.js';

export const FAMILIES = ['terraform', 'cloudformation', 'json', 'shell', 'dockerfile', 'cloud-init', 'user-data', 'dotenv', 'javascript'] as const;
export type Family = (typeof FAMILIES)[number];

function rng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function template(family: Family, id: string, secret: string): { path: string; text: string } {
  switch (family) {
    case 'terraform':
      return { path: 'main.tf', text: `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${id}"\n  secret_key = "${secret}"\n}\n\nresource "aws_instance" "web" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n  user_data     = <<-EOF\n    #!/bin/bash\n    aws configure set aws_secret_access_key ${secret}\n    curl http://169.254.169.254/latest/meta-data/\n  EOF\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n` };
    case 'cloudformation':
      return { path: 'template.yaml', text: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-123\n      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n          export AWS_ACCESS_KEY_ID=${id}\n          export AWS_SECRET_ACCESS_KEY=${secret}\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          AWS_SECRET_ACCESS_KEY: ${secret}\n` };
    case 'json':
      return { path: 'template.json', text: JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret } } } } } }, null, 2) };
    case 'shell':
      return { path: 'user-data.sh', text: `#!/bin/bash\nset -e\ncat <<EOF > /root/.aws/credentials\n[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\nEOF\naws configure set aws_secret_access_key "$(echo ${secret})"\nexport AWS_ACCESS_KEY_ID=${id}\n` };
    case 'dockerfile':
      return { path: 'Dockerfile', text: `FROM alpine:3\nARG AWS_ACCESS_KEY_ID=${id}\nENV AWS_SECRET_ACCESS_KEY=${secret}\nRUN aws configure set aws_secret_access_key ${secret} && \\\n    echo done\nCOPY .aws /root/.aws\n` };
    case 'cloud-init':
      return { path: 'cloud-config.yaml', text: `#cloud-config\nwrite_files:\n  - path: /root/.aws/credentials\n    content: |\n      [default]\n      aws_access_key_id = ${id}\n      aws_secret_access_key = ${secret}\nruncmd:\n  - aws configure set aws_secret_access_key ${secret}\n` };
    case 'user-data':
      return { path: 'user-data.txt', text: `Content-Type: multipart/mixed; boundary="XX"\nMIME-Version: 1.0\n\n--XX\nContent-Type: text/x-shellscript\n\n#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${id}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n--XX\nContent-Type: text/cloud-config\nContent-Transfer-Encoding: base64\n\n${Buffer.from(`#cloud-config\nruncmd:\n  - aws configure set aws_secret_access_key ${secret}\n`).toString('base64')}\n--XX--\n` };
    case 'dotenv':
      return { path: '.env', text: `# app\nAWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY="${secret}"\nOTHER=1\n` };
    case 'javascript':
      return { path: 'client.ts', text: `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({\n  credentials: { accessKeyId: '${id}', secretAccessKey: \`${secret}\` },\n});\nexport default s3;\n` };
  }
}

const HOSTILE = ['\0', '\r', '\r\n', '\t', '${', '$(', '"', "'", '`', '<<EOF\n', '\\', '{', '}', '[', ']', ':', '- ', '#', '\u001b[2K', '\ufeff', ' '.repeat(500), 'x'.repeat(500), '$(echo '.repeat(50)];

function mutate(text: string, rand: () => number): string {
  let out = text;
  const n = 1 + Math.floor(rand() * 4);
  for (let m = 0; m < n; m++) {
    const at = Math.floor(rand() * (out.length + 1));
    const len = Math.floor(rand() * 12);
    switch (Math.floor(rand() * 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 1:
        out = out.slice(0, at) + HOSTILE[Math.floor(rand() * HOSTILE.length)] + out.slice(at);
        break;
      case 2: {
        const from = Math.floor(rand() * out.length);
        out = out.slice(0, at) + out.slice(from, from + len * 4) + out.slice(at);
        break;
      }
      case 3:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(rand() * 128)) + out.slice(at + 1);
        break;
      default: {
        const line = out.split('\n');
        const i = Math.floor(rand() * line.length);
        line.splice(i, 0, ...line.slice(i, i + 1 + Math.floor(rand() * 3)));
        out = line.join('\n');
      }
    }
  }
  return out;
}

/** The `i`-th input of a family (for reproducing a report's example). */
export function fuzzInput(family: Family, i: number, seed = 'credlint'): { path: string; text: string; id: string; secret: string } {
  const rand = rng(`${seed}:${family}:${i}`);
  const id = fakeAccessKeyIdForBench(i);
  const secret = fakeSecretForBench(i);
  const { path, text } = template(family, id, secret);
  return { path, text: mutate(text, rand), id, secret };
}

export interface FuzzReport {
  family: Family;
  inputs: number;
  exceptions: number;
  timeouts: number;
  /** Outputs holding a whole planted secret or key id. */
  wholeLeaks: number;
  /** Outputs holding a 12-character piece of one (the secret broken by a mutation, say). */
  pieceLeaks: number;
  /** Inputs whose planted key id survived intact / of those, how many were reported. */
  keyIntact: number;
  keyFound: number;
  /** Where the pieces leaked: `<format> <field>` → inputs (the first leaking place of each input). */
  leakPlaces: Record<string, number>;
  slowestMs: number;
  examples: string[];
}

function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

/**
 * The first output and field holding `piece`: the JSON report's fields by name (message,
 * snippet, related, notification, …), the other formats as a whole.
 */
function leakPlace(outputs: Record<string, string>, piece: string): string {
  const json = outputs.json;
  if (json?.includes(piece)) {
    const report = JSON.parse(json) as unknown;
    const found: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (found.length > 0) return;
      if (typeof value === 'string') {
        if (value.includes(piece)) found.push(path);
      } else if (Array.isArray(value)) value.forEach((v) => walk(v, path));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(report, '');
    return `json ${found[0] ?? '?'}`;
  }
  for (const [format, text] of Object.entries(outputs)) {
    if (!text.includes(piece)) continue;
    const line = text.split('\n').find((l) => l.includes(piece)) ?? '';
    const field = format === 'sarif' ? (/"(\w+)":\s*"[^"]*$/.exec(line.slice(0, line.indexOf(piece)))?.[1] ?? 'text') : /^\s*>? *\d+ \|/.test(line) ? 'snippet' : 'message';
    return `${format} ${field}`;
  }
  return '?';
}

export async function runFuzz(family: Family, count: number, seed = 'credlint', timeoutMs = 2000): Promise<FuzzReport> {
  await initParsers();
  const rules = loadRules();
  const setup = createSetup(resolveConfig({}, rules), rules);
  // Warm-up, not counted: the first scan of a family loads what it needs once (the TypeScript
  // parser for JavaScript, ~2 s on a loaded machine), which is no property of any input.
  {
    const { path, text } = template(family, fakeAccessKeyIdForBench(0), fakeSecretForBench(0));
    scanText(path, text, setup);
  }
  const report: FuzzReport = { family, inputs: 0, exceptions: 0, timeouts: 0, wholeLeaks: 0, pieceLeaks: 0, keyIntact: 0, keyFound: 0, leakPlaces: {}, slowestMs: 0, examples: [] };
  for (let i = 0; i < count; i++) {
    const { path, text, id, secret } = fuzzInput(family, i, seed);
    report.inputs++;
    const t0 = performance.now();
    let out = '';
    let outputs: Record<string, string> = {};
    let threw = false;
    try {
      const { findings, notifications } = scanText(path, text, setup);
      const result: ScanResult = { findings, notifications, stats: { filesDiscovered: 1, filesScanned: 1, bytesScanned: text.length }, enabledRules: [], ruleSeverities: {}, baseDir: '/' } as ScanResult;
      const context = { result, rules, version: '0' };
      outputs = { stylish: formatStylish(context), json: formatJson(context), sarif: formatSarif(context), github: formatGithub(context) };
      out = Object.values(outputs).join('');
      const idIntact = new RegExp(`(?<![A-Za-z0-9])${id}(?![A-Za-z0-9])`).test(text);
      if (idIntact) {
        report.keyIntact++;
        // Found by the key rule, or (one defect, one finding) by a more specific rule whose
        // finding absorbed it and names it, redacted.
        const named = `${id.slice(0, 4)}…${id.slice(-4)}`;
        if (findings.some((f) => f.ruleId === 'no-hardcoded-access-key-id' || f.message.includes(named))) report.keyFound++;
      }
    } catch (error) {
      threw = true;
      report.exceptions++;
      if (report.examples.length < 5) report.examples.push(`#${i} exception ${(error as Error).name}`);
    }
    let ms = performance.now() - t0;
    if (ms > timeoutMs && !threw) {
      // Over budget: scanned once more. A module loaded on first use (a grammar's error path,
      // the IAM data) costs seconds once on a loaded machine; a pathological input is slow every time.
      const t1 = performance.now();
      try {
        scanText(path, text, setup);
      } catch {
        // counted above
      }
      ms = Math.min(ms, performance.now() - t1);
    }
    report.slowestMs = Math.max(report.slowestMs, ms);
    if (ms > timeoutMs) {
      report.timeouts++;
      if (report.examples.length < 5) report.examples.push(`#${i} took ${ms.toFixed(0)} ms`);
    }
    if (out.includes(secret) || out.includes(id)) {
      report.wholeLeaks++;
      if (report.examples.length < 5) report.examples.push(`#${i} whole secret in output`);
    } else {
      const piece = [...pieces(secret), ...pieces(id)].find((p) => out.includes(p));
      if (piece !== undefined) {
        report.pieceLeaks++;
        const where = leakPlace(outputs, piece);
        report.leakPlaces[where] = (report.leakPlaces[where] ?? 0) + 1;
        if (report.examples.length < 5) report.examples.push(`#${i} 12-char piece in ${where}`);
      }
    }
  }
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { family: { type: 'string', default: 'all' }, count: { type: 'string', default: '1000' }, seed: { type: 'string', default: 'credlint' }, 'timeout-ms': { type: 'string', default: '2000' } } });
  const families = values.family === 'all' ? FAMILIES : [values.family as Family];
  for (const f of families) if (!FAMILIES.includes(f)) throw new Error(`--family: expected all or one of ${FAMILIES.join(', ')}`);
  const t0 = performance.now();
  let failed = false;
  const totals = { inputs: 0, exceptions: 0, timeouts: 0, wholeLeaks: 0, pieceLeaks: 0, leakPlaces: {} as Record<string, number> };
  for (const family of families) {
    const r = await runFuzz(family, Number(values.count), values.seed, Number(values['timeout-ms']));
    failed ||= r.exceptions > 0 || r.timeouts > 0 || r.wholeLeaks > 0 || r.pieceLeaks > 0;
    totals.inputs += r.inputs;
    totals.exceptions += r.exceptions;
    totals.timeouts += r.timeouts;
    totals.wholeLeaks += r.wholeLeaks;
    totals.pieceLeaks += r.pieceLeaks;
    for (const [where, n] of Object.entries(r.leakPlaces)) totals.leakPlaces[where] = (totals.leakPlaces[where] ?? 0) + n;
    console.log(
      `${family.padEnd(15)} inputs ${r.inputs}  exceptions ${r.exceptions}  timeouts ${r.timeouts}  whole-leaks ${r.wholeLeaks}  piece-leaks ${r.pieceLeaks}  key found ${r.keyFound}/${r.keyIntact}  slowest ${r.slowestMs.toFixed(0)} ms${r.examples.length ? `  e.g. ${r.examples.join('; ')}` : ''}`,
    );
  }
  const places = Object.entries(totals.leakPlaces).map(([where, n]) => `${where}: ${n}`).join(', ');
  console.log(
    `total inputs ${totals.inputs}  exceptions ${totals.exceptions}  timeouts ${totals.timeouts}  whole-leaks ${totals.wholeLeaks}  piece-leaks ${totals.pieceLeaks}${places ? ` (${places})` : ''}  ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  // Any exception, input over budget, or whole secret or 12-character piece printed fails the run.
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && /fuzz\.js$/.test(process.argv[1])) await main();
