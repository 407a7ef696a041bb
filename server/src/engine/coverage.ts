/**
 * The coverage model (DESIGN §9): for every item that applies to a record, its state and the facts
 * around it, and summaries over the required items. Built from the parse and the diagnostics the
 * check already made, never a second parse. The status bar, the tree view, the dashboard and
 * `ai-governance report` all read this one model.
 */
import { shortTitle, type GuidelineCatalog } from './catalog';
import type { CatalogItem, LevelPolicy, LevelWord, Role } from './catalogTypes';
import { pairOf, scalarText, stringsOf, type GovernanceRecord, type ItemEntry } from './record';
import { isBrokenEvidence } from './rules/evidence';
import type { EngineDiagnostic, Range, Severity } from './types';

export type ItemState = 'implemented' | 'partial' | 'planned' | 'not-applicable' | 'missing';
export type EvidenceState = 'present' | 'broken' | 'none';
export type ReviewState = 'fresh' | 'stale' | 'future' | 'never' | 'invalid';

export const ITEM_STATES: readonly ItemState[] = ['implemented', 'partial', 'planned', 'not-applicable', 'missing'];

export interface CoverageFinding {
  code: string;
  severity: Severity;
  message: string;
  line: number;
}

export interface CoverageItem {
  /** canonical id */
  id: string;
  title: string;
  titleEn: string;
  /** the guideline's own word: すべき / 重要 / 期待される */
  word: LevelWord;
  requirement: LevelPolicy;
  state: ItemState;
  /** implemented, or not-applicable with a justification */
  done: boolean;
  /** the key as the user wrote it (an alias stays an alias here); absent for a missing item */
  key?: string;
  /** where the entry's key is, for "reveal in file" */
  range?: Range;
  /** a principle covered by its sub-items instead of its own key: the sub-item ids present */
  coveredBy?: string[];
  /** sub-items still missing when a principle is covered by some of them only */
  missingSubItems?: string[];
  owner?: string;
  evidence: { paths: string[]; state: EvidenceState };
  reviewed?: string;
  review: ReviewState;
  justification?: string;
  note?: string;
  systems: string[];
  findings: CoverageFinding[];
  /** the group this item is counted in (see CoverageGroup.id) */
  group: string;
}

/** Counts over the required items. done = implemented + not-applicable with a justification. */
export interface CoverageSummary {
  required: number;
  implemented: number;
  partial: number;
  planned: number;
  notApplicable: number;
  missing: number;
  done: number;
}

export interface CoverageGroup {
  /** "C-2" for principle 2) 安全性 (gathers C-2, C-2-k, D-2 …, P-2 …, U-2 …, and H items related to it), "G-3" for 行動目標3 */
  id: string;
  title: string;
  titleEn: string;
  summary: CoverageSummary;
  /** ids of the items of the group, in guideline order (an H item may stand in several groups) */
  items: string[];
}

export interface RecordCoverage {
  summary: CoverageSummary;
  items: CoverageItem[];
  /** the ten common principles, then the 行動目標 groups */
  principles: CoverageGroup[];
  roles: Array<{ role: Role; summary: CoverageSummary }>;
  systems: Array<{ id: string; summary: CoverageSummary; items: string[] }>;
  owners: Array<{ owner: string; summary: CoverageSummary; items: string[] }>;
  /** the record has syntax errors: what could be read is shown, the rest is unknown */
  incomplete: boolean;
}

export interface CoverageOptions {
  /** today as YYYY-MM-DD */
  today: string;
  reviewMaxAgeDays: number;
}

const EMPTY: CoverageSummary = { required: 0, implemented: 0, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 0 };

const STATE_FIELD: Record<ItemState, keyof CoverageSummary> = {
  implemented: 'implemented',
  partial: 'partial',
  planned: 'planned',
  'not-applicable': 'notApplicable',
  missing: 'missing',
};

/** Counts the required items among these (items of other requirements are listed, not counted). */
export function summarise(items: Iterable<CoverageItem>): CoverageSummary {
  const summary = { ...EMPTY };
  for (const item of items) {
    if (item.requirement !== 'required') continue;
    summary.required++;
    summary[STATE_FIELD[item.state]]++;
    if (item.done) summary.done++;
  }
  return summary;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(date.getTime() / 86_400_000);
}

function reviewState(reviewed: string | undefined, options: CoverageOptions): ReviewState {
  if (reviewed === undefined) return 'never';
  const day = dayNumber(reviewed);
  const today = dayNumber(options.today);
  if (day === null) return 'invalid';
  if (today === null) return 'fresh';
  if (day > today) return 'future';
  return today - day > options.reviewMaxAgeDays ? 'stale' : 'fresh';
}

const STATUS_VALUES: ReadonlySet<string> = new Set(['implemented', 'partial', 'planned', 'not-applicable']);

/** The principle number an item is counted under: 2 for C-2, C-2-1, D-2 i, P-2 ii, U-2 i. */
function principleNumber(item: CatalogItem): number | null {
  const m = /^[CDPU]-(\d+)/.exec(item.id);
  return m ? Number(m[1]) : null;
}

/** "2）安全性" → 2 */
function relatedNumber(related: string): number | null {
  const m = /^(\d+)/.exec(related.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** The groups an item belongs to: its principle, the principles an H item relates to, or its 行動目標. */
function groupsOf(item: CatalogItem): string[] {
  if (item.kind === 'goal') return [`G-${item.id.split('-')[1]}`];
  if (item.kind === 'advanced') {
    const numbers = item.related.map(relatedNumber).filter((n): n is number => n !== null);
    return numbers.length > 0 ? [...new Set(numbers)].map((n) => `C-${n}`) : ['H'];
  }
  const n = principleNumber(item);
  return n === null ? [] : [`C-${n}`];
}

interface Facts {
  state: ItemState;
  done: boolean;
  owner?: string;
  evidence: string[];
  reviewed?: string;
  justification?: string;
  note?: string;
  systems: string[];
}

function factsOf(entry: ItemEntry, today: number | null): Facts {
  const fields = entry.fields;
  const text = (key: string): string | undefined => {
    const value = scalarText(pairOf(fields, key)?.value)?.trim();
    return value ? value : undefined;
  };
  const status = text('status');
  // An entry without a (valid) status is written down but not yet worked on: planned, never done.
  const state: ItemState = status && STATUS_VALUES.has(status) ? (status as ItemState) : 'planned';
  const justification = text('justification');
  // A waiver past its `until` is no longer granted: not done until it is renewed or the item is worked on.
  const until = text('until');
  const untilDay = until === undefined ? null : dayNumber(until);
  const expired = untilDay !== null && today !== null && untilDay < today;
  return {
    state,
    done: state === 'implemented' || (state === 'not-applicable' && justification !== undefined && !expired),
    owner: text('owner'),
    evidence: stringsOf(pairOf(fields, 'evidence')?.value).map((e) => e.value),
    reviewed: text('reviewed'),
    justification,
    note: text('note'),
    systems: stringsOf(pairOf(fields, 'systems')?.value).map((s) => s.value),
  };
}

/** The worst of the sub-items' states, for a principle covered by all of its sub-items. */
const STATE_RANK: Record<ItemState, number> = { missing: 0, planned: 1, partial: 2, 'not-applicable': 3, implemented: 4 };

function combine(facts: Facts[]): Facts {
  const worst = facts.reduce((a, b) => (STATE_RANK[b.state] < STATE_RANK[a.state] ? b : a));
  const allNotApplicable = facts.every((f) => f.state === 'not-applicable');
  const state: ItemState = allNotApplicable ? 'not-applicable' : worst.state === 'not-applicable' ? 'implemented' : worst.state;
  const owners = [...new Set(facts.flatMap((f) => (f.owner ? [f.owner] : [])))];
  return {
    state,
    done: facts.every((f) => f.done),
    owner: owners.length > 0 ? owners.join(', ') : undefined,
    evidence: facts.flatMap((f) => f.evidence),
    reviewed: facts.flatMap((f) => (f.reviewed ? [f.reviewed] : [])).sort()[0],
    systems: [...new Set(facts.flatMap((f) => f.systems))],
  };
}

export function recordCoverage(record: GovernanceRecord, diagnostics: readonly EngineDiagnostic[], catalog: GuidelineCatalog, options: CoverageOptions): RecordCoverage {
  const roles = record.roles.map((r) => r.role);
  const lines = record.parsed.lines;
  const todayNumber = dayNumber(options.today);
  const entries = new Map<string, ItemEntry>();
  for (const entry of record.items) {
    // The first entry of an id counts; a duplicate is a finding of its own.
    if (entry.resolution.status !== 'unknown' && !entries.has(entry.resolution.id)) entries.set(entry.resolution.id, entry);
  }

  // Findings of each item: by the item id a diagnostic names, else by the entry its range lies in.
  const findingsOf = new Map<string, CoverageFinding[]>();
  const brokenEvidence = new Set<string>();
  const lineOfEntry = (entry: ItemEntry) => ({ from: lines.position(entry.pair.start).line, to: lines.position(entry.pair.value?.end ?? entry.pair.end).line });
  const spans = [...entries].map(([id, entry]) => ({ id, ...lineOfEntry(entry) }));
  for (const d of diagnostics) {
    const id = d.data.itemId && catalog.has(d.data.itemId) ? d.data.itemId : spans.find((s) => d.range.start.line >= s.from && d.range.start.line <= s.to)?.id;
    if (!id) continue;
    const list = findingsOf.get(id) ?? [];
    list.push({ code: d.code, severity: d.severity, message: d.message, line: d.range.start.line });
    findingsOf.set(id, list);
    if (isBrokenEvidence(d.code)) brokenEvidence.add(id);
  }

  const items: CoverageItem[] = [];
  for (const item of catalog.items) {
    const requirement = catalog.requirement(item, roles, record.advancedAI);
    if (requirement === 'not-applicable') continue;
    const entry = entries.get(item.id);
    let facts: Facts;
    let coveredBy: string[] | undefined;
    let missingSubItems: string[] | undefined;
    const children = item.kind === 'common' ? catalog.children(item.id) : [];
    if (entry) {
      facts = factsOf(entry, todayNumber);
    } else if (children.length > 0 && children.some((c) => entries.has(c.id))) {
      const present = children.filter((c) => entries.has(c.id));
      coveredBy = present.map((c) => c.id);
      const absent = children.filter((c) => !entries.has(c.id)).map((c) => c.id);
      const combined = combine(present.map((c) => factsOf(entries.get(c.id)!, todayNumber)));
      if (absent.length > 0) {
        // Some sub-items are written, others are not: work exists but the principle is not covered.
        missingSubItems = absent;
        facts = { ...combined, state: combined.state === 'missing' ? 'missing' : 'partial', done: false };
      } else {
        facts = combined;
      }
    } else {
      facts = { state: 'missing', done: false, evidence: [], systems: [] };
    }
    const evidenceIds = coveredBy ?? [item.id];
    const broken = evidenceIds.some((id) => brokenEvidence.has(id));
    items.push({
      id: item.id,
      title: shortTitle(item.title),
      titleEn: shortTitle(item.titleEn),
      word: item.level.word,
      requirement,
      state: facts.state,
      done: facts.done,
      key: entry?.rawId,
      range: entry ? lines.range(entry.pair.key.start, entry.pair.key.end) : undefined,
      coveredBy,
      missingSubItems,
      owner: facts.owner,
      evidence: { paths: facts.evidence, state: broken ? 'broken' : facts.evidence.length > 0 ? 'present' : 'none' },
      reviewed: facts.reviewed,
      review: reviewState(facts.reviewed, options),
      justification: facts.justification,
      note: facts.note,
      systems: facts.systems,
      findings: evidenceIds.flatMap((id) => findingsOf.get(id) ?? []),
      group: groupsOf(item)[0] ?? '',
    });
  }
  // Sub-items written on their own are listed too (after their principle), so nothing the user wrote is hidden.
  const listed = new Set(items.map((i) => i.id));
  for (const [id, entry] of entries) {
    const item = catalog.get(id);
    if (!item || listed.has(id) || item.kind !== 'common-sub') continue;
    const parent = items.find((i) => i.id === item.parent);
    const facts = factsOf(entry, todayNumber);
    items.push({
      id,
      title: shortTitle(item.title),
      titleEn: shortTitle(item.titleEn),
      word: item.level.word,
      // Counted through the principle, never on its own.
      requirement: parent?.requirement === 'required' ? 'expected' : (parent?.requirement ?? item.level.policy),
      state: facts.state,
      done: facts.done,
      key: entry.rawId,
      range: lines.range(entry.pair.key.start, entry.pair.key.end),
      owner: facts.owner,
      evidence: { paths: facts.evidence, state: brokenEvidence.has(id) ? 'broken' : facts.evidence.length > 0 ? 'present' : 'none' },
      reviewed: facts.reviewed,
      review: reviewState(facts.reviewed, options),
      justification: facts.justification,
      note: facts.note,
      systems: facts.systems,
      findings: findingsOf.get(id) ?? [],
      group: groupsOf(item)[0] ?? '',
    });
  }
  items.sort((a, b) => catalog.orderOf(a.id) - catalog.orderOf(b.id));

  return {
    summary: summarise(items),
    items,
    principles: groups(items, catalog),
    roles: roles.map((role) => ({ role, summary: summarise(items.filter((i) => catalog.get(i.id)?.roles.includes(role))) })),
    systems: record.systems.flatMap((s) => {
      if (!s.id) return [];
      const scoped = items.filter((i) => i.systems.includes(s.id!));
      return [{ id: s.id, summary: summarise(scoped), items: scoped.map((i) => i.id) }];
    }),
    owners: [...new Set(items.flatMap((i) => (i.owner ? [i.owner] : [])))].map((owner) => {
      const owned = items.filter((i) => i.owner === owner);
      return { owner, summary: summarise(owned), items: owned.map((i) => i.id) };
    }),
    incomplete: record.parsed.problems.some((p) => p.kind !== 'extra-document' && p.kind !== 'duplicate-key'),
  };
}

function groups(items: readonly CoverageItem[], catalog: GuidelineCatalog): CoverageGroup[] {
  const byGroup = new Map<string, CoverageItem[]>();
  for (const item of items) {
    const catalogItem = catalog.get(item.id);
    if (!catalogItem) continue;
    for (const group of groupsOf(catalogItem)) {
      const list = byGroup.get(group) ?? [];
      list.push(item);
      byGroup.set(group, list);
    }
  }
  const result: CoverageGroup[] = [];
  for (const principle of catalog.items.filter((i) => i.kind === 'common')) {
    const members = byGroup.get(principle.id) ?? [];
    if (members.length === 0) continue;
    result.push({ id: principle.id, title: principle.title, titleEn: principle.titleEn, summary: summarise(members), items: members.map((i) => i.id) });
  }
  const goals = [...byGroup.keys()].filter((g) => g.startsWith('G-')).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  for (const goal of goals) {
    const members = byGroup.get(goal)!;
    result.push({ id: goal, title: `行動目標${goal.slice(2)}`, titleEn: `Action goal ${goal.slice(2)}`, summary: summarise(members), items: members.map((i) => i.id) });
  }
  const ungrouped = byGroup.get('H');
  if (ungrouped) result.push({ id: 'H', title: '高度なAIシステム', titleEn: 'Advanced AI systems', summary: summarise(ungrouped), items: ungrouped.map((i) => i.id) });
  return result;
}
