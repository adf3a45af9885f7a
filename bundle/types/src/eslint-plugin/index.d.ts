import { type TSESLint } from '@typescript-eslint/utils';
type Options = [Record<string, unknown>];
declare const rules: Record<string, TSESLint.RuleModule<string, Options>>;
interface Plugin {
    meta: {
        name: string;
        version: string;
    };
    rules: typeof rules;
    configs: {
        recommended: TSESLint.FlatConfig.Config;
    };
}
declare const plugin: Plugin;
export default plugin;
export { rules, plugin };
