import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';
import type { Finding } from '../../src/engine/types.js';

const AKID = 'no-hardcoded-access-key-id';
const SECRET = 'no-hardcoded-secret-access-key';
const TOKEN = 'no-hardcoded-session-token';
const RULES = [AKID, SECRET, TOKEN];

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** 1-based line/column range of the first occurrence of `needle` in `text` (endColumn exclusive). */
function regionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] as string).length + 1;
  return { startLine: line, startColumn: column, endLine: line, endColumn: column + needle.length };
}

function byRule(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

describe('kubernetesSecretExtractor', () => {
  const keyId = fakeAccessKeyId('k8s-1');
  const secret = fakeSecretAccessKey('k8s-1');
  const keyIdB64 = b64(keyId);
  const secretB64 = b64(secret);

  const manifest = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: aws-credentials',
    '  namespace: default',
    'type: Opaque',
    'data:',
    `  AWS_ACCESS_KEY_ID: ${keyIdB64}`,
    `  AWS_SECRET_ACCESS_KEY: "${secretB64}"`,
    '',
  ].join('\n');

  it('reports base64-encoded AWS keys in Secret data at the exact range of the base64 values', () => {
    const { findings, notifications } = lintText('k8s/secret.yaml', manifest, { rules: RULES });
    expect(notifications).toEqual([]);
    const ids = byRule(findings, AKID);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ messageId: 'hardcoded', region: regionOf(manifest, keyIdB64) });
    const secrets = byRule(findings, SECRET);
    expect(secrets).toHaveLength(1);
    // The quotes around the second value are not part of the reported range.
    expect(secrets[0]!.region).toEqual(regionOf(manifest, secretB64));
    expect(findings).toHaveLength(2);
  });

  it('never shows the decoded secret or the base64 value in messages and snippets', () => {
    const { findings } = lintText('k8s/secret.yaml', manifest, { rules: RULES });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const json = JSON.stringify(f);
      expect(json).not.toContain(secret);
      expect(json).not.toContain(keyId);
      expect(json).not.toContain(secretB64);
      expect(json).not.toContain(keyIdB64);
    }
  });

  it('reads JSON manifests', () => {
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws' }, data: { AWS_ACCESS_KEY_ID: keyIdB64, AWS_SECRET_ACCESS_KEY: secretB64 } },
      null,
      2,
    );
    const { findings, notifications } = lintText('deploy/secret.json', json, { rules: RULES });
    expect(notifications).toEqual([]);
    expect(byRule(findings, AKID).map((f) => f.region)).toEqual([regionOf(json, keyIdB64)]);
    expect(byRule(findings, SECRET).map((f) => f.region)).toEqual([regionOf(json, secretB64)]);
  });

  it('finds Secrets in every document of a multi-document YAML file, including a kubectl List', () => {
    const token = fakeSessionToken('k8s-2');
    const id2 = fakeAccessKeyId('k8s-2', 'ASIA');
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: settings',
      'data:',
      '  REGION: eu-west-1',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: first',
      'data:',
      `  AWS_ACCESS_KEY_ID: ${keyIdB64}`,
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Secret',
      '    metadata:',
      '      name: second',
      '    data:',
      `      AWS_ACCESS_KEY_ID: ${b64(id2)}`,
      `      AWS_SESSION_TOKEN: ${b64(token)}`,
      '',
    ].join('\n');
    const { findings, notifications } = lintText('manifests/all.yaml', text, { rules: RULES });
    expect(notifications).toEqual([]);
    expect(byRule(findings, AKID).map((f) => f.region)).toEqual([regionOf(text, keyIdB64), regionOf(text, b64(id2))]);
    expect(byRule(findings, TOKEN).map((f) => f.region)).toEqual([regionOf(text, b64(token))]);
  });

  it('reports nothing for a ConfigMap holding the same base64 values', () => {
    const configMap = manifest.replace('kind: Secret', 'kind: ConfigMap');
    expect(lintText('k8s/config.yaml', configMap, { rules: RULES }).findings).toEqual([]);
  });

  it('reports nothing for a Secret of another API group', () => {
    const crd = manifest.replace('apiVersion: v1', 'apiVersion: example.com/v1');
    expect(lintText('k8s/secret.yaml', crd, { rules: RULES }).findings).toEqual([]);
  });

  it('reports nothing for a Secret whose data is not a credential', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db',
      'data:',
      `  username: ${b64('admin')}`,
      `  password: ${b64('correct horse battery staple')}`,
      `  config.json: ${b64('{"region": "eu-west-1"}')}`,
      'stringData:',
      '  note: plain text',
      '',
    ].join('\n');
    const { findings, notifications } = lintText('k8s/db-secret.yaml', text, { rules: RULES });
    expect(findings).toEqual([]);
    expect(notifications).toEqual([]);
  });

  it('ignores invalid base64 and binary values without notifications', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: broken',
      'data:',
      `  AWS_SECRET_ACCESS_KEY: "${secretB64.slice(0, -3)}!!"`,
      '  AWS_ACCESS_KEY_ID: not base64 at all',
      `  keystore.p12: ${Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x81]).toString('base64')}`,
      '  empty: ""',
      '  number: 12345678',
      '',
    ].join('\n');
    const { findings, notifications } = lintText('k8s/secret.yaml', text, { rules: RULES });
    expect(findings).toEqual([]);
    expect(notifications).toEqual([]);
  });

  it('still reports plain keys under stringData in place, once', () => {
    const text = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: plain', 'stringData:', `  AWS_ACCESS_KEY_ID: ${keyId}`, ''].join('\n');
    const { findings } = lintText('k8s/secret.yaml', text, { rules: [AKID] });
    expect(findings.map((f) => f.region)).toEqual([regionOf(text, keyId)]);
  });

  it('does not decode Secrets in files that are not YAML or JSON', () => {
    const text = `kind: Secret\ndata:\n  AWS_ACCESS_KEY_ID: ${keyIdB64}\n`;
    expect(lintText('notes.txt', text, { rules: RULES }).findings).toEqual([]);
  });
});
