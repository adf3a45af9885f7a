// The JS/TS keyword pre-filter of no-hardcoded-sdk-credentials (SDK_JS_KEYWORDS_SOURCE) decides
// which files are parsed at all. It must match every text the analysis reports on — checked
// here form by form against the analysis itself — and leave out what it cannot report on.
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/js/parse.js';
import { findSdkCredentials, SDK_JS_KEYWORDS_SOURCE } from '../../src/js/sdk-credentials.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const KEYWORDS = new RegExp(SDK_JS_KEYWORDS_SOURCE);
const key = fakeAccessKeyId('sdk-prefilter');
const secret = fakeSecretAccessKey('sdk-prefilter');

const reported = (code: string, path = 'src/a.ts'): number => {
  const program = parseProgram(code, path);
  return program ? findSdkCredentials(program, code).length : 0;
};

// Every environment-assignment form the analysis reads (`process.env.X = …` with X an AWS
// credential variable; the member written any way memberName resolves it), with the layout
// variations code has.
const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];
const MEMBERS = (name: string): string[] => [
  `process.env.${name}`,
  `process.env\n  .${name}`,
  `process.env. ${name}`,
  `process.env./* the key */${name}`,
  `process.env['${name}']`,
  `process.env["${name}"]`,
  `process.env[\`${name}\`]`,
  `process.env[ '${name}' ]`,
  `process.env[/* k */ '${name}']`,
  `process.env!.${name}`,
  `(process.env).${name}`,
];

describe('SDK_JS_KEYWORDS_SOURCE (the JS/TS pre-filter of no-hardcoded-sdk-credentials)', () => {
  it('matches every environment assignment the analysis reports', () => {
    let checked = 0;
    for (const name of NAMES) {
      const value = name.includes('SECRET') ? secret : name.includes('TOKEN') ? `${secret}${secret}${secret}` : key;
      for (const member of MEMBERS(name)) {
        for (const op of [' = ', '=', ' =\n  ']) {
          const code = `export function setup(): void {\n  ${member}${op}'${value}';\n}\n`;
          expect(reported(code), code).toBe(1);
          expect(KEYWORDS.test(code), code).toBe(true);
          checked++;
        }
      }
    }
    // A const key the analysis resolves, named like the variable (the form the old filter matched too).
    const viaConst = `const AWS_SECRET = 'AWS_SECRET_ACCESS_KEY';\nprocess.env[AWS_SECRET] = '${secret}';\n`;
    expect(reported(viaConst)).toBe(1);
    expect(KEYWORDS.test(viaConst)).toBe(true);
    expect(checked).toBe(NAMES.length * 11 * 3);
  });

  it('matches the other slots: credentials objects, AWS.Credentials, AWS.config', () => {
    const forms = [
      `new S3Client({ credentials: { accessKeyId: '${key}', secretAccessKey: '${secret}' } });\n`,
      `const AWS = require('aws-sdk');\nnew AWS.Credentials('${key}', '${secret}');\n`,
      `AWS.config.update({ secretAccessKey: '${secret}' });\n`,
      `AWS.config.accessKeyId = '${key}';\n`,
    ];
    for (const code of forms) {
      expect(reported(code, 'a.js'), code).toBeGreaterThan(0);
      expect(KEYWORDS.test(code), code).toBe(true);
    }
  });

  it('leaves out variables that are only declared or read under those names (nothing to report, no parse)', () => {
    const config = [
      'export const AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;',
      "const AWS_SECRET_ACCESS_KEY = process.env['AWS_SECRET_ACCESS_KEY'] ?? '';",
      'let AWS_SESSION_TOKEN = undefined;',
      "if (process.env.AWS_SECRET_ACCESS_KEY == null) throw new Error('missing');",
      "if (process.env.AWS_ACCESS_KEY_ID === '') throw new Error('empty');",
      'export { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN };',
      '',
    ].join('\n');
    expect(reported(config)).toBe(0);
    expect(KEYWORDS.test(config)).toBe(false);
  });
});
