// Which extractors a scan runs, given its enabled rules. An extractor parses its host (a YAML
// template at 2–5 MB/s, a .tf through tree-sitter) to hand documents to rules; when no enabled
// rule could read what it hands over, that parse is pure cost (with only
// `no-hardcoded-access-key-id` enabled it was half of a scan). Two tests, both exact:
//
// 1. By kind, once per scan: an extractor whose documents — or the documents the extractors
//    that look into them produce, transitively — are of no kind an enabled rule reads is
//    dropped.
// 2. By keyword, per host: a rule runs on a document only when its `keywords` match the
//    document's text. An extractor that says its documents are copies of runs of the host's
//    text (`copiesHost`, types.ts) cannot hand a rule a document its keywords match unless they
//    match the host: so when no rule that could read its documents has a keyword in the host,
//    and every extractor that could look into those documents says the same, it is skipped.
//    A copy may join lines (a folded YAML scalar, indentation stripped from a heredoc): the
//    keywords are also tested on the host with every line break and its indentation folded
//    to one space, which can only bring words closer. Keywords anchored to a line start or
//    end, or looking behind, are not judged by the host: their extractor always runs.
//
// Syntax extractors (phase `syntax`) report what others parsed: never gated, always last.
import type { FileKind } from '../kinds.js';
import type { SourceDocument } from './document.js';
import type { Extractor } from '../extract/types.js';
import type { AnyRule } from '../rule.js';

/**
 * The test that judges a keyword on the host for a copy of its text: the keyword itself when
 * it has no `^`/`$` anchor (a copied run may start a line where the host's did not), else the
 * keyword with its anchors dropped (it then matches wherever the anchored one could, in any
 * run); undefined when it looks behind (what precedes a run differs): never judged by the host.
 */
const OPTIONAL_PREFIX = /^(?:\\s\*|\[ \\t\]\*|-\?)/;

export function hostTestOf(keywords: RegExp): RegExp | undefined {
  const source = keywords.source;
  let relaxed = '';
  let anchored = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      relaxed += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      relaxed += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      relaxed += c;
      inClass = true;
    } else if (c === '(' && (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))) {
      return undefined;
    } else if (c === '^' || c === '$') {
      anchored = true;
    } else relaxed += c;
  }
  if (!anchored) return keywords;
  // A leading part that may match nothing (`\s*`, `[ \t]*`, `-?`) decides nothing once the
  // anchor is gone, and unanchored it would be retried at every blank: drop it.
  while (OPTIONAL_PREFIX.test(relaxed)) relaxed = relaxed.replace(OPTIONAL_PREFIX, '');
  return new RegExp(relaxed, keywords.flags.replace(/[gym]/g, ''));
}

function readsKind(rule: AnyRule, kinds: ReadonlySet<FileKind> | 'any'): boolean {
  if (rule.kinds === 'all' || kinds === 'any') return true;
  return rule.kinds.some((k) => kinds.has(k));
}

function takes(extractor: Extractor, kinds: ReadonlySet<FileKind> | 'any'): boolean {
  return kinds === 'any' || extractor.kinds.some((k) => kinds.has(k));
}

/** The extractors that may look into what `start` produces, transitively (itself excluded unless it recurs). */
function nestedOf(start: Extractor, all: readonly Extractor[]): { nested: Extractor[]; kinds: Set<FileKind> | 'any' } {
  let kinds: Set<FileKind> | 'any' = start.produces === 'any' ? 'any' : new Set(start.produces);
  const nested: Extractor[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of all) {
      if (e.phase === 'syntax' || e.filesOnly || nested.includes(e) || !takes(e, kinds)) continue;
      nested.push(e);
      grew = true;
      if (e.produces === 'any') kinds = 'any';
      else if (kinds !== 'any') for (const k of e.produces) kinds.add(k);
    }
  }
  return { nested, kinds };
}

const FOLDED_BREAK = /[ \t]*\r?\n[ \t]*/g;

/** Run order: the registry's, syntax extractors last (they report what the others parsed). */
export function inRunOrder(extractors: readonly Extractor[]): Extractor[] {
  return [...extractors.filter((e) => e.phase !== 'syntax'), ...extractors.filter((e) => e.phase === 'syntax')];
}

/**
 * The extractors to run for these rules, in run order (syntax extractors last), each wrapped
 * so that it returns nothing, without parsing, where test 2 shows its documents cannot matter.
 */
export function gateExtractors(rules: readonly AnyRule[], extractors: readonly Extractor[]): Extractor[] {
  const ordered = inRunOrder(extractors);
  const out: Extractor[] = [];
  for (const extractor of ordered) {
    if (extractor.phase === 'syntax') {
      out.push(extractor);
      continue;
    }
    const { nested, kinds } = nestedOf(extractor, ordered);
    const readers = rules.filter((r) => readsKind(r, kinds));
    if (readers.length === 0) continue;
    // A rule with per-kind keywords counts as keyword-less here (judged on the host, conservatively).
    const keywords = [...new Set(readers.map((r) => (r.kindKeywords ? undefined : r.keywords)))].map((k) => (k ? hostTestOf(k) : undefined));
    if (!extractor.copiesHost || keywords.some((k) => k === undefined)) {
      out.push(extractor);
      continue;
    }
    const gatedNested = nested.map((e) => ({ extractor: e, keywords: e.keywords ? hostTestOf(e.keywords) : undefined }));
    const inner = extractor;
    out.push({
      ...inner,
      extract(doc: SourceDocument, notes) {
        return mayFeedARule(doc, inner, keywords as RegExp[], gatedNested) ? inner.extract(doc, notes) : [];
      },
    });
  }
  return out;
}

const keywordHits = new WeakMap<SourceDocument, Map<RegExp, boolean>>();

/** The host text with every line break and the blanks around it folded to one space, once per document. */
const foldedTexts = new WeakMap<SourceDocument, string>();
function foldedText(doc: SourceDocument): string {
  let folded = foldedTexts.get(doc);
  if (folded === undefined) foldedTexts.set(doc, (folded = doc.text.replace(FOLDED_BREAK, ' ')));
  return folded;
}

/**
 * Whether `extractor` must run on `doc`: unless it and every extractor that could look into its
 * documents copy the host, and no keyword of a rule that could read them matches the host.
 * Cheapest first: keyword scans (GB/s), then the extractors' own copy checks.
 */
function mayFeedARule(doc: SourceDocument, extractor: Extractor, ruleKeywords: readonly RegExp[], nested: ReadonlyArray<{ extractor: Extractor; keywords: RegExp | undefined }>): boolean {
  // One answer per keyword and document, shared by every extractor looking at it.
  let known = keywordHits.get(doc);
  if (!known) keywordHits.set(doc, (known = new Map()));
  const memo = known;
  const mentions = (re: RegExp): boolean => {
    let hit = memo.get(re);
    if (hit === undefined) {
      hit = re.test(doc.text);
      if (!hit) {
        const folded = foldedText(doc);
        hit = folded !== doc.text && re.test(folded);
      }
      memo.set(re, hit);
    }
    return hit;
  };
  if (ruleKeywords.some(mentions)) return true;
  if (!extractor.copiesHost?.(doc)) return true;
  for (const { extractor: e, keywords } of nested) {
    // An extractor whose keywords miss the host cannot run on a copy of it.
    if (keywords && !mentions(keywords)) continue;
    if (!e.copiesHost?.(doc)) return true;
  }
  return false;
}
