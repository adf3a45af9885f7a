// Public types of `credlint/eslint-plugin`, in ESLint's own types (ESLint ships them), so a
// consumer compiles with skipLibCheck: false without @typescript-eslint/* installed.
// Copied into bundle/types by scripts/bundle.mjs.
import type { ESLint, Linter, Rule } from 'eslint';

export interface CredlintPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  /** Every credlint rule, as `credlint/<id>`. */
  readonly rules: Record<string, Rule.RuleModule>;
  readonly configs: {
    /** Every rule at its default severity (error → "error", warning and note → "warn"). */
    readonly recommended: Linter.Config;
  };
}

declare const plugin: CredlintPlugin;
export default plugin;
export declare const rules: CredlintPlugin['rules'];
export { plugin };
