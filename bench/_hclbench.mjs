import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const { parseHcl } = await import('/work/wt/perfhcl/dist/src/parsers/hcl.js');
const files = execSync(`find /tmp/credlint-bench/iac-tree-12mb-v1/corpus /tmp/realtf -name '*.tf' -type f`).toString().trim().split('\n');
const texts = files.map(f => readFileSync(f, 'utf8'));
let bytes = 0; for (const t of texts) bytes += t.length;
for (let r = 0; r < 5; r++) { const t0 = performance.now(); let errs = 0; for (const t of texts) errs += parseHcl(t).errors.length; console.log(files.length, (bytes/1e6).toFixed(1), 'MB', (performance.now()-t0).toFixed(0), 'ms', errs); }
