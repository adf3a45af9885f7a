// README snippets, so the tests run what a reader copies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

/** Every fenced block of the README with this language tag, dedented (list items indent them). */
export function readmeBlocks(lang: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(new RegExp(`^([ \\t]*)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\``, 'gm'))].map((m) => {
    const indent = m[1]!.length;
    return m[2]!
      .split('\n')
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n');
  });
}

export function readmeBlock(lang: string, containing: string): string {
  const block = readmeBlocks(lang).find((b) => b.includes(containing));
  if (!block) throw new Error(`README has no \`\`\`${lang} block containing ${containing}`);
  return block;
}
