// Public types of `credlint/eslint-plugin`, in ESLint's own types (ESLint ships them), so a
// consumer compiles with skipLibCheck: false without @typescript-eslint/* installed.
// Copied into bundle/types by scripts/bundle.mjs.
import type { ESLint, Linter, Rule } from 'eslint';

export interface CredlintConfigs {
  readonly [name: string]: Linter.Config[];
  /** JS/TS files (parsed with @typescript-eslint/parser) and infrastructure files (the credlint/infra language). */
  readonly recommended: Linter.Config[];
  /** `.js .mjs .cjs .jsx .ts .mts .cts .tsx`, every rule at its default severity. */
  readonly javascript: Linter.Config[];
  /** Dockerfiles, shell and user data, cloud-init, CloudFormation, Terraform, dotenv and credentials files. */
  readonly infrastructure: Linter.Config[];
}

export interface CredlintPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  /** Every credlint rule, as `credlint/<id>`. */
  readonly rules: Record<string, Rule.RuleModule>;
  /** `credlint/infra`: one document node per infrastructure file. */
  readonly languages: NonNullable<ESLint.Plugin['languages']>;
  readonly configs: CredlintConfigs;
}

declare const plugin: CredlintPlugin;
export default plugin;
export declare const rules: CredlintPlugin['rules'];
export declare const languages: CredlintPlugin['languages'];
export declare const configs: CredlintConfigs;
export declare const meta: CredlintPlugin['meta'];
export { plugin };
