/**
 * What the dashboard shows of each record, computed from the coverage model alone (pure: no vscode
 * import, unit-tested): a principle × state matrix, progress per role and per system, stale reviews,
 * broken evidence, not-applicable items without a justification, and the items of each owner. Every
 * cell names the items behind it, so a click can take the user to their lines.
 */
import type { WorkspaceCoverageRequest } from '../../server/src/protocol';

type CoverageRecord = WorkspaceCoverageRequest.Record;
type CoverageItem = CoverageRecord['items'][number];
type Summary = CoverageRecord['summary'];

export const MATRIX_STATES = ['implemented', 'partial', 'planned', 'not-applicable', 'missing'] as const;

/** An item a cell or a list points at: the record, the canonical id, and a label to read. */
export interface ItemRef {
  id: string;
  label: string;
  /** counted in the progress (the roles require it) */
  required: boolean;
}

export interface MatrixRow {
  group: string;
  label: string;
  summary: Summary;
  /** per MATRIX_STATES, the items in that state (required, expected and recommended alike) */
  cells: ItemRef[][];
}

export interface RecordView {
  uri: string;
  label: string;
  state: CoverageRecord['state'];
  reason?: string;
  summary: Summary;
  matrix: MatrixRow[];
  roles: Array<{ role: string; summary: Summary }>;
  systems: Array<{ id: string; summary: Summary; items: ItemRef[] }>;
  stale: ItemRef[];
  broken: ItemRef[];
  unjustified: ItemRef[];
  owners: Array<{ owner: string; summary: Summary; items: ItemRef[] }>;
}

export interface ViewOptions {
  language: 'ja' | 'en';
  label(uri: string): string;
}

const NO_OWNER = '';

export function recordView(record: CoverageRecord, options: ViewOptions): RecordView {
  const titleOf = (x: { title: string; titleEn: string }) => (options.language === 'ja' ? x.title : x.titleEn);
  const ref = (item: CoverageItem): ItemRef => ({ id: item.id, label: `${item.id} ${titleOf(item)}`, required: item.requirement === 'required' });
  const byId = new Map(record.items.map((i) => [i.id, i]));
  const refs = (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [ref(byId.get(id)!)] : []));
  const matrix = record.principles.map((group): MatrixRow => {
    const members = group.items.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return {
      group: group.id,
      label: `${group.id.startsWith('C-') ? `${group.id.slice(2)}) ` : ''}${titleOf(group)}`,
      summary: group.summary,
      cells: MATRIX_STATES.map((state) => members.filter((i) => i.state === state).map(ref)),
    };
  });
  const written = record.items.filter((i) => i.state !== 'missing');
  const owners = new Map<string, CoverageItem[]>();
  for (const item of written) {
    const key = item.owner ?? NO_OWNER;
    owners.set(key, [...(owners.get(key) ?? []), item]);
  }
  const ownerSummary = new Map(record.owners.map((o) => [o.owner, o.summary]));
  return {
    uri: record.uri,
    label: options.label(record.uri),
    state: record.state,
    reason: record.reason?.message,
    summary: record.summary,
    matrix,
    roles: record.roles.map((r) => ({ role: r.role, summary: r.summary })),
    systems: record.systems.map((s) => ({ id: s.id, summary: s.summary, items: refs(s.items) })),
    stale: record.items.filter((i) => i.review === 'stale' || i.review === 'future' || i.review === 'invalid').map(ref),
    broken: record.items.filter((i) => i.evidence.state === 'broken').map(ref),
    unjustified: record.items.filter((i) => i.state === 'not-applicable' && !i.justification).map(ref),
    owners: [...owners]
      .sort(([a], [b]) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)))
      .map(([owner, items]) => ({ owner, summary: ownerSummary.get(owner) ?? summaryOf(items), items: items.map(ref) })),
  };
}

function summaryOf(items: readonly CoverageItem[]): Summary {
  const s: Summary = { required: 0, implemented: 0, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 0 };
  for (const i of items) {
    if (i.requirement !== 'required') continue;
    s.required++;
    if (i.state === 'not-applicable') s.notApplicable++;
    else s[i.state]++;
    if (i.done) s.done++;
  }
  return s;
}
