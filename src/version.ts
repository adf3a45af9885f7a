// The tool's name and version, read from package.json so reports never carry a stale copy.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageJson(): { name: string; version: string; homepage?: string } {
  // Works from both src/ (tests) and dist/src/ (the built CLI).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === 'credlint' && pkg.version) return { name: pkg.name, version: pkg.version, homepage: pkg.homepage };
    }
    dir = dirname(dir);
  }
  return { name: 'credlint', version: '0.0.0' };
}

const pkg = findPackageJson();
export const TOOL_NAME = pkg.name;
export const VERSION = pkg.version;
export const INFORMATION_URI = 'https://github.com/credlint/credlint';
