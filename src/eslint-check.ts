// Runs before the plugin's modules are evaluated (ES modules evaluate imports in order), so an
// unsupported ESLint gets this message rather than a failure deep inside @typescript-eslint/utils.
import { createRequire } from 'node:module';

/** The ESLint versions the plugin supports (flat config, the rule context it uses). */
export const SUPPORTED_ESLINT = '^9.15 || ^10';

function eslintVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('eslint/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

export function checkEslintVersion(version: string | undefined): string | undefined {
  const m = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (!m) return undefined; // not found or unusual: let ESLint itself report what is missing
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 10 || (major === 9 && minor >= 15)) return undefined;
  return `credlint/eslint-plugin needs ESLint ${SUPPORTED_ESLINT} (this project has ${version}); the credlint command works without ESLint`;
}

const problem = checkEslintVersion(eslintVersion());
if (problem) throw new Error(problem);
