// ESLint plugin (flat config): the same rules and detectors as the CLI, so editors underline
// a problem as it is typed. Each credlint rule that can apply to the linted file becomes
// `credlint/<id>`; the file's kind is decided from its name and text exactly as the CLI does,
// so JS/TS (and YAML/JSON/Dockerfile… when ESLint is configured with a language for them)
// get the same findings at the same positions.
import { relative, sep } from 'node:path';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { rules as allRules } from '../../rules/index.js';
import { resolveConfig } from '../config.js';
import { createSetup } from '../engine/setup.js';
import { scanText, type ScanSetup } from '../engine/scan-file.js';
import { initParsers, parsersReady } from '../parsers/tree-sitter.js';
import { ruleHelpUri, type AnyRule } from '../rule.js';
import { VERSION } from '../version.js';

const createRule = ESLintUtils.RuleCreator((name) => ruleHelpUri(name));

// ESLint rules are synchronous; the WASM grammars (shell, Terraform) load once, when ESLint
// imports the plugin (flat configs are ES modules, so top-level await is fine). If they cannot
// load, the rules still run on everything that needs no grammar.
await initParsers().catch(() => undefined);

type Options = [Record<string, unknown>];

/** Setups are cached per rule and options object (ESLint reuses options between files). */
const setups = new Map<string, ScanSetup>();

function setupFor(rule: AnyRule, options: Record<string, unknown>): ScanSetup {
  const key = `${rule.id}\0${JSON.stringify(options)}`;
  let setup = setups.get(key);
  if (!setup) {
    // One defect, one finding: the rules more specific than this one run alongside it (their
    // findings are not reported by this ESLint rule), so a key they cover is absorbed here as
    // in the CLI. ESLint does not tell a rule whether the others are enabled, so a generic
    // rule defers to a more specific one even where that one is turned off.
    const moreSpecific = allRules.filter((r) => r.supersedes?.includes(rule.id)).map((r) => r.id);
    const config = resolveConfig({ rules: { [rule.id]: { options } } }, allRules, { onlyRules: [rule.id, ...moreSpecific] });
    // Embedded documents that need the WASM parsers are only scanned once those are loaded
    // (ESLint rules are synchronous); the CLI loads them before every scan.
    setup = createSetup(config, allRules, parsersReady() ? {} : { extractors: [] });
    setups.set(key, setup);
  }
  return setup;
}

function toEslintRule(rule: AnyRule) {
  // ESLint needs messages up front; credlint formats its own, so each message id passes the
  // finished text through (the templates are in the rule's docs and SARIF help).
  const messages = Object.fromEntries(Object.keys(rule.messages).map((id) => [id, '{{message}}']));
  return createRule<Options, string>({
    name: rule.id,
    meta: {
      type: 'problem',
      docs: { description: rule.description },
      messages,
      schema: [{ type: 'object', additionalProperties: true }],
    },
    defaultOptions: [{}],
    create(context) {
      return {
        'Program:exit'() {
          const text = context.sourceCode.text;
          const filename = context.physicalFilename ?? context.filename;
          const path = relative(context.cwd, filename).split(sep).join('/') || filename;
          const options = (context.options[0] ?? {}) as Record<string, unknown>;
          const { findings } = scanText(path, text, setupFor(rule, options), undefined, filename);
          for (const f of findings) {
            if (f.suppression || f.ruleId !== rule.id) continue;
            context.report({
              loc: {
                start: { line: f.region.startLine, column: f.region.startColumn - 1 },
                end: { line: f.region.endLine, column: f.region.endColumn - 1 },
              },
              messageId: f.messageId,
              data: { message: f.message },
            });
          }
        },
      };
    },
  });
}

const rules = Object.fromEntries(allRules.map((r) => [r.id, toEslintRule(r)])) as Record<string, TSESLint.RuleModule<string, Options>>;

const SEVERITY = { error: 'error', warning: 'warn', note: 'warn' } as const;

interface Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config };
}

const plugin: Plugin = {
  meta: { name: 'credlint', version: VERSION },
  rules,
  configs: { recommended: {} },
};

plugin.configs.recommended = {
  name: 'credlint/recommended',
  plugins: { credlint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(allRules.map((r) => [`credlint/${r.id}`, SEVERITY[r.severity]])),
};

export default plugin;
export { rules, plugin };
