// Growth check for pathological single files: each case is scanned at size n and 4n; the
// script prints milliseconds, MB/s and the growth ratio, and fails (exit 1) when a case
// grows superlinearly (4x the input costing more than GROWTH_LIMIT x the time) or when
// 1 MB of one line takes longer than the target. Timings belong here, never in unit tests.
//
//   npm run build && node dist/bench/superlinear.js [--size 262144] [--only name]
import { parseArgs } from 'node:util';
import { loadRules, resolveConfig, scanText, createSetup } from '../src/index.js';
import { initParsers } from '../src/parsers/tree-sitter.js';
import { fakeAccessKeyIdForBench, fakeSecretForBench } from './fake-keys.js';

export interface GrowthCase {
  readonly name: string;
  readonly path: string;
  /** Text of about `size` characters. */
  readonly make: (size: number) => string;
  /** Dense with findings (thousands per MB): only growth is checked, not the 1 MB-line target. */
  readonly dense?: boolean;
  /** Bounded by a parse budget rather than linear: only the absolute ceiling is checked. */
  readonly budgeted?: boolean;
}

const repeatTo = (unit: string, size: number, head = '', tail = ''): string => head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

/** Every case here once took quadratic time (issue 11 and 12). */
export const GROWTH_CASES: readonly GrowthCase[] = [
  { name: 'heredoc-write html', path: 'x.sh', make: (n) => repeatTo('<b>x</b>', n) + '\n' },
  { name: 'aws … configure', path: 'x.sh', make: (n) => repeatTo('aws x ', n) + '\n' },
  { name: 'pair-value spaces', path: 'x.txt', make: (n) => repeatTo(' ', n, 'aws_secret_access_key') + '\n' },
  { name: 'pair-value spaces yaml', path: 'x.yaml', make: (n) => repeatTo(' ', n, 'aws_secret_access_key') + '\n' },
  { name: 'repeated name=', path: 'x.env', make: (n) => repeatTo('aws_secret_access_key=', n) + '\n' },
  { name: 'repeated name="', path: 'x.txt', make: (n) => repeatTo('secret_key="', n) + '\n' },
  { name: 'unclosed ${', path: 'x.txt', make: (n) => repeatTo('${', n, 'aws_secret_access_key=') + '\n' },
  {
    name: 'key:secret pairs',
    path: 'x.txt',
    dense: true,
    make: (n) => {
      let s = '';
      for (let i = 0; s.length < n; i++) s += `${fakeAccessKeyIdForBench(i)}:${fakeSecretForBench(i)} `;
      return s + '\n';
    },
  },
  {
    name: 'ASIA:secret pairs',
    path: 'x.txt',
    dense: true,
    make: (n) => {
      let s = '';
      for (let i = 0; s.length < n; i++) s += `${fakeAccessKeyIdForBench(i, 'ASIA')} x${fakeSecretForBench(i)}x `;
      return s + '\n';
    },
  },
  {
    name: 'many findings (lines)',
    path: 'keys.txt',
    dense: true,
    make: (n) => {
      let s = '';
      for (let i = 0; s.length < n; i++) s += `id = ${fakeAccessKeyIdForBench(i)}\n`;
      return s;
    },
  },
  { name: 'long line of spaces (tf)', path: 'main.tf', make: (n) => repeatTo(' ', n, 'resource "aws_instance" "x" {\n  ami = "') + '\n' },
  // The HCL reader (src/parsers/hcl.ts): nesting past its cap, unclosed templates, many blocks.
  { name: 'nested brackets (tf)', path: 'main.tf', make: (n) => repeatTo('[', n, 'resource "aws_instance" "x" {\n  a = ') + '\n}\n' },
  { name: 'unclosed interpolations (tf)', path: 'main.tf', make: (n) => repeatTo('"${', n, 'resource "aws_instance" "x" {\n  user_data = ') + '\n}\n' },
  { name: 'block comments on one line (tf)', path: 'main.tf', make: (n) => repeatTo('/**/ ', n, 'locals {\n  a = 1 ') + '\n}\n' },
  { name: 'many blocks (tf)', path: 'main.tf', dense: true, make: (n) => repeatTo('resource "aws_instance" "x" {\n  ami = "a"\n  user_data = <<EOF\necho ${var.x}\nEOF\n}\n', n) },
  { name: 'base64-ish run', path: 'x.txt', make: (n) => repeatTo('Ab1/', n) + '\n' },
  { name: 'equals run', path: 'x.txt', make: (n) => repeatTo('=', n, 'secret=') + '\n' },
  { name: 'AKIA prefix run', path: 'x.txt', make: (n) => repeatTo('AKIA', n) + '\n' },
  // Encoded secrets (src/detect/encoded.ts, the masks in src/engine/redact.ts): escapes that
  // restart nothing, runs walked once, a key id beside each so the pairing looks at every one.
  { name: 'url-encoded run', path: 'x.txt', make: (n) => repeatTo('%2F', n, `${fakeAccessKeyIdForBench(1)}:`) + '\n' },
  { name: 'json-escaped run', path: 'x.json', make: (n) => repeatTo('Ab\\/', n, `{"k":"${fakeAccessKeyIdForBench(1)}","s":"`) + '"}\n' },
  { name: 'unicode-escape run', path: 'x.txt', make: (n) => repeatTo('\\u002F\\u002B', n, 'secret_key=') + '\n' },
  { name: 'half escapes', path: 'x.txt', make: (n) => repeatTo('%2%\\u002\\', n, 'aws_secret_access_key=') + '\n' },
  { name: 'padding run', path: 'x.txt', make: (n) => repeatTo('a%3D', n, 'IQoJb3JpZ2luX2Vj') + '\n' },
  {
    name: 's3a:// encoded pairs',
    path: 'x.properties',
    dense: true,
    make: (n) => {
      let s = '';
      for (let i = 0; s.length < n; i++) s += `s3a://${fakeAccessKeyIdForBench(i)}:${fakeSecretForBench(i).replaceAll('/', '%2F').replaceAll('+', '%2B')}@b `;
      return s + '\n';
    },
  },
  {
    name: 'presigned tokens',
    path: 'x.txt',
    dense: true,
    make: (n) => {
      let s = '';
      const token = `IQoJb3JpZ2luX2Vj${[1, 2, 3, 4, 5, 6].map(fakeSecretForBench).join('')}==`.replaceAll('/', '%2F').replaceAll('+', '%2B').replaceAll('=', '%3D');
      for (let i = 0; s.length < n; i++) s += `?X-Amz-Credential=${fakeAccessKeyIdForBench(i, 'ASIA')}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${token}${i} `;
      return s + '\n';
    },
  },
];

/** Above this, doubling twice (4x input) is called superlinear. Linear is ~4, quadratic ~16. */
export const GROWTH_LIMIT = 6;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '262144' }, only: { type: 'string' } } });
  await initParsers();
  const rules = loadRules();
  const setup = createSetup(resolveConfig({}, rules), rules);
  const size = Number(values.size);
  let failed = 0;
  const time = (c: GrowthCase, n: number): number => {
    const text = c.make(n);
    const t0 = process.hrtime.bigint();
    scanText(c.path, text, setup);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  console.log(`case                         ${String(size).padStart(8)}  ${String(size * 4).padStart(8)}  ratio  1MB-line ms`);
  for (const c of GROWTH_CASES) {
    if (values.only && !c.name.includes(values.only)) continue;
    time(c, 4096); // warm-up
    const small = time(c, size);
    const large = time(c, size * 4);
    const ratio = large / Math.max(small, 1);
    const perMb = (large / (size * 4)) * 1048576;
    const bad = c.budgeted ? large > 5000 : (ratio > GROWTH_LIMIT && large > 50) || (!c.dense && perMb > 1000);
    if (bad) failed++;
    console.log(`${c.name.padEnd(28)} ${small.toFixed(1).padStart(8)}  ${large.toFixed(1).padStart(8)}  ${ratio.toFixed(1).padStart(5)}  ${perMb.toFixed(0).padStart(8)}${bad ? '  SUPERLINEAR' : ''}`);
  }
  if (!values.only || '30000 findings'.includes(values.only)) {
    let text = '';
    for (let i = 0; i < 30000; i++) text += `key_${i} = "${fakeAccessKeyIdForBench(i)}"\n`;
    const t0 = process.hrtime.bigint();
    const { findings } = scanText('many.txt', text, setup);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const bad = ms > 3000;
    if (bad) failed++;
    console.log(`30,000 key ids in one file: ${findings.length} findings in ${ms.toFixed(0)} ms (target < 3000)${bad ? '  TOO SLOW' : ''}`);
  }
  if (failed > 0) {
    console.error(`${failed} case(s) grew superlinearly`);
    process.exitCode = 1;
  }
}

await main();
