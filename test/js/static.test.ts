// The static-evaluation core shared by every JS/TS analysis (SDK credentials, CDK IAM statements).
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { parseProgram } from '../../src/js/parse.js';
import { evaluate, qualifiedName, staticScopeOf, walk, type StaticValue } from '../../src/js/static.js';

function setup(code: string, path = 'stack.ts') {
  const program = parseProgram(code, path)!;
  const scope = staticScopeOf(program);
  const news: TSESTree.NewExpression[] = [];
  walk(program, (n) => {
    if (n.type === 'NewExpression') news.push(n);
  });
  return { program, scope, news };
}

/** Plain JS data of a static value (unknown → undefined), for assertions. */
function plain(v: StaticValue): unknown {
  switch (v.kind) {
    case 'array':
      return v.elements.map(plain);
    case 'object':
      return Object.fromEntries([...v.properties].map(([k, p]) => [k, plain(p.value)]));
    case 'function':
      return { returns: v.returns.map(plain) };
    case 'unknown':
      return undefined;
    default:
      return v.value;
  }
}

describe('static evaluation core (src/js/static.ts)', () => {
  it('resolves CDK IAM statements through namespace, named and require imports', () => {
    const { scope, news } = setup(
      [
        "import * as iam from 'aws-cdk-lib/aws-iam';",
        "import { PolicyStatement as PS, Effect } from 'aws-cdk-lib/aws-iam';",
        "const cdk = require('aws-cdk-lib');",
        "new iam.PolicyStatement({ actions: ['s3:*'] });",
        'new PS({ effect: Effect.ALLOW });',
        'new cdk.aws_iam.PolicyStatement({});',
        'new Local();',
      ].join('\n'),
    );
    expect(news.map((n) => qualifiedName(n.callee, scope))).toEqual([
      { module: 'aws-cdk-lib/aws-iam', path: ['PolicyStatement'] },
      { module: 'aws-cdk-lib/aws-iam', path: ['PolicyStatement'] },
      { module: 'aws-cdk-lib', path: ['aws_iam', 'PolicyStatement'] },
      { module: undefined, path: ['Local'] },
    ]);
  });

  it('evaluates literals, templates (with static expressions), arrays, objects, spreads and const chains', () => {
    const { scope, news } = setup(
      [
        "const BUCKET = 'arn:aws:s3:::logs';",
        'const ALL = `${BUCKET}/*`;',
        "const READ = ['s3:GetObject', 's3:ListBucket'] as const;",
        "const base = { effect: 'Allow', actions: [...READ, `s3:PutObject`] };",
        "const KEY = 'resources';",
        "new S({ ...base, [KEY]: [BUCKET, BUCKET + '/*', ALL], n: 1, ok: true, none: null, f: () => ({ a: 'b' }) });",
      ].join('\n'),
    );
    expect(plain(evaluate(news[0]!.arguments[0]!, scope))).toEqual({
      effect: 'Allow',
      actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'],
      resources: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/*'],
      n: 1,
      ok: true,
      none: null,
      f: { returns: [{ a: 'b' }] },
    });
  });

  it('does not resolve names bound more than once, let bindings or parameters', () => {
    const { scope, news } = setup(
      [
        "const A = 'x';",
        "function f(B: string) { const A = 'y'; return new S(A, B); }",
        "let C = 'z';",
        'new S(C);',
      ].join('\n'),
    );
    expect(news.map((n) => n.arguments.map((a) => plain(evaluate(a, scope))))).toEqual([[undefined, undefined], [undefined]]);
  });

  it('keeps the literal node of every value (for exact positions)', () => {
    const code = "const ID = 'abc';\nnew S({ id: ID });";
    const { scope, news } = setup(code);
    const value = evaluate(news[0]!.arguments[0]!, scope);
    expect(value.kind).toBe('object');
    const id = (value as Extract<StaticValue, { kind: 'object' }>).properties.get('id')!.value;
    expect(code.slice(id.node.range[0], id.node.range[1])).toBe("'abc'");
  });
});
