/**
 * Incremental check: after an edit inside one entry of `items:` or `systems:`, re-parse only that
 * entry's lines, splice the new entry into the tree, re-run the per-entry rules on it alone and
 * the record-level rules (syntax, required items, editions, duplicates) from the record, and shift what lies
 * after the edit. Everything else falls back to a full check, so the result always equals one:
 * test/unit/incremental.test.ts proves it on random edit sequences.
 *
 * A finding belongs to the entry whose span holds its start; findings outside every entry
 * ("statics": top-level schema findings) change only with top-level edits, which fall back.
 */
import { collectFindings, diagnosticFor, RULES, tooLargeDiagnostic, type CheckEnvironment } from './check';
import { MAX_DEPTH, parseDocument, type ParseProblem, type YMap, type YNode, type YPair, type YSeq } from './parse';
import { LineIndex } from './positions';
import { readItemEntry, readRecord, readSystemEntry, type GovernanceRecord, type ItemEntry, type SystemEntry } from './record';
import type { Finding, RuleModule } from './rules/context';
import { editionsRule } from './rules/editions';
import { itemIdsRule } from './rules/itemIds';
import { requiredItemsRule } from './rules/requiredItems';
import { syntaxRule } from './rules/syntax';
import { systemsRule } from './rules/systems';
import { readSuppressions, type Suppressions } from './suppressions';
import type { RuleCode } from './rules/registry';
import type { CheckInput, CheckSettings, EngineDiagnostic } from './types';

/** A replacement of [start, end) of the text before it by `text` (offsets in UTF-16 units). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** A finding with where it starts (to shift it) and what the user sees of it (null: off or suppressed). */
interface Placed {
  code: RuleCode;
  start: number;
  diagnostic: EngineDiagnostic | null;
}

/** What an incremental check keeps of a document between versions. */
export interface IncrementalState {
  input: CheckInput;
  settings: CheckSettings;
  today: string;
  /** UTF-8 size of the text, kept by difference so the size limit costs nothing per edit */
  bytes: number;
  /** null when the file is over the size limit (nothing parsed) */
  record: GovernanceRecord | null;
  /** findings inside an entry of items: (key: its YPair) or systems: (key: its YMap) */
  entries: Map<object, Placed[]>;
  /** findings outside every entry, from the per-entry rules (top-level schema findings) */
  statics: Placed[];
  /** plain-data node count of the tree, as the schema rule counts it (its alias budget) */
  nodes: number;
  diagnostics: EngineDiagnostic[];
  /** why the next edits cannot be incremental (null: they can) */
  blocked: string | null;
}

export interface IncrementalResult {
  state: IncrementalState;
  /** null when every change was applied incrementally; otherwise why a full check ran */
  fallback: string | null;
}

/** Keeps well under the schema rule's alias-expansion budget (200,000 nodes), whose result is not local. */
const NODE_LIMIT = 100_000;

/** Codes named through their modules (each code is written in its own rule module only). */
const DUPLICATE_ITEM = (Object.keys(itemIdsRule.codes) as RuleCode[]).find((c) => c.startsWith('duplicate')) as RuleCode;
const UNKNOWN_SYSTEM = (Object.keys(systemsRule.codes) as RuleCode[]).find((c) => c.startsWith('unknown')) as RuleCode;
const SYNTAX = RULES.indexOf(syntaxRule as RuleModule);
const REQUIRED = RULES.indexOf(requiredItemsRule as RuleModule);
const EDITIONS = RULES.indexOf(editionsRule as RuleModule);
const ITEM_IDS = RULES.indexOf(itemIdsRule as RuleModule);
/**
 * The rules that read the whole record and are re-run whole after every edit: syntax, required
 * items, and editions (edition-update names the changed items of the roles and listed items, and
 * the agent / physical kinds of every system: any entry can change it).
 */
const RECORD_RULES = [syntaxRule, requiredItemsRule, editionsRule] as RuleModule[];
/** The rules that run on one entry at a time. */
const ENTRY_RULES = RULES.filter((rule) => !RECORD_RULES.includes(rule));

/** A full check that keeps what the next edit needs. */
export function fullIncremental(input: CheckInput, env: CheckEnvironment): IncrementalState {
  const bytes = Buffer.byteLength(input.text, 'utf8');
  const base = { input, settings: env.settings, today: env.today, bytes, entries: new Map<object, Placed[]>(), statics: [] as Placed[], nodes: 0 };
  if (bytes > env.settings.maxFileSizeBytes) {
    return { ...base, record: null, diagnostics: [tooLargeDiagnostic(bytes, env.settings)], blocked: 'file too large' };
  }
  const record = readRecord(input.text, env.catalog);
  const perRule = collectFindings(record, input, env);
  const suppressions = readSuppressions(record.parsed);
  const place = (f: Finding<RuleCode>): Placed => ({ code: f.code, start: f.start, diagnostic: diagnosticFor(f, record.parsed.lines, env.settings, suppressions) });
  const state: IncrementalState = { ...base, record, nodes: countNodes(record.parsed.root), diagnostics: [], blocked: blockedReason(record) };
  const spans = entrySpans(record);
  for (const entry of spans) state.entries.set(entry.key, []);
  perRule.forEach((findings, rule) => {
    if (rule === SYNTAX || rule === REQUIRED || rule === EDITIONS) return;
    for (const finding of findings) {
      if (rule === ITEM_IDS && finding.code === DUPLICATE_ITEM) continue;
      const owner = ownerOf(spans, finding.start);
      (owner ? (state.entries.get(owner) as Placed[]) : state.statics).push(place(finding));
    }
  });
  state.diagnostics = assemble(state, recordLevel(record, input, env, suppressions));
  if (state.nodes > NODE_LIMIT) state.blocked = 'too many nodes';
  return state;
}

/**
 * Applies changes in order; any change that is not inside one entry makes the rest a full check.
 * The state is consumed: its tree is updated in place (one tree per document, never a copy), so
 * only the returned state may be used afterwards.
 */
/**
 * Each replayed change redoes the record-level work (required items, shifted findings, a new line
 * index: a few per cent of a full check on a large record), so past this many changes between two
 * checks one full check costs less: a storm of 1,000 keystrokes took 21 s replayed, one check 0.5 s.
 */
export const MAX_REPLAYED_CHANGES = 16;

export function updateIncremental(state: IncrementalState, changes: readonly TextChange[], env: CheckEnvironment): IncrementalResult {
  let current = state;
  let reason: string | null = !sameEnvironment(state, env) ? 'settings or date changed' : changes.length > MAX_REPLAYED_CHANGES ? `${changes.length} changes since the last check` : null;
  let text = state.input.text;
  for (const change of changes) {
    if (reason === null) {
      const next = applyChange(current, change, env);
      if (typeof next === 'string') reason = next;
      else {
        current = next;
        text = next.input.text;
        continue;
      }
    }
    text = text.slice(0, change.start) + change.text + text.slice(change.end);
  }
  if (reason === null) return { state: current, fallback: null };
  return { state: fullIncremental({ ...state.input, text }, env), fallback: reason };
}

/** Settings are compared by value: front ends build a new settings object for every check. */
function sameEnvironment(state: IncrementalState, env: CheckEnvironment): boolean {
  return state.today === env.today && (state.settings === env.settings || JSON.stringify(state.settings) === JSON.stringify(env.settings));
}

/** Why edits to this record always need a full check, or null. */
function blockedReason(record: GovernanceRecord): string | null {
  const { parsed, root } = record;
  // Error recovery of the YAML parser is not local, and a second document is outside the tree.
  if (parsed.problems.some((p) => p.kind !== 'duplicate-key')) return 'the YAML has problems';
  if (!root || root.type !== 'map' || root.flow) return 'the root is not a block mapping';
  const names = root.pairs.map((p) => p.key.value);
  if (names.filter((n) => n === 'items').length > 1 || names.filter((n) => n === 'systems').length > 1) return 'items or systems twice';
  // The schema rule sees the last of two equal item keys but places its findings on the first: not local.
  const items = record.itemsPair?.value;
  if (items?.type === 'map' && duplicateKeys(items).length > 0) return 'an item key appears twice';
  return null;
}

interface Span {
  key: object;
  start: number;
  end: number;
}

function spanOfPair(pair: YPair): Span {
  return { key: pair, start: pair.start, end: pair.end };
}

function spanOfNode(node: YNode): Span {
  return { key: node, start: node.start, end: node.end };
}

/** Entries of items: and systems:, in text order. */
function entrySpans(record: GovernanceRecord): Span[] {
  const spans: Span[] = [];
  const root = record.root;
  if (!root) return spans;
  for (const pair of root.pairs) {
    const value = pair.value;
    if (pair.key.value === 'items' && value?.type === 'map') spans.push(...value.pairs.map(spanOfPair));
    else if (pair.key.value === 'systems' && value?.type === 'seq') spans.push(...value.items.map(spanOfNode));
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The entry whose span holds an offset (binary search over spans in text order). */
function ownerOf(spans: readonly Span[], offset: number): object | null {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= spans[found].end ? spans[found].key : null;
}

/**
 * Nodes as the schema rule's plain conversion counts them (one per value, keys not counted),
 * aliases expanded — so the count stops just past NODE_LIMIT: an alias bomb is not walked.
 */
function countNodes(node: YNode | null, limit = NODE_LIMIT + 1): number {
  let count = 0;
  const stack: Array<YNode | null> = [node];
  while (stack.length && count <= limit) {
    const next = stack.pop() as YNode | null;
    count++;
    if (next?.type === 'map') for (const p of next.pairs) stack.push(p.value);
    else if (next?.type === 'seq') for (const item of next.items) stack.push(item);
  }
  return count;
}

/** Findings of the rules that read the whole record: cheap by design (no per-entry work). */
function recordLevel(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment, suppressions: Suppressions): EngineDiagnostic[] {
  const resolved = record.items.filter((e) => e.resolution.status !== 'unknown');
  // Duplicates come from the item-ids rule run over the resolved entries only: no "did you mean" search.
  const [syntax, required, editions] = collectFindings(record, input, env, RECORD_RULES);
  const [ids] = collectFindings({ ...record, items: resolved }, input, env, [itemIdsRule] as RuleModule[]);
  const out: EngineDiagnostic[] = [];
  for (const finding of [...syntax, ...required, ...editions, ...ids.filter((f) => f.code === DUPLICATE_ITEM)]) {
    const diagnostic = diagnosticFor(finding, record.parsed.lines, env.settings, suppressions);
    if (diagnostic) out.push(diagnostic);
  }
  return out;
}

function assemble(state: IncrementalState, recordDiagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  const out: EngineDiagnostic[] = [...recordDiagnostics];
  for (const p of state.statics) if (p.diagnostic) out.push(p.diagnostic);
  for (const placed of state.entries.values()) for (const p of placed) if (p.diagnostic) out.push(p.diagnostic);
  return out;
}

/** Where the edited entry is and what replaces it; computed before anything is changed. */
interface Plan {
  top: YPair;
  container: YMap | YSeq;
  /** index of the entry in container.pairs / container.items */
  index: number;
  /** the entry's lines in the old text: [regionStart, regionEnd) */
  regionStart: number;
  regionEnd: number;
  indent: number;
  chunk: string;
}

const ENTRY_LINE_ITEMS = /^ *[^\s#\-?[{]/;
const ENTRY_LINE_SYSTEMS = /^ *- +[^\s#]/;

/** The key of the entry that stands in for the next one when an entry is parsed alone. */
const STAND_IN = 'x-ai-governance-next-entry';

/** Characters that make an entry's meaning depend on other entries or on the parser's global state. */
const NOT_LOCAL = /[&*!%\t\u0000\uFEFF]|ai-governance-disable|\r(?!\n)/;

function lineStartOf(lines: LineIndex, offset: number): number {
  return lines.lineStart(lines.position(offset).line);
}

function plan(state: IncrementalState, change: TextChange): Plan | string {
  const record = state.record as GovernanceRecord;
  const root = record.root as YMap;
  const { text, lines } = record.parsed;
  const tops = root.pairs;
  for (let t = 0; t < tops.length; t++) {
    const top = tops[t];
    const name = top.key.value;
    if (name !== 'items' && name !== 'systems') continue;
    const value = top.value;
    const container = name === 'items' ? (value?.type === 'map' ? value : null) : value?.type === 'seq' ? value : null;
    if (!container || container.flow) continue;
    const starts = container.type === 'map' ? container.pairs.map((p) => p.start) : container.items.map((n) => n.start);
    if (starts.length === 0) continue;
    // An alias copy (items: *x) has the anchor's children, outside its own range.
    if (starts[0] < container.start || (container.type === 'map' ? container.pairs : container.items).some((e: { end: number }) => e.end > container.end)) continue;
    const firstLine = lineStartOf(lines, starts[0]);
    const next = tops.filter((p) => p.start > top.start).reduce((min, p) => Math.min(min, p.start), Infinity);
    const blockEnd = next === Infinity ? text.length : lineStartOf(lines, next);
    if (change.start < firstLine || change.end > blockEnd) continue;
    const regionStarts = starts.map((s) => lineStartOf(lines, s));
    // The last region whose start is at or before the change.
    let index = -1;
    for (let i = 0; i < regionStarts.length; i++) if (regionStarts[i] <= change.start) index = i;
    if (index < 0) return 'edit before the first entry';
    const regionStart = regionStarts[index];
    const regionEnd = index + 1 < regionStarts.length ? regionStarts[index + 1] : blockEnd;
    if (change.end > regionEnd) return 'edit crosses entries';
    const old = text.slice(regionStart, regionEnd);
    const chunk = text.slice(regionStart, change.start) + change.text + text.slice(change.end, regionEnd);
    if (NOT_LOCAL.test(old) || NOT_LOCAL.test(chunk)) return 'anchors, tags, tabs, directives or lone CR in the entry';
    const indent = starts[index] - regionStart - (name === 'systems' ? dashWidth(old) : 0);
    const shape = checkLines(chunk, indent, name === 'items' ? ENTRY_LINE_ITEMS : ENTRY_LINE_SYSTEMS, regionEnd === text.length);
    if (shape) return shape;
    return { top, container, index, regionStart, regionEnd, indent, chunk };
  }
  return 'edit outside items: and systems: entries';
}

/** Width of `- ` (and the spaces after the dash) before a system entry's first key. */
function dashWidth(region: string): number {
  const m = /^ *(- +)/.exec(region);
  return m ? m[1].length : 0;
}

/**
 * The new text of a region must still be entries at the same indentation: its first line starts an
 * entry, every other line is blank, more indented, or starts another entry at that indentation.
 */
function checkLines(chunk: string, indent: number, entryLine: RegExp, atEnd: boolean): string | null {
  if (chunk === '') return null;
  if (!atEnd && !chunk.endsWith('\n')) return 'the entry no longer ends a line';
  const lines = chunk.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const leading = line.length - line.trimStart().length;
    if (line.trim() === '') {
      if (i === 0) return 'the entry starts with a blank line';
      continue;
    }
    if (leading === indent && entryLine.test(line)) continue;
    // Deeper lines belong to the entry; a comment at the entries' indentation is only a comment.
    if (i > 0 && (leading > indent || (leading === indent && line.trimStart().startsWith('#')))) continue;
    return 'indentation structure changed';
  }
  return null;
}

function shiftScalar(node: { start: number; end: number }, boundary: number, delta: number): void {
  if (node.start >= boundary) node.start += delta;
  if (node.end >= boundary) node.end += delta;
}

/**
 * Adds delta to every offset at or after `from`. Only real children lie inside their parent: an
 * alias copy's children belong to its anchor (visited there), so they are skipped here.
 */
function shiftTree(node: YNode, from: number, delta: number): void {
  const { start, end } = node;
  if (end < from) return;
  if (start >= from) node.start += delta;
  node.end += delta;
  if (node.type === 'map') {
    for (const pair of node.pairs) {
      if (pair.end < from || pair.start < start || pair.end > end) continue;
      shiftScalar(pair.key, from, delta);
      if (pair.value) shiftTree(pair.value, from, delta);
      if (pair.start >= from) pair.start += delta;
      pair.end += delta;
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) if (item.end >= from && item.start >= start && item.end <= end) shiftTree(item, from, delta);
  }
}

function depthOf(node: YNode | null): number {
  if (!node) return 0;
  if (node.type === 'map') return 1 + node.pairs.reduce((d, p) => Math.max(d, depthOf(p.value)), 0);
  if (node.type === 'seq') return 1 + node.items.reduce((d, i) => Math.max(d, depthOf(i)), 0);
  return 1;
}

/** Moves a freshly parsed chunk's nodes to where the chunk sits in the document. */
function moveBy(node: YNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.type === 'map') {
    for (const pair of node.pairs) {
      pair.key.start += delta;
      pair.key.end += delta;
      pair.start += delta;
      pair.end += delta;
      if (pair.value) moveBy(pair.value, delta);
    }
  } else if (node.type === 'seq') node.items.forEach((item) => moveBy(item, delta));
}

/** One change applied incrementally, or the reason it cannot be. */
function applyChange(state: IncrementalState, change: TextChange, env: CheckEnvironment): IncrementalState | string {
  if (state.blocked || !state.record) return state.blocked ?? 'not parsed';
  const where = plan(state, change);
  if (typeof where === 'string') return where;
  const { top, container, index, regionStart, regionEnd, chunk } = where;
  const record = state.record;
  const oldText = record.parsed.text;
  const bytes = state.bytes - Buffer.byteLength(oldText.slice(change.start, change.end), 'utf8') + Buffer.byteLength(change.text, 'utf8');
  if (bytes > env.settings.maxFileSizeBytes) return 'file too large';

  // Parse the region alone: it must read as entries of the same kind, with nothing but duplicate keys wrong.
  // An entry before another is parsed with a stand-in for that one after it: yaml may end an entry
  // at the next entry's first character (after a key with no value but a comment), not at its line.
  const isItems = container.type === 'map';
  const entries = isItems ? (container as YMap).pairs : (container as YSeq).items;
  const followed = chunk !== '' && index < entries.length - 1;
  const standIn = followed ? `${' '.repeat(where.indent)}${isItems ? '' : '- '}${STAND_IN}: 0${chunk.endsWith('\r\n') ? '\r\n' : '\n'}` : '';
  const parsed = parseDocument(chunk + standIn);
  if (parsed.problems.some((p) => p.kind !== 'duplicate-key' || p.start >= chunk.length)) return 'the entry does not parse on its own';
  const chunkRoot = parsed.root;
  let fresh: Array<YPair | YNode>;
  if (chunk === '') fresh = [];
  else if (isItems && chunkRoot?.type === 'map' && !chunkRoot.flow) fresh = chunkRoot.pairs;
  else if (!isItems && chunkRoot?.type === 'seq' && !chunkRoot.flow && chunkRoot.items.every((i) => i.type === 'map')) fresh = chunkRoot.items;
  else return 'the entry changed kind';
  if (followed) {
    const last = fresh[fresh.length - 1] as YPair | YMap | undefined;
    const key = last && ('key' in last ? last.key : last.pairs[0]?.key);
    if (!key || key.value !== STAND_IN || key.start < chunk.length) return 'the entry does not end before the next';
    fresh = fresh.slice(0, -1);
  }
  if (fresh.length === 0 && entries.length === 1) return 'the last entry was removed';
  if (chunkRoot && depthOf(chunkRoot) + 3 > MAX_DEPTH) return 'the entry is deeply nested';
  const oldEntry = entries[index];
  // The ends of the container, its pair and the root follow the last entry by yaml's own rules
  // (trailing newlines, comments): for an edit there they are read from a parse of the block's tail.
  const isLast = index === entries.length - 1;
  if (isLast && fresh.length === 0) return 'the last entry was removed';
  const ends = isLast ? tailEnds(record, top, container.type, regionStart, chunk, regionEnd === oldText.length) : null;
  if (typeof ends === 'string') return ends;
  if (isItems && isExtension(oldEntry as YPair)) return 'extension key';
  if (isItems && (fresh as YPair[]).some(isExtension)) return 'extension key';
  // A key that is a duplicate inside the chunk is reported by the chunk's parse; one across entries by the record.
  if (isItems && parsed.problems.some((p) => (fresh as YPair[]).some((f) => f.key.start === p.start))) return 'duplicate entry keys';
  if (isItems) {
    const others = new Set((container as YMap).pairs.filter((p) => p !== oldEntry).map((p) => p.key.value));
    if ((fresh as YPair[]).some((p) => others.has(p.key.value))) return 'an item key appears twice';
  }
  const freshNodes = fresh.reduce((n, e) => n + countNodes('key' in e ? e.value : e), 0);
  const nodes = state.nodes - countNodes('key' in oldEntry ? (oldEntry as YPair).value : (oldEntry as YNode)) + freshNodes;
  if (nodes > NODE_LIMIT) return 'too many nodes';

  // From here on the state is changed in place: nothing below may fail.
  const delta = change.text.length - (change.end - change.start);
  const newText = oldText.slice(0, change.start) + change.text + oldText.slice(change.end);
  const oldLines = record.parsed.lines;
  const lines = new LineIndex(newText);
  const lineDelta = lines.position(regionEnd + delta).line - oldLines.position(regionEnd).line;
  const root = record.root as YMap;

  // Shift everything after the region (the old entry is not visited: it lies before regionEnd).
  shiftTree(root, regionEnd, delta);
  fresh.forEach((f) => ('key' in f ? movePair(f, regionStart) : moveBy(f, regionStart)));
  entries.splice(index, 1, ...(fresh as never[]));
  if (ends) {
    container.end = ends.container;
    top.end = ends.container;
    if (ends.root !== null) root.end = ends.root;
  }

  // Problems: those of the old entry go, the chunk's come, duplicate keys of items: are re-counted.
  const itemsMap = isItems ? (container as YMap) : null;
  const itemKeyStarts = itemsMap ? new Set(itemsMap.pairs.map((p) => p.key.start)) : null;
  const problems: ParseProblem[] = [];
  for (const p of record.parsed.problems) {
    if (p.start >= regionStart && p.start < regionEnd) continue;
    const moved = p.start >= regionEnd ? { ...p, start: p.start + delta, end: p.end + delta } : p;
    if (itemKeyStarts && moved.kind === 'duplicate-key' && itemKeyStarts.has(moved.start)) continue;
    problems.push(moved);
  }
  for (const p of parsed.problems) problems.push({ ...p, start: p.start + regionStart, end: p.end + regionStart });
  if (itemsMap) problems.push(...duplicateKeys(itemsMap));
  const comments = record.parsed.comments.map((c) => (c.line >= oldLines.position(regionEnd).line ? { ...c, line: c.line + lineDelta } : c));
  // Only a one-document text without problems gets here (anything else is checked in full).
  const newParsed = { text: newText, lines, root, problems, comments, laterDocumentErrors: 0, firstDocumentEnd: newText.length };

  // The record's entry lists follow the tree.
  let items = record.items;
  let systems = record.systems;
  const definedBefore = systems.map((s) => s.id);
  if (isItems) {
    const at = record.items.findIndex((e) => e.pair === oldEntry);
    const made = (fresh as YPair[]).flatMap((p) => {
      const entry = readItemEntry(p, env.catalog);
      return entry ? [entry] : [];
    });
    items = [...record.items];
    items.splice(at, 1, ...made);
  } else {
    const at = record.systems.findIndex((s) => s.node === oldEntry);
    const made = (fresh as YNode[]).flatMap((n) => {
      const entry = readSystemEntry(n);
      return entry ? [entry] : [];
    });
    systems = [...record.systems];
    systems.splice(at, 1, ...made);
  }
  const newRecord: GovernanceRecord = { ...record, parsed: newParsed, items, systems };
  const input = { ...state.input, text: newText };
  const suppressions = readSuppressions(newParsed);

  // Shift the findings after the region; drop the old entry's. An entry's span ends where the next
  // line starts, so a last entry followed by another top-level key also holds the findings on that
  // key (at regionEnd): they are not the entry's, and stay.
  const atEnd = regionEnd === oldText.length;
  const shift = (placed: Placed[]): Placed[] => placed.map((p) => (p.start >= regionEnd ? movePlaced(p, delta, lineDelta) : p));
  const entryFindings = new Map<object, Placed[]>();
  for (const [key, placed] of state.entries) if (key !== oldEntry) entryFindings.set(key, lineDelta === 0 && delta === 0 ? placed : shift(placed));
  const after = atEnd ? [] : (state.entries.get(oldEntry) ?? []).filter((p) => p.start >= regionEnd);
  const statics = lineDelta === 0 && delta === 0 ? [...state.statics, ...after] : shift([...state.statics, ...after]);

  // The per-entry rules on the new entries alone, with the record's top level around them.
  const place = (f: Finding<RuleCode>): Placed => ({ code: f.code, start: f.start, diagnostic: diagnosticFor(f, lines, env.settings, suppressions) });
  const spans = fresh.map((f) => ('key' in f ? spanOfPair(f) : spanOfNode(f)));
  for (const span of spans) entryFindings.set(span.key, []);
  const alone = isItems
    ? soloRecord(newRecord, top, { ...(container as YMap), pairs: fresh as YPair[] }, items.filter((e) => (fresh as YPair[]).includes(e.pair)), idsOnly(systems), null)
    : soloRecord(newRecord, top, { ...(container as YSeq), items: fresh as YNode[] }, [], systems.filter((s) => (fresh as YNode[]).includes(s.node)), emptyItems(newRecord));
  for (const findings of collectFindings(alone, input, env, ENTRY_RULES)) {
    for (const f of findings) {
      if (f.code === DUPLICATE_ITEM) continue;
      const owner = ownerOf(spans, f.start);
      // (on the key that follows the block: kept above)
      if (owner && (atEnd || f.start < regionEnd + delta)) (entryFindings.get(owner) as Placed[]).push(place(f));
    }
  }
  // A system id that changed changes which item references are unknown.
  const definedAfter = systems.map((s) => s.id);
  if (!isItems && (definedBefore.length !== definedAfter.length || definedBefore.some((id, i) => id !== definedAfter[i]))) {
    const itemSpans = items.map((e) => spanOfPair(e.pair));
    for (const e of items) {
      const placed = entryFindings.get(e.pair);
      if (placed) entryFindings.set(e.pair, placed.filter((p) => p.code !== UNKNOWN_SYSTEM));
    }
    const [found] = collectFindings({ ...newRecord, systems: idsOnly(systems) }, input, env, [systemsRule] as RuleModule[]);
    for (const f of found) {
      const owner = ownerOf(itemSpans, f.start);
      if (owner && f.code === UNKNOWN_SYSTEM) entryFindings.get(owner)?.push(place(f));
    }
  }

  const next: IncrementalState = {
    input,
    settings: state.settings,
    today: state.today,
    bytes,
    record: newRecord,
    entries: entryFindings,
    statics,
    nodes,
    diagnostics: [],
    blocked: null,
  };
  next.diagnostics = assemble(next, recordLevel(newRecord, input, env, suppressions));
  return next;
}

/** Where the edited block and the root end in the new text, when the edit is in the block's last entry. */
interface TailEnds {
  /** the container's end, which is also its top-level pair's */
  container: number;
  /** the root's, when the block runs to the end of the text (otherwise what follows decides it, and it only shifts) */
  root: number | null;
}

/**
 * The ends after an edit in the last entry of a block, from a parse of the block's key line, the
 * new entries and, when another top-level key follows the block, a stand-in key at its place. yaml
 * ends a collection by the lines after its last entry (blank lines, comments and how deep they
 * are indented, the end of the text), never by the entries before it, so this small text ends
 * where the whole one does.
 */
function tailEnds(record: GovernanceRecord, top: YPair, kind: 'map' | 'seq', regionStart: number, chunk: string, atEnd: boolean): TailEnds | string {
  const { text, lines } = record.parsed;
  const keyLine = lines.position(top.key.start).line;
  const keyLineStart = lines.lineStart(keyLine);
  const head = text.slice(keyLineStart, lines.lineStart(keyLine + 1));
  if (head === '' || NOT_LOCAL.test(head)) return 'anchors, tags, tabs, directives or lone CR on the block key line';
  const indent = top.key.start - keyLineStart;
  // The new entries are parsed alone, at the end of their text: where yaml ends the last of them
  // when a key follows is the key's first character, the start of its line only at column 0.
  if (!atEnd && indent > 0) return 'the last entry of an indented root, followed by a key';
  const stand = atEnd ? '' : `${' '.repeat(indent)}x-next: 0${head.endsWith('\r\n') ? '\r\n' : '\n'}`;
  const parsed = parseDocument(head + chunk + stand);
  const pair = parsed.root?.type === 'map' && !parsed.root.flow ? parsed.root.pairs[0] : undefined;
  if (parsed.problems.some((p) => p.kind !== 'duplicate-key') || !pair || pair.key.value !== top.key.value || pair.value?.type !== kind || pair.value.flow || pair.end !== pair.value.end) {
    return 'the last entry does not parse with its block';
  }
  const shift = regionStart - head.length;
  return { container: pair.value.end + shift, root: atEnd ? (parsed.root as YMap).end + shift : null };
}

function isExtension(pair: YPair): boolean {
  return String(pair.key.value ?? '').startsWith('x-');
}

function movePair(pair: YPair, delta: number): void {
  pair.start += delta;
  pair.end += delta;
  pair.key.start += delta;
  pair.key.end += delta;
  if (pair.value) moveBy(pair.value, delta);
}

/** Duplicate keys of the items map, as the parser reports them: every repeat after the first. */
function duplicateKeys(map: YMap): ParseProblem[] {
  const seen = new Set<unknown>();
  const out: ParseProblem[] = [];
  for (const pair of map.pairs) {
    const key = pair.key;
    if (seen.has(key.value)) out.push({ kind: 'duplicate-key', message: 'duplicate key', key: String(key.value), start: key.start, end: key.end });
    seen.add(key.value);
  }
  return out;
}

function movePlaced(p: Placed, delta: number, lineDelta: number): Placed {
  const d = p.diagnostic;
  if (lineDelta === 0) return { ...p, start: p.start + delta };
  const diagnostic = d
    ? { ...d, range: { start: { line: d.range.start.line + lineDelta, character: d.range.start.character }, end: { line: d.range.end.line + lineDelta, character: d.range.end.character } } }
    : null;
  return { code: p.code, start: p.start + delta, diagnostic };
}

/** Systems that only define ids, so the systems rule checks references without re-checking every system. */
function idsOnly(systems: readonly SystemEntry[]): SystemEntry[] {
  return systems.map((s) => ({ ...s, kinds: [], safeguards: [] }));
}

function emptyItems(record: GovernanceRecord): YMap | null {
  const pair = record.itemsPair;
  return pair?.value?.type === 'map' ? { ...pair.value, pairs: [] } : null;
}

/**
 * The record as the per-entry rules see it when only some entries are checked: the same top level,
 * with the edited container holding just the new entries and the other container emptied.
 */
function soloRecord(record: GovernanceRecord, top: YPair, container: YMap | YSeq, items: ItemEntry[], systems: SystemEntry[], itemsValue: YMap | null): GovernanceRecord {
  const root = record.root as YMap;
  const pairs = root.pairs.map((pair) => {
    if (pair === top) return { ...pair, value: container };
    if (pair.key.value === 'systems' && container.type === 'map' && pair.value?.type === 'seq') return { ...pair, value: { ...pair.value, items: [] } };
    if (pair.key.value === 'items' && itemsValue && pair.value?.type === 'map') return { ...pair, value: itemsValue };
    return pair;
  });
  const soloRoot: YMap = { ...root, pairs };
  return { ...record, root: soloRoot, parsed: { ...record.parsed, root: soloRoot, problems: [] }, items, systems };
}
