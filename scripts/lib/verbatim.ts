/**
 * Proves that a quote is verbatim in the guideline seeds. Both sides are compared with all
 * white space removed (the seeds are PDF extractions whose line breaks and spaces are layout).
 * A quote that skips something the PDF prints inside a sentence (a footnote marker, a footnote
 * block at a page break, a page number) is matched piece by piece: each piece verbatim, in order,
 * close to the previous one, and long enough that a paraphrase cannot pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The seeds live in `shared/seeds` beside the checkout (`../shared/seeds`); a git worktree sits one
 * level deeper, so the nearest ancestor that has them wins. AI_GOVERNANCE_SEEDS overrides.
 */
function findSeedsDir(): string {
  if (process.env.AI_GOVERNANCE_SEEDS) return process.env.AI_GOVERNANCE_SEEDS;
  const repoRoot = join(__dirname, '..', '..');
  for (let dir = dirname(repoRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(repoRoot, '..', 'shared', 'seeds');
  }
}

export const SEEDS_DIR = findSeedsDir();

/** Removes all white space (ASCII and full-width) so layout never matters. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

export interface SeedText {
  file: string;
  squashed: string;
}

export function loadSeeds(dir = SEEDS_DIR): SeedText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, squashed: squash(readFileSync(join(dir, file), 'utf8')) }));
}

/** The shortest piece accepted between two skipped spans. */
const MIN_PIECE = 8;
/** How far (squashed characters) the next piece may start after the previous one. */
const MAX_GAP = 1200;

export type VerbatimResult =
  | { ok: true; file: string; pieces: number }
  | { ok: false; matchedUpTo: number; reason: string };

/** Longest prefix of `needle` (at least `min` long) found in `hay` within [from, to); -1 when none. */
function longestPrefixAt(hay: string, needle: string, from: number, to: number, min: number): { at: number; len: number } {
  let best = { at: -1, len: 0 };
  let lo = min;
  let hi = needle.length;
  // Binary search on the prefix length: if a prefix of length n occurs, every shorter one does too.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = hay.indexOf(needle.slice(0, mid), from);
    if (at !== -1 && at + mid <= to) {
      best = { at, len: mid };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

export function findVerbatim(quote: string, seeds: SeedText[]): VerbatimResult {
  const q = squash(quote);
  if (q.length === 0) return { ok: false, matchedUpTo: 0, reason: 'empty quote' };
  for (const seed of seeds) {
    if (seed.squashed.includes(q)) return { ok: true, file: seed.file, pieces: 1 };
  }
  let bestFail = 0;
  for (const seed of seeds) {
    const hay = seed.squashed;
    const first = longestPrefixAt(hay, q, 0, hay.length, Math.min(MIN_PIECE, q.length));
    if (first.at === -1) continue;
    let pos = first.len;
    let end = first.at + first.len;
    let pieces = 1;
    while (pos < q.length) {
      const rest = q.slice(pos);
      const next = longestPrefixAt(hay, rest, end, end + MAX_GAP + rest.length, Math.min(MIN_PIECE, rest.length));
      if (next.at === -1) break;
      pos += next.len;
      end = next.at + next.len;
      pieces++;
    }
    if (pos === q.length) return { ok: true, file: seed.file, pieces };
    bestFail = Math.max(bestFail, pos);
  }
  return {
    ok: false,
    matchedUpTo: bestFail,
    reason: `not verbatim from here: «${q.slice(bestFail, bestFail + 40)}»`,
  };
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** Keys whose strings are our own labels for a place in the guideline, not quotes. */
export const LABEL_KEYS = new Set(['citation', 'source', 'part', 'section', 'label', 'edition', 'document', 'place']);
/** Keys whose strings are always quotes, whatever their length. */
const QUOTE_KEYS = new Set(['title', 'term']);

export interface QuoteRef {
  path: string;
  text: string;
}

/**
 * Every string in a catalog-shaped JSON value that must be a quote: all Japanese strings of 30+
 * characters, plus titles and terms of any length (safeguard titles are ours and stay short).
 */
export function collectQuotes(value: unknown, path = '$', key = ''): QuoteRef[] {
  if (typeof value === 'string') {
    if (LABEL_KEYS.has(key) || !JAPANESE.test(value)) return [];
    const isOwnLabel = path.includes('.safeguards[');
    if (value.length >= 30 || (QUOTE_KEYS.has(key) && !isOwnLabel)) return [{ path, text: value }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => collectQuotes(v, `${path}[${i}]`, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      if (LABEL_KEYS.has(k)) return [];
      return collectQuotes(v, `${path}.${k}`, k);
    });
  }
  return [];
}

/** Japanese script, CJK and full-width forms. */
const WIDE = /[\u2460-\u24ff\u2e80-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Japanese brackets and punctuation: a space next to one is never meant. */
const WIDE_PUNCTUATION = /[\u3001-\u3003\u3008-\u3011\u3014-\u301f\u30fb\uff08\uff09\uff0c\uff0e\uff1a\uff1b]/;

/**
 * Removes the spaces a PDF extraction puts where scripts meet ("AI 開発者" → "AI開発者",
 * "2023 年 4 月" → "2023年4月") or next to Japanese brackets ("（「5） セキュリティ確保」"), keeping
 * spaces between two Japanese words as printed ("研究会 プロファイリング"), between Latin words and
 * after Latin punctuation ("NIST, “AI Risk …”"), and a line's leading indentation (bullet nesting).
 * Quotes stay verbatim: the provenance check ignores white space.
 */
export function tidySpaces(text: string): string {
  const indent = /^ */.exec(text)?.[0] ?? '';
  const body = text.slice(indent.length).replace(/[ \u3000\u00a0]+/g, (run, at: number, whole: string) => {
    const before = whole[at - 1] ?? '';
    const after = whole[at + run.length] ?? '';
    if (!before || !after) return '';
    if (WIDE_PUNCTUATION.test(before) || WIDE_PUNCTUATION.test(after)) return '';
    const scriptsMeet = WIDE.test(before) !== WIDE.test(after);
    return scriptsMeet && !/[,.;:!?]/.test(before) ? '' : ' ';
  });
  return indent + body;
}
