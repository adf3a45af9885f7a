// `aws configure` used to store credentials on a machine, found in shell scripts (through the
// shared shell model), PowerShell (through the PowerShell model) and batch user data (token
// matching). Shared by
// no-aws-configure-in-bootstrap and no-credentials-in-image, which differ only in where they
// report (an image build is reported once, by the image rule).
// https://docs.aws.amazon.com/cli/latest/reference/configure/set.html
// https://docs.aws.amazon.com/cli/latest/reference/configure/import.html
import { WordsNear } from './line-keywords.js';
import type { SourceDocument } from '../engine/document.js';
import type { SecretKind } from '../rule.js';
import {
  awsInvocation,
  hasStdinInput,
  shellScript,
  type ShellCommand,
  type ShellWord,
} from '../parsers/shell.js';
import { windowsBlocks, windowsStatements, windowsWords, type WindowsWord } from '../parsers/user-data.js';
import { configureCredentialKey } from './aws-env-vars.js';
import { powerShellScripts, psResolvedCommandName, psWords, type PsWord } from '../parsers/powershell.js';

export type ConfigureForm = 'set' | 'interactive' | 'import';

export interface ConfigureUse {
  readonly form: ConfigureForm;
  /** Offsets of the token to report: the credential key of `set`, else the `configure` word. */
  readonly start: number;
  readonly end: number;
  /** `aws_secret_access_key`, `profile.ci.aws_access_key_id` … (set form). */
  readonly key?: string;
  /** How an interactive `aws configure` gets its answers: `a pipe`, `a heredoc`, `expect` … */
  readonly input?: string;
  /** The value written by `set`, when it is a literal in the document (to be masked). */
  readonly secret?: { readonly start: number; readonly end: number; readonly kind: SecretKind };
}

function inputOf(command: ShellCommand): string {
  if (command.upstream) return 'a pipe';
  for (const r of command.redirects) {
    if (r.heredoc) return 'a heredoc';
    if (r.operator === '<<<') return 'a here-string';
    if (r.operator === '<') return 'a file redirect';
  }
  return 'standard input';
}

function literalSecret(word: ShellWord | undefined, kind: SecretKind): ConfigureUse['secret'] {
  if (!word || word.kind !== 'literal' || !word.value) return undefined;
  return { start: word.contentStart, end: word.contentEnd, kind };
}

/**
 * `spawn aws configure` in an expect script (`expect -c '…'`, `expect <<EOF`, or a heredoc
 * written to a `.exp` file): the answers to the prompts are the access key pair.
 */
const EXPECT_SPAWN = /\bspawn\b[ \t]+(?:-\S+[ \t]+)*(?:\S*\/)?aws(?:\.exe)?\b[^\n;]*?\b(configure)\b[ \t]*([\w-]*)/dg;

function expectUses(text: string, offset: number, out: ConfigureUse[]): void {
  for (const m of text.matchAll(EXPECT_SPAWN)) {
    const sub = m[2] ?? '';
    if (sub !== '' && !sub.startsWith('-') && sub !== 'import') continue;
    const at = offset + (m.indices?.[1]?.[0] ?? m.index);
    out.push({ form: sub === 'import' ? 'import' : 'interactive', start: at, end: at + 'configure'.length, input: 'an expect script' });
  }
}

function shellUses(doc: SourceDocument): ConfigureUse[] {
  const script = shellScript(doc);
  if (!script) return [];
  const out: ConfigureUse[] = [];
  for (const command of script.commands) {
    const name = command.effective[0]?.value?.replace(/^.*\//, '');
    if (name === 'expect') {
      const args = command.effective;
      for (let i = 1; i < args.length; i++) {
        if (args[i]?.value === '-c') {
          const w = args[i + 1];
          if (w) expectUses(doc.text.slice(w.contentStart, w.contentEnd), w.contentStart, out);
        }
      }
    }
    for (const r of command.redirects) if (r.heredoc) expectUses(r.heredoc.body, r.heredoc.bodyStart, out);
    const aws = awsInvocation(command);
    if (!aws || aws.service?.value !== 'configure') continue;
    const service = aws.service;
    const sub = aws.args[0]?.value;
    if (sub === 'set') {
      const keyWord = aws.args[1];
      const key = keyWord?.value ?? keyWord?.loose;
      const kind = key ? configureCredentialKey(key) : undefined;
      if (!keyWord || !key || !kind) continue;
      const secret = literalSecret(aws.args[2], kind);
      out.push({ form: 'set', start: keyWord.contentStart, end: keyWord.contentEnd, key, ...(secret ? { secret } : {}) });
    } else if (sub === 'import') {
      out.push({ form: 'import', start: service.start, end: service.end });
    } else if (sub === undefined || sub.startsWith('-')) {
      // A bare `aws configure` prompts; in a script it only stores keys when something answers.
      if (hasStdinInput(command)) out.push({ form: 'interactive', start: service.start, end: service.end, input: inputOf(command) });
    }
    // Everything else (`get`, `list`, `list-profiles`, `export-credentials`, `sso` …) reads
    // settings or uses short-lived credentials, and is fine.
  }
  return out;
}

/**
 * Whether the value word of `configure set` is a literal in the file (then it is the secret:
 * recorded, so the generic key rules yield to this finding and every output masks it). A
 * PowerShell word says so itself (`'…'`, and `"…"` without `$` — backtick escapes are
 * literal); a batch word is literal unless it expands `%VAR%` or `!VAR!`, quoted or not.
 */
function literalValue(word: WindowsWord | PsWord): boolean {
  if ('literal' in word) return word.literal && word.value !== '' && !word.value.startsWith('(');
  return word.value !== '' && !/[%!]/.test(word.value) && !word.value.startsWith('$') && !word.value.startsWith('(');
}

const AWS_EXE = /^(?:.*[\\/])?aws(?:\.exe|\.cmd)?$/i;
const GLOBAL_WITH_VALUE = /^--(?:profile|region|output|endpoint-url|query|color|ca-bundle|cli-read-timeout|cli-connect-timeout|cli-binary-format)$/i;

/** `aws configure …` in one command line's words (`aws` first); `piped` when something feeds it stdin. */
function configureInWords(words: readonly (WindowsWord | PsWord)[], piped: boolean, out: ConfigureUse[]): void {
  let j = 1;
  while (j < words.length && (words[j] as WindowsWord).value.startsWith('-')) j += GLOBAL_WITH_VALUE.test((words[j] as WindowsWord).value) ? 2 : 1;
  const service = words[j];
  if (!service || service.value.toLowerCase() !== 'configure') return;
  const rest = words.slice(j + 1).filter((w, k, all) => !(GLOBAL_WITH_VALUE.test(w.value) || (k > 0 && GLOBAL_WITH_VALUE.test(all[k - 1]?.value ?? ''))));
  const sub = rest[0]?.value.toLowerCase();
  if (sub === 'set') {
    const keyWord = rest[1];
    const kind = keyWord ? configureCredentialKey(keyWord.value) : undefined;
    if (!keyWord || !kind) return;
    const valueWord = rest[2];
    const secret = valueWord && literalValue(valueWord) ? { start: valueWord.contentStart, end: valueWord.contentEnd, kind } : undefined;
    out.push({ form: 'set', start: keyWord.contentStart, end: keyWord.contentEnd, key: keyWord.value, ...(secret ? { secret } : {}) });
  } else if (sub === 'import') {
    out.push({ form: 'import', start: service.start, end: service.end });
  } else if ((sub === undefined || sub.startsWith('-')) && piped) {
    out.push({ form: 'interactive', start: service.start, end: service.end, input: 'a pipe' });
  }
}

/** `aws configure …` in PowerShell, through the PowerShell model (`& "C:\…\aws.exe" configure set k v` too). */
function powerShellUses(doc: SourceDocument): ConfigureUse[] {
  const out: ConfigureUse[] = [];
  for (const script of powerShellScripts(doc)) {
    for (const command of script.commands) {
      if (psResolvedCommandName(script, command) !== 'aws') continue;
      const words = psWords(command, doc.text);
      // A here-string or array piped in answers the prompts.
      configureInWords(words, command.upstream !== undefined, out);
    }
  }
  return out;
}

/** `aws configure set …` in batch, by token matching. */
function windowsUses(doc: SourceDocument): ConfigureUse[] {
  const out: ConfigureUse[] = [];
  for (const block of windowsBlocks(doc)) {
    if (block.language !== 'cmd') continue;
    for (const statement of windowsStatements(doc, block)) {
      if (!/configure/i.test(statement.text)) continue;
      const words = windowsWords(statement);
      for (let i = 0; i < words.length; i++) {
        if (!AWS_EXE.test((words[i] as WindowsWord).value)) continue;
        let j = i + 1;
        while (j < words.length && (words[j] as WindowsWord).value.startsWith('-')) j += GLOBAL_WITH_VALUE.test((words[j] as WindowsWord).value) ? 2 : 1;
        const service = words[j];
        if (!service || service.value.toLowerCase() !== 'configure') continue;
        const rest = words.slice(j + 1).filter((w, k, all) => !(GLOBAL_WITH_VALUE.test(w.value) || (k > 0 && GLOBAL_WITH_VALUE.test(all[k - 1]?.value ?? ''))));
        const sub = rest[0]?.value.toLowerCase();
        if (sub === 'set') {
          const keyWord = rest[1];
          const kind = keyWord ? configureCredentialKey(keyWord.value) : undefined;
          if (!keyWord || !kind) continue;
          const valueWord = rest[2];
          const secret = valueWord && literalValue(valueWord) ? { start: valueWord.contentStart, end: valueWord.contentEnd, kind } : undefined;
          out.push({ form: 'set', start: keyWord.contentStart, end: keyWord.contentEnd, key: keyWord.value, ...(secret ? { secret } : {}) });
        } else if (sub === 'import') {
          out.push({ form: 'import', start: service.start, end: service.end });
        } else if ((sub === undefined || sub.startsWith('-')) && /\|\s*(?:&\s*)?(?:"[^"]*"|'[^']*'|\S+)\s+(?:--\S+\s+\S+\s+)*configure\b/i.test(statement.text.slice(0, service.end - statement.start))) {
          out.push({ form: 'interactive', start: service.start, end: service.end, input: 'a pipe' });
        }
      }
    }
  }
  return out;
}

/** Every `aws configure` use that stores credentials in a document (shell or Windows script). */
export function findConfigureCredentialUses(doc: SourceDocument): ConfigureUse[] {
  const uses = [...shellUses(doc), ...powerShellUses(doc), ...windowsUses(doc)];
  const seen = new Set<number>();
  return uses.filter((u) => (seen.has(u.start) ? false : (seen.add(u.start), true)));
}

/**
 * Source of the pre-filter: an `aws` word with `configure` after it on the same logical line
 * (global options and `\`, backtick or `^` line continuations may sit between). A bare
 * `configure` would send every autoconf build (`./configure && make`) through a shell parse
 * for nothing.
 */
export const CONFIGURE_KEYWORD_SOURCE = String.raw`\baws(?:\.exe|\.cmd)?\b(?:[^\n]|[\\\x60^]\r?\n){0,400}?\bconfigure\b`;

/**
 * Cheap pre-filter for documents that may hold such a use: CONFIGURE_KEYWORD_SOURCE, run in
 * one linear pass (the regex itself costs 400 steps at every `aws` word).
 */
export const CONFIGURE_KEYWORDS: RegExp = new WordsNear(/\baws(?:\.exe|\.cmd)?\b/, /\bconfigure\b/, 400, '\\`^', CONFIGURE_KEYWORD_SOURCE);
