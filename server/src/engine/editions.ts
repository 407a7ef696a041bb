/**
 * The wording of an item in the edition a record follows (`guideline:`). The catalog holds the
 * 第1.0版 text (seed 001) and, per item, the FY2025 update's edition-tagged lines (seed 002) with
 * what they replace; `textFor` applies them. 第1.1版 itself is not among the sources, so a record
 * on "1.1" is shown the 第1.0版 wording and told so.
 */
import type { CatalogItem, CatalogSection, EditionId, Update } from './catalogTypes';
import type { GovernanceRecord } from './record';
import { pairOf } from './record';

export const EDITION_IDS: readonly EditionId[] = ['1.0', '1.1', '2026'];
export const LATEST_EDITION: EditionId = '2026';
/** The FY2025 update's date (令和8年3月12日): a review before it predates the 2026 wording. */
export const UPDATE_DATE = '2026-03-12';

/** One line of wording with the edition whose words it is. */
export interface WordedLine {
  text: string;
  /** '1.0' = 第1.0版 (seed 001); '2026' = as the FY2025 update (seed 002) prints it */
  from: '1.0' | '2026';
}

export interface ItemWording {
  /** the edition asked for */
  edition: EditionId;
  /** the edition whose text the wording is built on: 1.1 falls back to 第1.0版 */
  quotes: '1.0' | '2026';
  title: WordedLine;
  text: WordedLine[];
  practice: Array<{ source: string; points: WordedLine[]; methods: WordedLine[] }>;
  /** footnotes and references the edition attaches to the item */
  notes: Update[];
  /** the edition's updates that went into the wording (empty before 2026) */
  applied: Update[];
}

/** `guideline:` as written ("1.0", 1, 1.1, "2026", 2026) → an edition, or undefined when not one. */
export function editionOf(value: unknown): EditionId | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'number' ? (Number.isInteger(value) && value < 10 ? value.toFixed(1) : String(value)) : String(value).trim();
  return (EDITION_IDS as readonly string[]).includes(text) ? (text as EditionId) : undefined;
}

/** The edition a record follows; a record that does not say follows the latest. */
export function recordEdition(record: GovernanceRecord): EditionId {
  const node = pairOf(record.root, 'guideline')?.value;
  return (node?.type === 'scalar' ? editionOf(node.value) : undefined) ?? LATEST_EDITION;
}

/** True when the sources hold the wording of this edition (第1.1版 is not among them). */
export function quotedEdition(edition: EditionId): '1.0' | '2026' {
  return edition === '2026' ? '2026' : '1.0';
}

/** The updates that change the wording of the item (everything but notes), in catalog order. */
export function wordingChanges(item: { updates: readonly Update[] }): Update[] {
  return item.updates.filter((u) => u.target !== 'note');
}

/**
 * Applies an edition's updates to lines: a replacement puts the new lines where the first replaced
 * line was (keeping its order among the others); an addition goes after its anchor, before it, or at the end.
 */
function apply(lines: readonly string[], updates: readonly Update[]): WordedLine[] {
  let out: WordedLine[] = lines.map((text) => ({ text, from: '1.0' }));
  const same = (a: string, b: string) => a.trim() === b.trim();
  for (const u of updates) {
    const added: WordedLine[] = u.text.map((text) => ({ text, from: '2026' }));
    if (u.replaces?.length) {
      const first = out.findIndex((l) => l.from === '1.0' && u.replaces?.some((r) => same(r, l.text)));
      const kept = out.filter((l) => !(l.from === '1.0' && u.replaces?.some((r) => same(r, l.text))));
      const at = first === -1 ? kept.length : out.slice(0, first).filter((l) => kept.includes(l)).length;
      out = [...kept.slice(0, at), ...added, ...kept.slice(at)];
      continue;
    }
    const anchor = u.after ?? u.before;
    const index = anchor === undefined ? -1 : out.findIndex((l) => same(l.text, anchor));
    const at = index === -1 ? out.length : u.after !== undefined ? index + 1 : index;
    out = [...out.slice(0, at), ...added, ...out.slice(at)];
  }
  return out;
}

/** The practice block an update goes into: the one of its annex, else the first. */
function blockIndex(item: CatalogItem, update: Update): number {
  if (!update.annex) return 0;
  const index = item.practice.findIndex((p) => p.source.startsWith(update.annex ?? ''));
  return index === -1 ? 0 : index;
}

/** The item's title, text and annex practice as the edition words them (DESIGN §2 `guideline:`). */
export function textFor(item: CatalogItem, edition: EditionId): ItemWording {
  const quotes = quotedEdition(edition);
  const applied = quotes === '2026' ? wordingChanges(item) : [];
  const of = (target: Update['target']) => applied.filter((u) => u.target === target);
  const title = apply([item.title], of('title'))[0] ?? { text: item.title, from: '1.0' };
  const practice = item.practice.map((block, index) => {
    const inBlock = (target: Update['target']) => of(target).filter((u) => blockIndex(item, u) === index);
    return { source: block.source, points: apply(block.points, inBlock('points')), methods: apply(block.methods, inBlock('methods')) };
  });
  // An item without annex text that the update gives practice to gets a block of its own.
  if (item.practice.length === 0 && (of('points').length || of('methods').length)) {
    const first = of('methods')[0] ?? of('points')[0];
    practice.push({ source: first.citation.place[first.citation.place.length - 1] ?? '', points: apply([], of('points')), methods: apply([], of('methods')) });
  }
  return {
    edition,
    quotes,
    title,
    text: apply(item.text, of('text')),
    practice,
    notes: quotes === '2026' ? item.updates.filter((u) => u.target === 'note') : [],
    applied,
  };
}

/** A section's title and lead as the edition words them (第2部 D's new title for "2026"). */
export function sectionFor(section: CatalogSection, edition: EditionId): { title: WordedLine; text: WordedLine[] } {
  const applied = quotedEdition(edition) === '2026' ? wordingChanges(section) : [];
  return {
    title: apply([section.title], applied.filter((u) => u.target === 'title'))[0] ?? { text: section.title, from: '1.0' },
    text: apply(section.text, applied.filter((u) => u.target === 'text')),
  };
}

/** True when the FY2025 update changes the item's guidance (its wording or its notes). */
export function changedByUpdate(item: CatalogItem): boolean {
  return item.updates.length > 0;
}

/** What moving from one edition to another changes on one item (or section), for the changes command and the edition rule. */
export interface ItemChanges {
  id: string;
  /** the item's title in the target edition */
  title: string;
  updates: Update[];
}

/** True when `to` is a later edition than `from`. */
export function isLater(to: EditionId, from: EditionId): boolean {
  return EDITION_IDS.indexOf(to) > EDITION_IDS.indexOf(from);
}

/**
 * Per item, what the FY2025 update adds or rewrites between two editions, in guideline order
 * (only `ids` when given). Every change lies between 第1.0版/第1.1版 and "2026" (the sources hold
 * no change between 1.0 and 1.1), so any move to 2026 from an older edition lists them all.
 */
export function editionChanges(
  holders: { items: readonly CatalogItem[]; sections: readonly CatalogSection[] },
  from: EditionId,
  to: EditionId,
  ids?: ReadonlySet<string>,
): ItemChanges[] {
  if (!isLater(to, from) || quotedEdition(to) !== '2026') return [];
  const out: ItemChanges[] = [];
  for (const section of holders.sections) {
    if (ids && !section.items.some((id) => ids.has(id))) continue;
    if (section.updates.length) out.push({ id: section.id, title: sectionFor(section, to).title.text, updates: [...section.updates] });
  }
  for (const item of holders.items) {
    if (ids && !ids.has(item.id)) continue;
    if (item.updates.length) out.push({ id: item.id, title: textFor(item, to).title.text, updates: [...item.updates] });
  }
  return out;
}
