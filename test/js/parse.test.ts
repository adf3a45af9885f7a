// src/js/parse.ts: the options handed to @typescript-eslint/parser, and the rule that spares a
// `.js` file its second parse (without JSX) when that parse cannot end differently.
import { describe, expect, it } from 'vitest';
import { jsxModeCanDiffer, loadParser, parseProgram } from '../../src/js/parse.js';

const parser = loadParser()!;
const parses = (code: string, jsx: boolean): boolean => {
  try {
    parser.parse(code, { range: true, sourceType: 'module', ecmaVersion: 'latest', jsx, lib: [], preserveNodeMaps: false });
    return true;
  } catch {
    return false;
  }
};

// Expressions whose `<` TypeScript reads differently with and without JSX: type assertions,
// generic arrows (Flow and TS-in-JS write them in `.js` files), a `</` scanned as one token.
const LT_FORMS = ['<T>x', '<T>(x) => x', '<T,>(x) => x', 'async <T>(x) => x', '<div>a</div>', 'a</re/.test(s)'];
// What may stand before them: operators, punctuation, keywords taking an operand, a comment
// ending in a word, a line break.
const BEFORE = ['x = ', 'f(', '[', '{ a: ', 'return ', 'typeof ', 'yield ', 'await ', 'if (c) ', 'else ', '} ', '/* c */ ', '// the tree\n', 'a ?\n', 'x\n', 'case 1: ', 'export default ', 'new X(', 'a && ', '`${'];

describe('parseProgram (src/js/parse.ts)', () => {
  it('retries a .js file without JSX wherever that parse can succeed (every `<` form, every context)', () => {
    let rescued = 0;
    for (const form of LT_FORMS) {
      for (const before of BEFORE) {
        const body = before === '`${' ? `${before}${form}}\`` : before.endsWith('(') ? `${before}${form})` : before === '[' ? `[${form}]` : before.startsWith('{') ? `${before}${form} }` : `${before}${form}`;
        const code = `function g() {\n  ${before === 'return ' || before.startsWith('yield') || before.startsWith('await') ? '' : 'const v = 1;\n  '}${body};\n}\n`;
        const wrapped = before.startsWith('yield') ? code.replace('function g', 'function* g') : before.startsWith('await') ? code.replace('function g', 'async function g') : before.startsWith('case') ? `switch (v) { ${body}; }\n` : code;
        // The invariant the retry rule rests on: whenever the modes disagree, it sees a `<` that could.
        if (!parses(wrapped, true) && parses(wrapped, false)) {
          rescued++;
          expect(jsxModeCanDiffer(wrapped), wrapped).toBe(true);
          expect(parseProgram(wrapped, 'flow.js'), wrapped).toBeDefined();
        }
      }
    }
    // The sweep really contains texts only the retry parses (else it proves nothing).
    expect(rescued).toBeGreaterThan(20);
  });

  it('parses a .js file once when no `<` can be read as JSX (a syntax error elsewhere fails both ways)', () => {
    const broken = 'for (var e = 0; e < o.length; e++) o[e] = o[e] ^ 11;\nvar fi = 6090, if = "x";\nArray<T>;\n';
    expect(jsxModeCanDiffer(broken)).toBe(false);
    expect(parses(broken, true)).toBe(false);
    expect(parses(broken, false)).toBe(false);
    expect(parseProgram(broken, 'vendor/app.min.js')).toBeUndefined();
    // Binary `<`, type arguments after a name or a number do not count; anything else does.
    expect(['a < b', 'Array<T>', '1<2', 'f<T>(x)', 'x </* c */ y'].map(jsxModeCanDiffer)).toEqual([false, false, false, false, false]);
    expect(['f() < 2', 'a[0] < 1', "'s' < t", 'x\n< y', 'return <div/>', 'a </b'].map(jsxModeCanDiffer)).toEqual([true, true, true, true, true, true]);
  });

  it('still reads JSX in .js and .jsx files, and TSX', () => {
    const jsx = 'export const A = () => <div className="a">{x}</div>;\n';
    for (const path of ['a.js', 'a.jsx', 'a.mjs', 'a.tsx']) expect(parseProgram(jsx, path)?.body, path).toHaveLength(1);
    expect(parseProgram('const n = <number>x;\n', 'a.ts')?.body).toHaveLength(1);
    expect(parseProgram('const n = <number>x;\n', 'a.js')?.body).toHaveLength(1);
  });

  it('keeps the ranges the analyses read', () => {
    const program = parseProgram('const a = 1;\n', 'a.ts')!;
    expect(program.range).toEqual([0, 13]);
    expect(program.body[0]!.range).toEqual([0, 12]);
  });
});
