// Lists the files of one or more trees that the content sniff classifies as scripts (files
// that name, extension and shebang leave undecided), and what the sniff costs.
//   npm run build && node scripts/sniff-survey.mjs <dir>…
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFile, SNIFF_BYTES } from '../dist/src/kinds.js';
import { sniffScript } from '../dist/src/content-sniff.js';

const DECIDED = /\.(?:sh|bash|zsh|ksh|dash|ash|ps1|psm1|psd1)$|^\.(?:bashrc|bash_profile|profile|zshrc)$/i;
let files = 0;
let bytes = 0;
let sniffNs = 0n;
let classifyNs = 0n;
const newly = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const e of entries) {
    const full = join(dir, e);
    let st;
    try { st = lstatSync(full); } catch { continue; }
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) { walk(full); continue; }
    if (!st.isFile() || st.size > 5 * 1024 * 1024) continue;
    let buf;
    try { buf = readFileSync(full); } catch { continue; }
    if (buf.subarray(0, 8000).includes(0)) continue;
    const text = buf.toString('utf8');
    const head = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
    files++;
    bytes += buf.length;
    let t = process.hrtime.bigint();
    const kind = classifyFile(full, head);
    classifyNs += process.hrtime.bigint() - t;
    t = process.hrtime.bigint();
    sniffScript(head);
    sniffNs += process.hrtime.bigint() - t;
    if ((kind === 'shell' || kind === 'powershell') && !head.startsWith('#!') && !DECIDED.test(e)) newly.push(`${kind}\t${full}`);
  }
}
for (const d of process.argv.slice(2)) walk(d);
for (const n of newly.sort()) console.log(n);
console.log(`# ${files} files, ${(bytes / 1048576).toFixed(1)} MiB; newly classified as scripts: ${newly.length}`);
console.log(`# classifyFile total ${(Number(classifyNs) / 1e6).toFixed(1)} ms; sniffScript alone on every file ${(Number(sniffNs) / 1e6).toFixed(1)} ms`);
