/**
 * Compares every line that the FY2025 update (令和7年度更新内容, seed 002) re-quotes with the
 * catalog, so the edition-tagged wording of the catalog is derived from the source systematically,
 * not by eye. Each line is classified:
 *  - `unchanged`: verbatim in 第1.0版 (seed 001): the update quotes it as context;
 *  - `rewritten`: close to a 第1.0版 line of the same item but not verbatim (new wording);
 *  - `new`: not in 第1.0版 at all (an added bullet, method, footnote, title);
 *  - `deleted`: printed so as to say it goes (「当該記載は削除」): not in the update's wording;
 *  - `commentary`: the update document's own summary of a change (●/• "…旨を追記"), not a quote.
 * and placed: the item whose block seed 002 prints it in (D-2) iii., 行動目標 3-1, 1) 人間中心 …),
 * or a part that is not an item (definitions, risks, examples, はじめに).
 */
import { squash } from './verbatim';

export type LineClass = 'unchanged' | 'rewritten' | 'new' | 'deleted' | 'commentary';

export interface UpdateLine {
  /** 1-based line number in seed 002 */
  line: number;
  /** the line without PDF markers and bullets */
  text: string;
  /** catalog item the block belongs to, or a label of the non-item part ("part2-D", "annex1", …) */
  context: string;
  /** the annex section the line is in: text (本編 / ◇ bullets), points ([ポイント]), methods ([具体的な手法]), note (footnote) */
  section: 'text' | 'points' | 'methods' | 'note' | 'title';
  kind: LineClass;
  /** lines of one block (one item's re-quote) share a number */
  block: number;
  /** the annex seed 002 names for the block ("別添3", "別添4", "別添5"), "" when none */
  annex: string;
}

/** Places seed 002 names for a block, and what they are in our terms. */
const PART_MARKERS: Array<[RegExp, string]> = [
  [/本編第1部「AIとは」|本編第1部、「AIとは」/, 'definitions'],
  [/別添1[.．]?「[AB][.．]/, 'annex1'],
  [/本編「はじめに」/, 'introduction'],
  [/別添7|別添9/, 'checklist'],
  [/別添2[.．]?\s?「(第2部\s?)?E[.．]/, 'annex2-E'],
  [/本編第2部「C[.．]共通の指針」/, 'part2-C'],
];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const PRINCIPLES = ['人間中心', '安全性', '公平性', 'プライバシー保護', 'セキュリティ確保', '透明性', 'アカウンタビリティ', '教育・リテラシー', '公正競争確保', 'イノベーション'];

/** The update's own words about a change, never a quote of the guideline. */
const COMMENTARY = /(旨を|追記$|明記$|を明記|削除し|削除$|想定$|と整理$|言及$|を追加$|として追加$|へと変更$|再分類$|に修正$|を紹介$|を反映$|留める想定$|補強する想定）$|手法として追記$)/;

/** Removes the extraction's line-end marks (↵ drawn as [←], ←, ↓, ⁴, ¹²⁵), superscript footnote numbers and bullets. */
export function cleanLine(raw: string): string {
  let s = raw.replace(/\*\*/g, '');
  s = s.replace(/\^\{[\d,]+\}/g, '');
  s = s.replace(/(\[[←↓]\]|[←↓]|\s)+$/u, '');
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, '');
  s = s.replace(/(\[[←↓]\]|[←↓]|\s)+$/u, '');
  s = s.replace(/^[\s\-–•●■✓◇◆➤➢▶⋮・]+/u, '');
  s = s.replace(/^\d+\.\s+(?=\S)/u, (m) => (/^\d+\.\s+[我「ま]/u.test(s) ? '' : m));
  return s.trim();
}

/** The title of a heading line, without its label ("D-2) iii. 適正利用に資する開発" → "適正利用に資する開発"). */
export function headingTitle(text: string): string {
  const goal = /行動目標\s*[\d-]+\s*【([^】]+)】/u.exec(text);
  if (goal) return goal[1];
  return text.replace(/^.*?[DPU]-\d+\)\s*[ivx]+\.\s*/u, '');
}

function itemHeading(line: string): string | null {
  const role = /([DPU])-(\d+)\)\s*(i{1,3}|iv|v|vi{0,3})\.\s*\S/u.exec(line);
  if (role && !/^\s*[●•]/u.test(line)) return `${role[1]}-${role[2]} ${role[3]}`;
  const goal = /行動目標\s*(\d+-\d+(?:-\d+)?)\s*【/u.exec(line);
  if (goal) return `G-${goal[1]}`;
  const principle = /^\s*(\d{1,2})\)\s*(\S+)\s*$/u.exec(line);
  if (principle && PRINCIPLES[Number(principle[1]) - 1] === principle[2]) return `C-${principle[1]}`;
  return null;
}

export function extractUpdateLines(seed002: string): UpdateLine[] {
  const out: UpdateLine[] = [];
  let context = 'overview';
  let section: UpdateLine['section'] = 'text';
  let inPart2D = false;
  let block = 0;
  let annex = '';
  const enter = (next: string, nextSection: UpdateLine['section'] = 'text'): void => {
    context = next;
    section = nextSection;
    block++;
  };
  const rawLines = seed002.split(/\r?\n/);
  /** A slide's title: the line right before its 【更新内容】 box. */
  const isBanner = (index: number): boolean => {
    for (let j = index + 1; j < rawLines.length; j++) if (rawLines[j].trim()) return /^\s*【更新内容】/u.test(rawLines[j]);
    return false;
  };
  rawLines.forEach((raw, index) => {
    const lineNo = index + 1;
    const annexMark = /^[\s(（]*別添([345])[.．]/u.exec(raw);
    if (annexMark) annex = `別添${annexMark[1]}`;
    if (isBanner(index) || /^\s*\d[.．]\s*令和7年度の更新内容\s*$/u.test(raw) || !/[\u3040-\u30ff\u3400-\u9fff]/u.test(raw)) return;
    if (/【更新内容の詳細】|【更新内容】|【主な更新箇所】|【更新箇所】|^\s*■/u.test(raw)) {
      enter('overview');
      annex = '';
      inPart2D = false;
      return;
    }
    for (const [marker, part] of PART_MARKERS) if (marker.test(raw) && raw.trim().length < 60) enter(part);
    if (/^\s*D[.．]\s*広島\s*AI\s*プロセス/u.test(raw)) {
      inPart2D = true;
      enter('part2-D', 'title');
    } else if (/[（(]本編第3部「AI開発者に関する事項」[)）]/u.test(raw)) {
      inPart2D = false;
      enter('part3-code');
    } else if (/^\s*[（(]別添[345][.．]/u.test(raw) && !inPart2D) {
      enter(`annex${/別添([345])/u.exec(raw)?.[1]}`);
    }
    let heading = false;
    const id = /\t/u.test(raw) ? null : itemHeading(raw);
    if (id) {
      enter(id);
      heading = /^[CDPUG]-/u.test(id);
    }
    const circled = /^\s*-\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫])\s/u.exec(raw) ?? (inPart2D ? /^\s*([⑨⑩⑪⑫])\s/u.exec(raw) : null);
    if (circled && (context === 'part2-D' || /^H-/u.test(context))) enter(`H-${CIRCLED.indexOf(circled[1]) + 1}`, 'title');
    const roman = /^\s*(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.．]\s+\S/u.exec(raw);
    if (roman && (context === 'part3-code' || /^H-/u.test(context))) enter(`H-${ROMAN.indexOf(roman[1]) + 1}`, 'note');
    if (/^\s*\d[.．]\s*(我々は|「高度な|また、AI\s*関係者は)/u.test(raw)) enter('part2-D');
    if (/\[ポイント\]|【実践のポイント】/u.test(raw)) section = 'points';
    if (/\[具体的な手法\]|\[参考文献\]/u.test(raw)) section = 'methods';
    const text = cleanLine(raw);
    if (squash(text).length < 8 || /\t/u.test(raw) || /^<?https?:/u.test(text) || (/^[【[（(]/u.test(text) && /[】\]）)]$/u.test(text))) return;
    const isFootnote = /^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/u.test(raw);
    const kind: LineClass = COMMENTARY.test(text) ? 'commentary' : 'new';
    let where: UpdateLine['section'] = isFootnote ? 'note' : heading ? 'title' : section;
    // In a role item's block the ◇/◆ bullets right after the heading are its 本編 text; the annex
    // methods follow (seed 002 often leaves out the [具体的な手法] marker).
    if (/^[DPU]-/u.test(context) && !heading && !isFootnote && section === 'text' && kind !== 'commentary') {
      if (/^[\s\-]*[◇◆]/u.test(raw)) where = 'text';
      else section = where = 'methods';
    }
    out.push({ line: lineNo, text, context, section: where, kind, block, annex });
  });
  return out;
}

/**
 * The form two lines are compared in: white space removed, full-width ASCII folded to ASCII
 * (seed 002 prints "(利用前)" where 第1.0版 prints "（利用前）"), the related-principles
 * parenthetical cut off (the extraction garbles it: 「2」安全性), bullets and a final 。 dropped.
 * Circled numbers stay as they are (they name sub-items).
 */
export function normalize(text: string): string {
  let s = squash(text).replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const paren = s.search(/\(「\d/u);
  if (paren > 0) s = s.slice(0, paren);
  return s.replace(/^[◇◆➤➢▶•●■⚫・\-]+/u, '').replace(/[。.]+$/u, '');
}

/** How much of a line's text 第1.0版 has (share of its 6-character shingles found there). */
export function coverageIn(line: string, base: string): { share: number; at: number } {
  const n = normalize(line);
  if (n.length < 6) return { share: base.includes(n) ? 1 : 0, at: base.indexOf(n) };
  let found = 0;
  let total = 0;
  let at = -1;
  for (let i = 0; i + 6 <= n.length; i += 3) {
    total++;
    const pos = base.indexOf(n.slice(i, i + 6));
    if (pos !== -1) {
      found++;
      if (at === -1) at = pos;
    }
  }
  return { share: total ? found / total : 0, at };
}

/** Character bigrams of a squashed string, for a similarity that tolerates small rewrites. */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient of two strings' bigrams (1 = same multiset). */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalize(a));
  const y = bigrams(normalize(b));
  let both = 0;
  let total = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

/** A 第1.0版 line with where it is on its item. */
export interface BaseLine {
  item: string;
  section: 'title' | 'text' | 'points' | 'methods';
  text: string;
}

export interface Comparison extends UpdateLine {
  /** for `rewritten`: the catalog's 第1.0版 line it rewrites, when the catalog has it */
  base?: BaseLine;
  /** similarity to `base` (0..1), or the share of the line found in 第1.0版 */
  score: number;
}

/** Above this share of a line found in 第1.0版, the line is a rewrite of a 第1.0版 passage rather than new. */
export const REWRITE_SHARE = 0.5;
/** Above this similarity, the catalog line is the one the rewrite replaces. */
export const BASE_SIMILARITY = 0.55;

/** 第1.0版 folded as `normalize` folds a line (white space, full-width ASCII), parentheticals kept. */
export function foldGuideline(seed001: string): string {
  return squash(seed001).replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const SUB_ITEM = /⚫「([①②③④⑤⑥⑦⑧⑨⑩])[^」]{1,40}」関連/gu;

/**
 * Classifies every extracted line against 第1.0版 (`guideline1` from foldGuideline(seed 001))
 * and the catalog's 第1.0版 lines of the line's item. A block that seed 002 prints under a common
 * principle (1) 人間中心 …) but whose 第1.0版 neighbours sit under a sub-item's heading
 * (「①人間の尊厳と個人の自律」関連) belongs to that sub-item: C-1 → C-1-1.
 */
export function compareLines(lines: UpdateLine[], guideline1: string, baseLines: BaseLine[]): Comparison[] {
  const byItem = new Map<string, BaseLine[]>();
  for (const b of baseLines) byItem.set(b.item, [...(byItem.get(b.item) ?? []), b]);
  const placed = lines.map((l) => ({ ...l }));
  // Sub-item attribution of common-principle blocks.
  const blocks = new Map<number, UpdateLine[]>();
  for (const c of placed) blocks.set(c.block, [...(blocks.get(c.block) ?? []), c]);
  for (const members of blocks.values()) {
    const principle = /^C-(\d+)$/u.exec(members[0].context);
    if (!principle) continue;
    for (const anchor of members.filter((m) => m.section === 'methods' && m.kind !== 'commentary')) {
      const at = coverageIn(anchor.text, guideline1);
      if (at.share < REWRITE_SHARE || at.at < 0) continue;
      const before = guideline1.slice(Math.max(0, at.at - 3000), at.at);
      const heads = [...before.matchAll(SUB_ITEM)];
      const last = heads[heads.length - 1];
      if (!last) continue;
      const sub = `C-${principle[1]}-${CIRCLED.indexOf(last[1]) + 1}`;
      for (const m of members) if (m.section === 'methods') m.context = sub;
      break;
    }
  }
  const compared: Comparison[] = placed.map((l) => {
    if (l.kind === 'commentary') return { ...l, score: 0 };
    const candidates = byItem.get(l.context) ?? [];
    if (l.section === 'title' && /^[CDPUG]-/u.test(l.context)) {
      const title = candidates.find((c) => c.section === 'title');
      const same = title !== undefined && normalize(title.text) === normalize(headingTitle(l.text));
      return same ? { ...l, kind: 'unchanged', score: 1 } : { ...l, kind: 'rewritten', base: title, score: title ? similarity(title.text, headingTitle(l.text)) : 0 };
    }
    const n = normalize(l.text);
    if (guideline1.includes(n)) return { ...l, kind: 'unchanged', score: 1 };
    let best: BaseLine | undefined;
    let score = 0;
    for (const c of candidates) {
      const s = similarity(l.text, c.text);
      if (s > score) [best, score] = [c, s];
    }
    // The catalog line it rewrites also says where it is (seed 002 drops bullets and markers).
    if (best && score >= BASE_SIMILARITY) return { ...l, kind: 'rewritten', section: best.section, base: best, score };
    const share = coverageIn(l.text, guideline1).share;
    return share >= REWRITE_SHARE ? { ...l, kind: 'rewritten', score: share } : { ...l, kind: 'new', score: share };
  });
  // Deletions: the commentary after a block says its lines go; 「AI開発者の留意事項からは削除」
  // says so of the developer blocks of the same slide.
  let slide: Comparison[] = [];
  for (const c of compared) {
    if (c.context === 'overview') slide = [];
    slide.push(c);
    if (c.kind !== 'commentary') continue;
    const victims = /当該記載は削除/u.test(c.text)
      ? slide.filter((m) => m.block === slide[slide.length - 2]?.block)
      : /AI開発者の留意事項からは削除/u.test(c.text)
        ? slide.filter((m) => /^D-/u.test(m.context))
        : [];
    for (const v of victims) if (v.kind === 'new') v.kind = 'deleted';
  }
  return compared;
}

/** The part of `after` that differs from `before` (common prefix and suffix cut), normalized: 「…A…」→「…B…」. */
export function changedSpan(before: string, after: string): { removed: string; added: string } {
  const a = normalize(before);
  const b = normalize(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return { removed: a.slice(p, a.length - q), added: b.slice(p, b.length - q) };
}
