/**
 * Item id normalisation (DESIGN §3): users type what the guideline prints — `D-7) ii.`,
 * `D-7）ii.`, `d-7 ii`, full-width digits, `C-7 ⑥`, `II)`, `行動目標3-1-1` — and the engine maps
 * it to the canonical id. Near misses get ranked "did you mean" suggestions.
 */
import type { GuidelineCatalog } from './catalog';

export type IdResolution =
  | { status: 'canonical'; id: string }
  | { status: 'alias'; id: string }
  | { status: 'unknown'; candidate: string | null; suggestions: string[] };

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanToNumber(roman: string): number | null {
  const s = roman.toLowerCase();
  if (!/^[ivxlc]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

/** NFKC folds full-width forms, ① → 1, Ⅱ → II and （ → (; dashes are unified. */
function fold(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[‐‑‒–—―−ーｰ]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical spelling a raw id stands for, whether or not the catalog has it. */
export function canonicalForm(raw: string): string | null {
  const s = fold(raw);
  let m = /^([DPU])\s*-?\s*(\d+)\s*\)?\s*[-.\s]?\s*([ivx]+)\s*\.?$/i.exec(s);
  if (m) return `${m[1].toUpperCase()}-${Number(m[2])} ${m[3].toLowerCase()}`;
  // Principles as the guideline prints them: `C-7`, `7)`, `7）`; sub-items `C-7 ⑥`, `7) ⑥` (⑥ folds to 6).
  m = /^(?:C\s*-?\s*(\d+)\s*\)?|(\d+)\s*\))$/i.exec(s);
  if (m) return `C-${Number(m[1] ?? m[2])}`;
  m = /^(?:C\s*-?\s*(\d+)\s*\)?\s*[-\s]|(\d+)\s*\)\s*-?)\s*(\d+)$/i.exec(s);
  if (m) return `C-${Number(m[1] ?? m[2])}-${Number(m[3])}`;
  m = /^H\s*-?\s*(\d+)$/i.exec(s);
  if (m) return `H-${Number(m[1])}`;
  m = /^(?:H\s*-?\s*)?([IVX]+)\s*\)?\.?$/i.exec(s);
  if (m && (/^H/i.test(s) || /\)/.test(s))) {
    const n = romanToNumber(m[1]);
    if (n !== null) return `H-${n}`;
  }
  m = /^(?:G\s*-?|行動目標)\s*(\d+)\s*-\s*(\d+)(?:\s*-\s*(\d+))?$/i.exec(s);
  if (m) return `G-${Number(m[1])}-${Number(m[2])}${m[3] ? `-${Number(m[3])}` : ''}`;
  return null;
}

export function resolveId(raw: string, catalog: GuidelineCatalog): IdResolution {
  const candidate = canonicalForm(raw);
  if (candidate && catalog.has(candidate)) {
    return raw === candidate ? { status: 'canonical', id: candidate } : { status: 'alias', id: candidate };
  }
  return { status: 'unknown', candidate, suggestions: suggestIds(raw, candidate, catalog) };
}

/** Optimal string alignment distance (edits, with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The group an id belongs to ("D-7", "C-7", "G-3-1"): suggestions from the same group rank first. */
function groupOf(id: string): string {
  const m = /^([A-Z]-\d+)/.exec(id);
  return m ? m[1] : id;
}

/** How far apart the numbers of two ids are (`C-7-7` is nearer `C-7-6` than `C-7-1`). */
function numericDistance(a: string, b: string): number {
  const na = (a.match(/\d+/g) ?? []).map(Number);
  const nb = (b.match(/\d+/g) ?? []).map(Number);
  let total = Math.abs(na.length - nb.length) * 10;
  for (let i = 0; i < Math.min(na.length, nb.length); i++) total += Math.abs(na[i] - nb[i]);
  return Math.min(total, 50);
}

/**
 * Ranked "did you mean": same group first (`D-7 iii` → `D-7 i`, `D-7 ii`), then by edit
 * distance on the canonical spelling, then by guideline order; a typed title also matches.
 */
export function suggestIds(raw: string, candidate: string | null, catalog: GuidelineCatalog, limit = 3): string[] {
  const typed = candidate ?? fold(raw);
  const folded = fold(raw);
  const scored: Array<{ id: string; score: number; order: number }> = [];
  for (const item of catalog.items) {
    let score = editDistance(typed.toLowerCase(), item.id.toLowerCase());
    if (groupOf(item.id) === groupOf(typed)) score -= 1.5;
    score += 0.01 * numericDistance(typed, item.id);
    if (folded.length >= 2 && item.title.includes(folded)) score = Math.min(score, 0);
    scored.push({ id: item.id, score, order: catalog.orderOf(item.id) });
  }
  const threshold = Math.max(2, Math.floor(typed.length / 3));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.id);
}
