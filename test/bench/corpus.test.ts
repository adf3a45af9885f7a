import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_RULE, MIB, corpusFiles, generateCorpus, type CorpusFile, type PlantedKey } from '../../bench/corpus.js';
import { ACCESS_KEY_ID_SOURCE } from '../../src/detect/aws-keys.js';
import { classifyFile, SNIFF_BYTES } from '../../src/kinds.js';
import { lintText } from '../helpers/fixtures.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'credlint-corpus-test-'));
  roots.push(root);
  return root;
}

/** Relative path → sha256 of every file under `dir`. */
function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else out.set(relative(dir, abs).split(sep).join('/'), createHash('sha256').update(readFileSync(abs)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function inMemory(profile: 'mixed' | 'iac' | 'shell', sizeBytes: number): { files: CorpusFile[]; keys: PlantedKey[] } {
  const keys: PlantedKey[] = [];
  return { files: [...corpusFiles({ profile, sizeBytes }, keys)], keys };
}

/** Instructions in a Dockerfile: heredoc bodies and continuation lines belong to the instruction before. */
function countInstructions(text: string): number {
  let count = 0;
  let heredocEnd: string | undefined;
  let continued = false;
  for (const line of text.split('\n')) {
    if (heredocEnd !== undefined) {
      if (line.trim() === heredocEnd) heredocEnd = undefined;
      continue;
    }
    const wasContinued = continued;
    continued = /\\\s*$/.test(line);
    if (wasContinued || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^[A-Z]+\s/.test(line)) count++;
    const heredoc = /<<-?['"]?(\w+)['"]?/.exec(line);
    if (heredoc) heredocEnd = heredoc[1];
  }
  return count;
}

describe('bench corpus', () => {
  const size = 1 * MIB;
  const first = tempRoot();
  const second = tempRoot();
  const manifestA = generateCorpus(first, { profile: 'mixed', sizeBytes: size });
  const manifestB = generateCorpus(second, { profile: 'mixed', sizeBytes: size });

  it('is deterministic: the same manifest and byte-identical files twice', () => {
    expect(manifestB).toEqual(manifestA);
    expect(hashTree(second)).toEqual(hashTree(first));
  });

  it('reaches the requested size and plants keys', () => {
    expect(manifestA.totalBytes).toBeGreaterThanOrEqual(size);
    expect(manifestA.totalBytes).toBeLessThan(size * 1.1);
    expect(manifestA.keys.length).toBeGreaterThan(0);
    expect(new Set(manifestA.keys.map((k) => k.key)).size).toBe(manifestA.keys.length);
  });

  it('records positions that really hold the planted keys', () => {
    const shape = new RegExp(`^${ACCESS_KEY_ID_SOURCE}$`);
    for (const k of manifestA.keys) {
      const text = readFileSync(join(first, ...k.path.split('/')), 'utf8');
      const line = text.split('\n')[k.line - 1] ?? '';
      expect(line.slice(k.column - 1, k.column - 1 + k.key.length), `${k.path}:${k.line}:${k.column}`).toBe(k.key);
      expect(k.key).toMatch(shape);
    }
  });

  it('plants keys the access key rule reports at exactly the recorded line and column', () => {
    const byPath = new Map<string, PlantedKey[]>();
    for (const k of manifestA.keys) byPath.set(k.path, [...(byPath.get(k.path) ?? []), k]);
    for (const [path, keys] of byPath) {
      const text = readFileSync(join(first, ...path.split('/')), 'utf8');
      const found = lintText(path, text, { rules: [KEY_RULE] }).findings.map((f) => `${f.region.startLine}:${f.region.startColumn}`);
      for (const k of keys) expect(found, path).toContain(`${k.line}:${k.column}`);
    }
  });

  it('plants in every kind of context across the profiles, each reported where recorded', () => {
    const contexts = new Set<string>();
    for (const [profile, mb] of [['mixed', 16], ['iac', 8], ['shell', 8]] as const) {
      const { files, keys } = inMemory(profile, mb * MIB);
      const content = new Map(files.map((f) => [f.path, f.content]));
      for (const k of keys) {
        contexts.add(k.context);
        const found = lintText(k.path, content.get(k.path)!, { rules: [KEY_RULE] }).findings;
        expect(found.map((f) => `${f.region.startLine}:${f.region.startColumn}`), `${profile} ${k.path} (${k.context})`).toContain(`${k.line}:${k.column}`);
      }
    }
    for (const context of ['ts-string', 'python-string', 'yaml-value', 'terraform-heredoc', 'terraform-string', 'cfn-user-data', 'dockerfile-env', 'shell-export', 'json-value', 'dotenv', 'minified']) {
      expect(contexts, context).toContain(context);
    }
  });

  it('depends on the seed and the profile', () => {
    const other = tempRoot();
    const reseeded = generateCorpus(other, { profile: 'mixed', sizeBytes: size, seed: 'another' });
    expect(reseeded.keys.map((k) => k.key)).not.toEqual(manifestA.keys.map((k) => k.key));
    const iac = inMemory('iac', size);
    expect(iac.files.map((f) => f.path)).not.toEqual([...hashTree(first).keys()].sort());
  });

  it('mixes the file kinds credlint scans', () => {
    const { files } = inMemory('mixed', 16 * MIB);
    const kinds = new Set(files.map((f) => classifyFile(f.path, f.content.slice(0, SNIFF_BYTES))));
    for (const kind of ['javascript', 'shell', 'user-data', 'cloud-init', 'dockerfile', 'cloudformation', 'terraform', 'dotenv', 'text'] as const) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('puts IaC first in the iac profile and scripts first in the shell profile', () => {
    const share = (files: CorpusFile[], kinds: string[]) => {
      const total = files.reduce((n, f) => n + f.content.length, 0);
      const part = files.filter((f) => kinds.includes(classifyFile(f.path, f.content.slice(0, SNIFF_BYTES)))).reduce((n, f) => n + f.content.length, 0);
      return part / total;
    };
    expect(share(inMemory('iac', 3 * MIB).files, ['cloudformation', 'terraform'])).toBeGreaterThan(0.7);
    expect(share(inMemory('shell', 3 * MIB).files, ['shell', 'user-data', 'cloud-init', 'dockerfile'])).toBeGreaterThan(0.7);
  });

  it('gives the shell profile a 2,000-instruction Dockerfile with a key in it', () => {
    const { files, keys } = inMemory('shell', 2 * MIB);
    const dockerfile = files.find((f) => f.path === 'docker/monolith/Dockerfile');
    expect(dockerfile).toBeDefined();
    expect(countInstructions(dockerfile!.content)).toBe(2000);
    expect(keys.some((k) => k.path === 'docker/monolith/Dockerfile')).toBe(true);
  });
});
