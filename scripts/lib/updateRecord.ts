/** The catalog side of the seed-002 comparison: 第1.0版 lines per item, and where a change is recorded. */
import type { Catalog } from '../../server/src/engine/catalogTypes';
import { compareLines, extractUpdateLines, foldGuideline, normalize, similarity, type BaseLine, type Comparison } from './updateLines';

export function baseLinesOf(catalog: Catalog): BaseLine[] {
  return catalog.items.flatMap((item) => [
    { item: item.id, section: 'title' as const, text: item.title },
    ...item.text.map((text) => ({ item: item.id, section: 'text' as const, text: text.trim() })),
    ...item.practice.flatMap((p) => [
      ...p.points.map((text) => ({ item: item.id, section: 'points' as const, text: text.trim() })),
      ...p.methods.map((text) => ({ item: item.id, section: 'methods' as const, text: text.trim() })),
    ]),
  ]);
}

/** Ids of the items (and catalog sections) whose FY2025 updates quote this line. */
export function recordedOn(catalog: Catalog, line: string): string[] {
  const needle = normalize(line.replace(/^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/u, '').replace(/\[([^\]]*)\]\(#\)/gu, '$1').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, ''));
  const holds = (t: string): boolean => {
    const have = normalize(t);
    return have.includes(needle) || (needle.length > 20 && have.length > 20 && needle.includes(have)) || similarity(t, needle) >= 0.9;
  };
  const holders = [...catalog.items, ...(catalog.sections ?? [])];
  return holders.filter((h) => h.updates.some((u) => u.text.some(holds))).map((h) => h.id);
}

/** True when an update of the item replaces this 第1.0版 line (compared trimmed). */
export function replacesOn(catalog: Catalog, id: string, base: string): boolean {
  const holder = [...catalog.items, ...catalog.sections].find((h) => h.id === id);
  return holder?.updates.some((u) => (u.replaces ?? []).some((r) => r.trim() === base.trim())) ?? false;
}

/**
 * Lines whose only difference from 第1.0版 is a misprint of seed 002, not a change of wording:
 * recorded, they would put the misprint into the 2026 text.
 */
export const MISPRINTS: ReadonlyArray<{ contains: string; why: string }> = [
  { contains: '何らかいんシデント', why: 'seed 002 prints いんシデント for インシデント (U-2 i); 第1.0版 wording kept' },
  {
    contains: '研修対象者の到達度を計るためのJDLA',
    why: 'the extraction merges struck-out and new text (「2025年9月67日実施」「1530～3050時間」「約25%⁴³割」): no wording to quote',
  },
];

export function isMisprint(line: string): boolean {
  return MISPRINTS.some((m) => line.includes(m.contains));
}

export interface AuditRow extends Comparison {
  /** items (or sections) whose updates hold the line */
  recorded: string[];
}

export interface UpdateAudit {
  rows: AuditRow[];
  /** changes inside an item's block that the item does not record */
  missing: AuditRow[];
  /** rewrites recorded as additions: the 第1.0版 line would stay beside its new wording */
  notReplacing: AuditRow[];
  /** a line recorded on an item (or section) seed 002 does not print it in: "line → holder" */
  misplaced: string[];
}

/** Every line of seed 002 against 第1.0版 and the catalog (scripts/compare-update.ts prints it; a test asserts it). */
export function auditUpdate(catalog: Catalog, seed001: string, seed002: string): UpdateAudit {
  const compared = compareLines(extractUpdateLines(seed002), foldGuideline(seed001), baseLinesOf(catalog));
  const rows: AuditRow[] = compared.map((c) => ({ ...c, recorded: c.kind === 'new' || c.kind === 'rewritten' ? recordedOn(catalog, c.text) : [] }));
  const holders = new Set([...catalog.items.map((i) => i.id), ...catalog.sections.map((s) => s.id)]);
  const isChange = (r: AuditRow) => (r.kind === 'new' || r.kind === 'rewritten') && holders.has(r.context) && !isMisprint(r.text);
  const missing = rows.filter((r) => isChange(r) && !r.recorded.includes(r.context));
  const notReplacing = rows.filter((r) => isChange(r) && r.base && r.recorded.includes(r.context) && !replacesOn(catalog, r.context, r.base.text));
  // Attribution: an update line word for word like a seed-002 line belongs where seed 002 prints it.
  const contextsOf = new Map<string, Set<string>>();
  for (const r of rows) contextsOf.set(normalize(r.text), new Set([...(contextsOf.get(normalize(r.text)) ?? []), r.context]));
  const misplaced: string[] = [];
  for (const holder of [...catalog.items, ...catalog.sections]) {
    for (const u of holder.updates) {
      for (const t of u.text) {
        const where = contextsOf.get(normalize(t));
        if (where && !where.has(holder.id) && [...where].some((w) => holders.has(w))) misplaced.push(`${t.slice(0, 40)} → ${holder.id} (seed 002: ${[...where].join(', ')})`);
      }
    }
  }
  return { rows, missing, notReplacing, misplaced };
}
