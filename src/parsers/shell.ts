// POSIX shell / bash, parsed with tree-sitter-bash into a small positional model that every
// rule shares: simple commands (name, arguments, prefix assignments, redirections, the
// command feeding them through a pipe), variable assignments (`X=…`, `export`, `declare -x`,
// `env X=…`), file writes (`>`, `>>`, `tee`, `cp`, heredocs) and nested scripts (`bash -c '…'`,
// `su - user -c "…"`, `sudo -u user bash <<'EOF'`), all with offsets into the document text.
//
// Why a model instead of handing out the tree: web-tree-sitter trees live in WASM memory and
// must be freed with tree.delete(); a WeakMap cannot do that when a document is collected.
// So each document is parsed once, walked once into plain objects cached by SourceDocument,
// and its tree is freed straight away. Cost: one parse (~3–5 MB/s) plus one linear walk,
// paid only by documents that pass a rule's keyword pre-filter.
//
// A malformed script still yields every command tree-sitter recovered around its ERROR nodes;
// nothing here throws for bad input.
import type { Node, TreeCursor } from 'web-tree-sitter';
import type { SourceDocument } from '../engine/document.js';
import { getParser } from './tree-sitter.js';
import { userDataFormat } from './user-data.js';

/** How a word's value is known statically. */
export type WordKind = 'literal' | 'expansion' | 'command-substitution';

export interface ShellSubstitution {
  /** Source text of the command inside `$(…)` / backticks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One shell word (a command name, an argument, an assignment value). Offsets are document offsets. */
export interface ShellWord {
  /** Raw source text, quotes included. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The unquoted value when it is fully static (no expansion), else undefined. */
  readonly value: string | undefined;
  /** Raw text with quote characters removed: for pattern matching on dynamic words (`"$HOME/.aws/x"`). */
  readonly loose: string;
  readonly kind: WordKind;
  /** Variables expanded in the word (`$X`, `${X:-d}` → `X`). */
  readonly variables: readonly string[];
  readonly substitutions: readonly ShellSubstitution[];
  /** Offsets of the content without the surrounding quotes of a single quoted/raw string. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export interface ShellHeredoc {
  readonly delimiter: string;
  /** `<<'EOF'` / `<<"EOF"`: the body is not expanded. */
  readonly quoted: boolean;
  readonly body: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `&>`, `>|`, `<<`, `<<-`, `<<<` … */
  readonly operator: string;
  readonly target?: ShellWord;
  readonly heredoc?: ShellHeredoc;
  readonly start: number;
  readonly end: number;
}

export type AssignmentVia = 'assignment' | 'export' | 'declare' | 'local' | 'readonly' | 'prefix' | 'env';

export interface ShellAssignment {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Undefined for `export X` / `declare -x X` without a value. */
  readonly value: ShellWord | undefined;
  readonly via: AssignmentVia;
  /** Visible to child processes (`export`, `declare -x`, prefix or `env` assignments). */
  readonly exported: boolean;
  readonly start: number;
}

export interface ShellCommand {
  /** The command as written, wrappers included: `[sudo, -u, ec2-user, aws, configure]`. */
  readonly argv: readonly ShellWord[];
  /** argv after wrappers (`sudo`, `env`, `nohup`, `time`, `timeout 5` …): `[aws, configure]`. */
  readonly effective: readonly ShellWord[];
  /** Prefix assignments (`X=1 cmd`) and `env X=1 cmd` / `sudo X=1 cmd` assignments. */
  readonly assignments: readonly ShellAssignment[];
  /** Redirections of the statement this command is the body of (or the last stage of). */
  readonly redirects: readonly ShellRedirect[];
  /** The command before it in a pipeline (`echo … | aws configure`). */
  readonly upstream: ShellCommand | undefined;
  readonly start: number;
  readonly end: number;
  /** 0 for the document's own commands; 1+ inside `bash -c '…'`, `su -c "…"`, a heredoc fed to a shell. */
  readonly nesting: number;
}

export interface ShellScript {
  readonly commands: readonly ShellCommand[];
  readonly assignments: readonly ShellAssignment[];
  /** Writes by compound statements (`{ echo a; echo b; } > f`), whose content is the statement's text. */
  readonly statementWrites: readonly FileWrite[];
  /** True when tree-sitter had to recover from syntax errors somewhere. */
  readonly hasErrors: boolean;
}

export interface FileWrite {
  /** The written path as a word (its `loose` text is what patterns should match). */
  readonly target: ShellWord;
  /** What is written when it can be seen (echo/printf arguments, a heredoc body); undefined for copies. */
  readonly content: string | undefined;
  readonly via: 'redirect' | 'tee' | 'copy';
  readonly command: ShellCommand | undefined;
}

const MAX_NESTING = 3;
/** Node types the walk reads; every other node is only passed over by the cursor. */
const INTERESTING = new Set(['command', 'declaration_command', 'variable_assignment', 'variable_assignments', 'redirected_statement']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'busybox']);

// ---------------------------------------------------------------------------------------
// Document gate and cache

const cache = new WeakMap<SourceDocument, ShellScript | null>();

/**
 * Whether a document holds a POSIX shell script: `shell` documents, shell-script user data
 * (not MIME multipart, `#cloud-config` or Windows blocks) and `#cloud-boothook` payloads.
 */
export function isShellDocument(doc: SourceDocument): boolean {
  if (doc.kind === 'shell') return doc.language !== 'powershell' && doc.language !== 'cmd';
  if (doc.kind === 'user-data') {
    const format = userDataFormat(doc.text);
    return format === 'shell' || format === 'boothook';
  }
  if (doc.kind === 'cloud-init') return userDataFormat(doc.text) === 'boothook';
  return false;
}

/** The parsed model of a shell document, computed once per document; undefined when it is not shell. */
export function shellScript(doc: SourceDocument): ShellScript | undefined {
  const cached = cache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const script = isShellDocument(doc) ? parseShell(doc.text) : null;
  cache.set(doc, script);
  return script ?? undefined;
}

/** Parses shell source into the model; never throws for bad input. */
export function parseShell(text: string): ShellScript {
  const source = neutralizeTemplateInterpolations(text);
  const builder = new ModelBuilder(source);
  builder.parseRange(source, 0, 0);
  return builder.finish();
}

/**
 * User data is often a template (Terraform `templatefile`, heredocs with `${var.x}`,
 * `${lookup(m, "k")}`): those interpolations are not valid bash, and tree-sitter's error
 * recovery would swallow the statements around them. Rewrites each to a same-length bash
 * expansion (`${var.key}` → `${var_key}`) so every offset stays exact and the value reads as
 * an expansion of a variable the script never assigns — which is what it is.
 */
export function neutralizeTemplateInterpolations(text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*[.(][^{}$`\n]*)\}/g, (_m, inner: string) => `\${${inner.replace(/[^A-Za-z0-9_]/g, '_')}}`);
}

// ---------------------------------------------------------------------------------------
// Words

const EXPANSION_TYPES = new Set(['simple_expansion', 'expansion']);
const SUBSTITUTION_TYPES = new Set(['command_substitution', 'process_substitution']);

function unescapeWord(raw: string): string {
  return raw.replace(/\\(.)/gs, (_m, c: string) => (c === '\n' ? '' : c));
}

function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

function decodeAnsiC(raw: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, c: string) => {
    if (c.startsWith('x')) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return map[c] ?? c;
  });
}

/**
 * A `word`/`number` node: no children to visit. This is the vast majority of words, so it is
 * built from the raw text alone (no Node object, no WASM call) and avoids regexes when it can.
 */
function plainWord(raw: string, start: number): ShellWord {
  return {
    text: raw,
    start,
    end: start + raw.length,
    value: raw.includes('\\') ? unescapeWord(raw) : raw,
    loose: raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, '') : raw,
    kind: 'literal',
    variables: [],
    substitutions: [],
    contentStart: start,
    contentEnd: start + raw.length,
  };
}

/** Builds a ShellWord from a tree-sitter node; `base` shifts offsets of nested parses. */
function wordOf(node: Node, base: number, source?: string): ShellWord {
  const type = node.type;
  if (type === 'word' || type === 'number') {
    return plainWord(source !== undefined ? source.slice(node.startIndex, node.endIndex) : node.text, node.startIndex + base);
  }
  const variables: string[] = [];
  const substitutions: ShellSubstitution[] = [];
  let hasExpansion = false;
  let hasSubstitution = false;

  // Static value, or undefined as soon as any part is dynamic. Explicit stack: words are small,
  // but a pathological concatenation must not recurse deeply.
  const staticValue = (n: Node): string | undefined => {
    switch (n.type) {
      case 'word':
      case 'number':
      case 'command_name':
        if (n.type === 'command_name' && n.namedChildCount === 1) return staticValue(n.namedChild(0) as Node);
        if (n.namedChildCount > 0) return partsValue(n);
        return unescapeWord(n.text);
      case 'raw_string':
        return n.text.slice(1, -1);
      case 'ansi_c_string':
        return decodeAnsiC(n.text.slice(2, -1));
      case 'string':
      case 'translated_string': {
        let out = '';
        for (const child of n.namedChildren) {
          if (!child) continue;
          if (child.type === 'string_content') out += unescapeDoubleQuoted(child.text);
          else if (child.type === 'string') {
            const inner = staticValue(child);
            if (inner === undefined) return undefined;
            out += inner;
          } else return undefined;
        }
        return out;
      }
      case 'concatenation':
        return partsValue(n);
      default:
        return undefined;
    }
  };
  const partsValue = (n: Node): string | undefined => {
    let out = '';
    let cursor = n.startIndex;
    for (const child of n.namedChildren) {
      if (!child) continue;
      // Unnamed text between named parts (e.g. `a` in `a$b` is sometimes anonymous).
      if (child.startIndex > cursor) out += unescapeWord(n.text.slice(cursor - n.startIndex, child.startIndex - n.startIndex));
      const v = staticValue(child);
      if (v === undefined) return undefined;
      out += v;
      cursor = child.endIndex;
    }
    if (cursor < n.endIndex) out += unescapeWord(n.text.slice(cursor - n.startIndex));
    return out;
  };

  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (EXPANSION_TYPES.has(n.type)) {
      hasExpansion = true;
      const name = n.namedChildren.find((c) => c?.type === 'variable_name' || c?.type === 'special_variable_name');
      if (name) variables.push(name.text);
    } else if (SUBSTITUTION_TYPES.has(n.type)) {
      hasSubstitution = true;
      const open = n.text.startsWith('$(') || n.text.startsWith('<(') || n.text.startsWith('>(') ? 2 : 1;
      substitutions.push({ text: n.text.slice(open, -1), start: n.startIndex + base + open, end: n.endIndex + base - 1 });
      continue;
    } else if (n.type === 'arithmetic_expansion') {
      hasExpansion = true;
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  // Backticks are parsed as command_substitution too; `$'…'` and plain words are literal.
  const value = hasExpansion || hasSubstitution ? undefined : staticValue(node);
  const text = node.text;
  const quoted = node.type === 'raw_string' || node.type === 'string';
  return {
    text,
    start: node.startIndex + base,
    end: node.endIndex + base,
    value,
    loose: text.replace(/["']/g, ''),
    kind: hasSubstitution ? 'command-substitution' : hasExpansion || value === undefined ? 'expansion' : 'literal',
    variables,
    substitutions,
    contentStart: node.startIndex + base + (quoted ? 1 : 0),
    contentEnd: node.endIndex + base - (quoted && text.length >= 2 ? 1 : 0),
  };
}


// ---------------------------------------------------------------------------------------
// Wrappers: commands that run another command with its arguments.

/** Options taking a value, per wrapper. */
const WRAPPER_VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-T', '-U', '--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type', '--command-timeout', '--other-user']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '-n', '-p', '--class', '--classdata']),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '--signal', '-k', '--kill-after']),
  runuser: new Set(['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment']),
  exec: new Set(['-a']),
  chroot: new Set(['--userspec', '--groups']),
  setpriv: new Set([]),
  nohup: new Set([]),
  time: new Set(['-f', '--format', '-o', '--output']),
  command: new Set([]),
  builtin: new Set([]),
  setsid: new Set([]),
  unbuffer: new Set([]),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-lines', '--max-chars']),
};

function baseCommandName(word: ShellWord | undefined): string | undefined {
  const value = word?.value;
  if (value === undefined) return undefined;
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}

const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function assignmentFromWord(word: ShellWord, via: AssignmentVia): ShellAssignment | undefined {
  const m = ASSIGNMENT_WORD.exec(word.loose);
  if (!m) return undefined;
  const name = m[1] as string;
  // Locate the name in the raw text (it may sit after an opening quote: `"X=1"`).
  const at = word.text.indexOf(name);
  const nameStart = word.start + Math.max(0, at);
  const valueStart = nameStart + name.length + 1;
  const rawValue = word.text.slice(valueStart - word.start);
  const valueText = rawValue.replace(/^["']|["']$/g, '');
  const value: ShellWord = {
    text: rawValue,
    start: valueStart,
    end: word.end,
    value: word.value === undefined ? undefined : word.value.slice(name.length + 1),
    loose: valueText,
    kind: word.kind,
    variables: word.variables,
    substitutions: word.substitutions,
    contentStart: valueStart + (/^["']/.test(rawValue) ? 1 : 0),
    contentEnd: word.end - (/["']$/.test(rawValue) && rawValue.length > 1 ? 1 : 0),
  };
  return { name, nameStart, nameEnd: nameStart + name.length, value, via, exported: true, start: word.start };
}

/** Strips wrappers (`sudo -u x`, `env A=1`, `nohup`, `timeout 5s` …) off an argv; returns the rest and env assignments. */
export function unwrapCommand(argv: readonly ShellWord[]): { effective: ShellWord[]; assignments: ShellAssignment[] } {
  let words = [...argv];
  const assignments: ShellAssignment[] = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = baseCommandName(words[0]);
    if (name === undefined || !(name in WRAPPER_VALUE_OPTIONS)) break;
    const valueOptions = WRAPPER_VALUE_OPTIONS[name] as ReadonlySet<string>;
    let i = 1;
    while (i < words.length) {
      const w = words[i] as ShellWord;
      const v = w.value ?? w.loose;
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' || name === 'sudo' || name === 'doas') {
        const a = assignmentFromWord(w, 'env');
        if (a && !v.startsWith('-')) {
          assignments.push(a);
          i++;
          continue;
        }
      }
      if (!v.startsWith('-') || v === '-') break;
      if (valueOptions.has(v) || (/^-[a-zA-Z]$/.test(v) && valueOptions.has(v))) i += 2;
      else i++;
    }
    // `timeout 5s cmd`, `chroot /mnt cmd`, `nice 10 cmd` (obsolete form): one positional first.
    if ((name === 'timeout' || name === 'chroot') && i < words.length) i++;
    // `sudo -i` / `sudo -s` without a command, `sudo su - user`: nothing left to unwrap here.
    words = words.slice(i);
  }
  return { effective: words, assignments };
}

// ---------------------------------------------------------------------------------------
// The walk

/** Where the walk found a command: its parse and the types of its parent and grandparent. */
interface CommandSite {
  base: number;
  nesting: number;
  /** The parsed source (the document text, or a nested script's text). */
  source: string;
  /** Types of the parent and grandparent nodes, read from the cursor's path (saves WASM calls). */
  parentType: string | undefined;
  grandparentType: string | undefined;
}

class ModelBuilder {
  private readonly commands: ShellCommand[] = [];
  private readonly assignments: ShellAssignment[] = [];
  private readonly statementWrites: FileWrite[] = [];
  private hasErrors = false;
  /** Commands by their start index in the current parse, to link pipeline stages. */
  private byNode = new Map<number, ShellCommand>();

  constructor(private readonly text: string) {}

  finish(): ShellScript {
    this.commands.sort((a, b) => a.start - b.start);
    this.assignments.sort((a, b) => a.start - b.start);
    return { commands: this.commands, assignments: this.assignments, statementWrites: this.statementWrites, hasErrors: this.hasErrors };
  }

  /** Parses `source` (located at document offset `base`) and adds its commands. */
  parseRange(source: string, base: number, nesting: number): void {
    let tree;
    try {
      tree = getParser('bash').parse(source);
    } catch {
      this.hasErrors = true;
      return;
    }
    if (!tree) {
      this.hasErrors = true;
      return;
    }
    try {
      this.byNode = new Map();
      this.walk(tree.rootNode, base, nesting, source);
    } finally {
      tree.delete();
    }
  }

  private walk(root: Node, base: number, nesting: number, source: string): void {
    if (root.hasError) this.hasErrors = true;
    // A TreeCursor visits every node without materialising it (a Node object per node costs a
    // WASM round trip and an allocation); only the few node types the model needs are read.
    // Commands are built as the cursor meets them, in pre-order, so a pipeline's earlier stage
    // (always met first) exists when a later stage links to it.
    const cursor = root.walk();
    // Types of the nodes on the path from the root to the cursor (excluding the cursor's own).
    const path: string[] = [];
    try {
      for (;;) {
        const type = cursor.nodeType;
        if (type === 'command') {
          this.command(cursor, { base, nesting, source, parentType: path[path.length - 1], grandparentType: path[path.length - 2] });
        } else if (INTERESTING.has(type)) this.visit(cursor.currentNode, base);
        if (cursor.gotoFirstChild()) {
          path.push(type);
          continue;
        }
        let more = false;
        while (!(more = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) break;
          path.pop();
        }
        if (!more) break;
      }
    } finally {
      cursor.delete();
    }
  }

  private visit(node: Node, base: number): void {
    switch (node.type) {
      case 'declaration_command':
        this.declaration(node, base);
        break;
      case 'variable_assignment': {
        // Only bare statements here; prefix and declaration assignments are handled by their parent.
        const parent = node.parent?.type;
        if (parent !== 'command' && parent !== 'declaration_command' && parent !== 'variable_assignments') {
          this.assignment(node, base, 'assignment', false);
        }
        break;
      }
      case 'variable_assignments':
        for (const c of node.namedChildren) if (c?.type === 'variable_assignment') this.assignment(c, base, 'assignment', false);
        break;
      case 'redirected_statement': {
        const body = node.childForFieldName('body');
        if (body && body.type !== 'command') {
          for (const r of node.childrenForFieldName('redirect')) {
            if (!r) continue;
            for (const redirect of this.redirect(r, base)) {
              if (redirect.target && isWriteOperator(redirect.operator)) {
                this.statementWrites.push({ target: redirect.target, content: body.text, via: 'redirect', command: undefined });
              }
            }
          }
        }
        break;
      }
      default:
        break;
    }
  }

  private declaration(node: Node, base: number): void {
    const keyword = node.child(0)?.text ?? '';
    let via: AssignmentVia = 'declare';
    let exported = false;
    if (keyword === 'export') {
      via = 'export';
      exported = true;
    } else if (keyword === 'local') via = 'local';
    else if (keyword === 'readonly') via = 'readonly';
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'word' && /^-[a-zA-Z]*x/.test(c.text)) exported = true;
    }
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'variable_assignment') this.assignment(c, base, via, exported);
      else if (c.type === 'variable_name') {
        this.assignments.push({ name: c.text, nameStart: c.startIndex + base, nameEnd: c.endIndex + base, value: undefined, via, exported, start: c.startIndex + base });
      }
    }
  }

  private assignment(node: Node, base: number, via: AssignmentVia, exported: boolean): ShellAssignment | undefined {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return undefined;
    const valueNode = node.childForFieldName('value');
    // `X[0]=…` subscripts name the array; take the variable name.
    const name = nameNode.type === 'subscript' ? (nameNode.namedChild(0)?.text ?? nameNode.text) : nameNode.text;
    const a: ShellAssignment = {
      name,
      nameStart: nameNode.startIndex + base,
      nameEnd: nameNode.startIndex + base + name.length,
      value: valueNode ? wordOf(valueNode, base) : undefined,
      via,
      exported,
      start: node.startIndex + base,
    };
    this.assignments.push(a);
    return a;
  }

  /** Builds the command under `cursor` (left where it was found, so the walk goes on from there). */
  private command(cursor: TreeCursor, site: CommandSite): void {
    const { base, nesting, source } = site;
    const linked = (t: string | undefined) => t === 'pipeline' || t === 'heredoc_redirect';
    const inStatement = site.parentType === 'redirected_statement';
    const inPipe = linked(site.parentType) || (inStatement && linked(site.grandparentType));
    // A Node object only where the surroundings must be read (statement redirects, pipe links).
    const node = inStatement || inPipe ? cursor.currentNode : undefined;
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    const argv: ShellWord[] = [];
    const prefix: ShellAssignment[] = [];
    const redirects: ShellRedirect[] = [];
    if (cursor.gotoFirstChild()) {
      do {
        const type = cursor.nodeType;
        const field = cursor.currentFieldName;
        if (type === 'variable_assignment') {
          const a = this.assignment(cursor.currentNode, base, 'prefix', true);
          if (a) prefix.push(a);
        } else if (field === 'name' || field === 'argument') {
          if (type === 'word' || type === 'number') {
            argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
          } else if (type === 'command_name' && cursor.gotoFirstChild()) {
            // command_name wraps one word (or a string); read a plain word straight from the cursor.
            const inner = cursor.nodeType;
            const single = !cursor.gotoNextSibling();
            if (!single) cursor.gotoPreviousSibling();
            const simple = single && inner === 'word';
            if (simple) argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
            cursor.gotoParent();
            if (!simple) argv.push(wordOf(cursor.currentNode, base, source));
          } else {
            argv.push(wordOf(cursor.currentNode, base, source));
          }
        } else if (field === 'redirect' || type.endsWith('_redirect')) {
          redirects.push(...this.redirect(cursor.currentNode, base));
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    // Redirections written after the command belong to the enclosing redirected_statement.
    const statement = inStatement && node ? enclosingStatement(node) : undefined;
    if (statement) {
      for (const r of statement.childrenForFieldName('redirect')) if (r) redirects.push(...this.redirect(r, base));
    }
    const { effective, assignments } = unwrapCommand(argv);
    for (const a of assignments) this.assignments.push(a);
    // Only commands inside a pipeline (or a heredoc redirect holding one) can have an upstream.
    const upstream = inPipe && node ? this.upstreamOf(node) : undefined;
    const command: ShellCommand = {
      argv,
      effective,
      assignments: [...prefix, ...assignments],
      redirects,
      upstream,
      start: startIndex + base,
      end: endIndex + base,
      nesting,
    };
    this.commands.push(command);
    this.byNode.set(startIndex, command);
    if (nesting < MAX_NESTING) this.nestedScripts(command, nesting);
  }

  private redirect(node: Node, base: number): ShellRedirect[] {
    const start = node.startIndex + base;
    const end = node.endIndex + base;
    if (node.type === 'heredoc_redirect') {
      const startNode = node.namedChildren.find((c) => c?.type === 'heredoc_start');
      const body = node.namedChildren.find((c) => c?.type === 'heredoc_body');
      const op = node.child(0)?.text ?? '<<';
      const delimiterRaw = startNode?.text ?? '';
      const heredoc: ShellHeredoc = {
        delimiter: delimiterRaw.replace(/["'\\]/g, ''),
        quoted: /["'\\]/.test(delimiterRaw),
        body: body ? body.text : '',
        bodyStart: (body ? body.startIndex : node.endIndex) + base,
        bodyEnd: (body ? body.endIndex : node.endIndex) + base,
      };
      // tree-sitter-bash nests redirections written after the delimiter (`cat <<EOF > f`)
      // inside the heredoc redirect.
      const nested = node.childrenForFieldName('redirect').flatMap((r) => (r ? this.redirect(r, base) : []));
      return [{ operator: op, heredoc, start, end }, ...nested];
    }
    if (node.type === 'herestring_redirect') {
      const target = node.namedChildren.find((c) => c !== null);
      return [{ operator: '<<<', ...(target ? { target: wordOf(target, base) } : {}), start, end }];
    }
    if (node.type === 'file_redirect') {
      // `2> f` carries its descriptor as a named child: keep it so stderr redirects are not writes.
      let operator = node.namedChildren.find((c) => c?.type === 'file_descriptor')?.text ?? '';
      for (let i = 0; i < node.childCount; i++) {
        const c = node.child(i);
        if (c && !c.isNamed) operator += c.text;
      }
      const dest = node.childForFieldName('destination') ?? node.namedChildren.filter((c) => c?.type !== 'file_descriptor').at(-1) ?? null;
      return [{ operator: operator || '>', ...(dest ? { target: wordOf(dest, base) } : {}), start, end }];
    }
    return [];
  }

  /** The command feeding `node` through a pipe, if any. */
  private upstreamOf(node: Node): ShellCommand | undefined {
    // Climb to the direct child of a pipeline (a command may be wrapped in redirected_statement).
    let stage: Node = node;
    let parent = node.parent;
    while (parent && parent.type === 'redirected_statement' && parent.childForFieldName('body')?.id === stage.id) {
      stage = parent;
      parent = parent.parent;
    }
    if (!parent) return undefined;
    if (parent.type === 'pipeline') {
      const stages = parent.namedChildren.filter((c): c is Node => c !== null);
      const index = stages.findIndex((c) => c.id === stage.id);
      if (index > 0) return this.lastCommandIn(stages[index - 1] as Node);
      // `cat <<EOF | tee f`: tree-sitter-bash nests the rest of the pipeline inside the
      // heredoc redirect, so the first stage's upstream is the heredoc's command.
      if (index === 0 && parent.parent?.type === 'heredoc_redirect') return this.heredocOwner(parent.parent);
      return undefined;
    }
    if (parent.type === 'heredoc_redirect') {
      // `cat <<EOF | tee f` vs `cat <<EOF && next`: only a pipe operator makes it an upstream.
      let operator: string | undefined;
      for (let i = 0; i < parent.childCount; i++) {
        const c = parent.child(i);
        if (!c) continue;
        if (c.id === stage.id) break;
        if (!c.isNamed) operator = c.text;
      }
      return operator === '|' || operator === '|&' ? this.heredocOwner(parent) : undefined;
    }
    return undefined;
  }

  private heredocOwner(heredoc: Node): ShellCommand | undefined {
    const statement = heredoc.parent;
    const body = statement?.type === 'redirected_statement' ? statement.childForFieldName('body') : null;
    return body ? this.lastCommandIn(body) : undefined;
  }

  private lastCommandIn(node: Node): ShellCommand | undefined {
    if (node.type === 'command') return this.byNode.get(node.startIndex);
    const body = node.type === 'redirected_statement' ? node.childForFieldName('body') : null;
    if (body) return this.lastCommandIn(body);
    const named = node.namedChildren.filter((c): c is Node => c !== null);
    for (let i = named.length - 1; i >= 0; i--) {
      const found = this.lastCommandIn(named[i] as Node);
      if (found) return found;
    }
    return undefined;
  }

  /** `bash -c '…'`, `su - u -c "…"`, `sudo -u u bash <<'EOF'`: parse the inner script too. */
  private nestedScripts(command: ShellCommand, nesting: number): void {
    for (const inner of innerScripts(command)) {
      const saved = this.byNode;
      this.parseRange(this.text.slice(inner.start, inner.end), inner.start, nesting + 1);
      this.byNode = saved;
    }
  }
}

function enclosingStatement(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent?.type === 'redirected_statement' && parent.childForFieldName('body')?.id === node.id) return parent;
  return undefined;
}

/** Ranges of scripts a command runs in a nested shell, as document offsets. */
export function innerScripts(command: ShellCommand): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const words = command.effective;
  const name = baseCommandName(words[0]);
  const stringRange = (w: ShellWord | undefined) => {
    if (!w) return;
    // Only quoted strings or plain words map one to one; the inner source is the text between quotes.
    out.push({ start: w.contentStart, end: w.contentEnd });
  };
  const heredocRange = () => {
    for (const r of command.redirects) if (r.heredoc) out.push({ start: r.heredoc.bodyStart, end: r.heredoc.bodyEnd });
    for (const r of command.redirects) if (r.operator === '<<<' && r.target) stringRange(r.target);
  };
  if (name === undefined) {
    // `sudo -i <<EOF` / `sudo -s <<EOF`: everything was options; the shell reads stdin.
    if (command.argv.length > 0 && baseCommandName(command.argv[0]) === 'sudo') heredocRange();
    return out;
  }
  if (SHELLS.has(name)) {
    let sawC = false;
    let i = 1;
    for (; i < words.length; i++) {
      const v = words[i]?.value ?? '';
      if (v === '-o' || v === '+o' || v === '-O' || v === '+O') {
        i++;
        continue;
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        sawC = true;
        continue;
      }
      if (v.startsWith('-') || v.startsWith('+')) continue;
      break;
    }
    if (sawC) stringRange(words[i]);
    else if (i >= words.length || words[i]?.value === '-s') heredocRange();
    return out;
  }
  if (name === 'su' || name === 'runuser') {
    let found = false;
    for (let i = 1; i < words.length; i++) {
      const v = words[i]?.value ?? '';
      if (v === '-c' || v === '--command' || v === '--session-command') {
        stringRange(words[i + 1]);
        found = true;
        break;
      }
      if (v.startsWith('--command=')) {
        const w = words[i] as ShellWord;
        const at = w.text.indexOf('=') + 1;
        const quote = /^["']/.test(w.text.slice(at)) ? 1 : 0;
        out.push({ start: w.start + at + quote, end: w.end - quote });
        found = true;
        break;
      }
    }
    if (!found) heredocRange();
    return out;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Queries used by rules

/** The base name of a command word: `/usr/local/bin/aws` → `aws`. */
export function commandName(command: ShellCommand): string | undefined {
  return baseCommandName(command.effective[0]);
}

/** The text a command sends to stdin when it is visible: echo/printf arguments, a heredoc, a here-string. */
export function stdinTextOf(command: ShellCommand): string | undefined {
  for (const r of command.redirects) {
    if (r.heredoc) return r.heredoc.body;
    if (r.operator === '<<<' && r.target) return r.target.value ?? r.target.loose;
  }
  return undefined;
}

/** What a command writes to stdout when statically visible (echo/printf/cat heredoc). */
export function outputTextOf(command: ShellCommand): string | undefined {
  const name = commandName(command);
  if (name === 'echo' || name === 'printf') return command.effective.slice(1).map((w) => w.value ?? w.loose).join(' ');
  if (name === 'cat') return stdinTextOf(command);
  return undefined;
}

/** Whether the command gets input on stdin (pipe, heredoc, here-string or `< file`). */
export function hasStdinInput(command: ShellCommand): boolean {
  if (command.upstream) return true;
  return command.redirects.some(
    (r) => r.heredoc !== undefined || r.operator === '<<<' || (r.operator === '<' && r.target?.value !== '/dev/null'),
  );
}

const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>']);

/** `>`, `>>`, `1>`, `&>` write stdout to a file; `2>` (stderr) and `>&2` do not write our content. */
function isWriteOperator(operator: string): boolean {
  const op = operator.startsWith('1') ? operator.slice(1) : operator;
  return WRITE_OPERATORS.has(op);
}
const COPY_COMMANDS = new Set(['cp', 'mv', 'install', 'ln', 'rsync', 'scp']);

/** Files a script writes, with the written content when visible. */
export function fileWrites(script: ShellScript): FileWrite[] {
  const out: FileWrite[] = [...script.statementWrites];
  for (const command of script.commands) {
    for (const r of command.redirects) {
      if (r.target && isWriteOperator(r.operator)) out.push({ target: r.target, content: outputTextOf(command), via: 'redirect', command });
    }
    const name = commandName(command);
    const args = command.effective.slice(1);
    if (name === 'tee') {
      const upstreamText = command.upstream ? outputTextOf(command.upstream) : undefined;
      const content = stdinTextOf(command) ?? upstreamText;
      for (const w of args) if (!(w.value ?? w.loose).startsWith('-')) out.push({ target: w, content, via: 'tee', command });
    } else if (name !== undefined && COPY_COMMANDS.has(name)) {
      const operands = args.filter((w) => !(w.value ?? w.loose).startsWith('-'));
      const last = operands.at(-1);
      if (operands.length >= 2 && last) out.push({ target: last, content: undefined, via: 'copy', command });
    } else if (name === 'aws' && args[0]?.value === 's3' && (args[1]?.value === 'cp' || args[1]?.value === 'mv')) {
      const operands = args.slice(2).filter((w) => !(w.value ?? w.loose).startsWith('-'));
      const last = operands.at(-1);
      if (operands.length >= 2 && last && !/^s3:\/\//.test(last.loose)) out.push({ target: last, content: undefined, via: 'copy', command });
    } else if (name === 'curl' || name === 'wget') {
      for (let i = 0; i < args.length; i++) {
        const v = args[i]?.value ?? '';
        if ((name === 'curl' && (v === '-o' || v === '--output')) || (name === 'wget' && (v === '-O' || v === '--output-document'))) {
          const t = args[i + 1];
          if (t && t.value !== '-') out.push({ target: t, content: undefined, via: 'copy', command });
        }
      }
    }
  }
  return out;
}

/** The last assignment of `name` before `offset` in the script, if any. */
export function assignmentBefore(script: ShellScript, name: string, offset: number): ShellAssignment | undefined {
  let found: ShellAssignment | undefined;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name === name && a.value !== undefined) found = a;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// AWS CLI invocations

/** Global options of the AWS CLI that take a value (so they can be skipped before the service name). */
const AWS_GLOBAL_VALUE_OPTIONS = new Set([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--cli-auto-prompt',
]);

export interface AwsInvocation {
  /** The `aws` word. */
  readonly aws: ShellWord;
  /** `configure`, `s3`, `iam` … */
  readonly service: ShellWord | undefined;
  /** Words after the service with global options removed (the operation first). */
  readonly args: readonly ShellWord[];
  /** Value of `--profile` wherever it appears. */
  readonly profile: string | undefined;
}

/** Recognises `aws [global options] <service> …` (after wrappers). */
export function awsInvocation(command: ShellCommand): AwsInvocation | undefined {
  const words = command.effective;
  if (commandName(command) !== 'aws') return undefined;
  let profile: string | undefined;
  const rest: ShellWord[] = [];
  let service: ShellWord | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as ShellWord;
    const v = w.value ?? w.loose;
    if (AWS_GLOBAL_VALUE_OPTIONS.has(v)) {
      if (v === '--profile') profile = words[i + 1]?.value;
      i++;
      continue;
    }
    if (v.startsWith('--profile=')) {
      profile = v.slice('--profile='.length);
      continue;
    }
    if (v.startsWith('--') && /^--[a-z-]+=/.test(v) && AWS_GLOBAL_VALUE_OPTIONS.has(v.slice(0, v.indexOf('=')))) continue;
    if (!service) {
      if (v.startsWith('-')) continue; // --debug, --no-verify-ssl, --no-paginate …
      service = w;
      continue;
    }
    rest.push(w);
  }
  return { aws: words[0] as ShellWord, service, args: rest, profile };
}
