// One value model for CloudFormation, Terraform and Terraform plan JSON, with source ranges.
//
// Infrastructure code mixes literals with references that only resolve at deploy time. A
// rule must never guess: every value is either known (a literal, or something evaluated
// from literals) or explicitly `unknown` / a `ref`erence to something else. Every value
// keeps the host-document range it came from so a rule can report the offending token.

/** Offsets into a document's text, end exclusive. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * A piece of a string value and where it came from in the host document. `verbatim` pieces
 * were copied character for character (a finding inside maps to its exact column);
 * other pieces stand for their host range as a whole (an escape sequence, a placeholder
 * for an interpolation, a decoded base64 literal).
 */
export interface TextPiece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly verbatim: boolean;
}

export interface IacString {
  readonly kind: 'string';
  readonly value: string;
  readonly range: Range;
  /**
   * How the value maps back to the host, when it can (undefined for values synthesised
   * whole, e.g. from a number). `${…}` placeholders stay in `value` where an interpolation
   * could not be evaluated; `hasPlaceholders` says so.
   */
  readonly pieces?: readonly TextPiece[];
  readonly hasPlaceholders?: boolean;
  /** The value was read from another file (Terraform `file()`): its pieces map to the call. */
  readonly fromFile?: string;
  /** For `jsonencode(x)`: the structured value that was encoded. */
  readonly encoded?: IacValue;
}

export interface IacNumber {
  readonly kind: 'number';
  readonly value: number;
  readonly range: Range;
}

export interface IacBool {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly range: Range;
}

export interface IacNull {
  readonly kind: 'null';
  readonly range: Range;
}

export interface IacEntry {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: IacValue;
}

export interface IacMap {
  readonly kind: 'map';
  readonly entries: readonly IacEntry[];
  readonly range: Range;
}

export interface IacList {
  readonly kind: 'list';
  readonly items: readonly IacValue[];
  readonly range: Range;
}

/**
 * A reference to another resource or input: CloudFormation `Ref`/`Fn::GetAtt`, Terraform
 * `aws_iam_role.x.arn`. `target` is the logical id (CloudFormation) or `type.name`
 * (Terraform managed resource), `data.type.name`, `var.x`, `local.x`, `module.x`.
 */
export interface IacRef {
  readonly kind: 'ref';
  readonly target: string;
  readonly attribute?: string;
  readonly range: Range;
}

/** Why a value is not known statically. `external`: it comes from outside the file/module. */
export type UnknownReason = 'external' | 'dynamic' | 'unsupported';

export interface IacUnknown {
  readonly kind: 'unknown';
  readonly reason: UnknownReason;
  readonly range: Range;
  /** Short description for messages and debugging (`var.profile`, `Fn::ImportValue`). */
  readonly label?: string;
  /**
   * The values it may take, when they are written out (the two branches of a CloudFormation
   * `Fn::If`): each is as real as the other, so checks that look at elements consider every one.
   */
  readonly alternatives?: readonly IacValue[];
  /** The condition that chooses among `alternatives` (`Fn::If`'s condition name). */
  readonly condition?: string;
}

export type IacValue = IacString | IacNumber | IacBool | IacNull | IacMap | IacList | IacRef | IacUnknown;

export function mapEntry(value: IacValue | undefined, key: string): IacEntry | undefined {
  if (value?.kind !== 'map') return undefined;
  // Last one wins, as in both CloudFormation (YAML/JSON) and Terraform object literals.
  for (let i = value.entries.length - 1; i >= 0; i--) {
    const e = value.entries[i] as IacEntry;
    if (e.key === key) return e;
  }
  return undefined;
}

export function mapGet(value: IacValue | undefined, key: string): IacValue | undefined {
  return mapEntry(value, key)?.value;
}

/** Case-insensitive key lookup (CloudFormation is case-sensitive, but some loose formats are not). */
export function mapGetInsensitive(value: IacValue | undefined, key: string): IacEntry | undefined {
  if (value?.kind !== 'map') return undefined;
  const lower = key.toLowerCase();
  return value.entries.find((e) => e.key.toLowerCase() === lower);
}

/** Follows a key path through maps (and numeric indexes through lists). */
export function getPath(value: IacValue | undefined, path: readonly (string | number)[]): IacValue | undefined {
  let current = value;
  for (const step of path) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') current = current.kind === 'list' ? current.items[step] : undefined;
    else current = mapGet(current, step);
  }
  return current;
}

/** The string a value certainly is, or undefined (unknown, reference, placeholder-bearing, not a scalar). */
export function knownString(value: IacValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.hasPlaceholders ? undefined : value.value;
  if (value.kind === 'number' || value.kind === 'bool') return String(value.value);
  return undefined;
}

/** Like knownString, but keeps `${…}` placeholders (for texts like user data). */
export function stringWithPlaceholders(value: IacValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** A list value's items; a single non-list value is treated as a one-item list (IAM style). */
export function asList(value: IacValue | undefined): readonly IacValue[] {
  if (!value) return [];
  if (value.kind === 'list') return value.items;
  return [value];
}

/** CloudFormation's `AWS::NoValue`: the property (or list item) is not there at all. */
export function isNoValue(value: IacValue | undefined): boolean {
  return value?.kind === 'ref' && value.target === 'AWS::NoValue';
}

/**
 * The concrete values a value may take: the branches of conditionals (nested ones too), a
 * branch that is `AWS::NoValue` contributing nothing; a value without alternatives is itself.
 */
export function branchesOf(value: IacValue | undefined): IacValue[] {
  if (!value || isNoValue(value)) return [];
  if (value.kind !== 'unknown' || !value.alternatives) return [value];
  return dedupeBranches(value.alternatives.map((alt) => branchesOf(alt)), value.condition);
}

/**
 * The items of a list-valued element with conditionals spliced in: a conditional item
 * contributes the items of each branch (a branch may be one value or a list), the whole list
 * may be a conditional too. An item written identically in two branches counts once (one
 * defect, one finding). Linear in the size of the value.
 */
export function branchItems(value: IacValue | undefined): IacValue[] {
  if (!value || isNoValue(value)) return [];
  if (value.kind === 'list') return value.items.flatMap((item) => (item.kind === 'unknown' && item.alternatives ? branchItems(item) : isNoValue(item) ? [] : [item]));
  if (value.kind === 'unknown' && value.alternatives) return dedupeBranches(value.alternatives.map((alt) => branchItems(alt)), value.condition);
  return [value];
}

/**
 * The branch each value of `branchItems`/`branchesOf` was taken from, as `Condition=index`
 * for every enclosing conditional (empty: present whichever way the stack goes). Two values
 * chosen by different branches of one condition never exist in the same stack.
 */
const choices = new WeakMap<IacValue, readonly string[]>();

export function branchChoices(value: IacValue): readonly string[] {
  return choices.get(value) ?? [];
}

/** Whether values with these choices can exist in one stack: no condition is taken both ways. */
export function compatibleChoices(lists: readonly (readonly string[])[]): boolean {
  const taken = new Map<string, string>();
  for (const list of lists) {
    for (const c of list) {
      const at = c.lastIndexOf('=');
      const name = c.slice(0, at);
      const prev = taken.get(name);
      if (prev !== undefined && prev !== c) return false;
      taken.set(name, c);
    }
  }
  return true;
}

/** Concatenates the values of several branches, dropping a value a previous branch already holds verbatim. */
function dedupeBranches(branches: readonly IacValue[][], condition: string | undefined): IacValue[] {
  if (branches.length < 2) {
    const only = branches[0] ?? [];
    if (condition !== undefined) for (const v of only) choose(v, `${condition}=0`);
    return only;
  }
  const seen = new Map<string, IacValue>();
  const everywhere = new Set<IacValue>();
  const out: IacValue[] = [];
  const from = new Map<IacValue, number>();
  branches.forEach((branch, index) => {
    const here: [string, IacValue][] = [];
    for (const v of branch) {
      const key = JSON.stringify(branchKey(v));
      const kept = seen.get(key);
      if (kept) {
        // Written the same in another branch: it exists whichever way the condition goes.
        everywhere.add(kept);
        continue;
      }
      here.push([key, v]);
      out.push(v);
      from.set(v, index);
    }
    for (const [k, v] of here) seen.set(k, v);
  });
  if (condition !== undefined) for (const v of out) if (!everywhere.has(v)) choose(v, `${condition}=${from.get(v) ?? 0}`);
  return out;
}

function choose(v: IacValue, choice: string): void {
  const prev = choices.get(v) ?? [];
  if (!prev.includes(choice)) choices.set(v, [...prev, choice]);
}

/** A value's content (ranges left out, conditionals with their branches), to compare branches. */
function branchKey(v: IacValue): unknown {
  switch (v.kind) {
    case 'list':
      return v.items.map(branchKey);
    case 'map':
      return v.entries.map((e) => [e.key, branchKey(e.value)]);
    case 'unknown':
      return v.alternatives ? { if: v.condition ?? '', of: v.alternatives.map(branchKey) } : { unknown: v.label ?? '', at: v.range.start };
    case 'ref':
      return { ref: v.target, attribute: v.attribute ?? '' };
    case 'null':
      return null;
    default:
      return v.value;
  }
}

export function isKnown(value: IacValue | undefined): boolean {
  return value !== undefined && value.kind !== 'unknown' && value.kind !== 'ref' && !(value.kind === 'string' && value.hasPlaceholders);
}

/** Pieces of a string value; a string without source pieces maps as a whole to its range. */
export function piecesOf(value: IacString): readonly TextPiece[] {
  return value.pieces ?? [{ text: value.value, start: value.range.start, end: value.range.end, verbatim: false }];
}

/** A `${…}` placeholder text standing for a value that is not known statically. */
export function placeholderText(value: IacValue): string {
  if (value.kind === 'ref') return `\${${value.target}${value.attribute ? `.${value.attribute}` : ''}}`;
  if (value.kind === 'unknown' && value.label) return `\${${value.label}}`;
  return '${…}';
}

/**
 * Plain JavaScript form of a value. Unknowns and refs become undefined, or with
 * `placeholders` a `${…}` text (to render a policy or an environment as JSON).
 */
export function toPlain(value: IacValue | undefined, placeholders = false): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value;
    case 'null':
      return null;
    case 'list':
      return value.items.map((item) => toPlain(item, placeholders));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of value.entries) out[e.key] = toPlain(e.value, placeholders);
      return out;
    }
    default:
      return placeholders ? placeholderText(value) : undefined;
  }
}

/**
 * The source range of a value's own text: for a string whose pieces map into its range, from
 * the first piece to the last (without quotes or the `!Sub` tag); otherwise the value's range.
 */
export function valueTokenRange(value: IacValue): Range {
  if (value.kind === 'string' && value.pieces && value.pieces.length > 0 && !value.fromFile) {
    const first = value.pieces[0] as TextPiece;
    const last = value.pieces[value.pieces.length - 1] as TextPiece;
    if (first.start >= value.range.start && last.end <= value.range.end && last.end > first.start) return { start: first.start, end: last.end };
  }
  return value.range;
}

/**
 * The source range of the characters [from, to) of a string value: exact inside verbatim
 * pieces, the whole piece's range inside others (an escape, a file read by `file()`).
 */
export function substringRange(value: IacString, from: number, to: number): Range {
  let pos = 0;
  let start: number | undefined;
  let end: number | undefined;
  for (const p of piecesOf(value)) {
    const pEnd = pos + p.text.length;
    if (start === undefined && from < pEnd) start = p.verbatim ? p.start + (from - pos) : p.start;
    if (start !== undefined && to <= pEnd) {
      end = p.verbatim ? p.start + (to - pos) : p.end;
      break;
    }
    pos = pEnd;
  }
  if (start === undefined) return value.range;
  return { start, end: Math.max(end ?? value.range.end, start) };
}
