import { describe, expect, it } from 'vitest';
import { LineIndex, OffsetMap, VirtualTextBuilder, createDocument, createVirtualDocument, toFileRange, embeddingPath } from '../../src/engine/document.js';

describe('LineIndex', () => {
  it('gives 1-based lines and columns, CRLF aware', () => {
    const idx = new LineIndex('ab\r\ncd\nef');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(4)).toEqual({ line: 2, column: 1 });
    expect(idx.position(8)).toEqual({ line: 3, column: 2 });
    expect(idx.lineText(1)).toBe('ab');
    expect(idx.lineText(3)).toBe('ef');
    expect(idx.lineCount).toBe(3);
  });
});

describe('virtual documents', () => {
  it('maps verbatim pieces one to one and synthetic pieces as a whole', () => {
    // Host: a heredoc whose lines are indented by 4 (stripped in the virtual text).
    const host = 'user_data = <<-EOF\n    echo one\n    echo ${var.x} two\n  EOF\n';
    const b = new VirtualTextBuilder();
    const l1 = host.indexOf('echo one');
    b.verbatim('echo one\n', l1);
    const l2 = host.indexOf('echo ${var.x}');
    b.verbatim('echo ', l2);
    const interp = host.indexOf('${var.x}');
    b.synthetic('X', interp, interp + '${var.x}'.length);
    b.verbatim(' two\n', interp + '${var.x}'.length);
    const { text, map } = b.build();
    expect(text).toBe('echo one\necho X two\n');
    const hostDoc = createDocument({ path: 'main.tf', kind: 'terraform', language: 'terraform', text: host });
    const v = createVirtualDocument(hostDoc, { kind: 'shell', text, map, label: 'user_data heredoc' });
    // "one" in the virtual text
    const one = text.indexOf('one');
    const r = toFileRange(v, one, one + 3);
    expect(host.slice(r.start, r.end)).toBe('one');
    // The placeholder maps to the whole interpolation.
    const x = text.indexOf('X');
    const rx = toFileRange(v, x, x + 1);
    expect(host.slice(rx.start, rx.end)).toBe('${var.x}');
    // A range spanning verbatim + synthetic + verbatim.
    const all = toFileRange(v, text.indexOf('echo X'), text.indexOf('two') + 3);
    expect(host.slice(all.start, all.end)).toBe('echo ${var.x} two');
    expect(embeddingPath(v)).toEqual(['user_data heredoc']);
    expect(v.bootstrap).toBe(false);
  });

  it('composes maps through nested documents', () => {
    const host = 'a: |\n  line1\n  KEY here\n';
    const outer = createDocument({ path: 't.yaml', kind: 'text', language: 'yaml', text: host });
    const b1 = new VirtualTextBuilder();
    b1.verbatim('line1\n', host.indexOf('line1')).verbatim('KEY here\n', host.indexOf('KEY'));
    const mid = b1.build();
    const middle = createVirtualDocument(outer, { kind: 'user-data', text: mid.text, map: mid.map, label: 'a' });
    const inner = createVirtualDocument(middle, { kind: 'shell', text: 'KEY here\n', map: OffsetMap.identity(mid.text.indexOf('KEY'), 9), label: 'b' });
    const r = toFileRange(inner, 0, 3);
    expect(host.slice(r.start, r.end)).toBe('KEY');
    expect(inner.depth).toBe(2);
    expect(inner.bootstrap).toBe(true);
    expect(embeddingPath(inner)).toEqual(['a', 'b']);
  });
});
