// Static credentials given to the AWS SDKs for Python, Java, Kotlin, Go, .NET, PHP and Ruby by
// their static-credential constructors, read from tokens (src/parsers/code-tokens.ts) so a
// constructor named in a comment or a string is not code. JS/TS is analysed on a real tree
// (src/js/sdk-credentials.ts).
//   Python  boto3.client/resource/Session(aws_access_key_id=…, aws_secret_access_key=…, aws_session_token=…)
//           (the keyword names are botocore's: every boto3/botocore/aiobotocore entry point takes them)
//   Java    new BasicAWSCredentials(id, secret), new BasicSessionCredentials(id, secret, token) (v1);
//           AwsBasicCredentials.create(id, secret), AwsSessionCredentials.create(…), .builder().accessKeyId(…) (v2),
//           also wrapped in StaticCredentialsProvider / AWSStaticCredentialsProvider (the inner call is the slot)
//   Go      credentials.NewStaticCredentials(id, secret, token) (v1), credentials.NewStaticCredentialsProvider(…) (v2),
//           credentials.Value{AccessKeyID: …} / aws.Credentials{AccessKeyID: …}
//   .NET    new BasicAWSCredentials(id, secret), new SessionAWSCredentials(id, secret, token),
//           new AmazonXxxClient("id", "secret", …)
//   PHP     new Credentials(id, secret[, token]), 'credentials' => ['key' => …, 'secret' => …, 'token' => …]
//   Ruby    Aws::Credentials.new(id, secret[, token]), Aws::X::Client.new(access_key_id: …, secret_access_key: …),
//           Aws.config.update(…)
//   Also    botocore set_credentials / credentials.Credentials, Rust Credentials::from_keys / ::new,
//           PHP AsyncAws 'accessKeyId' => … / 'accessKeySecret' => …
// A value counts when it is a literal without interpolation or a constant assigned once in the
// same file from such a literal.
import { tokenize, type CodeFamily, type Token } from '../parsers/code-tokens.js';

export type CodeCredentialKind = 'access-key-id' | 'secret-access-key' | 'session-token';

export interface CodeCredential {
  readonly kind: CodeCredentialKind;
  readonly api: string;
  readonly value: string;
  /** Reported range: the literal's characters (in place or at the same-file constant). */
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Keyword pre-filter shared with the JS analysis' own (see the rule). */
export const SDK_CODE_KEYWORDS_SOURCE = String.raw`aws_access_key_id|aws_secret_access_key|aws_session_token|BasicAWSCredentials|BasicSessionCredentials|SessionAWSCredentials|AwsBasicCredentials|AwsSessionCredentials|NewStaticCredentials|AccessKeyID|Credentials\.new|access_key_id|secret_access_key|['"]credentials['"]|new\s+\\?(?:Aws\\Credentials\\)?Credentials\b|Amazon\w*Client\s*\(|set_credentials|from_keys|Credentials::new|accessKeySecret`;

const POSITIONAL: readonly CodeCredentialKind[] = ['access-key-id', 'secret-access-key', 'session-token'];

interface Literal {
  readonly value: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

type Constants = ReadonlyMap<string, Literal | null>;

export function findCodeCredentials(text: string, family: CodeFamily): CodeCredential[] {
  const tokens = tokenize(text, family);
  const constants = collectConstants(text, tokens, family);
  const out: CodeCredential[] = [];
  const seen = new Set<string>();
  const add = (kind: CodeCredentialKind, api: string, arg: readonly Token[]): void => {
    const resolved = staticArg(arg, constants, family);
    if (!resolved || resolved.value.trim() === '') return;
    const key = `${resolved.start}:${resolved.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, api, ...resolved });
  };
  switch (family) {
    case 'python':
      matchKeywordArguments(tokens, { aws_access_key_id: 'access-key-id', aws_secret_access_key: 'secret-access-key', aws_session_token: 'session-token' }, '=', () => true, add);
      matchBotocore(tokens, add);
      break;
    case 'ruby':
      matchRuby(tokens, add);
      break;
    case 'c':
      matchJava(tokens, add);
      break;
    case 'csharp':
      matchDotnet(tokens, add);
      break;
    case 'go':
      matchGo(tokens, add);
      break;
    case 'php':
      matchPhp(tokens, add);
      break;
  }
  return out.sort((a, b) => a.start - b.start);
}

type Add = (kind: CodeCredentialKind, api: string, arg: readonly Token[]) => void;

function isPunct(t: Token | undefined, value: string): boolean {
  return t !== undefined && t.type === 'punct' && t.value === value;
}

function isIdent(t: Token | undefined, value?: string): boolean {
  return t !== undefined && t.type === 'ident' && (value === undefined || t.value === value);
}

/** Arguments of the call whose `(` (or `{`/`[`) is at `open`: token slices split on top-level commas. */
function argumentsAt(tokens: readonly Token[], open: number): { args: Token[][]; close: number } {
  const closer: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [closer[tokens[open]!.value]!];
  const args: Token[][] = [[]];
  let i = open + 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punct') {
      if (t.value in closer) stack.push(closer[t.value]!);
      else if (t.value === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) break;
      } else if (t.value === ',' && stack.length === 1) {
        args.push([]);
        continue;
      }
    }
    args[args.length - 1]!.push(t);
  }
  if (args.length === 1 && args[0]!.length === 0) args.pop();
  return { args, close: i };
}

/** A literal, or a same-file constant, as the whole argument. */
function staticArg(arg: readonly Token[], constants: Constants, family: CodeFamily): (Literal & { start: number; end: number }) | undefined {
  let parts = arg;
  // Kotlin/Java named arguments never appear in these constructors; PHP/Python/Ruby are handled by the callers.
  if (family === 'go' && parts.length === 2 && isPunct(parts[0], '&')) parts = parts.slice(1);
  if (parts.length !== 1) return undefined;
  const t = parts[0]!;
  if (t.type === 'string') {
    if (!t.static) return undefined;
    return { value: t.value, valueStart: t.contentStart!, valueEnd: t.contentEnd!, start: t.contentStart!, end: t.contentEnd! };
  }
  if (t.type === 'ident') {
    const c = constants.get(t.value);
    if (c) return { ...c, start: c.valueStart, end: c.valueEnd };
  }
  return undefined;
}

/** Names assigned exactly once in the file, from a static literal (`NAME = "…"` and each family's declaration forms). */
function collectConstants(text: string, tokens: readonly Token[], family: CodeFamily): Constants {
  const out = new Map<string, Literal | null>();
  const record = (name: string, lit: Literal | null): void => {
    out.set(name, out.has(name) ? null : lit);
  };
  // `name = value` inside parentheses is a keyword argument, a default or an annotation
  // element (`f(region="x")`, `def f(key="…")`, `@Tag(name = "…")`), never a constant.
  // Go's grouped `const ( … )` / `var ( … )` declarations are not calls.
  const parens: boolean[] = [];
  let calls = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const name = tokens[i]!;
    const op = tokens[i + 1]!;
    if (isPunct(name, '(')) {
      const call = !(family === 'go' && (isIdent(tokens[i - 1], 'const') || isIdent(tokens[i - 1], 'var')));
      parens.push(call);
      if (call) calls++;
    } else if (isPunct(name, ')')) {
      if (parens.pop()) calls--;
    }
    if (name.type !== 'ident' || calls > 0) continue;
    if (family === 'php' && isIdent(name, 'define') && isPunct(op, '(')) {
      const { args } = argumentsAt(tokens, i + 1);
      const [k, v] = args;
      if (args.length === 2 && k?.length === 1 && k[0]!.type === 'string' && v?.length === 1 && v[0]!.type === 'string' && v[0]!.static) {
        record(k[0]!.value, literalOf(v[0]!));
      }
      continue;
    }
    const assigns = isPunct(op, '=') || (family === 'go' && isPunct(op, ':='));
    if (!assigns) continue;
    // `x == y` is tokenised as '=='; `a.b = …`, `a[0] = …` assign a member, not a name.
    const before = tokens[i - 1];
    if (isPunct(before, '.') || isPunct(before, '->') || isPunct(before, '::')) continue;
    const value = tokens[i + 2]!;
    const after = tokens[i + 3];
    const endsStatement = after === undefined || isPunct(after, ';') || isPunct(after, ',') || isPunct(after, ')') || text.slice(value.end, after.start).includes('\n');
    if (value.type === 'string' && value.static && endsStatement) record(name.value, literalOf(value));
    else record(name.value, null);
  }
  return out;
}

function literalOf(t: Token): Literal {
  return { value: t.value, valueStart: t.contentStart!, valueEnd: t.contentEnd! };
}

/** `name <op> value` inside a call's parentheses: Python keyword arguments, Ruby hash labels. */
function matchKeywordArguments(
  tokens: readonly Token[],
  names: Readonly<Record<string, CodeCredentialKind>>,
  op: string,
  calleeOk: (callee: string) => boolean,
  add: Add,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isPunct(t, '(')) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee || !calleeOk(callee)) continue;
    const { args } = argumentsAt(tokens, i);
    for (const arg of args) {
      const [name, sep, ...value] = arg;
      const kind = name?.type === 'ident' ? names[name.value] : undefined;
      if (kind && isPunct(sep, op)) add(kind, callee, value);
    }
  }
}

/** The dotted/`::` name before a `(` (`boto3.session.Session`, `Aws::S3::Client.new`). */
function calleeBefore(tokens: readonly Token[], open: number): string | undefined {
  const parts: string[] = [];
  let j = open - 1;
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.type !== 'ident') break;
    parts.unshift(t.value);
    const sep = tokens[j - 1];
    if (!sep || !(isPunct(sep, '.') || isPunct(sep, '::') || isPunct(sep, '\\') || isPunct(sep, '->'))) break;
    parts.unshift(sep.value);
    j -= 2;
  }
  if (parts.length === 0 || parts[0] === '.' || parts[0] === '::' || parts[0] === '\\' || parts[0] === '->') {
    if (parts.length > 0) parts.shift();
  }
  return parts.length > 0 ? parts.join('') : undefined;
}

function matchPositional(tokens: readonly Token[], i: number, api: string, add: Add): void {
  const { args } = argumentsAt(tokens, i);
  args.slice(0, 3).forEach((arg, k) => add(POSITIONAL[k]!, api, arg));
}

/** botocore: `session.set_credentials(id, secret, token)`, `botocore.credentials.Credentials(id, secret, token)` (also by keyword). */
function matchBotocore(tokens: readonly Token[], add: Add): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '(')) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee) continue;
    const isSetter = callee.endsWith('.set_credentials');
    const isCredentials = callee === 'credentials.Credentials' || callee.endsWith('.credentials.Credentials');
    if (!isSetter && !isCredentials) continue;
    const { args } = argumentsAt(tokens, i);
    const keywords: Record<string, CodeCredentialKind> = { access_key: 'access-key-id', secret_key: 'secret-access-key', token: 'session-token' };
    args.slice(0, 3).forEach((arg, k) => {
      const [name, sep, ...value] = arg;
      if (name?.type === 'ident' && isPunct(sep, '=')) {
        if (keywords[name.value]) add(keywords[name.value]!, callee, value);
      } else {
        add(POSITIONAL[k]!, callee, arg);
      }
    });
  }
}

function matchJava(tokens: readonly Token[], add: Add): void {
  const ctors = new Set(['BasicAWSCredentials', 'BasicSessionCredentials']);
  const factories = new Set(['AwsBasicCredentials', 'AwsSessionCredentials']);
  const builderMethods: Record<string, CodeCredentialKind> = { accessKeyId: 'access-key-id', secretAccessKey: 'secret-access-key', sessionToken: 'session-token' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isPunct(t, '(')) continue;
    const name = tokens[i - 1];
    if (!isIdent(name)) continue;
    if (ctors.has(name!.value)) {
      matchPositional(tokens, i, name!.value, add);
    } else if ((name!.value === 'from_keys' || name!.value === 'new') && isPunct(tokens[i - 2], '::') && isIdent(tokens[i - 3], 'Credentials')) {
      // Rust (aws-credential-types): Credentials::from_keys(id, secret, token), Credentials::new(id, secret, token, expiry, provider)
      matchPositional(tokens, i, `Credentials::${name!.value}`, add);
    } else if (name!.value === 'create' && isPunct(tokens[i - 2], '.') && isIdent(tokens[i - 3]) && factories.has(tokens[i - 3]!.value)) {
      matchPositional(tokens, i, `${tokens[i - 3]!.value}.create`, add);
    } else if (builderMethods[name!.value] && isPunct(tokens[i - 2], '.')) {
      // `.accessKeyId("…")` in a builder chain that started at AwsBasicCredentials/AwsSessionCredentials.
      for (let j = i - 3; j >= 0 && j > i - 40; j--) {
        const p = tokens[j]!;
        if (isPunct(p, ';') || isPunct(p, '{') || isPunct(p, '}')) break;
        if (p.type === 'ident' && factories.has(p.value)) {
          const { args } = argumentsAt(tokens, i);
          if (args.length === 1) add(builderMethods[name!.value]!, `${p.value}.builder`, args[0]!);
          break;
        }
      }
    }
  }
}

function matchDotnet(tokens: readonly Token[], add: Add): void {
  const ctors = new Set(['BasicAWSCredentials', 'SessionAWSCredentials']);
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '(')) continue;
    const name = tokens[i - 1];
    if (!isIdent(name)) continue;
    if (ctors.has(name!.value)) {
      matchPositional(tokens, i, name!.value, add);
    } else if (/^Amazon\w*Client$/.test(name!.value) && isNewBefore(tokens, i - 1)) {
      // Service clients take (accessKey, secretKey[, sessionToken], config|region): only a pair of
      // static strings up front is a key pair (other overloads take a credentials object or config).
      const { args } = argumentsAt(tokens, i);
      const isString = (a: Token[] | undefined): boolean => a !== undefined && a.length === 1 && (a[0]!.type === 'string' || a[0]!.type === 'ident');
      if (args.length >= 3 && isString(args[0]) && isString(args[1])) {
        add('access-key-id', name!.value, args[0]!);
        add('secret-access-key', name!.value, args[1]!);
        if (args.length >= 4 && args[2]!.length === 1 && args[2]![0]!.type === 'string') add('session-token', name!.value, args[2]!);
      }
    }
  }
}

/** `new` before a (possibly namespace-qualified) type name ending at `nameIndex`. */
function isNewBefore(tokens: readonly Token[], nameIndex: number): boolean {
  let j = nameIndex - 1;
  while (j >= 1 && isPunct(tokens[j], '.') && isIdent(tokens[j - 1])) j -= 2;
  return isIdent(tokens[j], 'new');
}

function matchGo(tokens: readonly Token[], add: Add): void {
  const fields: Record<string, CodeCredentialKind> = { AccessKeyID: 'access-key-id', SecretAccessKey: 'secret-access-key', SessionToken: 'session-token' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = tokens[i - 1];
    if (isPunct(t, '(') && isIdent(name) && (name!.value === 'NewStaticCredentials' || name!.value === 'NewStaticCredentialsProvider')) {
      matchPositional(tokens, i, name!.value, add);
    } else if (isPunct(t, '{') && isIdent(name) && (name!.value === 'Value' || name!.value === 'Credentials') && isPunct(tokens[i - 2], '.')) {
      const api = `${tokens[i - 3]?.value ?? ''}.${name!.value}`;
      const { args } = argumentsAt(tokens, i);
      for (const arg of args) {
        const [field, colon, ...value] = arg;
        const kind = field?.type === 'ident' ? fields[field.value] : undefined;
        if (kind && isPunct(colon, ':')) add(kind, api, value);
      }
    }
  }
}

function matchPhp(tokens: readonly Token[], add: Add): void {
  const keys: Record<string, CodeCredentialKind> = { key: 'access-key-id', secret: 'secret-access-key', token: 'session-token' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // new Credentials(…) / new \Aws\Credentials\Credentials(…)
    if (isPunct(t, '(') && isIdent(tokens[i - 1], 'Credentials')) {
      let j = i - 2;
      while (j >= 1 && isPunct(tokens[j], '\\') && isIdent(tokens[j - 1])) j -= 2;
      if (isPunct(tokens[j], '\\')) j--;
      if (isIdent(tokens[j], 'new')) matchPositional(tokens, i, 'new Credentials', add);
      continue;
    }
    // AsyncAws: new S3Client(['accessKeyId' => …, 'accessKeySecret' => …, 'sessionToken' => …])
    if (t.type === 'string' && isPunct(tokens[i + 1], '=>')) {
      const asyncAws: Record<string, CodeCredentialKind> = { accessKeyId: 'access-key-id', accessKeySecret: 'secret-access-key', sessionToken: 'session-token' };
      const kind = asyncAws[t.value];
      if (kind) {
        const value: Token[] = [];
        for (let j = i + 2; j < tokens.length && !isPunct(tokens[j], ',') && !isPunct(tokens[j], ']') && !isPunct(tokens[j], ')'); j++) value.push(tokens[j]!);
        add(kind, 'AsyncAws configuration', value);
        continue;
      }
    }
    // 'credentials' => ['key' => …, 'secret' => …] (or array(…))
    if (t.type === 'string' && t.value === 'credentials' && isPunct(tokens[i + 1], '=>')) {
      let open = i + 2;
      if (isIdent(tokens[open], 'array') && isPunct(tokens[open + 1], '(')) open++;
      else if (!isPunct(tokens[open], '[')) continue;
      const { args } = argumentsAt(tokens, open);
      for (const arg of args) {
        const [k, arrow, ...value] = arg;
        const kind = k?.type === 'string' ? keys[k.value] : undefined;
        if (kind && isPunct(arrow, '=>')) add(kind, "'credentials' =>", value);
      }
    }
  }
}

function matchRuby(tokens: readonly Token[], add: Add): void {
  const labels: Record<string, CodeCredentialKind> = { access_key_id: 'access-key-id', secret_access_key: 'secret-access-key', session_token: 'session-token' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isPunct(t, '(')) continue;
    const callee = calleeBefore(tokens, i);
    if (!callee || !callee.startsWith('Aws')) continue;
    if (callee === 'Aws::Credentials.new' || callee === 'Aws::Credentials::new') {
      matchPositional(tokens, i, 'Aws::Credentials.new', add);
      continue;
    }
    const { args } = argumentsAt(tokens, i);
    for (const arg of args) {
      // access_key_id: '…'  |  :access_key_id => '…'  |  'access_key_id' => '…'
      const [a, b, c, ...rest] = arg;
      if (a?.type === 'ident' && labels[a.value] && isPunct(b, ':')) add(labels[a.value]!, callee, [c!, ...rest].filter(Boolean));
      else if (isPunct(a, ':') && b?.type === 'ident' && labels[b.value] && isPunct(c, '=>')) add(labels[b.value]!, callee, rest);
    }
  }
}
