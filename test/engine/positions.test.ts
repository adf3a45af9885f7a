// One position model for every encoding and line ending: the same finding is reported at the
// same line and column whether the file is LF, CRLF, UTF-8 with a BOM or UTF-16 (with or
// without a BOM), in every file kind (text, Dockerfile, shell).
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const id = fakeAccessKeyId('pos-1');
const secret = fakeSecretAccessKey('pos-1');
const FILES: Record<string, string> = {
  'app.env': `# settings\n\tAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${id}\n`,
  Dockerfile: `FROM alpine\n# x\nENV AWS_SECRET_ACCESS_KEY=${secret}\n`,
  'boot.sh': `#!/bin/sh\n\tif true; then\n\t\texport AWS_ACCESS_KEY_ID=${id}\n\tfi\n`,
};

const VARIANTS: Record<string, (text: string) => Buffer> = {
  lf: (t) => Buffer.from(t),
  crlf: (t) => Buffer.from(t.replace(/\n/g, '\r\n')),
  bom: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
  'utf16le-bom': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'utf16be-bom': (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
  'utf16le-no-bom': (t) => Buffer.from(t, 'utf16le'),
};

describe('positions across encodings and line endings', () => {
  it('reports every finding at the same line and column in every variant', async () => {
    const tmp = tempDir('credlint-pos-');
    const positions = new Map<string, string>();
    for (const [variant, encode] of Object.entries(VARIANTS)) {
      for (const [name, text] of Object.entries(FILES)) tmp.write(`${variant}/${name}`, encode(text));
      const result = await lint([variant], { cwd: tmp.dir, useGit: false, concurrency: 'off' });
      const got = result.findings
        .map((f) => `${f.path.slice(variant.length + 1)}:${f.ruleId}:${f.region.startLine}:${f.region.startColumn}-${f.region.endLine}:${f.region.endColumn}`)
        .sort()
        .join('\n');
      positions.set(variant, got);
    }
    const lf = positions.get('lf') as string;
    expect(lf).toContain(`app.env:no-committed-credentials-file:3:19-3:39`); // one defect, one finding: the dotenv rule names the key
    expect(lf).toContain(`Dockerfile:no-credentials-in-image:3:`);
    expect(lf).toContain(`boot.sh:no-hardcoded-access-key-id:3:28-3:48`);
    for (const [variant, got] of positions) expect(got, variant).toBe(lf);
  });
});
