// Scripts a bootstrap script runs or dot-sources from next to itself (`. .\aws-setup.ps1`,
// `& "$PSScriptRoot\creds.ps1"`, `powershell -File setup.ps1`, `source ./env.sh`, `bash
// lib/keys.sh`): they run during bootstrap too, but their own path (`lib/keys.sh`) rarely says
// so. Each is handed to the rules as a virtual document of the calling script whose text is the
// called file's and whose findings are reported at the call (the payload is assembled there,
// as for Terraform `file()`).
//
// A called file whose own path already makes it a bootstrap script is left to its own scan
// (one defect, one finding). Only files on disk next to a document on disk are read.
import { dirname, posix, resolve as resolvePath } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { SourceDocument } from '../engine/document.js';
import { classifyFile } from '../kinds.js';
import { isBootstrapContext } from '../parsers/user-data.js';
import { commandName, shellScript, type ShellWord } from '../parsers/shell.js';
import { isDotSourced, powerShellScripts, psCommandName, psCommandWord, psParameter, isToken, type PsElement } from '../parsers/powershell.js';
import { documentFromPieces } from './documents.js';
import type { Extractor } from './types.js';

const MAX_BYTES = 1024 * 1024;

const calledDocuments = new WeakSet<SourceDocument>();

/**
 * Whether a document is a called script read from disk by this extractor. Rules that report
 * outside bootstrap contexts as well (aws configure, IMDSv1) skip these: the called file's own
 * scan reports the same defect at its own line, and once is enough.
 */
export function isCalledScriptDocument(doc: SourceDocument): boolean {
  return calledDocuments.has(doc);
}

/** A call target as a path relative to the calling script, or undefined when it is computed. */
function relativeTarget(raw: string): string | undefined {
  let p = raw.trim().replace(/^["']|["']$/g, '');
  p = p.replace(/^(?:\$PSScriptRoot|\$\{PSScriptRoot\}|\$\(\s*Split-Path\s+-Parent\s+\$MyInvocation\.MyCommand\.Path\s*\)|\$\(dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\}|BASH_SOURCE)"?\)|\$\{0%\/\*\}|\$\{BASH_SOURCE%\/\*\})[\\/]/i, './');
  if (p === '' || /[$`%*?]/.test(p) || /^(?:[A-Za-z]:|\\\\|\/)/.test(p)) return undefined;
  return p.replace(/\\/g, '/');
}

interface Call {
  readonly target: string;
  readonly start: number;
  readonly end: number;
}

function powerShellCalls(doc: SourceDocument): Call[] {
  const out: Call[] = [];
  for (const script of powerShellScripts(doc)) {
    for (const command of script.commands) {
      const name = psCommandName(command);
      const word = psCommandWord(command);
      let target: PsElement | undefined;
      if (name && /^(?:powershell|pwsh)$/.test(name)) target = psParameter(command, /^-(?:File|f)$/i)?.value;
      else if (word && (isDotSourced(command) || /\.ps1$/i.test(word.value ?? word.loose))) target = word;
      if (!target || !isToken(target)) continue;
      const rel = relativeTarget(target.value ?? target.loose);
      if (rel && /\.ps1$/i.test(rel)) out.push({ target: rel, start: target.contentStart, end: target.contentEnd });
    }
  }
  return out;
}

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh']);

function shellCalls(doc: SourceDocument): Call[] {
  const script = shellScript(doc);
  if (!script) return [];
  const out: Call[] = [];
  for (const command of script.commands) {
    if (command.nesting > 0) continue;
    const name = commandName(command);
    const words = command.effective;
    let target: ShellWord | undefined;
    if (name === '.' || name === 'source') target = words[1];
    else if (name !== undefined && SHELLS.has(name)) target = words.slice(1).find((w) => !(w.value ?? w.loose).startsWith('-'));
    else if (/^\.{1,2}\//.test(words[0]?.value ?? '')) target = words[0];
    if (!target) continue;
    const rel = relativeTarget(target.value ?? target.loose);
    if (rel) out.push({ target: rel, start: target.contentStart, end: target.contentEnd });
  }
  return out;
}

export const calledScriptExtractor: Extractor = {
  name: 'called scripts',
  kinds: ['shell', 'powershell', 'user-data'],
  keywords: /(?:^|[\s;&|(])(?:\.|source|bash|sh|&|powershell(?:\.exe)?|pwsh)\s+\S|\.(?:ps1|sh)\b/m,
  produces: ['shell', 'powershell'],
  // Reads the called files from disk next to a file on disk: never a copy, never nested.
  filesOnly: true,
  extract(doc) {
    if (doc.depth !== 0 || !doc.absPath || !isBootstrapContext(doc)) return [];
    const dir = dirname(doc.absPath);
    const out: SourceDocument[] = [];
    const seen = new Set<string>();
    for (const call of [...powerShellCalls(doc), ...shellCalls(doc)]) {
      const full = resolvePath(dir, call.target);
      if (full === doc.absPath || seen.has(full)) continue;
      seen.add(full);
      let text: string;
      try {
        if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size > MAX_BYTES) continue;
        text = readFileSync(full, 'utf8');
      } catch {
        continue;
      }
      const kind = classifyFile(call.target, text.slice(0, 16384));
      if (kind !== 'shell' && kind !== 'powershell') continue;
      // Its own scan already treats it as bootstrap: reporting it here too would say it twice.
      const own = { ...doc, path: posix.normalize(posix.join(posix.dirname(doc.path), call.target)), kind, host: undefined, bootstrap: false } as SourceDocument;
      if (isBootstrapContext(own)) continue;
      const called = documentFromPieces(doc, [{ text, start: call.start, end: call.end, verbatim: false }], { kind, label: `script called: ${call.target}`, bootstrap: true });
      calledDocuments.add(called);
      out.push(called);
    }
    return out;
  },
};
