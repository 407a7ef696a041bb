/**
 * Brings an edited checklist back into the record: for each row, the fields whose cells differ
 * from what the report exported (state, owner, evidence, reviewed, justification, note) are
 * written with the text edits of ./edits (never re-serialising the YAML, so every comment, the
 * order and the style of everything else stay); a row of a missing item with a state adds the
 * item in guideline order. Any bad row refuses the whole import, naming the row and the value.
 * The result is re-checked: what the record says afterwards must be what the sheet says.
 */
import type { CheckedDocument, Engine } from './index';
import type { CoverageItem } from './coverage';
import { applyOffsetEdits, insertItems, setField, addField, yamlScalar, type OffsetEdit } from './edits';
import type { YNode } from './parse';
import { pairOf, type GovernanceRecord, type ItemEntry } from './record';
import { STATUSES } from './vocabulary';

export const CHECKLIST_FIELDS = ['status', 'owner', 'evidence', 'reviewed', 'justification', 'note'] as const;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];

export interface ChecklistRow {
  /** the spreadsheet's row number */
  row: number;
  id: string;
  /** cell text per field; a field absent here was not in the sheet and is left alone */
  values: Partial<Record<ChecklistField, string>>;
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportChange {
  row: number;
  id: string;
  added: boolean;
  fields: ChecklistField[];
}

export interface ImportResult {
  /** the new text of the record; the old one, byte for byte, when nothing changed or something was refused */
  text: string;
  problems: ImportProblem[];
  changes: ImportChange[];
}

/** The states a sheet may say, in the record's words or the report's Japanese / English labels. */
const STATE_ALIASES: Record<string, string> = {
  実施済み: 'implemented',
  一部実施: 'partial',
  計画中: 'planned',
  対象外: 'not-applicable',
  未記載: 'missing',
  'not applicable': 'not-applicable',
};

function normaliseState(value: string): string {
  const v = value.trim();
  const lower = v.toLowerCase();
  return STATE_ALIASES[v] ?? STATE_ALIASES[lower] ?? lower;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const splitEvidence = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** The facts of an item a checklist row shows (coverage and report items both have them). */
export type ChecklistFacts = Pick<CoverageItem, 'state' | 'owner' | 'evidence' | 'reviewed' | 'justification' | 'note'>;

/** What a checklist cell says for a field: the export writes exactly this, and import compares with it. */
export function checklistValue(item: ChecklistFacts, field: ChecklistField): string {
  switch (field) {
    case 'status':
      return item.state;
    case 'owner':
      return item.owner ?? '';
    case 'evidence':
      return item.evidence.paths.join('\n');
    case 'reviewed':
      return item.reviewed ?? '';
    case 'justification':
      return item.justification ?? '';
    case 'note':
      return item.note ?? '';
  }
}

/** What the record says now, in the sheet's terms; an item the record lacks is "missing". */
function current(item: CoverageItem | undefined, field: ChecklistField): string {
  if (!item) return field === 'status' ? 'missing' : '';
  return checklistValue(item, field);
}

function same(field: ChecklistField, a: string, b: string): boolean {
  return field === 'evidence' ? splitEvidence(a).join('\n') === splitEvidence(b).join('\n') : a.trim() === b.trim();
}

/** Values YAML would read as something other than this string (null, booleans, numbers). */
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?\.(?:inf|nan)|[-+]?[0-9][0-9_.:eExXoOa-fA-F+-]*)$/i;

/** A scalar as YAML text that reads back as exactly this string. */
function scalarText(value: string, key: string): string {
  if (key === 'reviewed' && isDate(value)) return value;
  if (value === '' || /[\n\t]/.test(value) || NOT_A_STRING.test(value)) return JSON.stringify(value);
  return yamlScalar(value);
}

/** A scalar inside a flow sequence: also quoted when it holds a flow indicator. */
function flowItem(value: string): string {
  const text = scalarText(value, '');
  return !text.startsWith('"') && /[,[\]{}]/.test(text) ? JSON.stringify(value) : text;
}

/** Replaces a scalar's text, keeping its quoting style where that can hold the new value. */
function replaceScalar(record: GovernanceRecord, node: YNode, value: string, key: string): OffsetEdit {
  const old = record.parsed.text.slice(node.start, node.end);
  // A block scalar's range may end with its line break: keep it.
  const trailing = /\s*$/.exec(old)?.[0] ?? '';
  // An empty placeholder ("") takes the plainest form of its new value.
  const style = node.type === 'scalar' && node.value !== '' ? node.style : '';
  let text: string;
  if (style === 'QUOTE_DOUBLE') text = JSON.stringify(value);
  else if (style === 'QUOTE_SINGLE' && !/\n/.test(value)) text = `'${value.replace(/'/g, "''")}'`;
  else text = scalarText(value, key);
  return { start: node.start, end: node.end - trailing.length, newText: text };
}

function setScalar(record: GovernanceRecord, entry: ItemEntry, key: string, value: string): OffsetEdit | null {
  const pair = pairOf(entry.fields, key);
  if (pair?.value && pair.value.type === 'scalar' && pair.value.end > pair.value.start) return replaceScalar(record, pair.value, value, key);
  return setField(record, entry, key, scalarText(value, key));
}

/**
 * Evidence edits: a block list keeps the lines of the paths that stay (comments included), loses
 * the lines of removed paths and gains new ones at its end; a flow list or a scalar is rewritten.
 * Returns the edits and the list the record will hold.
 */
function setEvidence(record: GovernanceRecord, entry: ItemEntry, wanted: string[]): { edits: OffsetEdit[]; result: string[] } | null {
  const text = record.parsed.text;
  const lines = record.parsed.lines;
  const eol = lines.eol;
  const pair = pairOf(entry.fields, 'evidence');
  const value = pair?.value ?? null;
  const flow = `[${wanted.map(flowItem).join(', ')}]`;
  if (!pair) {
    const edit = addField(record, entry, 'evidence', flow);
    return edit ? { edits: [edit], result: wanted } : null;
  }
  if (!value || (value.type === 'scalar' && (value.value === null || value.end === value.start))) {
    const edit = setField(record, entry, 'evidence', flow);
    return edit ? { edits: [edit], result: wanted } : null;
  }
  if (value.type === 'scalar' || (value.type === 'seq' && value.flow)) return { edits: [{ start: value.start, end: value.end, newText: flow }], result: wanted };
  if (value.type !== 'seq') return null;
  const items = value.items.map((node) => ({ node, path: node.type === 'scalar' && node.value !== null ? String(node.value) : null }));
  if (items.some((i) => i.path === null)) return null;
  const keep = items.filter((i) => wanted.includes(i.path!));
  const removed = items.filter((i) => !wanted.includes(i.path!));
  const added = wanted.filter((p) => !items.some((i) => i.path === p));
  const edits: OffsetEdit[] = [];
  for (const { node } of removed) {
    const dash = text.lastIndexOf('-', node.start);
    const first = lines.position(dash).line;
    const last = lines.position(Math.max(node.start, node.end - 1)).line;
    edits.push({ start: lines.lineStart(first), end: last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length, newText: '' });
  }
  const lastItem = value.items[value.items.length - 1];
  const firstDash = text.lastIndexOf('-', value.items[0].start);
  const pad = ' '.repeat(lines.position(firstDash).character);
  if (added.length) {
    const lastLine = lines.position(Math.max(lastItem.start, lastItem.end - 1)).line;
    const at = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
    const needsBreak = at === text.length && !text.endsWith('\n');
    edits.push({ start: at, end: at, newText: (needsBreak ? eol : '') + added.map((p) => `${pad}- ${scalarText(p, '')}${eol}`).join('') });
  }
  if (keep.length === 0 && added.length === 0) {
    // Every path removed: the key stays, holding an empty list.
    const colon = text.indexOf(':', pair.key.end);
    edits.push({ start: colon + 1, end: colon + 1, newText: ' []' });
  }
  return { edits, result: [...keep.map((i) => i.path!), ...added] };
}

interface Planned {
  row: number;
  id: string;
  add: boolean;
  values: Partial<Record<ChecklistField, string>>;
}

const refuse = (text: string, problems: ImportProblem[]): ImportResult => ({ text, problems, changes: [] });

export function importChecklist(engine: Engine, document: CheckedDocument, rows: readonly ChecklistRow[]): ImportResult {
  const original = document.input.text;
  const coverage = engine.coverage(document);
  if (document.state !== 'parsed' || !coverage || coverage.incomplete) {
    return refuse(original, [{ row: 0, column: '', message: 'the record has syntax errors or could not be read: fix it before importing' }]);
  }
  const items = new Map(coverage.items.map((i) => [i.id, i]));
  const entries = new Map(document.record.items.flatMap((e) => (e.resolution.status === 'unknown' ? [] : [[e.resolution.id, e] as const])));
  const problems: ImportProblem[] = [];
  const planned: Planned[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const problem = (column: string, message: string) => problems.push({ row: row.row, column, message });
    const resolution = engine.resolveId(row.id);
    if (resolution.status === 'unknown') {
      problem('ID', `unknown item id "${row.id}"`);
      continue;
    }
    const id = resolution.id;
    if (seen.has(id)) {
      problem('ID', `"${row.id}" is the item ${id} again (first in row ${seen.get(id)})`);
      continue;
    }
    seen.set(id, row.row);
    const item = items.get(id);
    if (!item) {
      problem('ID', `${id} does not apply to this record (its roles and advancedAI)`);
      continue;
    }
    const values: Planned['values'] = {};
    for (const field of CHECKLIST_FIELDS) {
      const cell = row.values[field];
      if (cell === undefined) continue;
      const value = field === 'status' ? normaliseState(cell) : cell;
      if (field === 'status' && value !== 'missing' && !(STATUSES as readonly string[]).includes(value)) {
        problem(field, `"${cell}" is not a state: use one of ${STATUSES.join(', ')}`);
        continue;
      }
      if (field === 'reviewed' && value !== '' && !isDate(value)) {
        problem(field, `"${cell}" is not a date (YYYY-MM-DD)`);
        continue;
      }
      if (!same(field, value, current(item, field))) values[field] = value;
    }
    const fields = Object.keys(values) as ChecklistField[];
    if (fields.length === 0) continue;
    const entry = entries.get(id);
    if (!entry && item.coveredBy) {
      problem(fields[0], `${id} is recorded through its sub-items (${item.coveredBy.join(', ')}): edit their rows instead`);
      continue;
    }
    if (values.status === 'missing') {
      problem('status', entry ? `"missing" would remove ${id}: delete the item in the YAML instead` : `give ${id} a state to add it`);
      continue;
    }
    if (!entry && values.status === undefined) {
      problem('status', `${id} is not in the record: give it a state to add it`);
      continue;
    }
    if (values.reviewed === '' && current(item, 'reviewed') !== '') {
      problem('reviewed', `the review date of ${id} cannot be emptied by import: edit the YAML`);
      continue;
    }
    planned.push({ row: row.row, id, add: !entry, values });
  }
  if (problems.length) return refuse(original, problems);
  if (planned.length === 0) return { text: original, problems: [], changes: [] };

  // 1. New items, in guideline order, as planned entries; 2. every field, on the re-read text.
  const additions = planned.filter((p) => p.add).map((p) => p.id);
  const settings = document.settings;
  let text = original;
  let doc: CheckedDocument = document;
  if (additions.length) {
    text = applyOffsetEdits(text, insertItems(document.record, engine.catalog, additions, 'planned'));
    doc = engine.check({ ...document.input, text }, settings);
  }
  const record = doc.state === 'parsed' ? doc.record : null;
  const after = record ? engine.coverage(doc) : null;
  if (!record || !after) return refuse(original, [{ row: 0, column: '', message: 'could not add the new items safely' }]);
  const afterItems = new Map(after.items.map((i) => [i.id, i]));
  const afterEntries = new Map(record.items.flatMap((e) => (e.resolution.status === 'unknown' ? [] : [[e.resolution.id, e] as const])));
  const edits: OffsetEdit[] = [];
  const intended = new Map<string, Partial<Record<ChecklistField, string>>>();
  const changes: ImportChange[] = [];
  for (const plan of planned) {
    const entry = afterEntries.get(plan.id);
    const item = afterItems.get(plan.id);
    if (!entry) return refuse(original, [{ row: plan.row, column: 'ID', message: `could not add ${plan.id} safely` }]);
    const want: Partial<Record<ChecklistField, string>> = {};
    const fields: ChecklistField[] = [];
    for (const field of CHECKLIST_FIELDS) {
      const value = plan.values[field];
      if (value === undefined || same(field, value, current(item, field))) continue;
      if (field === 'evidence') {
        const change = setEvidence(record, entry, splitEvidence(value));
        if (!change) return refuse(original, [{ row: plan.row, column: field, message: `the evidence of ${plan.id} is written in a form import cannot edit: edit the YAML` }]);
        edits.push(...change.edits);
        want.evidence = change.result.join('\n');
      } else {
        const edit = setScalar(record, entry, field, value);
        if (!edit) return refuse(original, [{ row: plan.row, column: field, message: `the ${field} of ${plan.id} is written in a form import cannot edit: edit the YAML` }]);
        edits.push(edit);
        want[field] = value;
      }
      fields.push(field);
    }
    intended.set(plan.id, want);
    changes.push({ row: plan.row, id: plan.id, added: plan.add, fields });
  }
  text = applyOffsetEdits(text, edits);

  // What the record says now must be what the sheet said; otherwise nothing is written.
  const final = engine.check({ ...document.input, text }, settings);
  const finalCoverage = final.state === 'parsed' ? engine.coverage(final) : null;
  if (!finalCoverage || finalCoverage.incomplete) return refuse(original, [{ row: 0, column: '', message: 'the edits would break the record: nothing was written' }]);
  const finalItems = new Map(finalCoverage.items.map((i) => [i.id, i]));
  for (const plan of planned) {
    for (const [field, value] of Object.entries(intended.get(plan.id) ?? {}) as Array<[ChecklistField, string]>) {
      if (!same(field, value, current(finalItems.get(plan.id), field))) {
        return refuse(original, [{ row: plan.row, column: field, message: `could not write "${value}" into ${plan.id} safely: edit the YAML` }]);
      }
    }
  }
  return { text, problems: [], changes };
}
