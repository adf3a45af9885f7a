#!/usr/bin/env node
// Measures the credential detectors on their fixture sets and writes docs/accuracy.md.
//
//   npm run accuracy        (builds first, then runs this against dist/)
//
// For each credential rule, every fixture of its set (fixtures/<id>/{positive,negative},
// keys rendered from their templates exactly as the tests do) is scanned with that rule:
//   TP  a finding on a line a positive fixture marks with `expect: <id>` (or its sidecar)
//   FN  a marked line with no finding
//   FP  a finding on an unmarked line of a positive fixture, or any finding in a negative one
// Precision = TP / (TP + FP), recall = TP / (TP + FN).
//
// The fixture helpers live in test/helpers (TypeScript, not part of the build): they are
// transpiled here with the TypeScript compiler into dist/test/helpers so the template
// renderer and the expectation parser are the very ones the tests use, not copies.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

export const CREDENTIAL_RULES = [
  'no-hardcoded-access-key-id',
  'no-hardcoded-secret-access-key',
  'no-hardcoded-session-token',
  'no-committed-credentials-file',
];

/** Transpiles test/helpers/<name>.ts to dist/test/helpers/<name>.js (relative imports then resolve into dist/). */
function transpileHelper(name) {
  const source = readFileSync(join(ROOT, 'test', 'helpers', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: `${name}.ts`,
  });
  const out = join(DIST, 'test', 'helpers', `${name}.js`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  return pathToFileURL(out).href;
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return walk(full);
      return entry.endsWith('.expect.json') ? [] : [full];
    });
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

async function main() {
  if (!existsSync(join(DIST, 'rules', 'index.js'))) {
    console.error('dist/ is missing: run `npm run accuracy` (it builds first)');
    process.exit(2);
  }
  transpileHelper('fake-keys');
  const fixturesUrl = transpileHelper('fixtures');
  const { lintText, parseExpectations } = await import(fixturesUrl);
  const { renderTemplate } = await import(pathToFileURL(join(DIST, 'test', 'helpers', 'fake-keys.js')).href);
  const { initParsers } = await import(pathToFileURL(join(DIST, 'src', 'parsers', 'tree-sitter.js')).href);
  await initParsers();

  const rows = [];
  const misses = [];
  for (const ruleId of CREDENTIAL_RULES) {
    const stats = { ruleId, positiveFiles: 0, negativeFiles: 0, markers: 0, tp: 0, fp: 0, fn: 0, noisyNegatives: 0 };
    for (const which of ['positive', 'negative']) {
      for (const file of walk(join(ROOT, 'fixtures', ruleId, which))) {
        const raw = readFileSync(file, 'utf8');
        const { text } = renderTemplate(raw);
        const name = relative(join(ROOT, 'fixtures', ruleId), file).split('\\').join('/');
        const sidecar = `${file}.expect.json`;
        const expected = (existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : parseExpectations(raw)).filter(
          (e) => e.ruleId === ruleId,
        );
        const { findings } = lintText(name, text, { rules: [ruleId] });
        const own = findings.filter((f) => f.ruleId === ruleId);
        if (which === 'negative') {
          stats.negativeFiles++;
          stats.fp += own.length;
          if (own.length > 0) stats.noisyNegatives++;
          for (const f of own) misses.push(`FP ${ruleId} ${name}:${f.region.startLine}`);
          continue;
        }
        stats.positiveFiles++;
        stats.markers += expected.length;
        // Match findings to markers line by line (a line may carry several).
        const wanted = new Map();
        for (const e of expected) wanted.set(e.line, (wanted.get(e.line) ?? 0) + 1);
        for (const f of own) {
          const left = wanted.get(f.region.startLine) ?? 0;
          if (left > 0) {
            stats.tp++;
            wanted.set(f.region.startLine, left - 1);
          } else {
            stats.fp++;
            misses.push(`FP ${ruleId} ${name}:${f.region.startLine}`);
          }
        }
        for (const [line, left] of wanted) {
          stats.fn += left;
          for (let i = 0; i < left; i++) misses.push(`FN ${ruleId} ${name}:${line}`);
        }
      }
    }
    rows.push(stats);
  }

  // Family traps: the free-text secret detectors must stay silent on every negative fixture of
  // the credential family, not only on their own (the key-id rule is left out: other sets'
  // negatives hold lone key ids on purpose).
  const familyNegatives = CREDENTIAL_RULES.flatMap((id) => walk(join(ROOT, 'fixtures', id, 'negative')).map((file) => ({ id, file })));
  const crossRows = [];
  for (const ruleId of ['no-hardcoded-secret-access-key', 'no-hardcoded-session-token']) {
    let fp = 0;
    for (const { id, file } of familyNegatives) {
      const { text } = renderTemplate(readFileSync(file, 'utf8'));
      const name = relative(join(ROOT, 'fixtures', id), file).split('\\').join('/');
      const own = lintText(name, text, { rules: [ruleId] }).findings.filter((f) => f.ruleId === ruleId);
      fp += own.length;
      for (const f of own) misses.push(`FP ${ruleId} (family negative) fixtures/${id}/${name}:${f.region.startLine}`);
    }
    crossRows.push({ ruleId, files: familyNegatives.length, fp });
  }

  // Synthetic calibration: generated keys and generated look-alikes in the same slots.
  const { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken, prng } = await import(pathToFileURL(join(DIST, 'test', 'helpers', 'fake-keys.js')).href);
  const SLOTS = [
    ['.env', (v) => `AWS_SECRET_ACCESS_KEY=${v}\n`],
    ['app.py', (v) => `client = boto3.client("s3", aws_secret_access_key="${v}")\n`],
    ['config.js', (v) => `export default { secretAccessKey: '${v}' };\n`],
    ['main.tf', (v) => `provider "aws" {\n  secret_key = "${v}"\n}\n`],
  ];
  const rand = prng('accuracy');
  const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const words = ['account', 'settings', 'handler', 'request', 'service', 'client', 'bucket', 'object', 'upload', 'config', 'secret', 'public', 'assets', 'images', 'Header', 'Button', 'index'];
  const word = () => words[Math.floor(rand() * words.length)];
  const fit = (s) => (s + pick('0123456789', 40)).slice(0, 40);
  const LOOKALIKES = {
    'git SHA (hex)': () => pick('0123456789abcdef', 40),
    'upper-case hex': () => pick('0123456789ABCDEF', 40),
    'path of words': () => fit(Array.from({ length: 8 }, word).join('/')),
    'camelCase identifier': () => fit(Array.from({ length: 8 }, () => { const w = word(); return w[0].toUpperCase() + w.slice(1); }).join('')),
    'base64 of text': () => Buffer.from(Array.from({ length: 8 }, word).join(' ')).toString('base64').slice(0, 40),
    'UUID without dashes + hex': () => pick('0123456789abcdef', 32) + pick('0123456789abcdef', 8),
  };
  const N = 250;
  const synthetic = [];
  const secretRule = 'no-hardcoded-secret-access-key';
  let found = 0;
  let tried = 0;
  for (let i = 0; i < N; i++) {
    for (const [path, slot] of SLOTS) {
      tried++;
      if (lintText(path, slot(fakeSecretAccessKey(`acc-${i}`)), { rules: [secretRule] }).findings.length > 0) found++;
    }
  }
  synthetic.push({ what: 'generated secret access keys (recall)', rule: secretRule, n: tried, hits: found });
  for (const [label, make] of Object.entries(LOOKALIKES)) {
    let hits = 0;
    let n = 0;
    for (let i = 0; i < N; i++) {
      const [path, slot] = SLOTS[i % SLOTS.length];
      n++;
      if (lintText(path, slot(make()), { rules: [secretRule] }).findings.length > 0) hits++;
    }
    synthetic.push({ what: `${label} in a secret slot (false positives)`, rule: secretRule, n, hits });
  }
  const tokenRule = 'no-hardcoded-session-token';
  let tokenHits = 0;
  for (let i = 0; i < N; i++) if (lintText('.env', `AWS_SESSION_TOKEN=${fakeSessionToken(`acc-${i}`, 200 + (i % 700))}\n`, { rules: [tokenRule] }).findings.length > 0) tokenHits++;
  synthetic.push({ what: 'generated session tokens, 200–900 chars (recall)', rule: tokenRule, n: N, hits: tokenHits });
  let textHits = 0;
  for (let i = 0; i < N; i++) {
    const b64 = Buffer.from(Array.from({ length: 40 }, word).join(' ')).toString('base64');
    if (lintText('.env', `AWS_SESSION_TOKEN=${b64}\n`, { rules: [tokenRule] }).findings.length > 0) textHits++;
  }
  synthetic.push({ what: 'base64 of text in a token slot (false positives)', rule: tokenRule, n: N, hits: textHits });

  // Access key ids: generated ones must all be found; typed stand-ins (the shapes SDK and
  // secret-scanner test data use) are built here, never committed, and must all be skipped.
  const keyRule = 'no-hardcoded-access-key-id';
  let keyHits = 0;
  for (let i = 0; i < N; i++) {
    const id = fakeAccessKeyId(`acc-${i}`, i % 2 === 0 ? 'AKIA' : 'ASIA');
    if (lintText('config.py', `key = "${id}"\n`, { rules: [keyRule] }).findings.length > 0) keyHits++;
  }
  synthetic.push({ what: 'generated access key ids (recall)', rule: keyRule, n: N, hits: keyHits });
  const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const STAND_INS = [
    () => pick(B32, 1).repeat(16),
    () => { const c = pick(B32, 4); return c.repeat(4); },
    () => { const at = Math.floor(rand() * 27); return (B32 + B32).slice(at, at + 16); },
    () => { const w = ['FAKE', 'TEST', 'DUMMY', 'SAMPLE', 'YOUR'][Math.floor(rand() * 5)]; return (w + pick(B32, 16)).slice(0, 16); },
    () => pick(B32, 6) + pick(B32, 1).repeat(6) + pick(B32, 4),
  ];
  let standInHits = 0;
  for (let i = 0; i < N; i++) {
    const id = `AKIA${STAND_INS[i % STAND_INS.length]()}`;
    if (lintText('config.py', `key = "${id}"\n`, { rules: [keyRule] }).findings.length > 0) standInHits++;
  }
  synthetic.push({ what: 'typed stand-in key ids: repeats, alphabet runs, FAKE/TEST… (false positives)', rule: keyRule, n: N, hits: standInHits });
  let docTokenHits = 0;
  for (let i = 0; i < N; i++) {
    const live = fakeSessionToken(`doc-${i}`, 200 + (i % 400));
    const at = 20 + (i % 150);
    const documented = `${live.slice(0, at)}EXAMPLE${live.slice(at)}`;
    if (lintText('README.md', `"SessionToken": "${documented}"\n`, { rules: [tokenRule] }).findings.length > 0) docTokenHits++;
  }
  synthetic.push({ what: 'tokens spelling EXAMPLE, as the AWS guides print them (false positives)', rule: tokenRule, n: N, hits: docTokenHits });

  const total = rows.reduce(
    (acc, r) => ({ tp: acc.tp + r.tp, fp: acc.fp + r.fp, fn: acc.fn + r.fn, markers: acc.markers + r.markers }),
    { tp: 0, fp: 0, fn: 0, markers: 0 },
  );
  const lines = [
    '# Accuracy of the credential detectors',
    '',
    'Generated by `npm run accuracy` (scripts/accuracy.mjs); do not edit by hand.',
    '',
    'Each credential rule is run over its own fixture set, `fixtures/<id>/positive` and `fixtures/<id>/negative`,',
    'with the templated keys rendered exactly as in the tests. A finding on a line marked `expect: <id>` is a true',
    'positive (TP); a marked line without a finding is a false negative (FN); a finding on an unmarked line or in a',
    'negative fixture is a false positive (FP). Negative fixtures hold the known traps: git SHAs, lockfile integrity',
    'hashes, UUIDs, base64 images, JWTs, IAM unique ids, upper-case word runs, placeholder tables and the AWS',
    'documentation examples.',
    '',
    '| Rule | Positive files | Markers | Negative files | TP | FP | FN | Precision | Recall | Negatives with findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| \`${r.ruleId}\` | ${r.positiveFiles} | ${r.markers} | ${r.negativeFiles} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.tp, r.tp + r.fp)} | ${pct(r.tp, r.tp + r.fn)} | ${r.noisyNegatives} |`,
    ),
    `| **all** | | ${total.markers} | | ${total.tp} | ${total.fp} | ${total.fn} | ${pct(total.tp, total.tp + total.fp)} | ${pct(total.tp, total.tp + total.fn)} | |`,
    '',
    '## Family traps',
    '',
    'The free-text secret detectors over every negative fixture of the four credential sets:',
    '',
    '| Rule | Negative files | FP |',
    '| --- | ---: | ---: |',
    ...crossRows.map((r) => `| \`${r.ruleId}\` | ${r.files} | ${r.fp} |`),
    '',
    '## Synthetic calibration',
    '',
    `Generated values (deterministic seeds) in the same slots — \`.env\`, a boto3 keyword argument, a JS object key, a`,
    `Terraform provider — ${N} per look-alike class:`,
    '',
    '| Values | Rule | Cases | Reported | Rate |',
    '| --- | --- | ---: | ---: | ---: |',
    ...synthetic.map((r) => `| ${r.what} | \`${r.rule}\` | ${r.n} | ${r.hits} | ${pct(r.hits, r.n)} |`),
    '',
    '## Misses',
    '',
    ...(misses.length > 0 ? misses.map((m) => `- ${m}`) : ['None on the fixture sets.']),
    '',
    '## Limits',
    '',
    'Fixture sets are written to cover each syntax and each known trap; they measure regressions, not the rate on',
    'unseen repositories. Free-text detectors skip the AWS documentation example keys by design, while',
    '`no-committed-credentials-file` reports them (the committed file is the defect), so their fixtures differ on purpose.',
    '',
  ];
  writeFileSync(join(ROOT, 'docs', 'accuracy.md'), lines.join('\n'));
  for (const r of rows) {
    console.log(`${r.ruleId}: TP ${r.tp} FP ${r.fp} FN ${r.fn} precision ${pct(r.tp, r.tp + r.fp)} recall ${pct(r.tp, r.tp + r.fn)}`);
  }
  for (const r of synthetic) console.log(`${r.what}: ${r.hits}/${r.n}`);
  for (const m of misses) console.log(m);
  console.log('wrote docs/accuracy.md');
}

await main();
