import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const [oldDist, newDist, ...roots] = process.argv.slice(2);
const load = async (d) => ({ tf: await import(d + '/src/parsers/terraform.js'), doc: await import(d + '/src/engine/document.js') });
const A = await load(oldDist), B = await load(newDist);
const files = roots.flatMap((r) => execSync(`find ${r} -name '*.tf' -type f`, { maxBuffer: 1e9 }).toString().trim().split('\n').filter(Boolean));
function dump(m, path, text) {
  const doc = m.doc.createDocument({ path, kind: 'terraform', language: 'terraform', text });
  const f = m.tf.parseTerraform(doc, []);
  const out = [];
  const walk = (b, ind) => {
    out.push(`${ind}block ${b.type} ${JSON.stringify(b.labels)} ${JSON.stringify(b.range)} ${JSON.stringify(b.typeRange)}`);
    for (const a of b.attributes()) {
      let v; try { v = JSON.stringify(a.value()); } catch (e) { v = 'THROW ' + e.message; }
      out.push(`${ind}  attr ${a.name} ${JSON.stringify(a.nameRange)} ${JSON.stringify(a.range)} = ${v}`);
    }
    for (const c of b.blocks()) walk(c, ind + '  ');
  };
  for (const b of f.blocks) walk(b, '');
  return { lines: out, errors: f.errors.length };
}
let same = 0, diff = 0, errOnlyOld = 0, errOnlyNew = 0, errBoth = 0;
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  const a = dump(A, path, text), b = dump(B, path, text);
  if (a.errors && b.errors) errBoth++; else if (a.errors) errOnlyOld++; else if (b.errors) errOnlyNew++;
  if (a.errors && !b.errors) console.log('ERR-OLD-ONLY', path);
  if (b.errors && !a.errors) console.log('ERR-NEW-ONLY', path);
  if (a.lines.join('\n') === b.lines.join('\n')) { same++; continue; }
  diff++;
  if (diff <= +(process.env.SHOW ?? 5)) {
    console.log('DIFF', path, 'errors old', a.errors, 'new', b.errors);
    for (let i = 0; i < Math.max(a.lines.length, b.lines.length); i++) if (a.lines[i] !== b.lines[i]) { console.log(' old:', a.lines[i]?.slice(0, 400)); console.log(' new:', b.lines[i]?.slice(0, 400)); break; }
  }
}
console.log({ files: files.length, same, diff, errBoth, errOnlyOld, errOnlyNew });
