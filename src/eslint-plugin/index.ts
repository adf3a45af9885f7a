// ESLint plugin (flat config): the same rules and detectors as the CLI, so editors underline
// a problem as it is typed. Every credlint rule is `credlint/<id>`; the file's kind is decided
// from its name and text exactly as the CLI does, and one engine pass per file serves every
// credlint rule (shared-scan.ts). Rules listen on the exit of whatever root node the file's
// language produces — ESTree `Program`, credlint's own `CredlintDocument`, @eslint/json's
// `Document`, … — so they work under any ESLint language, not only JavaScript.
//
// No top-level await anywhere in this module graph: `require('credlint/eslint-plugin')` works
// (Node ≥ 20.19 loads ES modules synchronously only without it). The WASM grammars initialise
// synchronously on first use (src/parsers/tree-sitter.ts).
import { createRequire } from 'node:module';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { loadParser } from '../js/parse.js';
import { rules as allRules } from '../../rules/index.js';
import { ruleHelpUri, type AnyRule } from '../rule.js';
import { VERSION } from '../version.js';
import type { Finding } from '../engine/types.js';
import { findSdkCredentials } from '../js/sdk-credentials.js';
import { credlintLanguage } from './language.js';
import { findingsFor, type ScanInput } from './shared-scan.js';
import { optionsSchemaOf } from './schemas.js';

/**
 * The JS/TS parser of `configs.javascript`: @typescript-eslint/parser, loaded when ESLint first
 * parses a file (not when the config is read), through the same loader as the CLI. A project
 * without `typescript` (an optional peer) still gets its JavaScript linted: ESLint's own espree,
 * found beside the ESLint that loaded us, parses it (TypeScript files need `typescript`).
 */
const jsParser = {
  meta: { name: 'credlint/js-parser', version: VERSION },
  parseForESLint(code: string, options: Record<string, unknown>) {
    const ts = loadParser();
    if (ts) return ts.parseForESLint(code, options);
    const espree = espreeParser();
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    if (!espree || /\.[cm]?tsx?$/i.test(filePath)) throw new Error('credlint: linting TypeScript needs the `typescript` package (npm install --save-dev typescript)');
    const ast = espree.parse(code, { ecmaVersion: 'latest', sourceType: options.sourceType ?? 'module', ecmaFeatures: { jsx: true, globalReturn: false }, range: true, loc: true, comment: true, tokens: true });
    return { ast };
  },
};

function espreeParser(): { parse(code: string, options: Record<string, unknown>): TSESTree.Program } | undefined {
  try {
    const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'));
    return fromEslint('espree') as { parse(code: string, options: Record<string, unknown>): TSESTree.Program };
  } catch {
    return undefined;
  }
}

const createRule = ESLintUtils.RuleCreator((name) => ruleHelpUri(name));

type Options = [Record<string, unknown>];

const SDK_RULE = 'no-hardcoded-sdk-credentials';
const SUGGESTION_MESSAGE = 'removeCredentials';
const ERROR_MESSAGE = 'internalError';

/** Credlint rules ESLint enabled on each file (filled by create(), which runs for every rule before the walk). */
const activeRules = new WeakMap<object, Set<string>>();

interface RootNode {
  readonly type?: string;
  readonly body?: unknown;
  readonly range?: unknown;
}

function toEslintRule(rule: AnyRule) {
  // ESLint needs messages up front; credlint formats its own (masked) text, so each message id
  // passes the finished text through (the templates are in the rule's docs and SARIF help).
  const messages: Record<string, string> = Object.fromEntries(Object.keys(rule.messages).map((id) => [id, '{{message}}']));
  const suggests = rule.id === SDK_RULE;
  if (suggests) messages[SUGGESTION_MESSAGE] = '{{description}}';
  messages[ERROR_MESSAGE] = 'credlint could not check this file: {{message}}';
  return createRule<Options, string>({
    name: rule.id,
    meta: {
      type: 'problem',
      docs: { description: rule.description },
      messages,
      schema: [optionsSchemaOf(rule)],
      ...(suggests ? { hasSuggestions: true } : {}),
    },
    defaultOptions: [{}],
    create(context) {
      const sourceCode = context.sourceCode;
      const root = sourceCode.ast as unknown as RootNode;
      const rootType = typeof root?.type === 'string' ? root.type : 'Program';
      const raw = (context.options[0] ?? {}) as Record<string, unknown>;
      // A rule with its own option parser validates what the schema cannot express.
      if (rule.parseOptions) {
        const parsed = rule.parseOptions({ ...(rule.defaultOptions as Record<string, unknown>), ...raw });
        if (typeof parsed === 'string') throw new Error(`credlint/${rule.id}: ${parsed}`);
      }
      let active = activeRules.get(sourceCode);
      if (!active) {
        active = new Set();
        activeRules.set(sourceCode, active);
      }
      active.add(rule.id);
      const enabled = active;
      // Languages differ in their column base (ESTree and credlint/infra count from 0,
      // @eslint/json and @eslint/css from 1): go through the offset and let the language's
      // own source code object say where it is.
      const locator = sourceCode as unknown as { getLocFromIndex?: (index: number) => { line: number; column: number } };
      const toLoc = (line: number, column: number): { line: number; column: number } =>
        typeof locator.getLocFromIndex === 'function' ? locator.getLocFromIndex(offsetOf(sourceCode.text, line, column)) : { line, column: column - 1 };
      return {
        [`${rootType}:exit`]() {
          const program = rootType === 'Program' && Array.isArray(root.body) && Array.isArray(root.range) ? (root as unknown as TSESTree.Program) : undefined;
          const input: ScanInput = {
            filename: context.filename,
            physicalFilename: context.physicalFilename ?? context.filename,
            cwd: context.cwd,
            text: sourceCode.text,
            ...(program ? { program } : {}),
          };
          const custom = Object.keys(raw).length > 0 ? raw : undefined;
          const { findings, errors } = findingsFor(input, [...enabled], rule.id, custom);
          // A rule that failed on this file says so (at the top of the file) instead of reporting nothing.
          for (const n of errors) {
            if (!n.message.includes(`rule ${rule.id} `)) continue;
            context.report({ loc: { start: toLoc(1, 1), end: toLoc(1, 1) }, messageId: ERROR_MESSAGE, data: { message: n.message } });
          }
          for (const f of findings) {
            if (f.suppression || f.ruleId !== rule.id) continue;
            const suggest = suggests && program ? suggestionsFor(f, program, sourceCode.text) : [];
            context.report({
              loc: { start: toLoc(f.region.startLine, f.region.startColumn), end: toLoc(f.region.endLine, f.region.endColumn) },
              messageId: f.messageId,
              data: { message: f.message },
              ...(suggest.length > 0 ? { suggest } : {}),
            });
          }
        },
      } as TSESLint.RuleListener;
    },
  });
}

/** Offset of a 1-based line/column in `text` (LF lines, as the engine counts them). */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return at + column - 1;
}

/** The suggestion for an SDK-credential finding: remove the credentials property, arguments or assignment. */
function suggestionsFor(f: Finding, program: TSESTree.Program, text: string): TSESLint.SuggestionReportDescriptor<string>[] {
  const start = offsetOf(text, f.region.startLine, f.region.startColumn);
  const slot = findSdkCredentials(program, text).find((s) => s.start === start);
  if (!slot || slot.removal.ranges.length === 0) return [];
  const ranges = slot.removal.ranges;
  return [
    {
      messageId: SUGGESTION_MESSAGE,
      data: { description: slot.removal.description },
      fix: (fixer) => ranges.map((r) => fixer.removeRange([r[0], r[1]])),
    },
  ];
}

const rules = Object.fromEntries(allRules.map((r) => [r.id, toEslintRule(r)])) as Record<string, TSESLint.RuleModule<string, Options>>;

const languages = { infra: credlintLanguage };

const SEVERITY = { error: 'error', warning: 'warn', note: 'warn' } as const;
const ruleLevels = Object.fromEntries(allRules.map((r) => [`credlint/${r.id}`, SEVERITY[r.severity]])) as TSESLint.FlatConfig.Rules;

/** Every file name ESLint's JavaScript language reads. */
export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * Infrastructure files read by the `credlint/infra` language. Kinds are still decided by
 * credlint from name and content (a YAML file may be CloudFormation, cloud-init, Kubernetes …).
 * Plain `*.json` is left to the user's JSON setup (a CloudFormation JSON template is matched by
 * its usual names); credlint rules also run on files another language parses.
 */
export const INFRA_FILES = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
  '**/*.sh',
  '**/*.bash',
  '**/*.zsh',
  '**/*.ksh',
  '**/.envrc',
  '**/*user-data*',
  '**/*user_data*',
  '**/*userdata*',
  '**/*.tf',
  '**/*.tf.json',
  '**/*.tfvars',
  '**/*.tfvars.json',
  '**/*.tofu',
  '**/*.yaml',
  '**/*.yml',
  '**/*.template',
  '**/*.template.json',
  '**/*.cfn',
  '**/*.cfn.json',
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/.aws/credentials',
  '**/.aws/config',
  '**/credentials',
  '**/.s3cfg',
  '**/.boto',
];

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  languages: typeof languages;
  configs: {
    recommended: TSESLint.FlatConfig.ConfigArray;
    javascript: TSESLint.FlatConfig.ConfigArray;
    infrastructure: TSESLint.FlatConfig.ConfigArray;
  };
}

const configs: Plugin['configs'] = { recommended: [], javascript: [], infrastructure: [] };

const plugin: Plugin = {
  meta: { name: 'credlint', version: VERSION, namespace: 'credlint' },
  rules,
  languages,
  configs,
};

const asPlugin = plugin as unknown as TSESLint.FlatConfig.Plugin;

configs.javascript.push({
  name: 'credlint/javascript',
  files: JS_FILES,
  plugins: { credlint: asPlugin },
  // @typescript-eslint/parser reads every JS and TS syntax (JSX in .js/.jsx/.tsx); a project's
  // own typescript-eslint config sets the same parser, so both combine in either order.
  languageOptions: { parser: jsParser as TSESLint.FlatConfig.Parser },
  rules: ruleLevels,
});
configs.infrastructure.push({
  name: 'credlint/infrastructure',
  files: INFRA_FILES,
  // The user-data globs must not take JS/TS modules that happen to be named so.
  ignores: JS_FILES,
  plugins: { credlint: asPlugin },
  language: 'credlint/infra',
  rules: ruleLevels,
});
configs.recommended.push(...configs.javascript, ...configs.infrastructure);

export default plugin;
export { rules, languages, configs, plugin };
export const meta = plugin.meta;
