/**
 * Text edits that keep a record's layout: insert an item entry in guideline order, add a field to
 * an entry, append to a list. Edits never re-serialise YAML, so every comment stays where it was.
 */
import { shortTitle, type GuidelineCatalog } from './catalog';
import type { YNode, YPair } from './parse';
import { asMap, pairOf, type GovernanceRecord, type ItemEntry } from './record';
import type { TextEdit } from './types';

/** A raw edit in offsets; converted to ranges at the end so several edits can share one text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function toTextEdits(record: GovernanceRecord, edits: OffsetEdit[]): TextEdit[] {
  const lines = record.parsed.lines;
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

/**
 * The text with the edits made, last first (so an insertion at the same offset as an edit before it
 * in the list lands before it). Edits that do not overlap are joined in one pass: re-slicing the
 * whole text per edit made 47,000 key renames in 2 MB copy the text 47,000 times.
 */
export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  // Each edit must end at or before the start of the one applied before it: then it only touches text no edit has changed.
  const disjoint = sorted.every((e, i) => e.start >= 0 && e.start <= e.end && e.end <= text.length && (i === 0 || e.end <= sorted[i - 1].start));
  if (!disjoint) {
    let out = text;
    for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  }
  const parts: string[] = [];
  let at = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;

/** A scalar as YAML text: plain when that reads back the same, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  return PLAIN_SAFE.test(value) && value.trim() === value && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

function columnOf(record: GovernanceRecord, offset: number): number {
  return record.parsed.lines.position(offset).character;
}

/** Offset of the start of the line after the one holding `offset - 1` (where a following line goes). */
function afterLineOf(record: GovernanceRecord, end: number): { at: number; needsBreak: boolean } {
  const lines = record.parsed.lines;
  const line = lines.position(Math.max(0, end - 1)).line;
  if (line + 1 < lines.lineCount) return { at: lines.lineStart(line + 1), needsBreak: false };
  return { at: record.parsed.text.length, needsBreak: true };
}

/** Start of the comment lines directly above a line that are indented like it (they belong to it). */
function startWithLeadingComments(record: GovernanceRecord, offset: number): number {
  const lines = record.parsed.lines;
  let line = lines.position(offset).line;
  const indent = columnOf(record, offset);
  while (line > 0) {
    const above = lines.lineText(line - 1);
    const trimmed = above.trimStart();
    if (!trimmed.startsWith('#') || above.length - trimmed.length !== indent) break;
    line--;
  }
  return lines.lineStart(line);
}

export function itemIndent(record: GovernanceRecord): number {
  const first = record.items[0];
  return first ? columnOf(record, first.pair.key.start) : 2;
}

function fieldIndent(record: GovernanceRecord, entry: ItemEntry | null): number {
  const first = entry?.fields && !entry.fields.flow ? entry.fields.pairs[0] : undefined;
  if (first) return columnOf(record, first.key.start);
  return (entry ? columnOf(record, entry.pair.key.start) : itemIndent(record)) + 2;
}

/** What a new entry says: planned work to fill in, or an item the organisation declares not applicable. */
export type EntryKind = 'planned' | 'not-applicable';

const ENTRY_FIELDS: Record<EntryKind, string[]> = {
  planned: ['status: planned', 'owner: ""', 'evidence: []', '# reviewed: YYYY-MM-DD'],
  'not-applicable': ['status: not-applicable', 'justification: ""'],
};

const FLOW_ENTRY: Record<EntryKind, string> = { planned: '{status: planned}', 'not-applicable': '{status: not-applicable, justification: ""}' };

/** The block text of a new entry, with placeholders a reviewer fills in. */
export function entryText(id: string, title: string, indent: number, eol: string, kind: EntryKind = 'planned'): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  return [`${pad}${yamlScalar(id)}: # ${shortTitle(title)}`, ...ENTRY_FIELDS[kind].map((f) => inner + f)].join(eol) + eol;
}

/** The family an id belongs to, for placing a new entry beside its siblings: C (and its sub-items), D, P, U, H, G. */
function familyOf(catalog: GuidelineCatalog, id: string): string {
  const kind = catalog.get(id)?.kind;
  return kind === 'common-sub' ? 'common' : (kind ?? '');
}

/**
 * Where a new entry goes (-1: at the end of items). Beside its siblings in the user's file: right
 * after the sibling that comes closest before it in guideline order (H-12 after H-11, even when the
 * H items stand at the end of the file), else before the closest one after it; without siblings,
 * before the first entry that follows it in guideline order.
 */
function placeFor(record: GovernanceRecord, catalog: GuidelineCatalog, known: ItemEntry[], idOf: (e: ItemEntry) => string, id: string): number {
  const family = familyOf(catalog, id);
  const order = catalog.orderOf(id);
  const siblings = known.filter((e) => familyOf(catalog, idOf(e)) === family);
  const closest = (candidates: ItemEntry[], better: (a: number, b: number) => boolean) =>
    candidates.reduce<ItemEntry | undefined>((best, e) => (!best || better(catalog.orderOf(idOf(e)), catalog.orderOf(idOf(best))) ? e : best), undefined);
  const before = closest(siblings.filter((e) => catalog.orderOf(idOf(e)) < order), (a, b) => a > b);
  if (before) {
    const pairs = asMap(record.itemsPair?.value)?.pairs ?? [];
    const following = pairs[indexOfPair(pairs, before.pair) + 1];
    return following ? startWithLeadingComments(record, following.key.start) : -1;
  }
  const after = closest(siblings.filter((e) => catalog.orderOf(idOf(e)) > order), (a, b) => a < b);
  if (after) return startWithLeadingComments(record, after.pair.key.start);
  const next = known.find((e) => catalog.orderOf(idOf(e)) > order);
  return next ? startWithLeadingComments(record, next.pair.key.start) : -1;
}

/** Inserts entries for `ids` (canonical) beside their siblings in the user's file, else in guideline order. */
export function insertItems(record: GovernanceRecord, catalog: GuidelineCatalog, ids: string[], kind: EntryKind = 'planned'): OffsetEdit[] {
  const eol = record.parsed.lines.eol;
  const text = record.parsed.text;
  const sorted = [...ids].sort((a, b) => catalog.orderOf(a) - catalog.orderOf(b));
  const title = (id: string) => catalog.get(id)?.title ?? '';
  const itemsPair = record.itemsPair;
  const itemsValue = itemsPair?.value ?? null;

  if (!itemsPair) {
    const block = sorted.map((id) => entryText(id, title(id), 2, eol, kind)).join('');
    // Into the first document: after a `---`, the items would belong to a second one.
    const end = record.parsed.firstDocumentEnd;
    const prefix = end === 0 || /[\r\n]$/.test(text.slice(0, end)) ? '' : eol;
    return [{ start: end, end, newText: `${prefix}items:${eol}${block}` }];
  }
  const map = asMap(itemsValue);
  if (!itemsValue || (map && map.flow && map.pairs.length === 0) || (itemsValue.type === 'scalar' && itemsValue.value === null)) {
    const block = sorted.map((id) => entryText(id, title(id), 2, eol, kind)).join('');
    if (itemsValue && itemsValue.end > itemsValue.start) {
      return [{ start: itemsValue.start, end: itemsValue.end, newText: `${eol}${block.replace(new RegExp(`${eol}$`), '')}` }];
    }
    const lineEnd = record.parsed.lines.lineEnd(record.parsed.lines.position(itemsPair.key.start).line);
    return [{ start: lineEnd, end: lineEnd, newText: `${eol}${block.replace(new RegExp(`${eol}$`), '')}` }];
  }
  if (!map) return [];
  if (map.flow) {
    const close = map.end - 1;
    if (text[close] !== '}') return [];
    const added = sorted.map((id) => `${yamlScalar(id)}: ${FLOW_ENTRY[kind]}`).join(', ');
    return [{ start: close, end: close, newText: `, ${added}` }];
  }
  const indent = itemIndent(record);
  const known = record.items.filter((e) => e.resolution.status !== 'unknown');
  const idOf = (e: ItemEntry) => (e.resolution.status === 'unknown' ? '' : e.resolution.id);
  const groups = new Map<number, string[]>();
  for (const id of sorted) {
    const at = placeFor(record, catalog, known, idOf, id);
    groups.set(at, [...(groups.get(at) ?? []), id]);
  }
  const edits: OffsetEdit[] = [];
  for (const [at, group] of groups) {
    const block = group.map((id) => entryText(id, title(id), indent, eol, kind)).join('');
    if (at >= 0) {
      edits.push({ start: at, end: at, newText: block });
    } else {
      const after = afterLineOf(record, map.end);
      edits.push({ start: after.at, end: after.at, newText: (after.needsBreak ? eol : '') + block });
    }
  }
  return edits;
}

/** Rewrites an item key, keeping its quoting style (the entry's value and comments stay as they are). */
export function renameKey(entry: ItemEntry, id: string): OffsetEdit {
  const key = entry.pair.key;
  const newText = key.style === 'QUOTE_DOUBLE' ? JSON.stringify(id) : key.style === 'QUOTE_SINGLE' ? `'${id}'` : yamlScalar(id);
  return { start: key.start, end: key.end, newText };
}

/** Where a pair sits among a map's pairs (in text order): a binary search on its start, a scan if that misses. */
function indexOfPair(pairs: readonly YPair[], pair: YPair): number {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid] === pair) return mid;
    if (pairs[mid].start < pair.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return pairs.indexOf(pair);
}

/** The whole lines of a block entry: from its key's line to the line before the next entry (or the end). */
export function entryLines(record: GovernanceRecord, entry: ItemEntry): { start: number; end: number } | null {
  const map = asMap(record.itemsPair?.value);
  if (!map || map.flow) return null;
  const lines = record.parsed.lines;
  const start = lines.lineStart(lines.position(entry.pair.key.start).line);
  const next = map.pairs[indexOfPair(map.pairs, entry.pair) + 1];
  const end = next ? startWithLeadingComments(record, next.key.start) : afterLineOf(record, entry.pair.value?.end ?? entry.pair.end).at;
  return end > start ? { start, end } : null;
}

/** Adds `key: value` (value already YAML text) as the last field of an item entry. */
export function addField(record: GovernanceRecord, entry: ItemEntry, key: string, valueText: string): OffsetEdit | null {
  const eol = record.parsed.lines.eol;
  const fields = entry.fields;
  if (fields && fields.flow) {
    const close = fields.end - 1;
    if (record.parsed.text[close] !== '}') return null;
    return { start: close, end: close, newText: `${fields.pairs.length ? ', ' : ''}${key}: ${valueText}` };
  }
  const pad = ' '.repeat(fieldIndent(record, entry));
  if (fields && fields.pairs.length) {
    const after = afterLineOf(record, fields.end);
    return { start: after.at, end: after.at, newText: `${after.needsBreak ? eol : ''}${pad}${key}: ${valueText}${eol}` };
  }
  const value = entry.pair.value;
  if (value && !(value.type === 'scalar' && value.value === null)) return null;
  const line = record.parsed.lines.position(entry.pair.key.start).line;
  const lineEnd = record.parsed.lines.lineEnd(line);
  return { start: lineEnd, end: lineEnd, newText: `${eol}${pad}${key}: ${valueText}` };
}

/** Sets an existing scalar field, or adds it. */
export function setField(record: GovernanceRecord, entry: ItemEntry, key: string, valueText: string): OffsetEdit | null {
  const pair = pairOf(entry.fields, key);
  if (pair?.value && pair.value.type === 'scalar' && pair.value.end > pair.value.start) {
    return { start: pair.value.start, end: pair.value.end, newText: valueText };
  }
  if (pair) {
    const lineEnd = record.parsed.lines.lineEnd(record.parsed.lines.position(pair.key.start).line);
    const keyEnd = record.parsed.text.indexOf(':', pair.key.end);
    return keyEnd !== -1 && keyEnd < lineEnd ? { start: keyEnd + 1, end: keyEnd + 1, newText: ` ${valueText}` } : null;
  }
  return addField(record, entry, key, valueText);
}

/** Appends a string to the entry's `evidence` list, whatever its style, creating the list if needed. */
export function appendEvidence(record: GovernanceRecord, entry: ItemEntry, path: string): OffsetEdit | null {
  const eol = record.parsed.lines.eol;
  const pair: YPair | null = pairOf(entry.fields, 'evidence');
  const value: YNode | null = pair?.value ?? null;
  const item = yamlScalar(path);
  if (!pair) return addField(record, entry, 'evidence', `[${item}]`);
  if (!value || (value.type === 'scalar' && value.value === null)) return setField(record, entry, 'evidence', `[${item}]`);
  if (value.type !== 'seq') return null;
  if (value.flow) {
    const close = value.end - 1;
    if (record.parsed.text[close] !== ']') return null;
    return { start: close, end: close, newText: `${value.items.length ? ', ' : ''}${item}` };
  }
  const last = value.items[value.items.length - 1];
  if (!last) return null;
  const dash = record.parsed.text.lastIndexOf('-', last.start);
  const pad = ' '.repeat(columnOf(record, dash));
  const after = afterLineOf(record, last.end);
  return { start: after.at, end: after.at, newText: `${after.needsBreak ? eol : ''}${pad}- ${item}${eol}` };
}
