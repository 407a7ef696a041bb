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

/** Longer than any id as typed, or any item title a key might quote. */
const MAX_ID_LENGTH = 200;

/** The canonical spelling a raw id stands for, whether or not the catalog has it. */
export function canonicalForm(raw: string): string | null {
  // No spelling of an id is this long (a 2 MB key is not folded and matched six times over).
  if (raw.length > MAX_ID_LENGTH) return null;
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

/** `suggest: false` when only the id matters (a hover): the "did you mean" ranking is skipped. */
export function resolveId(raw: string, catalog: GuidelineCatalog, options: { suggest?: boolean } = {}): IdResolution {
  const candidate = canonicalForm(raw);
  if (candidate && catalog.has(candidate)) {
    return raw === candidate ? { status: 'canonical', id: candidate } : { status: 'alias', id: candidate };
  }
  return { status: 'unknown', candidate, suggestions: options.suggest === false ? [] : suggestIds(raw, candidate, catalog) };
}

/** Optimal string alignment distance (edits, with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
}

/**
 * The distance when it is at most `bound`, else some number above `bound`: three rolling rows and
 * an early stop, so a 2 MB key costs one pass over its length instead of a 2 MB × n matrix.
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return Math.abs(a.length - b.length);
  if (a.length < b.length) [a, b] = [b, a];
  const n = b.length;
  if (scratch.length < 3 * (n + 1)) scratch = new Int32Array(3 * (n + 1));
  // Three rows in one reused buffer: the row before the previous one (for transpositions), the previous, the current.
  let before = 0;
  let previous = n + 1;
  let current = 2 * (n + 1);
  for (let j = 0; j <= n; j++) scratch[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    scratch[current] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(scratch[previous + j] + 1, scratch[current + j - 1] + 1, scratch[previous + j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, scratch[before + j - 2] + 1);
      scratch[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return scratch[previous + n];
}

let scratch = new Int32Array(64);

/** The group an id belongs to ("D-7", "C-7", "G-3-1"): suggestions from the same group rank first. */
function groupOf(id: string): string {
  const m = /^([A-Z]-\d+)/.exec(id);
  return m ? m[1] : id;
}

/** How far apart the numbers of two ids are (`C-7-7` is nearer `C-7-6` than `C-7-1`). */
function numericDistance(na: readonly number[], nb: readonly number[]): number {
  let total = Math.abs(na.length - nb.length) * 10;
  for (let i = 0; i < Math.min(na.length, nb.length); i++) total += Math.abs(na[i] - nb[i]);
  return Math.min(total, 50);
}

function numbersOf(text: string): number[] {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/**
 * Ranked "did you mean": same group first (`D-7 iii` → `D-7 i`, `D-7 ii`), then by edit
 * distance on the canonical spelling, then by guideline order; a typed title also matches.
 */
export function suggestIds(raw: string, candidate: string | null, catalog: GuidelineCatalog, limit = 3): string[] {
  // Too long to be near an id or inside a title: nothing to suggest, and nothing to compute.
  if (raw.length > MAX_ID_LENGTH) return [];
  const cache = suggestionCache(catalog);
  const key = `${limit}\u0000${raw}`;
  const cached = cache.get(key);
  if (cached) return [...cached];
  const typed = candidate ?? fold(raw);
  const folded = fold(raw);
  const lower = typed.toLowerCase();
  const threshold = Math.max(2, Math.floor(typed.length / 3));
  const typedGroup = groupOf(typed);
  const typedNumbers = numbersOf(typed.slice(0, 200));
  const scored: Array<{ id: string; score: number; order: number }> = [];
  for (const item of catalogKeys(catalog)) {
    // The group bonus can take 1.5 off the distance: anything further cannot make the threshold.
    let score = boundedEditDistance(lower, item.lower, threshold + 1.5);
    if (item.group === typedGroup) score -= 1.5;
    score += 0.01 * numericDistance(typedNumbers, item.numbers);
    if (folded.length >= 2 && item.title.includes(folded)) score = Math.min(score, 0);
    scored.push({ id: item.id, score, order: item.order });
  }
  const suggestions = scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.id);
  // Keys are remembered while short and few: a record of thousands of unknown ids, re-checked on every
  // keystroke, computes each once; a huge key or a flood of them is not kept.
  if (raw.length <= 200) {
    if (cache.size >= 20_000) cache.clear();
    cache.set(key, [...suggestions]);
  }
  return suggestions;
}

/** What the ranking reads of each catalog item, computed once per catalog. */
interface ItemKey {
  id: string;
  lower: string;
  group: string;
  numbers: number[];
  title: string;
  order: number;
}

const itemKeys = new WeakMap<GuidelineCatalog, ItemKey[]>();

function catalogKeys(catalog: GuidelineCatalog): ItemKey[] {
  let keys = itemKeys.get(catalog);
  if (!keys) {
    keys = catalog.items.map((item) => ({ id: item.id, lower: item.id.toLowerCase(), group: groupOf(item.id), numbers: numbersOf(item.id), title: item.title, order: catalog.orderOf(item.id) }));
    itemKeys.set(catalog, keys);
  }
  return keys;
}

const suggestionCaches = new WeakMap<GuidelineCatalog, Map<string, string[]>>();

function suggestionCache(catalog: GuidelineCatalog): Map<string, string[]> {
  let cache = suggestionCaches.get(catalog);
  if (!cache) suggestionCaches.set(catalog, (cache = new Map()));
  return cache;
}
