// A deterministic synthetic repository for the benchmark: realistic file kinds, sizes and
// syntax (what credlint meets in real repositories), with fake AWS access key ids planted at
// known positions so a scan can be checked for recall, not only timed.
//
// Same profile + size + seed → byte-identical files and manifest. Nothing here reads the
// clock or Math.random(); every choice comes from a seeded PRNG, one stream per file so a
// change in one generator does not reshuffle the rest of the corpus.
//
// The keys are generated at run time (never written into the repository) and are random
// base32, so they look live to the detectors — which is the point: they must be found.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PROFILES = ['mixed', 'iac', 'shell', 'iam', 'iac-tree'] as const;
export type Profile = (typeof PROFILES)[number];

/** Bump when the generated output changes, so cached corpora are not reused across versions. */
export const CORPUS_VERSION = 1;
export const MIB = 1024 * 1024;
/** The rule every planted key must be reported by, at the planted line and column. */
export const KEY_RULE = 'no-hardcoded-access-key-id';

/** Where a key was planted: the syntax around it. */
export type PlantContext =
  | 'js-string'
  | 'ts-string'
  | 'python-string'
  | 'go-string'
  | 'yaml-value'
  | 'cloud-init'
  | 'cfn-user-data'
  | 'json-value'
  | 'terraform-heredoc'
  | 'terraform-string'
  | 'dockerfile-env'
  | 'dockerfile-arg'
  | 'dockerfile-heredoc'
  | 'shell-export'
  | 'shell-aws-configure'
  | 'shell-heredoc'
  | 'dotenv'
  | 'markdown'
  | 'minified';

export interface PlantedKey {
  /** Relative to the corpus root, `/`-separated. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, UTF-16 code units (the engine's columns). */
  readonly column: number;
  readonly key: string;
  readonly context: PlantContext;
}

export interface CorpusManifest {
  readonly version: number;
  readonly profile: Profile;
  readonly seed: string;
  readonly targetBytes: number;
  readonly totalBytes: number;
  readonly fileCount: number;
  /** Sorted by path, line, column. */
  readonly keys: PlantedKey[];
}

export interface CorpusOptions {
  readonly profile?: Profile;
  /** Approximate total size in bytes (default 100 MiB). */
  readonly sizeBytes?: number;
  readonly seed?: string;
}

export interface CorpusFile {
  readonly path: string;
  readonly content: string;
}

// ---------------------------------------------------------------------------------------
// Randomness

function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32 seeded by FNV-1a of a string: tiny, fast and plenty for synthetic text. */
export class Rng {
  private state: number;
  constructor(seed: string) {
    this.state = hashSeed(seed);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.chars('0123456789abcdef', n);
  }
  /** Log-uniform integer in [lo, hi]: most values small, a long tail, like file sizes. */
  logUniform(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fake long-term access key id: AKIA + 16 base32 characters. The body always holds a
 * digit 2–7 (so the rule's word-run filter never applies) and never ends in EXAMPLE (the
 * documentation key the rule deliberately skips). Same rule as test/helpers/fake-keys.ts,
 * kept here because bench/ is compiled on its own and must not import from test/.
 */
export function benchAccessKeyId(rng: Rng): string {
  for (;;) {
    // First body character in the lower half of the alphabet keeps the encoded account id in range.
    const id = `AKIA${BASE32[rng.int(0, 7)]}${rng.chars(BASE32, 15)}`;
    if (/[2-7]/.test(id.slice(4)) && !id.endsWith('EXAMPLE')) return id;
  }
}

/** A fake 40-character secret access key (mixed case, digits, at least one / or +). */
export function benchSecretAccessKey(rng: Rng): string {
  for (;;) {
    const s = rng.chars(BASE64, 40);
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && /[/+]/.test(s)) return s;
  }
}

// ---------------------------------------------------------------------------------------
// Text with tracked positions

const MARK = /@@(KEY:[a-z-]+|SECRET)@@/g;

/** `@@KEY:<context>@@` in a chunk is replaced by the file's planted key and its position recorded. */
function keyMark(context: PlantContext): string {
  return `@@KEY:${context}@@`;
}
const K = keyMark;
const SECRET = '@@SECRET@@';

interface Plant {
  readonly key: string;
  readonly secret: string;
  /** How many keys were planted in files of this type before: variants rotate so each is used. */
  readonly variant: number;
}

/** The planting variant for this key: rotating, not random, so small corpora cover every one. */
function variantOf<T>(plant: Plant | undefined, options: readonly T[]): T {
  return options[(plant?.variant ?? 0) % options.length] as T;
}

/**
 * Builds a file from chunks, tracking line and column so a planted key's position is
 * known exactly. Columns count UTF-16 code units, as the engine does.
 */
class Text {
  private readonly parts: string[] = [];
  length = 0;
  private line = 1;
  private column = 1;
  readonly keys: Array<{ line: number; column: number; key: string; context: PlantContext }> = [];
  eol: '\n' | '\r\n' = '\n';

  constructor(readonly plant: Plant | undefined) {}

  get planted(): boolean {
    return this.keys.length > 0;
  }

  put(chunk: string): this {
    if (chunk.includes('@@')) {
      let last = 0;
      for (const m of chunk.matchAll(MARK)) {
        this.raw(chunk.slice(last, m.index));
        const what = m[1] as string;
        if (!this.plant) throw new Error('corpus generator bug: key mark in a file without a plant');
        if (what === 'SECRET') {
          this.raw(this.plant.secret);
        } else {
          this.keys.push({ line: this.line, column: this.column, key: this.plant.key, context: what.slice(4) as PlantContext });
          this.raw(this.plant.key);
        }
        last = m.index + m[0].length;
      }
      this.raw(chunk.slice(last));
    } else {
      this.raw(chunk);
    }
    return this;
  }

  /** Writes lines, each followed by a newline. */
  lines(...lines: string[]): this {
    for (const l of lines) this.put(`${l}\n`);
    return this;
  }

  private raw(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.length += s.length;
    let nl = s.indexOf('\n');
    if (nl === -1) {
      this.column += s.length;
      return;
    }
    let last = nl;
    while (nl !== -1) {
      this.line++;
      last = nl;
      nl = s.indexOf('\n', nl + 1);
    }
    this.column = s.length - last;
  }

  toString(): string {
    const s = this.parts.join('');
    // CRLF keeps every line and column: the \r sits at the end of each line.
    return this.eol === '\n' ? s : s.replace(/\n/g, '\r\n');
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const NOUNS = [
  'user', 'order', 'payment', 'invoice', 'account', 'session', 'token', 'cache', 'queue', 'event', 'report',
  'config', 'metric', 'billing', 'search', 'profile', 'upload', 'image', 'notification', 'audit', 'inventory',
  'catalog', 'shipment', 'customer', 'tenant', 'webhook', 'job', 'schedule', 'export', 'policy', 'bucket',
  'stream', 'record', 'batch', 'client', 'gateway', 'address', 'product', 'cart', 'discount', 'subscription',
  'message', 'attachment', 'document', 'permission', 'team', 'project', 'deployment', 'release', 'feature',
] as const;
const VERBS = [
  'get', 'create', 'update', 'delete', 'list', 'find', 'load', 'save', 'fetch', 'build', 'parse', 'validate',
  'render', 'handle', 'process', 'sync', 'resolve', 'compute', 'emit', 'flush', 'archive', 'restore', 'merge',
] as const;
const ADJECTIVES = [
  'pending', 'active', 'archived', 'default', 'primary', 'cached', 'remote', 'local', 'internal', 'public',
  'signed', 'expired', 'partial', 'retryable', 'batched', 'stale', 'encrypted', 'regional',
] as const;
const SERVICES = [
  'api', 'web', 'worker', 'billing', 'auth', 'search', 'ingest', 'notifier', 'scheduler', 'reports', 'gateway',
  'admin', 'checkout', 'catalog', 'media', 'analytics', 'accounts', 'exporter', 'importer', 'ledger',
] as const;
const ENVS = ['dev', 'staging', 'prod', 'qa', 'sandbox'] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'] as const;
const INSTANCE_TYPES = ['t3.micro', 't3.small', 't3.medium', 'm5.large', 'm6i.xlarge', 'c6g.large', 'r5.large'] as const;
const NPM_PACKAGES = [
  'express', 'lodash', 'react', 'react-dom', 'axios', 'zod', 'pino', 'dotenv', 'uuid', 'date-fns', 'yargs',
  'commander', 'chalk', 'debug', 'ms', 'semver', 'minimatch', 'glob', 'fast-glob', 'ws', 'pg', 'ioredis',
  'jsonwebtoken', 'bcryptjs', 'cors', 'helmet', 'morgan', 'body-parser', 'qs', 'mime-types', 'typescript',
  'vitest', 'eslint', 'prettier', '@types/node', '@aws-sdk/client-s3', '@aws-sdk/client-sqs', 'tslib', 'rxjs',
] as const;
const PY_MODULES = ['os', 'sys', 'json', 'logging', 'datetime', 'typing', 'pathlib', 'dataclasses', 're', 'time', 'uuid'] as const;
const APT_PACKAGES = ['curl', 'jq', 'unzip', 'git', 'nginx', 'htop', 'python3-pip', 'awscli', 'amazon-cloudwatch-agent', 'docker.io', 'nfs-common', 'ca-certificates'] as const;
const IMAGES = ['node:20-alpine', 'node:20-bookworm-slim', 'python:3.12-slim', 'golang:1.22-alpine', 'ubuntu:22.04', 'amazonlinux:2023', 'nginx:1.27-alpine', 'alpine:3.20', 'debian:bookworm-slim'] as const;
const AWS_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'sqs:SendMessage', 'sqs:ReceiveMessage', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'logs:CreateLogStream', 'logs:PutLogEvents', 'kms:Decrypt', 'ssm:GetParameter', 'secretsmanager:GetSecretValue', 'cloudwatch:PutMetricData'] as const;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function camel(r: Rng, parts = 2): string {
  let s = r.pick(VERBS) as string;
  for (let i = 1; i < parts; i++) s += cap(r.pick(NOUNS));
  return s;
}

function pascal(r: Rng): string {
  return cap(r.pick(ADJECTIVES)) + cap(r.pick(NOUNS)) + r.pick(['Service', 'Repository', 'Handler', 'Client', 'Store', 'Manager', 'Controller']);
}

function snake(r: Rng): string {
  return `${r.pick(VERBS)}_${r.pick(NOUNS)}${r.chance(0.4) ? `_${r.pick(NOUNS)}` : ''}`;
}

function kebab(r: Rng): string {
  return `${r.pick(ADJECTIVES)}-${r.pick(NOUNS)}`;
}

const SENTENCES: ReadonlyArray<(r: Rng) => string> = [
  (r) => `The ${r.pick(NOUNS)} ${r.pick(NOUNS)} is ${r.pick(ADJECTIVES)} until the ${r.pick(NOUNS)} has been ${r.pick(VERBS)}ed.`,
  (r) => `We ${r.pick(VERBS)} every ${r.pick(NOUNS)} before it reaches the ${r.pick(SERVICES)} service.`,
  (r) => `Retries use exponential backoff capped at ${r.int(2, 30)} seconds; after ${r.int(3, 10)} attempts the ${r.pick(NOUNS)} goes to the dead-letter queue.`,
  (r) => `See the ${r.pick(NOUNS)} runbook for what to do when the ${r.pick(SERVICES)} alarm fires.`,
  (r) => `This keeps the ${r.pick(NOUNS)} ${r.pick(['consistent', 'idempotent', 'small', 'fast', 'auditable'])} across regions.`,
  (r) => `A ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} never blocks the ${r.pick(NOUNS)} path.`,
  (r) => `Credentials come from the instance role; nothing here needs a static key.`,
  (r) => `Values are read from SSM Parameter Store at start-up and cached for ${r.int(1, 15)} minutes.`,
  (r) => `The ${r.pick(SERVICES)} team owns this ${r.pick(NOUNS)} — ask in #${r.pick(SERVICES)}-dev before changing it.`,
  (r) => `Migration ${r.int(100, 999)} renamed the ${r.pick(NOUNS)}_${r.pick(NOUNS)} column; old clients still send the previous name.`,
];

function sentence(r: Rng): string {
  return r.pick(SENTENCES)(r);
}

function paragraph(r: Rng, n = r.int(2, 5)): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(r));
  return out.join(' ');
}

function amiId(r: Rng): string {
  return `ami-0${r.hex(16)}`;
}

function semver(r: Rng): string {
  return `${r.int(0, 12)}.${r.int(0, 30)}.${r.int(0, 20)}`;
}

// ---------------------------------------------------------------------------------------
// File generators. Each writes blocks of its language until the target size is reached and,
// when given a plant, writes one key-bearing block at a random point in the file.

interface GenInput {
  readonly r: Rng;
  readonly target: number;
  readonly plant: Plant | undefined;
  readonly path: string;
}
type FileGenerator = (input: GenInput) => Text;

/** Writes `block()` until `target`; the planted block goes in at a random offset. */
function fill(t: Text, r: Rng, target: number, block: () => void, planted: () => void): void {
  const plantAt = t.plant ? r.int(0, Math.max(0, Math.floor(target * 0.9))) : -1;
  let guard = 0;
  while (t.length < target && guard++ < 1_000_000) {
    if (t.plant && !t.planted && t.length >= plantAt) planted();
    else block();
  }
  if (t.plant && !t.planted) planted();
}

// JavaScript / TypeScript ---------------------------------------------------------------

function jsImports(t: Text, r: Rng, ts: boolean): void {
  const n = r.int(2, 8);
  for (let i = 0; i < n; i++) {
    const kind = r.int(0, 3);
    if (kind === 0) t.lines(`import ${r.pick(['express', 'pino', 'axios', 'React'])} from '${r.pick(NPM_PACKAGES)}';`);
    else if (kind === 1) t.lines(`import { ${camel(r)}, ${camel(r)} } from '../${r.pick(NOUNS)}/${r.pick(NOUNS)}${ts ? '.js' : ''}';`);
    else if (kind === 2) t.lines(`import type { ${pascal(r)} } from './types${ts ? '.js' : ''}';`);
    else t.lines(`const ${r.pick(NOUNS)}Lib = require('${r.pick(NPM_PACKAGES)}');`);
  }
  t.lines('');
}

function jsFunction(t: Text, r: Rng, ts: boolean): void {
  const name = camel(r);
  const noun = r.pick(NOUNS);
  const type = ts ? `: Promise<${cap(noun)}[]>` : '';
  if (r.chance(0.5)) t.lines('/**', ` * ${sentence(r)}`, ` * @param ${noun}Id the ${noun} to look up`, ' */');
  t.lines(`export async function ${name}(${noun}Id${ts ? ': string' : ''}, options${ts ? ': ListOptions' : ''} = {})${type} {`);
  t.lines(`  const limit = options.limit ?? ${r.int(10, 500)};`);
  const n = r.int(2, 9);
  for (let i = 0; i < n; i++) {
    switch (r.int(0, 6)) {
      case 0:
        t.lines(`  const result = await db.query('SELECT id, status, ${r.pick(NOUNS)}_id FROM ${noun}s WHERE ${r.pick(NOUNS)}_id = $1 LIMIT $2', [${noun}Id, limit]);`);
        break;
      case 1:
        t.lines(`  if (!${noun}Id) {`, `    throw new ValidationError('${noun} id is required');`, '  }');
        break;
      case 2:
        t.lines(`  logger.debug({ ${noun}Id, limit }, '${r.pick(VERBS)}ing ${r.pick(NOUNS)}s');`);
        break;
      case 3:
        t.lines(`  const ${r.pick(NOUNS)}s = items.filter((item) => item.status === '${r.pick(ADJECTIVES)}').map((item) => ({ ...item, updatedAt: new Date(item.updatedAt) }));`);
        break;
      case 4:
        t.lines(`  for (const entry of entries) {`, `    if (entry.${r.pick(NOUNS)}Id === ${noun}Id) continue;`, `    await ${camel(r)}(entry, { retries: ${r.int(1, 5)} });`, '  }');
        break;
      case 5:
        t.lines(`  const url = \`\${config.${r.pick(SERVICES)}Url}/v${r.int(1, 3)}/${r.pick(NOUNS)}s/\${encodeURIComponent(${noun}Id)}\`;`, `  const response = await fetch(url, { headers: { accept: 'application/json' } });`);
        break;
      default:
        t.lines(`  metrics.increment('${r.pick(SERVICES)}.${r.pick(NOUNS)}.${r.pick(VERBS)}', { region: process.env.AWS_REGION ?? '${r.pick(REGIONS)}' });`);
    }
  }
  t.lines(`  return result.rows.map((row) => ({ id: row.id, status: row.status }));`, '}', '');
}

function jsClass(t: Text, r: Rng, ts: boolean): void {
  const name = pascal(r);
  t.lines(`export class ${name} {`);
  if (ts) t.lines(`  private readonly cache = new Map<string, ${cap(r.pick(NOUNS))}>();`, '');
  t.lines(`  constructor(${ts ? 'private readonly ' : ''}client${ts ? `: ${cap(r.pick(NOUNS))}Client` : ''}) {${ts ? '' : '\n    this.client = client;'}}`, '');
  const n = r.int(2, 6);
  for (let i = 0; i < n; i++) {
    const m = camel(r);
    t.lines(`  async ${m}(id${ts ? ': string' : ''}) {`);
    t.lines(`    const cached = this.cache${ts ? '' : ' ?? new Map()'}.get(id);`, '    if (cached) return cached;');
    t.lines(`    const value = await this.client.send({ op: '${m}', id, ttl: ${r.int(30, 3600)} });`);
    t.lines('    this.cache.set(id, value);', '    return value;', '  }', '');
  }
  t.lines('}', '');
}

function jsConfigObject(t: Text, r: Rng): void {
  t.lines(`export const ${r.pick(NOUNS)}Config = {`);
  t.lines(`  region: process.env.AWS_REGION ?? '${r.pick(REGIONS)}',`);
  t.lines(`  bucket: '${r.pick(['acme', 'example', 'corp'])}-${r.pick(NOUNS)}s-${r.pick(ENVS)}',`);
  t.lines(`  queueUrl: process.env.${r.pick(NOUNS).toUpperCase()}_QUEUE_URL,`);
  t.lines(`  timeoutMs: ${r.int(1, 60) * 1000},`, `  retries: ${r.int(0, 8)},`, `  features: ['${kebab(r)}', '${kebab(r)}'],`, '};', '');
}

function tsTypes(t: Text, r: Rng): void {
  const name = cap(r.pick(NOUNS));
  t.lines(`export interface ${name} {`, '  id: string;');
  const n = r.int(2, 8);
  for (let i = 0; i < n; i++) t.lines(`  ${r.pick(NOUNS)}${cap(r.pick(NOUNS))}${r.chance(0.3) ? '?' : ''}: ${r.pick(['string', 'number', 'boolean', 'Date', 'string[]', `${cap(r.pick(NOUNS))} | null`])};`);
  t.lines('}', '');
  t.lines(`export type ${name}Status = ${['pending', 'active', 'archived'].map((s) => `'${s}'`).join(' | ')};`, '');
}

function jsTest(t: Text, r: Rng): void {
  t.lines(`describe('${camel(r)}', () => {`);
  const n = r.int(2, 5);
  for (let i = 0; i < n; i++) {
    t.lines(`  it('${r.pick(VERBS)}s a ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}', async () => {`);
    t.lines(`    const result = await ${camel(r)}('${r.pick(NOUNS)}-${r.int(1, 999)}');`, `    expect(result).toHaveLength(${r.int(0, 5)});`, '  });');
  }
  t.lines('});', '');
}

const JS_PLANTS: ReadonlyArray<(ctx: PlantContext) => string[]> = [
  (c) => ['const s3 = new S3Client({', "  region: 'us-east-1',", '  credentials: {', `    accessKeyId: '${K(c)}',`, `    secretAccessKey: '${SECRET}',`, '  },', '});', ''],
  (c) => [`export const AWS_ACCESS_KEY_ID = "${K(c)}";`, `export const AWS_SECRET_ACCESS_KEY = "${SECRET}";`, ''],
  (c) => [`AWS.config.update({ accessKeyId: "${K(c)}", secretAccessKey: "${SECRET}", region: "eu-west-1" });`, ''],
  (c) => ['beforeAll(() => {', `  process.env.AWS_ACCESS_KEY_ID = \`${K(c)}\`;`, '});', ''],
];

function genJs(ts: boolean): FileGenerator {
  return ({ r, target, plant }) => {
    const t = new Text(plant);
    const isTest = r.chance(0.15);
    t.lines(`// ${sentence(r)}`);
    if (!ts && r.chance(0.3)) t.lines("'use strict';", '');
    jsImports(t, r, ts);
    const ctx: PlantContext = ts ? 'ts-string' : 'js-string';
    fill(
      t,
      r,
      target,
      () => {
        const k = r.int(0, 9);
        if (isTest && k < 4) jsTest(t, r);
        else if (k < 5) jsFunction(t, r, ts);
        else if (k < 7) jsClass(t, r, ts);
        else if (k < 8) jsConfigObject(t, r);
        else if (ts) tsTypes(t, r);
        else t.lines(`// ${paragraph(r, 1)}`, `module.exports.${camel(r)} = ${camel(r)};`, '');
      },
      () => t.lines(...variantOf(plant, JS_PLANTS)(ctx)),
    );
    return t;
  };
}

// Python ----------------------------------------------------------------------------------

function genPython({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines(`"""${sentence(r)}"""`, '');
  for (const m of new Set([r.pick(PY_MODULES), r.pick(PY_MODULES), r.pick(PY_MODULES)])) t.lines(`import ${m}`);
  t.lines('import boto3', `from .${r.pick(NOUNS)} import ${pascal(r)}`, '', 'logger = logging.getLogger(__name__)', '');
  fill(
    t,
    r,
    target,
    () => {
      if (r.chance(0.3)) {
        t.lines('', '@dataclass', `class ${pascal(r)}:`, `    """${sentence(r)}"""`, '');
        const n = r.int(2, 6);
        for (let i = 0; i < n; i++) t.lines(`    ${snake(r)}: ${r.pick(['str', 'int', 'bool', 'list[str]', 'dict[str, str] | None'])}`);
        t.lines('');
      }
      const fn = snake(r);
      t.lines('', `def ${fn}(${r.pick(NOUNS)}_id: str, *, limit: int = ${r.int(10, 200)}) -> list[dict]:`, `    """${sentence(r)}"""`);
      const n = r.int(2, 8);
      for (let i = 0; i < n; i++) {
        switch (r.int(0, 4)) {
          case 0:
            t.lines(`    table = boto3.resource("dynamodb", region_name=os.environ.get("AWS_REGION", "${r.pick(REGIONS)}")).Table("${r.pick(NOUNS)}s")`);
            break;
          case 1:
            t.lines(`    if not ${r.pick(NOUNS)}_id:`, `        raise ValueError("${r.pick(NOUNS)} id is required")`);
            break;
          case 2:
            t.lines(`    logger.info("${r.pick(VERBS)}ing %s ${r.pick(NOUNS)}s", limit)`);
            break;
          case 3:
            t.lines(`    for item in response.get("Items", []):`, `        if item.get("status") == "${r.pick(ADJECTIVES)}":`, '            results.append(item)');
            break;
          default:
            t.lines(`    results = [dict(row) for row in cursor.execute("SELECT * FROM ${r.pick(NOUNS)} WHERE id = ?", (${r.pick(NOUNS)}_id,))]`);
        }
      }
      t.lines('    return results', '');
    },
    () =>
      t.lines(
        ...variantOf(plant, [
          ['', 's3 = boto3.client(', '    "s3",', `    aws_access_key_id="${K('python-string')}",`, `    aws_secret_access_key="${SECRET}",`, ')', ''],
          ['', `AWS_ACCESS_KEY_ID = '${K('python-string')}'`, `AWS_SECRET_ACCESS_KEY = '${SECRET}'`, ''],
          ['', `session = boto3.Session(aws_access_key_id=f"${K('python-string')}", aws_secret_access_key=SECRET)`, ''],
        ]),
      ),
  );
  if (r.chance(0.4)) t.lines('', 'if __name__ == "__main__":', `    ${snake(r)}(sys.argv[1])`);
  return t;
}

// Go --------------------------------------------------------------------------------------

function genGo({ r, target, plant, path }: GenInput): Text {
  const t = new Text(plant);
  const pkg = path.split('/').slice(-2, -1)[0]?.replace(/[^a-z]/g, '') || 'main';
  t.lines(`// Package ${pkg} ${sentence(r).toLowerCase()}`, `package ${pkg}`, '', 'import (', '\t"context"', '\t"errors"', '\t"fmt"', '\t"time"', '');
  t.lines('\t"github.com/aws/aws-sdk-go-v2/aws"', '\t"github.com/aws/aws-sdk-go-v2/config"', ')', '');
  fill(
    t,
    r,
    target,
    () => {
      const typ = pascal(r);
      if (r.chance(0.35)) {
        t.lines(`// ${typ} ${sentence(r).toLowerCase()}`, `type ${typ} struct {`);
        const n = r.int(2, 7);
        for (let i = 0; i < n; i++) {
          const f = cap(r.pick(NOUNS)) + cap(r.pick(NOUNS));
          t.lines(`\t${f} ${r.pick(['string', 'int64', 'bool', 'time.Time', '[]string', '*aws.Config'])} \`json:"${f.charAt(0).toLowerCase() + f.slice(1)}"\``);
        }
        t.lines('}', '');
      }
      const fn = cap(camel(r));
      t.lines(`// ${fn} ${sentence(r).toLowerCase()}`, `func (s *${typ}) ${fn}(ctx context.Context, id string) ([]string, error) {`);
      t.lines('\tif id == "" {', `\t\treturn nil, errors.New("${r.pick(NOUNS)}: empty id")`, '\t}');
      const n = r.int(1, 6);
      for (let i = 0; i < n; i++) {
        t.lines(`\t${r.pick(NOUNS)}, err := s.${camel(r)}(ctx, id)`, '\tif err != nil {', `\t\treturn nil, fmt.Errorf("${r.pick(VERBS)} ${r.pick(NOUNS)} %q: %w", id, err)`, '\t}');
        if (r.chance(0.3)) t.lines(`\tctx, cancel := context.WithTimeout(ctx, ${r.int(1, 30)}*time.Second)`, '\tdefer cancel()');
      }
      t.lines('\treturn out, nil', '}', '');
    },
    () =>
      t.lines(
        'func staticConfig(ctx context.Context) (aws.Config, error) {',
        '\treturn config.LoadDefaultConfig(ctx,',
        `\t\tconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("${K('go-string')}", "${SECRET}", "")),`,
        '\t)',
        '}',
        '',
      ),
  );
  return t;
}

// YAML: CI, Kubernetes, docker-compose ----------------------------------------------------

function genWorkflow({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines(`name: ${cap(r.pick(VERBS))} ${r.pick(SERVICES)}`, '', 'on:', '  push:', '    branches: [main]', '  pull_request:', '', 'permissions:', '  contents: read', '  id-token: write', '', 'jobs:');
  let job = 0;
  fill(
    t,
    r,
    target,
    () => {
      t.lines(`  ${r.pick(VERBS)}-${r.pick(SERVICES)}-${job++}:`, '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4', '        with:', "          node-version: '20'");
      t.lines('      - uses: aws-actions/configure-aws-credentials@v4', '        with:', `          role-to-assume: arn:aws:iam::${r.int(100000000000, 999999999999)}:role/gha-${r.pick(SERVICES)}`, `          aws-region: ${r.pick(REGIONS)}`);
      t.lines('      - name: Build', '        run: |', '          npm ci', `          npm run build --workspace ${r.pick(SERVICES)}`, `          aws s3 sync dist/ s3://${r.pick(NOUNS)}-artifacts/${r.pick(ENVS)}/ --delete`, '');
    },
    () =>
      t.lines(
        `  deploy-legacy-${job++}:`,
        '    runs-on: ubuntu-latest',
        '    env:',
        `      AWS_ACCESS_KEY_ID: ${K('yaml-value')}`,
        `      AWS_SECRET_ACCESS_KEY: ${SECRET}`,
        `      AWS_DEFAULT_REGION: ${r.pick(REGIONS)}`,
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: ./scripts/deploy.sh',
        '',
      ),
  );
  return t;
}

function k8sDeployment(t: Text, r: Rng, name: string): void {
  t.lines('---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${r.pick(ENVS)}`, '  labels:', `    app.kubernetes.io/name: ${name}`, 'spec:', `  replicas: ${r.int(1, 6)}`, '  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', `      serviceAccountName: ${name}`, '      containers:');
  t.lines(`        - name: ${name}`, `          image: ${r.int(100000000000, 999999999999)}.dkr.ecr.${r.pick(REGIONS)}.amazonaws.com/${name}:${semver(r)}`, '          ports:', `            - containerPort: ${r.pick([3000, 8080, 9090, 5000])}`, '          env:');
  const n = r.int(2, 8);
  for (let i = 0; i < n; i++) t.lines(`            - name: ${r.pick(NOUNS).toUpperCase()}_${r.pick(['URL', 'TIMEOUT', 'MODE', 'LEVEL'])}`, `              value: "${r.pick(ADJECTIVES)}"`);
  t.lines('          resources:', '            requests:', `              cpu: ${r.int(1, 10) * 50}m`, `              memory: ${r.int(1, 16) * 64}Mi`, '          readinessProbe:', '            httpGet:', '              path: /healthz', '              port: http');
}

function genK8s({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  // Helm templates are not valid YAML until rendered; real repositories are full of them.
  const helm = r.chance(0.2);
  fill(
    t,
    r,
    target,
    () => {
      const name = `${r.pick(SERVICES)}-${r.pick(NOUNS)}`;
      const k = r.int(0, 3);
      if (k <= 1) k8sDeployment(t, r, name);
      else if (k === 2) t.lines('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  type: ClusterIP', '  ports:', '    - port: 80', '      targetPort: http', '  selector:', `    app: ${name}`);
      else {
        t.lines('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}-config`, 'data:');
        const n = r.int(3, 10);
        for (let i = 0; i < n; i++) t.lines(`  ${r.pick(NOUNS)}.${r.pick(NOUNS)}: "${helm ? `{{ .Values.${r.pick(NOUNS)} | quote }}` : r.pick(ADJECTIVES)}"`);
      }
    },
    () =>
      t.lines(
        ...variantOf(plant, [
          ['---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${r.pick(SERVICES)}-aws`, 'data:', `  AWS_ACCESS_KEY_ID: "${K('yaml-value')}"`, `  AWS_SECRET_ACCESS_KEY: "${SECRET}"`],
          ['---', 'apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${r.pick(SERVICES)}-debug`, 'spec:', '  containers:', '    - name: debug', '      image: amazon/aws-cli:2.15.0', '      env:', '        - name: AWS_ACCESS_KEY_ID', `          value: ${K('yaml-value')}`],
        ]),
      ),
  );
  return t;
}

function genCompose({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('services:');
  fill(
    t,
    r,
    target,
    () => {
      const name = `${r.pick(SERVICES)}${r.chance(0.3) ? `-${r.int(2, 9)}` : ''}`;
      t.lines(`  ${name}:`, `    image: ${r.pick(IMAGES)}`, '    restart: unless-stopped', '    ports:', `      - "${r.int(3000, 9000)}:${r.pick([3000, 8080, 80])}"`, '    environment:', `      - NODE_ENV=${r.pick(ENVS)}`, `      - DATABASE_URL=postgres://app@db:5432/${r.pick(NOUNS)}`, `      - AWS_REGION=${r.pick(REGIONS)}`, '    depends_on:', '      - db', '');
    },
    () => t.lines('  localstack-seed:', '    image: amazon/aws-cli:2.15.0', '    environment:', `      - AWS_ACCESS_KEY_ID=${K('yaml-value')}`, `      - AWS_SECRET_ACCESS_KEY=${SECRET}`, '    command: s3 mb s3://seed', ''),
  );
  t.lines('  db:', '    image: postgres:16', '    volumes:', '      - pgdata:/var/lib/postgresql/data', '', 'volumes:', '  pgdata: {}');
  return t;
}

function genCloudInit({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('#cloud-config', 'package_update: true', 'packages:');
  for (let i = 0; i < r.int(2, 6); i++) t.lines(`  - ${r.pick(APT_PACKAGES)}`);
  t.lines('write_files:');
  fill(
    t,
    r,
    target,
    () => {
      t.lines(`  - path: /etc/${r.pick(SERVICES)}/${r.pick(NOUNS)}.conf`, "    permissions: '0644'", '    content: |');
      for (let i = 0; i < r.int(3, 12); i++) t.lines(`      ${r.pick(NOUNS)}_${r.pick(NOUNS)} = ${r.pick(ADJECTIVES)}`);
    },
    () => t.lines('  - path: /root/.aws/credentials', "    permissions: '0600'", '    content: |', '      [default]', `      aws_access_key_id = ${K('cloud-init')}`, `      aws_secret_access_key = ${SECRET}`),
  );
  t.lines('runcmd:', '  - systemctl daemon-reload', `  - systemctl enable --now ${r.pick(SERVICES)}`, `  - [ sh, -c, "echo bootstrapped $(hostname) >> /var/log/bootstrap.log" ]`);
  return t;
}

// JSON --------------------------------------------------------------------------------------

function genPackageJson({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  const name = `@acme/${r.pick(SERVICES)}-${r.pick(NOUNS)}`;
  t.lines('{', `  "name": "${name}",`, `  "version": "${semver(r)}",`, '  "private": true,', '  "type": "module",', '  "scripts": {', '    "build": "tsc -p .",', '    "test": "vitest run",', '    "lint": "eslint ."', '  },');
  if (plant) t.lines('  "config": {', `    "awsAccessKeyId": "${K('json-value')}",`, `    "awsSecretAccessKey": "${SECRET}"`, '  },');
  t.lines('  "dependencies": {');
  const deps: string[] = [];
  while (t.length + deps.join('').length < target - 40 && deps.length < 80) deps.push(`    "${r.pick(NPM_PACKAGES)}-${deps.length}": "^${semver(r)}"`);
  if (deps.length === 0) deps.push(`    "${r.pick(NPM_PACKAGES)}": "^${semver(r)}"`);
  t.lines(deps.join(',\n'), '  }', '}');
  return t;
}

/** package-lock.json v3 shape: big, regular, full of base64 integrity hashes. Never holds a key. */
function genLockfile({ r, target }: GenInput): Text {
  const t = new Text(undefined);
  t.lines('{', `  "name": "${r.pick(SERVICES)}",`, '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {');
  let i = 0;
  while (t.length < target) {
    const name = `${r.pick(NPM_PACKAGES)}${i > 0 ? `-${r.chars(ALNUM, 4)}` : ''}`;
    const version = semver(r);
    const base = name.startsWith('@') ? name.split('/')[1] : name;
    t.put(`${i++ > 0 ? ',\n' : ''}    "node_modules/${name}": {\n      "version": "${version}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${base}-${version}.tgz",\n      "integrity": "sha512-${r.chars(BASE64, 86)}==",\n`);
    if (r.chance(0.2)) t.put('      "dev": true,\n');
    t.put(`      "license": "${r.pick(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause'])}"`);
    if (r.chance(0.4)) t.put(`,\n      "dependencies": {\n        "${r.pick(NPM_PACKAGES)}": "^${semver(r)}",\n        "${r.pick(NPM_PACKAGES)}": "~${semver(r)}"\n      }`);
    t.put('\n    }');
  }
  t.lines('', '  }', '}');
  return t;
}

// CloudFormation ----------------------------------------------------------------------------

/** A bootstrap script as templates embed it; `cfn` adds the CloudFormation helper calls. */
function userDataLines(r: Rng, cfn: boolean): string[] {
  const out = ['#!/bin/bash -xe', 'yum update -y', `yum install -y ${r.pick(APT_PACKAGES)} ${r.pick(APT_PACKAGES)}`];
  for (let i = 0; i < r.int(2, 8); i++) {
    out.push(
      r.pick([
        `aws s3 cp s3://${r.pick(NOUNS)}-artifacts/${r.pick(SERVICES)}.tar.gz /opt/app.tar.gz`,
        'tar -xzf /opt/app.tar.gz -C /opt/app',
        `systemctl enable --now ${r.pick(SERVICES)}`,
        `echo "${r.pick(NOUNS).toUpperCase()}_MODE=${r.pick(ADJECTIVES)}" >> /etc/environment`,
        `aws ssm get-parameter --name /${r.pick(ENVS)}/${r.pick(SERVICES)}/config --with-decryption --query Parameter.Value --output text > /etc/app.conf`,
      ]),
    );
  }
  if (cfn) out.push('/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource Instance --region ${AWS::Region}');
  return out;
}

function cfnYamlResource(t: Text, r: Rng, n: number): void {
  const id = `${cap(r.pick(SERVICES))}${cap(r.pick(NOUNS))}${n}`;
  switch (r.int(0, 5)) {
    case 0:
    case 1: {
      // Most instances are configured well; some lack a profile or IMDSv2, as in real estates.
      t.lines(`  ${id}Instance:`, '    Type: AWS::EC2::Instance', '    Properties:', `      ImageId: ${amiId(r)}`, `      InstanceType: ${r.pick(INSTANCE_TYPES)}`);
      if (r.chance(0.8)) t.lines(`      IamInstanceProfile: !Ref ${id}Profile`);
      t.lines('      SubnetId: !Ref PrivateSubnet', '      SecurityGroupIds:', '        - !Ref AppSecurityGroup');
      if (r.chance(0.7)) t.lines('      MetadataOptions:', '        HttpTokens: required');
      t.lines('      UserData:', '        Fn::Base64: !Sub |');
      for (const l of userDataLines(r, true)) t.lines(`          ${l}`);
      t.lines('      Tags:', '        - Key: Name', `          Value: ${id.toLowerCase()}`);
      break;
    }
    case 2:
      t.lines(`  ${id}Role:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', "        Version: '2012-10-17'", '        Statement:', '          - Effect: Allow', '            Principal:', '              Service: ec2.amazonaws.com', '            Action: sts:AssumeRole', '      Policies:', `        - PolicyName: ${id}Access`, '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:', '              - Effect: Allow', '                Action:');
      for (let i = 0; i < r.int(1, 5); i++) t.lines(`                  - ${r.pick(AWS_ACTIONS)}`);
      t.lines(`                Resource: !Sub arn:aws:s3:::\${${id}Bucket}/*`, `  ${id}Profile:`, '    Type: AWS::IAM::InstanceProfile', '    Properties:', '      Roles:', `        - !Ref ${id}Role`);
      break;
    case 3:
      t.lines(`  ${id}Bucket:`, '    Type: AWS::S3::Bucket', '    DeletionPolicy: Retain', '    Properties:', '      BucketEncryption:', '        ServerSideEncryptionConfiguration:', '          - ServerSideEncryptionByDefault:', '              SSEAlgorithm: aws:kms', '      VersioningConfiguration:', '        Status: Enabled');
      break;
    case 4:
      t.lines(`  ${id}Function:`, '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: nodejs20.x', '      Handler: index.handler', `      Role: !GetAtt ${id}Role.Arn`, `      Timeout: ${r.int(3, 900)}`, '      Environment:', '        Variables:', `          TABLE_NAME: !Ref ${id}Table`, `          LOG_LEVEL: ${r.pick(['info', 'debug', 'warn'])}`);
      break;
    default:
      t.lines(`  ${id}SecurityGroup:`, '    Type: AWS::EC2::SecurityGroup', '    Properties:', `      GroupDescription: ${sentence(r)}`, '      VpcId: !Ref VpcId', '      SecurityGroupIngress:', '        - IpProtocol: tcp', `          FromPort: ${r.pick([22, 80, 443, 8080])}`, `          ToPort: ${r.pick([22, 80, 443, 8080])}`, '          CidrIp: 10.0.0.0/8');
  }
}

function genCfnYaml({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines("AWSTemplateFormatVersion: '2010-09-09'", `Description: ${sentence(r)}`, '', 'Parameters:', '  VpcId:', '    Type: AWS::EC2::VPC::Id', '  PrivateSubnet:', '    Type: AWS::EC2::Subnet::Id');
  const where = plant ? variantOf(plant, [1, 0, 2]) : -1;
  if (where === 0) t.lines('  DeployAccessKeyId:', '    Type: String', `    Default: ${K('yaml-value')}`, '    NoEcho: true');
  t.lines('', 'Resources:');
  let n = 0;
  fill(
    t,
    r,
    target - 200,
    () => cfnYamlResource(t, r, n++),
    () => {
      if (where === 1) {
        t.lines(`  Legacy${n++}Instance:`, '    Type: AWS::EC2::Instance', '    Properties:', `      ImageId: ${amiId(r)}`, `      InstanceType: ${r.pick(INSTANCE_TYPES)}`, '      UserData:', '        Fn::Base64: !Sub |', '          #!/bin/bash', `          export AWS_ACCESS_KEY_ID=${K('cfn-user-data')}`, `          export AWS_SECRET_ACCESS_KEY=${SECRET}`, '          aws s3 sync s3://legacy-config /etc/legacy');
      } else if (where === 2) {
        t.lines(`  Sync${n++}Function:`, '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler', '      Environment:', '        Variables:', `          UPSTREAM_KEY_ID: ${K('yaml-value')}`, `          UPSTREAM_SECRET: ${SECRET}`);
      } else {
        // Unreachable for where === 0 (the parameter already holds the key, so fill() never asks).
        cfnYamlResource(t, r, n++);
      }
    },
  );
  t.lines('', 'Outputs:', '  StackName:', '    Value: !Ref AWS::StackName');
  return t;
}

function cfnJsonResource(r: Rng, n: number, plantUserData: boolean): string {
  const id = `${cap(r.pick(SERVICES))}${cap(r.pick(NOUNS))}${n}`;
  const k = plantUserData ? 0 : r.int(0, 3);
  if (k <= 1) {
    const ud = userDataLines(r, true).map((l) => `${l}\n`);
    if (plantUserData) ud.splice(1, 0, `export AWS_ACCESS_KEY_ID=${K('cfn-user-data')}\n`, `export AWS_SECRET_ACCESS_KEY=${SECRET}\n`);
    return JSON.stringify(
      {
        [`${id}Instance`]: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: amiId(r),
            InstanceType: r.pick(INSTANCE_TYPES),
            IamInstanceProfile: { Ref: `${id}Profile` },
            SubnetId: { Ref: 'PrivateSubnet' },
            UserData: { 'Fn::Base64': { 'Fn::Join': ['', ud] } },
            Tags: [{ Key: 'Name', Value: id.toLowerCase() }],
          },
        },
      },
      null,
      2,
    );
  }
  if (k === 2) {
    return JSON.stringify(
      {
        [`${id}Role`]: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
            Policies: [{ PolicyName: `${id}Access`, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [r.pick(AWS_ACTIONS), r.pick(AWS_ACTIONS)], Resource: '*' }] } }],
          },
        },
        [`${id}Profile`]: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: `${id}Role` }] } },
      },
      null,
      2,
    );
  }
  return JSON.stringify(
    { [`${id}Queue`]: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: r.int(30, 900), KmsMasterKeyId: 'alias/aws/sqs', Tags: [{ Key: 'team', Value: r.pick(SERVICES) }] } } },
    null,
    2,
  );
}

/** The body of a pretty-printed object, re-indented to sit inside `"Resources": {`. */
function innerJson(json: string): string {
  return json
    .slice(2, -2)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function genCfnJson({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  const inParams = plant !== undefined && variantOf(plant, [false, true, false]);
  t.lines('{', '  "AWSTemplateFormatVersion": "2010-09-09",', `  "Description": "${sentence(r)}",`, '  "Parameters": {', '    "KeyName": { "Type": "AWS::EC2::KeyPair::KeyName" },');
  if (inParams) t.lines(`    "UploaderAccessKeyId": { "Type": "String", "Default": "${K('json-value')}" },`);
  t.lines('    "PrivateSubnet": { "Type": "AWS::EC2::Subnet::Id" }', '  },', '  "Resources": {');
  let n = 0;
  fill(
    t,
    r,
    target - 100,
    () => t.put(`${n > 0 ? ',\n' : ''}${innerJson(cfnJsonResource(r, n++, false))}`),
    () => t.put(`${n > 0 ? ',\n' : ''}${innerJson(cfnJsonResource(r, n++, !inParams))}`),
  );
  t.lines('', '  },', '  "Outputs": {', '    "Stack": { "Value": { "Ref": "AWS::StackName" } }', '  }', '}');
  return t;
}

// Terraform -----------------------------------------------------------------------------------

function tfBlock(t: Text, r: Rng, n: number): void {
  const name = `${r.pick(SERVICES)}_${r.pick(NOUNS)}_${n}`;
  switch (r.int(0, 6)) {
    case 0:
    case 1:
      t.lines(`resource "aws_instance" "${name}" {`, `  ami                    = data.aws_ami.al2023.id`, `  instance_type          = var.instance_type`, `  subnet_id              = element(var.private_subnet_ids, ${r.int(0, 2)})`);
      if (r.chance(0.8)) t.lines(`  iam_instance_profile   = aws_iam_instance_profile.${name}.name`);
      t.lines('  vpc_security_group_ids = [aws_security_group.app.id]', '');
      if (r.chance(0.7)) t.lines('  metadata_options {', '    http_tokens   = "required"', '    http_endpoint = "enabled"', '  }', '');
      t.lines('  user_data = <<-EOF');
      for (const l of userDataLines(r, false)) t.lines(`    ${l}`);
      t.lines('  EOF', '', '  tags = {', `    Name = "${name}"`, '    Env  = var.environment', '  }', '}', '');
      break;
    case 2:
      t.lines(`resource "aws_iam_role" "${name}" {`, `  name = "${name}"`, '  assume_role_policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [{', '      Effect    = "Allow"', '      Principal = { Service = "ec2.amazonaws.com" }', '      Action    = "sts:AssumeRole"', '    }]', '  })', '}', '');
      t.lines(`resource "aws_iam_instance_profile" "${name}" {`, `  name = "${name}"`, `  role = aws_iam_role.${name}.name`, '}', '');
      break;
    case 3:
      t.lines(`resource "aws_iam_role_policy" "${name}" {`, `  role   = aws_iam_role.${name}.id`, '  policy = <<POLICY', '{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', `      "Action": ["${r.pick(AWS_ACTIONS)}", "${r.pick(AWS_ACTIONS)}"],`, `      "Resource": "arn:aws:s3:::${name.replace(/_/g, '-')}/*"`, '    }', '  ]', '}', 'POLICY', '}', '');
      break;
    case 4:
      t.lines(`resource "aws_security_group" "${name}" {`, `  name_prefix = "${name}-"`, '  vpc_id      = var.vpc_id', '', '  ingress {', `    from_port   = ${r.pick([80, 443, 8080])}`, `    to_port     = ${r.pick([80, 443, 8080])}`, '    protocol    = "tcp"', '    cidr_blocks = ["10.0.0.0/8"]', '  }', '', '  egress {', '    from_port   = 0', '    to_port     = 0', '    protocol    = "-1"', '    cidr_blocks = ["0.0.0.0/0"]', '  }', '}', '');
      break;
    case 5:
      t.lines(`variable "${name}" {`, `  description = "${sentence(r)}"`, `  type        = ${r.pick(['string', 'number', 'bool', 'list(string)', 'map(string)'])}`, `  default     = ${r.pick(['null', '""', '[]', '{}', `"${r.pick(ADJECTIVES)}"`])}`, '}', '');
      break;
    default:
      t.lines(`module "${name}" {`, `  source  = "terraform-aws-modules/${r.pick(['s3-bucket', 'sqs', 'lambda', 'rds'])}/aws"`, `  version = "~> ${r.int(3, 8)}.0"`, '', `  name = "${name.replace(/_/g, '-')}"`, '  tags = local.tags', '}', '');
  }
}

function genTerraform({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('terraform {', '  required_version = ">= 1.5"', '  required_providers {', '    aws = {', '      source  = "hashicorp/aws"', '      version = "~> 5.0"', '    }', '  }', '}', '');
  const inProvider = plant !== undefined && variantOf(plant, [false, true, false]);
  if (inProvider) t.lines('provider "aws" {', `  region     = "${r.pick(REGIONS)}"`, `  access_key = "${K('terraform-string')}"`, `  secret_key = "${SECRET}"`, '}', '');
  else t.lines('provider "aws" {', '  region = var.region', '}', '');
  let n = 0;
  fill(
    t,
    r,
    target,
    () => tfBlock(t, r, n++),
    () =>
      t.lines(
        `resource "aws_instance" "legacy_${n++}" {`,
        `  ami           = "${amiId(r)}"`,
        `  instance_type = "${r.pick(INSTANCE_TYPES)}"`,
        '',
        '  user_data = <<-EOT',
        '    #!/bin/bash',
        `    export AWS_ACCESS_KEY_ID=${K('terraform-heredoc')}`,
        `    export AWS_SECRET_ACCESS_KEY=${SECRET}`,
        '    aws s3 cp s3://${var.bucket}/bootstrap.sh - | bash',
        '  EOT',
        '}',
        '',
      ),
  );
  return t;
}

// IAM-heavy infrastructure (profile `iam`) -------------------------------------------------
// Roles, users, groups, attachments, policy documents in every Terraform form, CloudFormation
// roles and managed policies, resource policies, policy JSON files and Serverless statements:
// what the IAM rules parse, expand against the catalogue and combine per principal.

const IAM_ACTIONS = [...AWS_ACTIONS, 's3:*', 'ec2:Describe*', 'ec2:RunInstances', 'iam:PassRole', 'lambda:InvokeFunction', 'lambda:UpdateFunctionCode', 'ecr:GetAuthorizationToken', 'sns:Publish', 'sts:AssumeRole', 'dynamodb:*', 'iam:CreateAccessKey', 'ec2:CreateTags', 's3:Get*'] as const;
const MANAGED = ['AmazonS3ReadOnlyAccess', 'AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy', 'service-role/AWSLambdaBasicExecutionRole', 'AmazonEC2ContainerRegistryReadOnly', 'ReadOnlyAccess', 'PowerUserAccess', 'AdministratorAccess'] as const;
const TRUSTED = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'codebuild.amazonaws.com'] as const;

function iamActions(r: Rng): string[] {
  return Array.from({ length: r.int(1, 5) }, () => r.pick(IAM_ACTIONS));
}

function iamResource(r: Rng, name: string): string {
  return r.chance(0.35) ? '*' : r.pick([`arn:aws:s3:::${name}/*`, `arn:aws:sqs:eu-west-1:111122223333:${name}`, `arn:aws:dynamodb:*:*:table/${name}`, `arn:aws:iam::111122223333:role/${name}`]);
}

function iamTfBlock(t: Text, r: Rng, n: number): void {
  const name = `${r.pick(SERVICES)}_${r.pick(NOUNS)}_${n}`;
  const q = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
  t.lines(`resource "aws_iam_role" "${name}" {`, `  name               = "${name}"`, `  assume_role_policy = data.aws_iam_policy_document.${name}_trust.json`, '}', '');
  t.lines(`data "aws_iam_policy_document" "${name}_trust" {`, '  statement {', '    actions = ["sts:AssumeRole"]', '    principals {', '      type        = "Service"', `      identifiers = ["${r.pick(TRUSTED)}"]`, '    }', '  }', '}', '');
  switch (r.int(0, 4)) {
    case 0:
      t.lines(`data "aws_iam_policy_document" "${name}" {`);
      for (let i = r.int(1, 4); i > 0; i--) {
        t.lines('  statement {', `    actions   = [${q(iamActions(r))}]`, `    resources = ["${iamResource(r, name)}"]`);
        if (r.chance(0.2)) t.lines('    condition {', '      test     = "StringEquals"', '      variable = "aws:ResourceTag/team"', `      values   = ["${r.pick(NOUNS)}"]`, '    }');
        t.lines('  }');
      }
      t.lines('}', '', `resource "aws_iam_role_policy" "${name}" {`, `  role   = aws_iam_role.${name}.id`, `  policy = data.aws_iam_policy_document.${name}.json`, '}', '');
      break;
    case 1:
      t.lines(`resource "aws_iam_policy" "${name}" {`, `  name = "${name}"`, '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [', `      { Effect = "Allow", Action = [${q(iamActions(r))}], Resource = "${iamResource(r, name)}" },`, `      { Effect = "Deny", Action = ["${r.pick(IAM_ACTIONS)}"], Resource = "*" },`, '    ]', '  })', '}', '');
      t.lines(`resource "aws_iam_role_policy_attachment" "${name}" {`, `  role       = aws_iam_role.${name}.name`, `  policy_arn = aws_iam_policy.${name}.arn`, '}', '');
      break;
    case 2:
      t.lines(`resource "aws_iam_role_policy_attachment" "${name}_managed" {`, `  role       = aws_iam_role.${name}.name`, `  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/${r.pick(MANAGED)}"`, '}', '');
      break;
    case 3:
      t.lines(`resource "aws_iam_user" "${name}" {`, `  name = "${name}"`, '}', '', `resource "aws_iam_group" "${name}" {`, `  name = "${name}"`, '}', '');
      t.lines(`resource "aws_iam_user_group_membership" "${name}" {`, `  user   = aws_iam_user.${name}.name`, `  groups = [aws_iam_group.${name}.name]`, '}', '');
      t.lines(`resource "aws_iam_group_policy" "${name}" {`, `  group  = aws_iam_group.${name}.name`, '  policy = <<EOF', '{', '  "Version": "2012-10-17",', '  "Statement": [', `    { "Effect": "Allow", "Action": [${q(iamActions(r))}], "Resource": "${iamResource(r, name)}" }`, '  ]', '}', 'EOF', '}', '');
      break;
    default:
      t.lines(`resource "aws_s3_bucket_policy" "${name}" {`, `  bucket = "${name.replace(/_/g, '-')}"`, '  policy = jsonencode({', '    Statement = [{', '      Effect    = "Allow"', `      Principal = ${r.chance(0.3) ? '"*"' : '{ AWS = "arn:aws:iam::111122223333:root" }'}`, '      Action    = "s3:GetObject"', `      Resource  = "arn:aws:s3:::${name.replace(/_/g, '-')}/*"`, '    }]', '  })', '}', '');
  }
}

function genIamTerraform({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('data "aws_partition" "current" {}', '');
  let n = 0;
  fill(t, r, target, () => iamTfBlock(t, r, n++), () => t.lines('provider "aws" {', `  access_key = "${K('terraform-string')}"`, `  secret_key = "${SECRET}"`, '}', ''));
  return t;
}

function iamCfnResource(t: Text, r: Rng, n: number): void {
  const id = `${pascal(r)}${n}`;
  t.lines(`  ${id}Role:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement:', '          - Effect: Allow', `            Principal: { Service: ${r.pick(TRUSTED)} }`, '            Action: sts:AssumeRole');
  if (r.chance(0.5)) t.lines('      ManagedPolicyArns:', `        - !Sub arn:\${AWS::Partition}:iam::aws:policy/${r.pick(MANAGED)}`);
  t.lines('      Policies:', `        - PolicyName: ${id.toLowerCase()}`, '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:');
  for (let i = r.int(1, 4); i > 0; i--) {
    t.lines('              - Effect: Allow', `                Action: [${iamActions(r).join(', ')}]`, `                Resource: ${r.chance(0.4) ? "'*'" : `!Sub 'arn:\${AWS::Partition}:s3:::\${${id}Bucket}/*'`}`);
  }
  t.lines(`  ${id}Bucket:`, '    Type: AWS::S3::Bucket', `  ${id}Policy:`, '    Type: AWS::IAM::ManagedPolicy', '    Properties:', `      Roles: [!Ref ${id}Role]`, '      PolicyDocument:', '        Statement:', '          - Effect: Allow', `            Action: ${r.pick(IAM_ACTIONS)}`, `            Resource: ${r.chance(0.5) ? "'*'" : `!GetAtt ${id}Bucket.Arn`}`);
}

function genIamCfn({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:');
  let n = 0;
  fill(t, r, target, () => iamCfnResource(t, r, n++), () => t.lines(`  Legacy${n++}:`, '    Type: AWS::Lambda::Function', '    Properties:', '      Environment:', '        Variables:', `          AWS_ACCESS_KEY_ID: ${K('yaml-value')}`, `          AWS_SECRET_ACCESS_KEY: ${SECRET}`));
  return t;
}

function genPolicyJson({ r, target }: GenInput): Text {
  const t = new Text(undefined);
  const statements: string[] = [];
  let size = 60;
  while (size < target) {
    const s = `    { "Effect": "${r.chance(0.9) ? 'Allow' : 'Deny'}", "Action": [${iamActions(r).map((a) => `"${a}"`).join(', ')}], "Resource": "${iamResource(r, r.pick(NOUNS))}" }`;
    statements.push(s);
    size += s.length + 2;
  }
  t.lines('{', '  "Version": "2012-10-17",', '  "Statement": [', statements.join(',\n'), '  ]', '}');
  return t;
}

function genServerless({ r, target }: GenInput): Text {
  const t = new Text(undefined);
  t.lines(`service: ${kebab(r)}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', '  iam:', '    role:', '      statements:');
  while (t.length < target) t.lines('        - Effect: Allow', `          Action: [${iamActions(r).join(', ')}]`, `          Resource: ${r.chance(0.4) ? '"*"' : `arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/${kebab(r)}`}`);
  t.lines('functions:', '  handler:', '    handler: index.handler');
  return t;
}

// Helm charts: values files (plain YAML, where credentials get pasted) and templates (Go
// templates around YAML: not YAML until rendered, and real charts are full of them).
function genHelmValues({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  const name = `${r.pick(SERVICES)}-${r.pick(NOUNS)}`;
  t.lines(`replicaCount: ${r.int(1, 5)}`, 'image:', `  repository: ${r.int(100000000000, 999999999999)}.dkr.ecr.${r.pick(REGIONS)}.amazonaws.com/${name}`, '  pullPolicy: IfNotPresent', `  tag: "${semver(r)}"`, 'serviceAccount:', '  create: true', '  annotations:', `    eks.amazonaws.com/role-arn: arn:aws:iam::${r.int(100000000000, 999999999999)}:role/${name}`, 'service:', '  type: ClusterIP', `  port: ${r.pick([80, 8080, 3000])}`);
  fill(
    t,
    r,
    target,
    () => {
      t.lines(`${r.pick(NOUNS)}${cap(r.pick(NOUNS))}:`);
      for (let i = 0; i < r.int(2, 6); i++) t.lines(`  ${r.pick(NOUNS)}: ${r.chance(0.5) ? `"${r.pick(ADJECTIVES)}"` : r.int(1, 600)}`);
    },
    () =>
      t.lines(
        ...variantOf(plant, [
          ['aws:', `  region: ${r.pick(REGIONS)}`, `  accessKeyId: ${K('yaml-value')}`, `  secretAccessKey: ${SECRET}`],
          ['env:', '  - name: AWS_ACCESS_KEY_ID', `    value: "${K('yaml-value')}"`, '  - name: AWS_SECRET_ACCESS_KEY', `    value: "${SECRET}"`],
        ]),
      ),
  );
  return t;
}

function genHelmTemplate({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ include "chart.fullname" . }}', '  labels:', '    {{- include "chart.labels" . | nindent 4 }}', 'spec:', '  {{- if not .Values.autoscaling.enabled }}', '  replicas: {{ .Values.replicaCount }}', '  {{- end }}', '  template:', '    spec:', '      serviceAccountName: {{ include "chart.serviceAccountName" . }}', '      containers:', '        - name: {{ .Chart.Name }}', '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"', '          env:');
  fill(
    t,
    r,
    target,
    () => {
      const v = `${r.pick(NOUNS)}${cap(r.pick(NOUNS))}`;
      t.lines(`            - name: ${v.toUpperCase()}`, `              value: {{ .Values.${v} | quote }}`);
      if (r.chance(0.2)) t.lines('          {{- with .Values.extraEnv }}', '            {{- toYaml . | nindent 12 }}', '          {{- end }}');
    },
    () => t.lines('            - name: AWS_ACCESS_KEY_ID', `              value: ${K('yaml-value')}`, '            - name: AWS_SECRET_ACCESS_KEY', `              value: {{ .Values.aws.secret | default "${SECRET}" | quote }}`),
  );
  t.lines('          resources:', '            {{- toYaml .Values.resources | nindent 12 }}');
  return t;
}

// Dockerfiles -----------------------------------------------------------------------------------

function dockerStage(t: Text, r: Rng, name: string, instructions: number): void {
  const image = r.pick(IMAGES);
  t.lines(`FROM ${image} AS ${name}`, 'WORKDIR /app');
  for (let i = 0; i < instructions; i++) {
    switch (r.int(0, 9)) {
      case 0:
        t.lines(`ARG ${r.pick(NOUNS).toUpperCase()}_VERSION=${semver(r)}`);
        break;
      case 1:
        t.lines(`ENV ${r.pick(NOUNS).toUpperCase()}_${r.pick(['MODE', 'LEVEL', 'PATH'])}=${r.pick(ADJECTIVES)}`);
        break;
      case 2:
        t.lines(`COPY ${r.pick(['package*.json', 'go.mod go.sum', 'requirements.txt', 'src/', '.'])} ./`);
        break;
      case 3:
        t.lines(`RUN apt-get update && apt-get install -y --no-install-recommends ${r.pick(APT_PACKAGES)} ${r.pick(APT_PACKAGES)} \\`, '    && rm -rf /var/lib/apt/lists/*');
        break;
      case 4:
        t.lines('RUN <<EOF', 'set -eux', `mkdir -p /opt/${r.pick(SERVICES)}`, `curl -fsSL https://example.com/${r.pick(NOUNS)}.tar.gz | tar -xz -C /opt`, 'EOF');
        break;
      case 5:
        t.lines(`RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev`);
        break;
      case 6:
        t.lines(`LABEL org.opencontainers.image.${r.pick(['source', 'revision', 'version'])}="${r.hex(12)}"`);
        break;
      case 7:
        t.lines(`EXPOSE ${r.pick([80, 3000, 8080, 9090])}`);
        break;
      case 8:
        t.lines(`HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:${r.pick([3000, 8080])}/healthz || exit 1`);
        break;
      default:
        t.lines(`RUN ${r.pick(['npm run build', 'go build -o /out/app ./cmd/app', 'pip install --no-cache-dir -r requirements.txt', 'chmod +x /app/entrypoint.sh'])}`);
    }
  }
}

// ENV is the most common way keys end up in images: first and twice in the rotation.
const DOCKER_ENV_PLANT = [`ENV AWS_ACCESS_KEY_ID=${K('dockerfile-env')} \\`, `    AWS_SECRET_ACCESS_KEY=${SECRET}`];
const DOCKER_PLANTS: ReadonlyArray<string[]> = [
  DOCKER_ENV_PLANT,
  [`ARG AWS_ACCESS_KEY_ID=${K('dockerfile-arg')}`],
  DOCKER_ENV_PLANT,
  ['RUN <<EOF', 'set -e', `aws configure set aws_access_key_id ${K('dockerfile-heredoc')}`, `aws configure set aws_secret_access_key ${SECRET}`, 'aws s3 cp s3://build-cache/deps.tgz /tmp/', 'EOF'],
];

function genDockerfile({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines('# syntax=docker/dockerfile:1.7');
  const stages = r.int(1, 3);
  let stage = 0;
  fill(
    t,
    r,
    target - 120,
    () => dockerStage(t, r, stage++ < stages ? `stage${stage}` : `extra${stage}`, r.int(3, 12)),
    () => t.lines(...variantOf(plant, DOCKER_PLANTS)),
  );
  t.lines('FROM gcr.io/distroless/nodejs20-debian12', 'COPY --from=stage1 /app /app', 'USER nonroot', 'ENTRYPOINT ["node", "/app/dist/server.js"]');
  return t;
}

/** One Dockerfile of exactly `count` instructions (a generated monolith image). */
function dockerfileOfInstructions(r: Rng, count: number, plant: Plant | undefined): Text {
  const t = new Text(plant);
  // Each stage writes its FROM and WORKDIR plus `inner` instructions; count them as we go.
  let written = 0;
  const plantAt = plant ? r.int(Math.floor(count / 4), Math.floor((count * 3) / 4)) : -1;
  let stage = 0;
  while (written < count - 1) {
    if (plant && !t.planted && written >= plantAt) {
      const block = variantOf(plant, DOCKER_PLANTS);
      t.lines(...block);
      written++;
      continue;
    }
    const inner = Math.min(r.int(20, 120), count - written - 3);
    if (inner < 1) break;
    dockerStage(t, r, `layer${stage++}`, inner);
    written += inner + 2;
  }
  while (written < count - 1) {
    t.lines(`RUN echo step-${written}`);
    written++;
  }
  t.lines('CMD ["/bin/sh"]');
  return t;
}

// Shell, user data ---------------------------------------------------------------------------------

function shellBlock(t: Text, r: Rng): void {
  switch (r.int(0, 7)) {
    case 0: {
      const fn = snake(r);
      t.lines(`${fn}() {`, '  local target="$1"', `  log "${r.pick(VERBS)}ing \${target}"`, '  if [[ -z "${target}" ]]; then', '    echo "usage: ' + fn + ' <target>" >&2', '    return 1', '  fi');
      t.lines(`  aws ${r.pick(['s3 cp', 's3 sync'])} "s3://\${BUCKET}/${r.pick(NOUNS)}/" "/var/lib/${r.pick(SERVICES)}/" --only-show-errors`, '}', '');
      break;
    }
    case 1:
      t.lines('case "${1:-}" in');
      for (const v of [r.pick(VERBS), r.pick(VERBS), r.pick(VERBS)]) t.lines(`  ${v})`, `    ${snake(r)} "\${@:2}"`, '    ;;');
      t.lines('  *)', '    echo "unknown command: ${1:-}" >&2', '    exit 64', '    ;;', 'esac', '');
      break;
    case 2:
      t.lines(`for ${r.pick(NOUNS)} in ${r.pick(SERVICES)} ${r.pick(SERVICES)} ${r.pick(SERVICES)}; do`, `  docker build -t "\${REGISTRY}/\${${r.pick(NOUNS)}}:\${VERSION}" "services/\${${r.pick(NOUNS)}}"`, '  docker push "${REGISTRY}/${service}:${VERSION}"', 'done', '');
      break;
    case 3:
      t.lines(`cat > /etc/${r.pick(SERVICES)}/${r.pick(NOUNS)}.env <<'EOF'`);
      for (let i = 0; i < r.int(2, 8); i++) t.lines(`${r.pick(NOUNS).toUpperCase()}_${r.pick(['URL', 'MODE', 'PORT', 'LEVEL'])}=${r.pick(ADJECTIVES)}`);
      t.lines('EOF', '');
      break;
    case 4:
      t.lines(`if ! command -v ${r.pick(APT_PACKAGES)} >/dev/null 2>&1; then`, `  apt-get install -y ${r.pick(APT_PACKAGES)}`, 'fi', '');
      break;
    case 5:
      t.lines(`INSTANCE_ID=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)`, `aws ec2 create-tags --resources "$INSTANCE_ID" --tags Key=role,Value=${r.pick(SERVICES)} --region "${'$'}{AWS_REGION:-${r.pick(REGIONS)}}"`, '');
      break;
    case 6:
      t.lines(`# ${sentence(r)}`, `readonly ${r.pick(NOUNS).toUpperCase()}_DIR="/opt/${r.pick(SERVICES)}/${r.pick(NOUNS)}"`, `export PATH="$PATH:/opt/${r.pick(SERVICES)}/bin"`, '');
      break;
    default:
      t.lines(`while read -r line; do`, `  [[ "$line" =~ ^# ]] && continue`, `  printf '%s\\n' "\${line%%=*}" >> "/tmp/${r.pick(NOUNS)}.keys"`, `done < "${'$'}{CONFIG_FILE:-/etc/${r.pick(SERVICES)}.conf}"`, '');
  }
}

const SHELL_PLANTS: ReadonlyArray<string[]> = [
  [`export AWS_ACCESS_KEY_ID="${K('shell-export')}"`, `export AWS_SECRET_ACCESS_KEY="${SECRET}"`, ''],
  [`aws configure set aws_access_key_id ${K('shell-aws-configure')}`, `aws configure set aws_secret_access_key ${SECRET}`, ''],
  ['mkdir -p ~/.aws', 'cat > ~/.aws/credentials <<EOF', '[default]', `aws_access_key_id = ${K('shell-heredoc')}`, `aws_secret_access_key = ${SECRET}`, 'EOF', ''],
];

function genShell(userData: boolean): FileGenerator {
  return ({ r, target, plant }) => {
    const t = new Text(plant);
    t.lines(userData ? '#!/bin/bash' : r.pick(['#!/usr/bin/env bash', '#!/bin/bash', '#!/bin/sh']), `# ${sentence(r)}`, 'set -euo pipefail', '');
    if (userData) t.lines('exec > >(tee /var/log/user-data.log | logger -t user-data -s 2>/dev/console) 2>&1', 'TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")', '');
    t.lines('log() { printf \'[%s] %s\\n\' "$(date -u +%FT%TZ)" "$*"; }', '');
    fill(
      t,
      r,
      target,
      () => shellBlock(t, r),
      () => t.lines(...variantOf(plant, SHELL_PLANTS)),
    );
    t.lines('log "done"');
    return t;
  };
}

// .env, Markdown, minified bundles -------------------------------------------------------------------

function genDotenv({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.lines(`# ${sentence(r)}`);
  fill(
    t,
    r,
    target,
    () => t.lines(`${r.pick(NOUNS).toUpperCase()}_${r.pick(['URL', 'HOST', 'PORT', 'MODE', 'TIMEOUT', 'ENABLED'])}=${r.pick([r.pick(ADJECTIVES), String(r.int(1, 65535)), `https://${r.pick(SERVICES)}.internal`, 'true'])}`),
    () => t.lines(`AWS_ACCESS_KEY_ID=${K('dotenv')}`, `AWS_SECRET_ACCESS_KEY=${SECRET}`),
  );
  return t;
}

function genMarkdown({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  if (r.chance(0.1)) t.eol = '\r\n';
  t.lines(`# ${cap(r.pick(SERVICES))} ${r.pick(NOUNS)} ${r.pick(['guide', 'runbook', 'design', 'notes'])}`, '', paragraph(r), '');
  fill(
    t,
    r,
    target,
    () => {
      switch (r.int(0, 5)) {
        case 0:
          t.lines(`## ${cap(r.pick(VERBS))} the ${r.pick(NOUNS)}`, '', paragraph(r), '');
          break;
        case 1:
          t.lines('```bash', `aws s3 ls s3://${r.pick(NOUNS)}-${r.pick(ENVS)}/`, `npm run ${r.pick(VERBS)} -- --env ${r.pick(ENVS)}`, '```', '');
          break;
        case 2:
          t.lines('| Setting | Default | Notes |', '| --- | --- | --- |');
          for (let i = 0; i < r.int(2, 6); i++) t.lines(`| \`${r.pick(NOUNS)}.${r.pick(NOUNS)}\` | \`${r.pick(ADJECTIVES)}\` | ${sentence(r)} |`);
          t.lines('');
          break;
        case 3:
          for (let i = 0; i < r.int(2, 6); i++) t.lines(`- ${sentence(r)}`);
          t.lines('');
          break;
        case 4:
          // The AWS documentation key: a decoy every secret scanner must leave alone.
          t.lines('Configure a local profile (the keys below are the AWS documentation examples):', '', '```ini', '[dev]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '```', '');
          break;
        default:
          t.lines(`> **Note** — ${sentence(r)} Übergangsweise gilt die alte Konfiguration.`, '');
      }
    },
    () => t.lines('To reproduce the bug, run:', '', '```sh', `export AWS_ACCESS_KEY_ID=${K('markdown')}`, `export AWS_SECRET_ACCESS_KEY=${SECRET}`, `node scripts/${r.pick(VERBS)}.js`, '```', ''),
  );
  return t;
}

function minifiedChunk(r: Rng): string {
  const a = r.chars('abcdefghijklmnopqrstuvwxyz', 1);
  const b = r.chars('abcdefghijklmnopqrstuvwxyz', 1);
  switch (r.int(0, 5)) {
    case 0:
      return `function ${a}${r.int(0, 99)}(${a},${b}){return ${a}&&${a}.__esModule?${a}:{default:${a},${b}:${b}}}`;
    case 1:
      return `var ${a}${b}=${r.int(0, 9999)},${b}${a}="${r.pick(NOUNS)}-${r.chars(ALNUM, 6)}";`;
    case 2:
      return `${a}.exports={${r.pick(NOUNS)}:function(${b}){return ${b}.${r.pick(VERBS)}(${r.int(0, 99)})},${r.pick(NOUNS)}:"${r.pick(ADJECTIVES)}"};`;
    case 3:
      return `if(!${a}.${r.pick(NOUNS)})throw new Error("${sentence(r)}");`;
    case 4:
      return `for(var ${a}=0;${a}<${b}.length;${a}++)${b}[${a}]=${b}[${a}]^${r.int(1, 255)};`;
    default:
      return `${a}.prototype.${camel(r)}=function(){return this.${r.pick(NOUNS)}.${r.pick(VERBS)}("${r.chars(ALNUM, 10)}")};`;
  }
}

/** Minified bundle: lines of tens to hundreds of KB, like webpack output. */
function genMinified({ r, target, plant }: GenInput): Text {
  const t = new Text(plant);
  t.put(`/*! ${r.pick(NPM_PACKAGES)} v${semver(r)} | MIT */\n`);
  const lineLength = r.pick([32 * 1024, 128 * 1024, 512 * 1024, Number.MAX_SAFE_INTEGER]);
  let lineStart = t.length;
  fill(
    t,
    r,
    target,
    () => {
      t.put(minifiedChunk(r));
      if (t.length - lineStart > lineLength) {
        t.put('\n');
        lineStart = t.length;
      }
    },
    () => t.put(`var awsCfg={region:"us-east-1",accessKeyId:"${K('minified')}",secretAccessKey:"${SECRET}"};`),
  );
  t.put('\n//# sourceMappingURL=bundle.js.map\n');
  return t;
}

// ---------------------------------------------------------------------------------------------
// Profiles: which generators, where their files go, how big they are.

type SizeClass = 'tiny' | 'small' | 'normal' | 'big';

interface FileType {
  readonly name: string;
  readonly gen: FileGenerator;
  readonly path: (r: Rng) => string;
  readonly size: SizeClass;
  /** False for files that never hold a key (lock files). */
  readonly plantable: boolean;
}

function sizeOf(r: Rng, size: SizeClass): number {
  switch (size) {
    case 'tiny':
      return r.logUniform(200, 3 * 1024);
    case 'small':
      return r.logUniform(600, 8 * 1024);
    case 'big':
      return r.logUniform(80 * 1024, 900 * 1024);
    default: {
      // Most source files are 1–30 KB, a tenth larger, a few much larger.
      const x = r.next();
      if (x < 0.88) return r.logUniform(1024, 30 * 1024);
      if (x < 0.98) return r.logUniform(30 * 1024, 100 * 1024);
      return r.logUniform(100 * 1024, 300 * 1024);
    }
  }
}

const svc = (r: Rng): string => `${r.pick(SERVICES)}${r.chance(0.5) ? `-${r.pick(NOUNS)}` : ''}`;

const TYPES = {
  ts: { name: 'ts', gen: genJs(true), size: 'normal', plantable: true, path: (r) => `packages/${svc(r)}/src/${r.pick(NOUNS)}/${camel(r)}${r.chance(0.15) ? '.test' : ''}.${r.pick(['ts', 'ts', 'tsx'])}` },
  js: { name: 'js', gen: genJs(false), size: 'normal', plantable: true, path: (r) => `${r.pick(['services', 'apps', 'lib'])}/${svc(r)}/${r.pick(['src', 'lib', 'routes'])}/${camel(r)}.${r.pick(['js', 'mjs', 'cjs'])}` },
  py: { name: 'py', gen: genPython, size: 'normal', plantable: true, path: (r) => `${r.pick(['services', 'tools', 'lambdas'])}/${svc(r)}/${r.pick(['app', 'src', 'handlers'])}/${snake(r)}.py` },
  go: { name: 'go', gen: genGo, size: 'normal', plantable: true, path: (r) => `${r.pick(['internal', 'pkg', 'cmd'])}/${r.pick(NOUNS)}/${snake(r)}.go` },
  workflow: { name: 'workflow', gen: genWorkflow, size: 'small', plantable: true, path: (r) => `.github/workflows/${r.pick(VERBS)}-${r.pick(SERVICES)}.yml` },
  k8s: { name: 'k8s', gen: genK8s, size: 'normal', plantable: true, path: (r) => `${r.pick(['deploy/k8s', 'charts'])}/${svc(r)}/${r.pick(['templates/', ''])}${r.pick(['deployment', 'service', 'configmap', 'app'])}.yaml` },
  compose: { name: 'compose', gen: genCompose, size: 'small', plantable: true, path: (r) => `${r.pick(['services', 'deploy/compose', 'examples'])}/${svc(r)}/docker-compose${r.pick(['', '.override', `.${r.pick(ENVS)}`])}.yml` },
  packageJson: { name: 'package.json', gen: genPackageJson, size: 'tiny', plantable: true, path: (r) => `packages/${svc(r)}/package.json` },
  lock: { name: 'lock', gen: genLockfile, size: 'big', plantable: false, path: (r) => `packages/${svc(r)}/package-lock.json` },
  cfnYaml: { name: 'cfn-yaml', gen: genCfnYaml, size: 'normal', plantable: true, path: (r) => `infra/cloudformation/${svc(r)}/${r.pick(['template', 'stack', 'ec2', 'app'])}.${r.pick(['yaml', 'yml', 'template'])}` },
  cfnJson: { name: 'cfn-json', gen: genCfnJson, size: 'normal', plantable: true, path: (r) => `infra/cloudformation/${svc(r)}/${r.pick(['template', 'stack', 'nested'])}.json` },
  tf: { name: 'terraform', gen: genTerraform, size: 'normal', plantable: true, path: (r) => `infra/terraform/${r.pick(['modules', 'envs', 'stacks'])}/${svc(r)}/${r.pick(['main', 'ec2', 'iam', 'compute'])}.tf` },
  dockerfile: { name: 'dockerfile', gen: genDockerfile, size: 'small', plantable: true, path: (r) => `${r.pick(['services', 'docker', 'images'])}/${svc(r)}/${r.pick(['Dockerfile', 'Dockerfile', `Dockerfile.${r.pick(ENVS)}`, 'build.dockerfile'])}` },
  shell: { name: 'shell', gen: genShell(false), size: 'normal', plantable: true, path: (r) => `${r.pick(['scripts', 'bin', 'ops', `services/${svc(r)}/bin`])}/${r.pick(VERBS)}-${r.pick(NOUNS)}.${r.pick(['sh', 'sh', 'bash'])}` },
  userData: { name: 'user-data', gen: genShell(true), size: 'small', plantable: true, path: (r) => `infra/user-data/${svc(r)}/${r.pick(['user-data.sh', `user-data-${r.pick(SERVICES)}.sh`, 'userdata.sh', `${r.pick(SERVICES)}.user-data`])}` },
  cloudInit: { name: 'cloud-init', gen: genCloudInit, size: 'small', plantable: true, path: (r) => `infra/cloud-init/${svc(r)}/${r.pick(['cloud-config.yaml', 'init.yml', 'bootstrap.yaml'])}` },
  dotenv: { name: 'dotenv', gen: genDotenv, size: 'tiny', plantable: true, path: (r) => `${r.pick(['services', 'apps'])}/${svc(r)}/${r.pick(['.env', '.env.example', `.env.${r.pick(ENVS)}`, 'local.env'])}` },
  markdown: { name: 'markdown', gen: genMarkdown, size: 'normal', plantable: true, path: (r) => `${r.pick(['docs', `services/${svc(r)}`, 'docs/adr'])}/${r.pick(['README', kebab(r), `${r.int(1, 200).toString().padStart(4, '0')}-${kebab(r)}`])}.md` },
  iamTf: { name: 'iam-terraform', gen: genIamTerraform, size: 'normal', plantable: true, path: (r) => `infra/terraform/iam/${svc(r)}/${r.pick(['iam', 'roles', 'policies'])}.tf` },
  iamCfn: { name: 'iam-cfn', gen: genIamCfn, size: 'normal', plantable: true, path: (r) => `infra/cloudformation/iam/${svc(r)}/${r.pick(['roles', 'iam', 'template'])}.yaml` },
  policyJson: { name: 'policy-json', gen: genPolicyJson, size: 'small', plantable: false, path: (r) => `policies/${svc(r)}/${r.pick(['policy', 'permissions', kebab(r)])}.json` },
  serverless: { name: 'serverless', gen: genServerless, size: 'small', plantable: false, path: (r) => `functions/${svc(r)}/serverless.yml` },
  minified: { name: 'minified', gen: genMinified, size: 'big', plantable: true, path: (r) => `apps/${svc(r)}/public/vendor/${r.pick(NPM_PACKAGES).replace(/[@/]/g, '')}.${r.hex(8)}.min.js` },
  helmValues: { name: 'helm-values', gen: genHelmValues, size: 'tiny', plantable: true, path: (r) => `charts/${svc(r)}/values${r.pick(['', '', `-${r.pick(ENVS)}`])}.yaml` },
  helmTemplate: { name: 'helm-template', gen: genHelmTemplate, size: 'tiny', plantable: true, path: (r) => `charts/${svc(r)}/templates/${r.pick(['deployment', 'statefulset', 'job', 'cronjob'])}.yaml` },
} satisfies Record<string, FileType>;

/** The same generator in small files: real IaC repositories (modules, examples, policy tests) are thousands of files of a few KB. */
function smallFiles(type: FileType, size: SizeClass = 'small'): FileType {
  return { ...type, name: `${type.name}-${size}`, size };
}

interface ProfileSpec {
  /** Share of files (by count) per type. */
  readonly mix: ReadonlyArray<readonly [FileType, number]>;
  /** Fixed large files: type, nominal size, whether a key is planted in it. */
  readonly large: ReadonlyArray<{ type: FileType; bytes: number; path: string; plant: boolean; special?: 'dockerfile-2000' }>;
}

const PROFILE_SPECS: Record<Profile, ProfileSpec> = {
  mixed: {
    mix: [
      [TYPES.ts, 20], [TYPES.js, 9], [TYPES.py, 9], [TYPES.go, 6], [TYPES.workflow, 3], [TYPES.k8s, 5],
      [TYPES.compose, 2], [TYPES.packageJson, 3], [TYPES.lock, 0.25], [TYPES.cfnYaml, 4], [TYPES.cfnJson, 2],
      [TYPES.tf, 6], [TYPES.dockerfile, 3], [TYPES.shell, 5], [TYPES.userData, 1.5], [TYPES.cloudInit, 1],
      [TYPES.dotenv, 1.5], [TYPES.markdown, 8], [TYPES.minified, 0.15],
    ],
    large: [
      { type: TYPES.lock, bytes: 3.5 * MIB, path: 'package-lock.json', plant: false },
      { type: TYPES.ts, bytes: 2 * MIB, path: 'packages/api-client/src/generated/client.ts', plant: true },
      { type: TYPES.minified, bytes: 1.5 * MIB, path: 'apps/web/public/vendor/app.bundle.min.js', plant: true },
    ],
  },
  iac: {
    mix: [
      [TYPES.cfnYaml, 30], [TYPES.cfnJson, 15], [TYPES.tf, 35], [TYPES.k8s, 4], [TYPES.userData, 3],
      [TYPES.cloudInit, 2], [TYPES.shell, 3], [TYPES.markdown, 5], [TYPES.workflow, 2],
    ],
    large: [
      { type: TYPES.cfnJson, bytes: 2 * MIB, path: 'infra/cloudformation/platform/nested-all.json', plant: true },
      { type: TYPES.tf, bytes: 1 * MIB, path: 'infra/terraform/envs/prod/generated.tf', plant: true },
    ],
  },
  iam: {
    mix: [
      [TYPES.iamTf, 35], [TYPES.iamCfn, 30], [TYPES.policyJson, 12], [TYPES.serverless, 8], [TYPES.tf, 5],
      [TYPES.cfnYaml, 5], [TYPES.markdown, 3], [TYPES.workflow, 2],
    ],
    large: [
      { type: TYPES.iamTf, bytes: 1 * MIB, path: 'infra/terraform/iam/generated/all-roles.tf', plant: true },
    ],
  },
  // Thousands of small files in the proportions of real IaC trees (kics query tests, terragoat,
  // cfngoat, Helm chart repositories): Terraform first, CloudFormation YAML and JSON, Kubernetes
  // and Helm, Serverless and IAM policy documents, user data.
  'iac-tree': {
    mix: [
      [smallFiles(TYPES.tf), 30], [smallFiles(TYPES.iamTf), 6], [smallFiles(TYPES.cfnYaml), 16], [smallFiles(TYPES.cfnJson), 8],
      [smallFiles(TYPES.iamCfn), 4], [smallFiles(TYPES.k8s), 10], [TYPES.helmValues, 4], [TYPES.helmTemplate, 5],
      [smallFiles(TYPES.serverless, 'tiny'), 3], [smallFiles(TYPES.policyJson, 'tiny'), 4], [smallFiles(TYPES.userData, 'tiny'), 3],
      [smallFiles(TYPES.cloudInit, 'tiny'), 1.5], [smallFiles(TYPES.dockerfile, 'tiny'), 2], [smallFiles(TYPES.markdown, 'tiny'), 3],
      [smallFiles(TYPES.compose, 'tiny'), 1.5],
    ],
    large: [],
  },
  shell: {
    mix: [
      [TYPES.shell, 35], [TYPES.userData, 25], [TYPES.cloudInit, 10], [TYPES.dockerfile, 20],
      [TYPES.markdown, 5], [TYPES.dotenv, 3], [TYPES.workflow, 2],
    ],
    large: [
      // 5,000,000 bytes: under the engine's default 5 MiB maxFileSize, so it is scanned.
      { type: TYPES.shell, bytes: 5_000_000, path: 'scripts/install-everything.sh', plant: true },
      { type: TYPES.dockerfile, bytes: 0, path: 'docker/monolith/Dockerfile', plant: true, special: 'dockerfile-2000' },
    ],
  },
};

const ROOT_FILES: CorpusFile[] = [
  { path: '.gitignore', content: '*.log\ncoverage/\n.terraform/\n*.tfstate\n*.tfstate.backup\n.DS_Store\n' },
];

/**
 * Yields the corpus file by file (content in memory one file at a time) and fills `keys`.
 * Deterministic for a given (profile, size, seed).
 */
export function* corpusFiles(options: CorpusOptions, keys: PlantedKey[]): Generator<CorpusFile> {
  const profile = options.profile ?? 'mixed';
  const target = Math.max(64 * 1024, Math.round(options.sizeBytes ?? 100 * MIB));
  const seed = options.seed ?? 'credlint-bench';
  const spec = PROFILE_SPECS[profile];
  const master = new Rng(`${seed}:${profile}:${target}`);
  const usedPaths = new Set<string>();
  const usedKeys = new Set<string>();
  let bytes = 0;
  let index = 0;

  const uniquePath = (path: string): string => {
    let p = path;
    // A collision renames the parent directory, never the file name: the name decides the kind.
    for (let n = 2; usedPaths.has(p); n++) {
      const slash = path.lastIndexOf('/');
      p = slash === -1 ? `${n}/${path}` : `${path.slice(0, slash)}-${n}${path.slice(slash)}`;
    }
    usedPaths.add(p);
    return p;
  };

  const plantsPerType = new Map<string, number>();
  const makePlant = (r: Rng, type: FileType): Plant => {
    let key = benchAccessKeyId(r);
    while (usedKeys.has(key)) key = benchAccessKeyId(r);
    usedKeys.add(key);
    const variant = plantsPerType.get(type.name) ?? 0;
    plantsPerType.set(type.name, variant + 1);
    return { key, secret: benchSecretAccessKey(r), variant };
  };

  const emit = (path: string, t: Text): CorpusFile => {
    const content = t.toString();
    bytes += Buffer.byteLength(content);
    for (const k of t.keys) keys.push({ path, line: k.line, column: k.column, key: k.key, context: k.context });
    return { path, content };
  };

  for (const f of ROOT_FILES) {
    usedPaths.add(f.path);
    bytes += Buffer.byteLength(f.content);
    yield f;
  }

  // Large files first; each is capped at a fifth of the corpus so small corpora stay varied.
  for (const large of spec.large) {
    const r = new Rng(`${seed}:${profile}:${target}:large:${large.path}`);
    const plant = large.plant ? makePlant(r, large.type) : undefined;
    const path = uniquePath(large.path);
    if (large.special === 'dockerfile-2000') {
      yield emit(path, dockerfileOfInstructions(r, 2000, plant));
    } else {
      const size = Math.min(large.bytes, Math.floor(target / 5));
      yield emit(path, large.type.gen({ r, target: size, plant, path }));
    }
  }

  while (bytes < target) {
    const type = master.weighted(spec.mix);
    const r = new Rng(`${seed}:${profile}:${target}:${index++}`);
    // About 2% of files hold a key.
    const plant = type.plantable && r.chance(0.02) ? makePlant(r, type) : undefined;
    const path = uniquePath(type.path(r));
    const size = Math.min(sizeOf(r, type.size), Math.max(256, target - bytes));
    yield emit(path, type.gen({ r, target: size, plant, path }));
  }
}

/** Writes the corpus under `dir` (created if needed) and returns its manifest. */
export function generateCorpus(dir: string, options: CorpusOptions = {}): CorpusManifest {
  const keys: PlantedKey[] = [];
  let totalBytes = 0;
  let fileCount = 0;
  const dirs = new Set<string>();
  for (const file of corpusFiles(options, keys)) {
    const abs = join(dir, ...file.path.split('/'));
    const parent = dirname(abs);
    if (!dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      dirs.add(parent);
    }
    writeFileSync(abs, file.content);
    totalBytes += Buffer.byteLength(file.content);
    fileCount++;
  }
  keys.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return {
    version: CORPUS_VERSION,
    profile: options.profile ?? 'mixed',
    seed: options.seed ?? 'credlint-bench',
    targetBytes: Math.max(64 * 1024, Math.round(options.sizeBytes ?? 100 * MIB)),
    totalBytes,
    fileCount,
    keys,
  };
}
