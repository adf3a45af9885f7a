// Placeholders: values that stand for a credential without being one. Templates, docs and
// sample configs are full of them (`${AWS_SECRET}`, `<YOUR_KEY>`, `changeme`, `xxxx…`,
// `var.secret_key`, `{{resolve:secretsmanager:…}}`); reporting them would bury real leaks.
//
// `isPlaceholder` is deliberately independent of shape checks: a slot rule ("this file
// assigns AWS_SECRET_ACCESS_KEY a literal") asks only this, a free-text detector asks this
// and the entropy checks in entropy.ts.

/** Whole-value templates and references to a value held elsewhere. */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /^\$\{[^}]*\}?$/, // ${VAR}, ${VAR:-x}, ${{ secrets.X }} (GitHub Actions)
  /^\$[A-Za-z_][\w]*$/, // $VAR
  /^\$\(.*\)?$/, // $(command)
  /^\$\{\{.*\}\}$/, // ${{ secrets.AWS_SECRET }}
  /^\{\{.*\}\}$/, // {{ var }} (Jinja, Helm, Mustache), {{resolve:secretsmanager:…}}
  /^\{\{\s*resolve:/i,
  /^\{[A-Za-z_][\w.:-]*\}$/, // {key} format strings
  /^%[A-Za-z_][\w()]*%$/, // %VAR% (Windows), %(name)s handled below
  /^%\([\w.]+\)[sd]$/, // %(secret)s
  /^#\{[^}]*\}$/, // #{var} (Ruby interpolation, Octopus)
  /^@[A-Za-z_][\w.]*@$/, // @VAR@ (Maven filtering)
  /^__[A-Za-z][\w]*__$/, // __SECRET__ (token replacement)
  /^<[^<>]*>$/, // <YOUR_SECRET_KEY>
  /^\[[^\]]*\]$/, // [secret key]
  /^\([^)]*\)$/,
  /^!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|If|Join|Select)\b/, // CloudFormation short forms
  /^\{\s*["']?(?:Ref|Fn::\w+)["']?\s*:/, // { "Ref": … } / { "Fn::Sub": … }
  /^Fn::/,
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/i,
  /^(?:ssm|secretsmanager|ssm-secure|vault|op|awssm|env|file|secret|aws-sm|aws-ssm):\/?/i, // ssm:/path, vault:secret/…, op://
  /^@Microsoft\.KeyVault\(/i,
  /^(?:var|local|module|data|each|count|self|terraform)\.[\w.[\]"'*-]+$/, // Terraform references
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|os\.Getenv|System\.getenv|System\.Environment|Environment\.GetEnvironmentVariable|ENV|env|getenv|Deno\.env|config|settings|secrets|vars|inputs|params|props|context)\b[.[(]/,
  /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.)[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^)]*\))+$/, // member access / call: cfg.aws.secret, getSecret()
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // an UPPER_SNAKE name where a value should be: MY_SECRET_KEY
];

/**
 * Words that mark a value as a stand-in (`your-secret-key`, `REPLACE_ME`, `myDummyKey`,
 * `exampleSecretKey123`). They must stand as words — delimited by non-letters or a camelCase
 * boundary — so that random keys and tokens, which contain `your` or `mock` inside letter runs
 * about once in a few hundred long tokens, are not taken for placeholders.
 */
const PLACEHOLDER_WORDS =
  /(?<![a-z])(?:your|example|examples|placeholder|change[-_ ]?me|changeit|replace|replace[-_ ]?me|dummy|sample|redacted|fixme|todo|insert|enter[-_ ]?(?:your|the|a)|put[-_ ]?your|notreal|not[-_]a[-_]real|fake|mock|demo|here)(?![a-z])/;

/** `yourSecretKey` → `your_secret_key`: camelCase boundaries become delimiters, then lower case. */
function wordForm(v: string): string {
  return v.replace(/([a-z])(?=[A-Z])/g, '$1_').toLowerCase();
}

/** Whole values that are never a credential. */
const PLACEHOLDER_VALUES = new Set([
  'test', 'testing', 'secret', 'secrets', 'key', 'password', 'passwd', 'pass', 'token', 'none', 'null', 'nil',
  'undefined', 'empty', 'foo', 'bar', 'baz', 'foobar', 'abc', 'abc123', '123', '1234', '12345', '123456', 'default',
  'demo', 'value', 'string', 'str', 'required', 'optional', 'tbd', 'n/a', 'na', 'unset', 'false', 'true', 'my-secret',
  'mysecret', 'supersecret', 'secretkey', 'secret_key', 'accesskey', 'access_key', 'test123', 'testkey', 'test-key',
]);

/** Masks and filler: `*****`, `xxxx`, `XXXX-XXXX`, `....`, `…`, `0000000`, `####`. */
const FILLER = /x{4,}|X{4,}|\*{3,}|#{4,}|\.{3,}|…|_{4,}|-{4,}|0{6,}|(?:xX|Xx){2,}/;

const QUOTES = /^(["'`])(.*)\1$/s;

/**
 * The AWS documentation's example keys (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/…EXAMPLEKEY`)
 * have the exact shape of real keys. They are literal values, not stand-ins: free-text
 * detectors skip them on their own (isDocumentationExample* in aws-keys.ts), while slot
 * rules — where writing any key into the file is the defect — must still see them.
 */
function isDocumentationExampleKeyShape(v: string): boolean {
  return (/^(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE$/.test(v) || /^[A-Za-z0-9/+]{30}EXAMPLEKEY$/.test(v));
}

/**
 * True when `value` (already unquoted, but surrounding quotes are tolerated) stands for a
 * credential instead of being one: empty, an interpolation or reference, a masked or filler
 * string, or a value made of placeholder words. Case-insensitive where words are involved.
 */
export function isPlaceholder(value: string): boolean {
  let v = value.trim();
  const quoted = QUOTES.exec(v);
  if (quoted) v = (quoted[2] as string).trim();
  if (v.length === 0) return true;
  if (isDocumentationExampleKeyShape(v)) return false;
  if (PLACEHOLDER_VALUES.has(v.toLowerCase())) return true;
  if (FILLER.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(wordForm(v))) return true;
  // Interpolation anywhere in a value makes it a template: `prefix-${SECRET}`.
  if (/\$\{|\{\{|\$\(/.test(v)) return true;
  for (const re of REFERENCE_PATTERNS) if (re.test(v)) return true;
  // A single character repeated (`aaaaaaaa`, `11111111`).
  if (v.length >= 4 && /^(.)\1+$/.test(v)) return true;
  return false;
}
