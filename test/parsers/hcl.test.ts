import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HCL_NESTING, parseHcl, type HclAttribute, type HclBlock, type HclExpr, type HclItem } from '../../src/parsers/hcl.js';

const blocks = (items: readonly HclItem[]) => items.filter((i): i is HclBlock => i.item === 'block');
const attrs = (items: readonly HclItem[]) => items.filter((i): i is HclAttribute => i.item === 'attribute');
/** The attribute's expression, with the text it spans. */
function expr(text: string, name: string, within?: HclBlock): HclExpr & { text: string } {
  const body = within ? within.body : parseHcl(text).body;
  const a = attrs(body).find((x) => x.name === name);
  if (!a) throw new Error(`no attribute ${name}`);
  return { ...a.expr, text: text.slice(a.expr.start, a.expr.end) };
}
const only = (text: string) => {
  const r = parseHcl(text);
  expect(r.errors).toEqual([]);
  return blocks(r.body)[0]!;
};

describe('HCL reader: structure', () => {
  it('reads blocks with quoted and bare labels, nested and one-line blocks, at exact offsets', () => {
    const text = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\nlocals { a = 1 }\nprovider aws {}\n';
    const r = parseHcl(text);
    expect(r.errors).toEqual([]);
    const [res, locals, provider] = blocks(r.body);
    expect(res).toMatchObject({ type: 'resource', typeStart: 0, typeEnd: 8, start: 0, end: text.indexOf('}\nlocals') + 1 });
    expect(res!.labels.map((l) => [l.value, text.slice(l.start, l.end)])).toEqual([
      ['aws_instance', 'aws_instance'],
      ['web', 'web'],
    ]);
    const nested = blocks(res!.body)[0]!;
    expect(text.slice(nested.start, nested.end)).toBe('metadata_options {\n    http_tokens = "required"\n  }');
    expect(attrs(nested.body)[0]).toMatchObject({ name: 'http_tokens', nameStart: text.indexOf('http_tokens') });
    expect(attrs(locals!.body).map((a) => a.name)).toEqual(['a']);
    expect(provider!.labels).toEqual([{ value: 'aws', start: text.indexOf('aws {}'), end: text.indexOf('aws {}') + 3 }]);
  });

  it('skips every comment form, a byte order mark and CRLF line ends', () => {
    const text = '\uFEFF# top\r\n// also\r\n/* block\r\n comment */ variable "v" { # trailing\r\n  default = "x" // after\r\n  /* inline */ type = string\r\n}\r\n';
    const v = only(text);
    expect(attrs(v.body).map((a) => a.name)).toEqual(['default', 'type']);
    expect(expr(text, 'default', v).text).toBe('"x"');
  });

  it('reads names with characters outside the Basic Multilingual Plane whole', () => {
    const text = 'locals {\n  x\u{1D465}\u{1D466} = 1\n  \u{1D465}y = 2\n}\n';
    expect(attrs(only(text).body).map((a) => a.name)).toEqual(['x\u{1D465}\u{1D466}', '\u{1D465}y']);
  });

  it('keeps a label that is empty or holds escapes as written', () => {
    const text = 'resource "" "a\\"b" {}\n';
    const b = only(text);
    expect(b.labels.map((l) => l.value)).toEqual(['', 'a\\"b']);
    expect(b.labels[0]).toMatchObject({ start: 10, end: 10 });
  });
});

describe('HCL reader: expressions', () => {
  const text = [
    'x {',
    '  t1 = aws_instance.web.id',
    '  t2 = aws_instance.web[0].private_ip',
    '  t3 = aws_instance.web.0.id',
    '  t4 = aws_instance.web[*].id',
    '  t5 = aws_instance.web.*.id',
    '  n1 = 42',
    '  n2 = 1.5e-3',
    '  b1 = true',
    '  z = null',
    '  s = "a\\"b ${var.x} %{ if var.y }y%{ endif } $${lit} %%{lit}"',
    '  nested = "${lookup(var.m, "k}", "d")}-x"',
    '  tuple = [1, "two",',
    '    three, # comment',
    '  ]',
    '  obj = {',
    '    Name = "n"',
    '    "quoted" : 2,',
    '    (var.k) = 3',
    '  }',
    '  call = jsonencode({ a = [for s in var.list : upper(s) if s != ""] }, x...)',
    '  pf = provider::aws::arn_parse("arn:aws:iam::123456789012:role/r")',
    '  cond = var.a ? "yes" : "no"',
    '  multi = var.a',
    '    ? "yes"',
    '    : "no"',
    '  ops = !var.a && -var.b > 3 || var.c == "x"',
    '  forobj = { for k, v in var.m : k => v... if v != null }',
    '  paren = (var.a)',
    '  post = f(x).attr',
    '  after = "end"',
    '}',
    '',
  ].join('\n');
  const b = only(text);
  const e = (name: string) => expr(text, name, b);

  it('reads traversals with attribute, index, legacy index and splat steps', () => {
    expect(e('t1')).toMatchObject({ kind: 'traversal', root: 'aws_instance', text: 'aws_instance.web.id' });
    expect((e('t1') as { steps: unknown[] }).steps).toMatchObject([{ kind: 'attr', name: 'web' }, { kind: 'attr', name: 'id' }]);
    expect((e('t2') as { steps: Array<{ kind: string }> }).steps.map((s) => s.kind)).toEqual(['attr', 'index', 'attr']);
    expect((e('t3') as { steps: Array<{ kind: string }> }).steps.map((s) => s.kind)).toEqual(['attr', 'index', 'attr']);
    expect((e('t4') as { steps: Array<{ kind: string }> }).steps.map((s) => s.kind)).toEqual(['attr', 'splat', 'attr']);
    expect((e('t5') as { steps: Array<{ kind: string }> }).steps.map((s) => s.kind)).toEqual(['attr', 'splat', 'attr']);
  });

  it('reads literals', () => {
    expect(e('n1')).toMatchObject({ kind: 'number', text: '42' });
    expect(e('n2')).toMatchObject({ kind: 'number', text: '1.5e-3' });
    expect(e('b1')).toMatchObject({ kind: 'bool', value: true });
    expect(e('z')).toMatchObject({ kind: 'null' });
  });

  it('finds every template part of a quoted string, past escapes and nested quotes', () => {
    const s = e('s');
    expect(s).toMatchObject({ kind: 'template', closed: true });
    const parts = (s as { parts: Array<{ kind: string; start: number; end: number }> }).parts.map((p) => [p.kind, text.slice(p.start, p.end)]);
    expect(parts).toEqual([
      ['interpolation', '${var.x}'],
      ['directive', '%{ if var.y }'],
      ['directive', '%{ endif }'],
    ]);
    const nested = e('nested');
    expect(nested.text).toBe('"${lookup(var.m, "k}", "d")}-x"');
    const part = (nested as { parts: Array<{ expr?: HclExpr }> }).parts[0]!;
    expect(part.expr).toMatchObject({ kind: 'call', name: 'lookup' });
  });

  it('reads tuples and objects over several lines, with both separators and trailing commas', () => {
    expect(e('tuple')).toMatchObject({ kind: 'tuple' });
    expect((e('tuple') as { items: HclExpr[] }).items.map((i) => i.kind)).toEqual(['number', 'template', 'traversal']);
    const obj = e('obj') as HclExpr & { elems: Array<{ key: HclExpr; value: HclExpr }> };
    expect(obj.elems.map((x) => [text.slice(x.key.start, x.key.end), text.slice(x.value.start, x.value.end)])).toEqual([
      ['Name', '"n"'],
      ['"quoted"', '2'],
      ['(var.k)', '3'],
    ]);
  });

  it('reads calls (with for expressions and an expanded last argument) and provider functions', () => {
    const call = e('call') as HclExpr & { name: string; args: HclExpr[] };
    expect(call).toMatchObject({ kind: 'call', name: 'jsonencode' });
    expect(call.args.map((a) => a.kind)).toEqual(['object', 'traversal']);
    expect(e('pf')).toMatchObject({ kind: 'call', name: 'provider::aws::arn_parse' });
  });

  it('keeps operators, conditionals (also over several lines) and for expressions as other, at their whole extent', () => {
    expect(e('cond')).toMatchObject({ kind: 'other', text: 'var.a ? "yes" : "no"' });
    expect(e('multi')).toMatchObject({ kind: 'other', text: 'var.a\n    ? "yes"\n    : "no"' });
    expect(e('ops')).toMatchObject({ kind: 'other', text: '!var.a && -var.b > 3 || var.c == "x"' });
    expect(e('forobj')).toMatchObject({ kind: 'other', text: '{ for k, v in var.m : k => v... if v != null }' });
    expect(e('paren')).toMatchObject({ kind: 'paren' });
    expect(e('post')).toMatchObject({ kind: 'other', text: 'f(x).attr' });
    expect(e('after')).toMatchObject({ kind: 'template', text: '"end"' });
  });

  it('reads heredocs: markers, indented closing marker, template parts, CRLF', () => {
    const h = 'x {\n  a = <<EOF\n#!/bin/bash\necho ${var.x} \\n %{ if true }y%{ endif }\nEOF\n  b = <<-EOT\n    one\n    EOT\n  c = "after"\n  d = <<EOF\r\nline\r\nEOF\r\n}\n';
    const blk = only(h);
    const a = expr(h, 'a', blk) as HclExpr & { kind: 'heredoc' };
    expect(a).toMatchObject({ kind: 'heredoc', strip: false });
    expect(h.slice(a.open.start, a.open.end)).toBe('EOF');
    expect(a.close && h.slice(a.close.start, a.close.end)).toBe('EOF');
    expect(a.end).toBe(h.indexOf('EOF\n  b') + 3);
    expect(a.parts.map((p) => h.slice(p.start, p.end))).toEqual(['${var.x}', '%{ if true }', '%{ endif }']);
    const b = expr(h, 'b', blk) as HclExpr & { kind: 'heredoc' };
    expect(b).toMatchObject({ kind: 'heredoc', strip: true });
    expect(b.close!.start).toBe(h.indexOf('EOT\n  c'));
    expect(expr(h, 'c', blk).text).toBe('"after"');
    expect(expr(h, 'd', blk)).toMatchObject({ kind: 'heredoc' });
  });

  it('does not take a heredoc marker inside a longer line for the closing one', () => {
    const h = 'x {\n  a = <<EOF\nEOF is not alone here\n  EOF\n  b = 1\n}\n';
    const blk = only(h);
    const a = expr(h, 'a', blk) as HclExpr & { kind: 'heredoc' };
    expect(a.close!.start).toBe(h.indexOf('  EOF\n') + 2);
    expect(expr(h, 'b', blk).kind).toBe('number');
  });
});

describe('HCL reader: malformed input', () => {
  it('records the first error without source text and goes on with the next line and block', () => {
    const secretish = 'Zq9' + 'x'.repeat(37);
    const text = `resource "a" "ok" {\n  ami = "a"\n}\nresource "b" "bad" {\n  k = "${secretish}" "${secretish}"\n  broken = = =\n  fine = 1\n}\nresource "c" "after" {}\n`;
    const r = parseHcl(text);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]).toMatchObject({ message: 'expected a newline', offset: text.indexOf(` "${secretish}"\n`) + 1 });
    for (const e of r.errors) expect(e.message).not.toContain('Zq9');
    const bs = blocks(r.body);
    expect(bs.map((b) => b.labels[1]?.value)).toEqual(['ok', 'bad', 'after']);
    expect(attrs(bs[1]!.body).map((a) => a.name)).toEqual(['k', 'fine']);
  });

  it('reads the line after an unclosed bracket, call or interpolation as the next attribute', () => {
    for (const open of ['[aws_security_group.a.id', 'merge(local.tags, var.tags', '"${var.a']) {
      const text = `resource "aws_instance" "web" {\n  ids = ${open}\n  iam_instance_profile = aws_iam_instance_profile.web.name\n  metadata_options {\n    http_tokens = "required"\n  }\n}\nresource "b" "after" {}\n`;
      const r = parseHcl(text);
      expect(r.errors.length).toBeGreaterThan(0);
      const [web, after] = blocks(r.body);
      expect(attrs(web!.body).map((a) => a.name)).toEqual(['iam_instance_profile']);
      expect(blocks(web!.body).map((b) => b.type)).toEqual(['metadata_options']);
      expect(after?.labels[1]?.value).toBe('after');
    }
  });

  it('keeps a heredoc whole when one of its template parts is broken (a shell ${VAR:-default})', () => {
    const text = 'resource "aws_instance" "web" {\n  user_data = <<-EOF\n    N=${NAME:-web}\n    f() {\n      echo "${var.x}"\n    }\n    EOF\n  ami = "a"\n}\nresource "b" "after" {}\n';
    const r = parseHcl(text);
    expect(r.errors.map((e) => e.message)).toEqual(['missing "}" of an interpolation']);
    const [web, after] = blocks(r.body);
    expect(attrs(web!.body).map((a) => a.name)).toEqual(['user_data', 'ami']);
    const h = expr(text, 'user_data', web) as HclExpr & { kind: 'heredoc'; text: string };
    expect(h.text).toBe(text.slice(text.indexOf('<<-EOF'), text.indexOf('EOF\n  ami') + 3));
    // The good part after the broken one is still a part.
    expect(h.parts.map((p) => text.slice(p.start, p.end))).toEqual(['${var.x}']);
    expect(after?.labels[1]?.value).toBe('after');
  });

  it('keeps what it read of an unclosed block, string or heredoc', () => {
    const r = parseHcl('resource "x" "y" {\n  a = "unterminated\n  b = "ok"\n');
    expect(r.errors.map((e) => e.message)).toEqual(['unterminated string', 'missing "}"']);
    expect(attrs(blocks(r.body)[0]!.body).map((a) => a.name)).toEqual(['a', 'b']);
    const h = parseHcl('x {\n  a = <<EOF\nnever closed\n');
    expect(h.errors[0]).toMatchObject({ message: 'unterminated heredoc' });
    const open = expr('x {\n  a = <<EOF\nnever closed\n', 'a', blocks(h.body)[0]) as HclExpr & { kind: 'heredoc' };
    expect(open.kind).toBe('heredoc');
    expect(open.close).toBeUndefined();
  });

  it('reports a missing expression, a stray brace and a JSON-looking file', () => {
    expect(parseHcl('x {\n  a = \n}\n').errors[0]).toMatchObject({ message: 'missing expression' });
    expect(parseHcl('}\nx {}\n').errors[0]).toMatchObject({ message: 'unexpected closing brace', offset: 0 });
    const json = parseHcl('[\n  {\n    "ami" = "ami-1"\n  },\n]\n');
    expect(json.errors.length).toBeGreaterThan(0);
    expect(json.errors[0]!.message).not.toMatch(/\n|ami/);
  });

  it('stops at its nesting cap instead of overflowing the stack', () => {
    const deep = `x {\n  a = ${'['.repeat(100_000)}\n  b = 1\n}\n`;
    const r = parseHcl(deep);
    expect(r.errors[0]).toMatchObject({ message: 'nested too deeply' });
    expect(attrs(blocks(r.body)[0]!.body).map((a) => a.name)).toEqual(['b']);
    const blocksDeep = parseHcl('b {\n'.repeat(MAX_HCL_NESTING + 50) + '}\n'.repeat(MAX_HCL_NESTING + 50));
    expect(blocksDeep.errors[0]).toMatchObject({ message: 'nested too deeply' });
  });

  it('gives up when its time budget is spent', () => {
    const r = parseHcl('x {\n  a = 1\n}\n'.repeat(5000), performance.now() - 1);
    expect(r.timedOut).toBe(true);
    expect(r.body.length).toBeLessThan(5000);
  });

  it('never throws on any prefix or corruption of the fixtures', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.tf')) files.push(full);
      }
    };
    walk(join(__dirname, '../../fixtures'));
    expect(files.length).toBeGreaterThan(10);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const junk = ['"', '{', '}', '[', '(', '${', '%{', '<<EOF\n', '\n', '=', ':', '?', '~}', '/*', '\\', '.', '...', '=>'];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (let k = 0; k < 40; k++) {
        const at = rand(text.length + 1);
        const variant = k % 2 === 0 ? text.slice(0, at) : text.slice(0, at) + junk[rand(junk.length)] + text.slice(at);
        const r = parseHcl(variant);
        for (const e of r.errors) expect(e.offset).toBeLessThanOrEqual(variant.length);
      }
    }
  });
});
