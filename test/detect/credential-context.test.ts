import { describe, expect, it } from 'vitest';
import {
  ACCESS_KEY_ID_NAMES,
  AnyKeywords,
  CREDENTIAL_KEYWORDS,
  CREDENTIAL_NAME_KEYWORDS,
  CREDENTIAL_NAME_SETS,
  KEY_LITERAL_KEYWORDS,
  SECRET_ACCESS_KEY_NAMES,
  SharedKeywords,
  SESSION_TOKEN_NAMES,
  findCredentialAssignments,
  isCredentialName,
  lineWindowEnd,
  lineWindowStart,
  secretCandidatesNear,
} from '../../src/detect/credential-context.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';

const S = fakeSecretAccessKey('ctx');

/** The single secret-key assignment found in `text`: its name, value and syntax. */
function one(text: string) {
  const found = findCredentialAssignments(text, [SECRET_ACCESS_KEY_NAMES]);
  expect(found, text).toHaveLength(1);
  const a = found[0]!;
  // Ranges are exact: slicing them gives back the name and the unquoted value.
  expect(text.slice(a.nameStart, a.nameEnd)).toBe(a.name);
  expect(text.slice(a.valueStart, a.valueEnd)).toBe(a.value);
  return a;
}

describe('credential names', () => {
  it.each([
    'aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'secret_key', 'secretAccessKey', 'SecretAccessKey',
    'aws-secret-access-key', 'secret-access-key', 'SecretKey', 'awsSecret', 'aws_secret', 'fs.s3a.secret.key', 'aws.secretKey',
    '--aws-secret-access-key', 'AWS_SECRET_ACCESS_KEY_2', 'AWSSecretKey', 'cloud.aws.credentials.secret-key',
  ])('%s is a secret access key name', (name) => {
    expect(isCredentialName(name, SECRET_ACCESS_KEY_NAMES)).toBe(true);
  });

  it.each(['secret', 'client_secret', 'secret_key_base', 'secretKeyRef', 'SECRET_NAME', 'secretsmanager'])('%s is not', (name) => {
    expect(isCredentialName(name, SECRET_ACCESS_KEY_NAMES)).toBe(false);
  });

  it('recognises session token and access key id names', () => {
    for (const n of ['aws_session_token', 'AWS_SESSION_TOKEN', 'aws_security_token', 'sessionToken', 'SessionToken', 'x-amz-security-token']) {
      expect(isCredentialName(n, SESSION_TOKEN_NAMES), n).toBe(true);
    }
    for (const n of ['aws_access_key_id', 'AWS_ACCESS_KEY_ID', 'accessKeyId', 'AccessKeyId', 'access_key', 'AWSAccessKeyId']) {
      expect(isCredentialName(n, ACCESS_KEY_ID_NAMES), n).toBe(true);
    }
    expect(isCredentialName('session_id', SESSION_TOKEN_NAMES)).toBe(false);
    expect(isCredentialName('access_token', ACCESS_KEY_ID_NAMES)).toBe(false);
  });
});

describe('findCredentialAssignments syntaxes', () => {
  it.each([
    ['INI', `aws_secret_access_key = ${S}`, 'aws_secret_access_key', 'assignment'],
    ['dotenv', `AWS_SECRET_ACCESS_KEY=${S}`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['dotenv quoted', `AWS_SECRET_ACCESS_KEY="${S}" # prod`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['shell export', `export AWS_SECRET_ACCESS_KEY='${S}'`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['YAML', `  AWS_SECRET_ACCESS_KEY: ${S}`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['JSON', `{"SecretAccessKey": "${S}"}`, 'SecretAccessKey', 'assignment'],
    ['JS object', `credentials: { secretAccessKey: '${S}' }`, 'secretAccessKey', 'assignment'],
    ['minified', `{accessKeyId:e.a,secretAccessKey:"${S}"}`, 'secretAccessKey', 'assignment'],
    ['TS typed', `const secretKey: string = "${S}";`, 'secretKey', 'assignment'],
    ['Python kwarg', `boto3.client('s3', aws_secret_access_key='${S}')`, 'aws_secret_access_key', 'assignment'],
    ['Python annotated', `SECRET_KEY: str = "${S}"`, 'SECRET_KEY', 'assignment'],
    ['Go :=', `secretKey := "${S}"`, 'secretKey', 'assignment'],
    ['Go struct', `SecretAccessKey: "${S}",`, 'SecretAccessKey', 'assignment'],
    ['Ruby hash rocket', `:secret_access_key => '${S}'`, 'secret_access_key', 'assignment'],
    ['PHP array', `'aws_secret' => '${S}',`, 'aws_secret', 'assignment'],
    ['PHP variable', `$awsSecret = '${S}';`, '$awsSecret', 'assignment'],
    ['C# verbatim', `var SecretKey = @"${S}";`, 'SecretKey', 'assignment'],
    ['HCL', `  secret_key = "${S}"`, 'secret_key', 'assignment'],
    ['properties', `aws.secretKey=${S}`, 'aws.secretKey', 'assignment'],
    ['Hadoop', `fs.s3a.secret.key: ${S}`, 'fs.s3a.secret.key', 'assignment'],
    ['Java -D', `java -Daws.secretKey=${S} -jar app.jar`, '-Daws.secretKey', 'assignment'],
    ['env subscript', `os.environ["AWS_SECRET_ACCESS_KEY"] = "${S}"`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['Ruby ENV', `ENV['AWS_SECRET_ACCESS_KEY'] = '${S}'`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['PowerShell env', `$env:AWS_SECRET_ACCESS_KEY = "${S}"`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['Go Setenv', `os.Setenv("AWS_SECRET_ACCESS_KEY", "${S}")`, 'AWS_SECRET_ACCESS_KEY', 'call-argument'],
    ['Java setProperty', `System.setProperty("aws.secretKey", "${S}");`, 'aws.secretKey', 'call-argument'],
    ['put call', `props.put('secretAccessKey', '${S}')`, 'secretAccessKey', 'call-argument'],
    ['CLI flag', `tool --aws-secret-access-key ${S} --region eu-west-1`, '--aws-secret-access-key', 'whitespace'],
    ['CLI flag =', `tool --secret-key=${S}`, '--secret-key', 'assignment'],
    ['aws configure set', `aws configure set aws_secret_access_key ${S} --profile prod`, 'aws_secret_access_key', 'whitespace'],
    ['aws configure set profile', `aws configure set profile.ci.aws_secret_access_key ${S}`, 'profile.ci.aws_secret_access_key', 'whitespace'],
    ['Dockerfile legacy ENV', `ENV AWS_SECRET_ACCESS_KEY ${S}`, 'AWS_SECRET_ACCESS_KEY', 'whitespace'],
    ['docker -e', `docker run -e AWS_SECRET_ACCESS_KEY=${S} app`, 'AWS_SECRET_ACCESS_KEY', 'assignment'],
    ['PowerShell flag', `Set-AWSCredential -AccessKey $id -SecretKey ${S}`, '-SecretKey', 'whitespace'],
    ['XML element', `<SecretAccessKey>${S}</SecretAccessKey>`, 'SecretAccessKey', 'xml'],
    ['XML entry', `<entry key="aws.secretKey">${S}</entry>`, 'aws.secretKey', 'xml'],
    ['.NET appSettings', `<add key="AWSSecretKey" value="${S}" />`, 'AWSSecretKey', 'name-value-pair'],
    ['ECS env JSON', `{"name": "AWS_SECRET_ACCESS_KEY", "value": "${S}"}`, 'AWS_SECRET_ACCESS_KEY', 'name-value-pair'],
    ['Kubernetes env', `- name: AWS_SECRET_ACCESS_KEY\n  value: "${S}"`, 'AWS_SECRET_ACCESS_KEY', 'name-value-pair'],
    ['notebook escaped', `"aws_secret_access_key = \\"${S}\\"\\n",`, 'aws_secret_access_key', 'assignment'],
    ['R', `aws_secret <- "${S}"`, 'aws_secret', 'assignment'],
  ])('%s', (_label, text, name, syntax) => {
    const a = one(text);
    expect(a.name).toBe(name);
    expect(a.value).toBe(S);
    expect(a.syntax).toBe(syntax);
  });

  it('returns empty values and values of other names as they are', () => {
    expect(one('AWS_SECRET_ACCESS_KEY=\n').value).toBe('');
    expect(one('aws_secret_access_key = ${AWS_SECRET}\n').value).toBe('${AWS_SECRET}');
    expect(findCredentialAssignments(`client_secret = "${S}"`, [SECRET_ACCESS_KEY_NAMES])).toEqual([]);
    // A mention in prose with no separator is not an assignment.
    expect(findCredentialAssignments('Rotate the secret_key.\n', [SECRET_ACCESS_KEY_NAMES])).toEqual([]);
  });

  it('scans several name sets in one pass, in text order', () => {
    const text = `[default]\naws_access_key_id = AKIDX\naws_secret_access_key = ${S}\naws_session_token = TOKEN\n`;
    const found = findCredentialAssignments(text, [ACCESS_KEY_ID_NAMES, SECRET_ACCESS_KEY_NAMES, SESSION_TOKEN_NAMES]);
    expect(found.map((a) => [a.kind, a.value])).toEqual([
      ['access-key-id', 'AKIDX'],
      ['secret-access-key', S],
      ['session-token', 'TOKEN'],
    ]);
  });

  it('limits the scan to a window', () => {
    const text = `secret_key=${S}\n\nsecret_key=${S}\n`;
    const second = text.lastIndexOf('secret_key');
    expect(findCredentialAssignments(text, [SECRET_ACCESS_KEY_NAMES], { from: second }).map((a) => a.nameStart)).toEqual([second]);
  });
});

describe('line windows and candidates', () => {
  const text = 'l0\nl1\nl2\nl3\nl4\n';
  it('computes windows of whole lines around an offset', () => {
    const at = text.indexOf('l2');
    expect(text.slice(lineWindowStart(text, at, 1), lineWindowEnd(text, at, 1))).toBe('l1\nl2\nl3');
    expect(text.slice(lineWindowStart(text, at, 9), lineWindowEnd(text, at, 0))).toBe('l0\nl1\nl2');
  });

  it('finds 40-char candidates on base64 boundaries only', () => {
    const t = `x = ${S}\ny = ${S}A\nz = /${S}\nw = ${S}==\n`;
    const found = secretCandidatesNear(t, 0, () => true, 5);
    expect(found).toEqual([{ value: S, start: 4, end: 44 }]);
  });
});

describe('keyword pre-filters', () => {
  const names = [
    'aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'SecretAccessKey', 'fs.s3a.secret.key', 'AWSSecretKey', 'awsSecret',
    'aws_session_token', 'AWS_SECURITY_TOKEN', 'sessionToken', 'x-amz-security-token', 'Session Token',
    'aws_access_key_id', 'AccessKeyId', 'access_key', 'AWS.ACCESS.KEY',
  ];

  it('pass every document in which the assignment scanner can find a name', () => {
    for (const name of names) {
      const text = `const unrelated = 1;\n${name} = "${S}"\n`;
      expect(findCredentialAssignments(text, CREDENTIAL_NAME_SETS).length, name).toBeGreaterThan(0);
      expect(CREDENTIAL_NAME_KEYWORDS.test(text), name).toBe(true);
      expect(CREDENTIAL_KEYWORDS.test(text), name).toBe(true);
    }
  });

  it('pass documents holding only a key id or only an STS token', () => {
    for (const value of [fakeAccessKeyId('kw'), fakeAccessKeyId('kw', 'ASIA'), fakeSessionToken('kw'), `FwoGZXIvYXdzE${S}`, `AQoDYXdzE${S}`]) {
      const text = `x = ${value}\n`;
      expect(CREDENTIAL_NAME_KEYWORDS.test(text), value.slice(0, 4)).toBe(false);
      expect(KEY_LITERAL_KEYWORDS.test(text), value.slice(0, 4)).toBe(true);
      expect(CREDENTIAL_KEYWORDS.test(text), value.slice(0, 4)).toBe(true);
    }
  });

  it('reject ordinary code about tokens and keys (the old `oken` keyword let it through)', () => {
    const text = 'const tokens = tokenize(source);\nconst broken = cache.get(key);\nfunction accessor() { return primaryKey; }\n';
    expect(CREDENTIAL_KEYWORDS.test(text)).toBe(false);
  });

  it('answer the same text from memory and a new text afresh', () => {
    const kw = new SharedKeywords('needle', 'i');
    const hay = 'a NEEDLE here';
    expect(kw.test(hay)).toBe(true);
    expect(kw.test(hay)).toBe(true);
    expect(kw.test('nothing')).toBe(false);
    expect(kw.test(hay)).toBe(true);
    expect(kw.global || kw.sticky).toBe(false);
  });

  it('a union is a non-global RegExp whose source matches whatever a part matches', () => {
    const union = new AnyKeywords([new SharedKeywords('AKIA'), new SharedKeywords('secret', 'i')]);
    expect(union).toBeInstanceOf(RegExp);
    expect(union.global || union.sticky).toBe(false);
    for (const t of ['x AKIA y', 'my SECRET', 'nothing']) expect(new RegExp(union.source, union.flags).test(t), t).toBe(union.test(t));
  });
});
