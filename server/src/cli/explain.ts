/**
 * `ai-governance explain <id>`: an item of the guideline on the terminal — title, the verbatim
 * text, the annex's practice points, the FY2025 notes and the citation. Quotes stay Japanese
 * (they are the guideline); labels follow --lang. Plain text: hovers render the same data as Markdown.
 */
import type { MessageLanguage } from '../engine';
import { shortTitle, type GuidelineCatalog } from '../engine/catalog';
import type { CatalogItem, EditionId } from '../engine/catalogTypes';
import { citationLine, sourceLine } from '../engine/citation';
import { LATEST_EDITION, sectionFor, textFor, type WordedLine } from '../engine/editions';
import { resolveId } from '../engine/ids';
import { ROLE_INFO } from '../engine/vocabulary';
import { UsageError, type Paint } from './io';

const LABELS = {
  ja: {
    unofficial: '英訳は非公式',
    roles: '対象',
    level: 'ガイドラインの表現',
    text: '本文',
    practice: '別添',
    points: 'ポイント',
    methods: '具体的な手法',
    related: '関連する原則',
    subItems: '下位項目',
    updates: '令和7年度更新（脚注・参考文献等）',
    marker: ' ［令和7年度更新］',
    section: '第2部 D.',
    edition: (e: EditionId, applied: number, later: number) =>
      e === '2026'
        ? applied
          ? `版: "2026" — ［令和7年度更新］の${applied}箇所は令和7年度更新内容の文言、それ以外は第1.0版の文言`
          : '版: "2026" — この項目は令和7年度更新で文言が変わらないため第1.0版の文言'
        : `${e === '1.1' ? '版: "1.1" — 第1.1版の本文は資料にないため第1.0版の文言' : '版: "1.0"（第1.0版）の文言'}${later ? `。令和7年度更新で${later}箇所変わります（--edition 2026）` : ''}`,
    alias: (raw: string, id: string) => `「${raw}」の正規形は ${id} です`,
    unknown: (raw: string) => `ガイドラインに項目「${raw}」はありません`,
    didYouMean: (list: string) => `。候補: ${list}`,
  },
  en: {
    unofficial: 'unofficial translation',
    roles: 'Applies to',
    level: "Guideline's word",
    text: 'Text',
    practice: 'Annex',
    points: 'Points',
    methods: 'Methods',
    related: 'Related principles',
    subItems: 'Sub-items',
    updates: 'FY2025 update (footnotes, references)',
    marker: ' [FY2025 update]',
    section: 'Part 2 D.',
    edition: (e: EditionId, applied: number, later: number) =>
      e === '2026'
        ? applied
          ? `Edition "2026": the ${applied} passages marked [FY2025 update] quote the update; the rest quotes 第1.0版`
          : 'Edition "2026": the update does not reword this item; 第1.0版 is quoted'
        : `${e === '1.1' ? 'Edition "1.1": the sources do not include 第1.1版, so 第1.0版 is quoted' : 'Edition "1.0" (第1.0版) wording'}${later ? `. The FY2025 update changes ${later} passages (--edition 2026)` : ''}`,
    alias: (raw: string, id: string) => `"${raw}" is written ${id} in canonical form`,
    unknown: (raw: string) => `the guideline has no item "${raw}"`,
    didYouMean: (list: string) => `. Did you mean ${list}?`,
  },
} as const;

type Line = string | WordedLine;
const textOf = (l: Line) => (typeof l === 'string' ? l : l.text);
const mark = (l: Line, marker: string) => (typeof l !== 'string' && l.from === '2026' ? marker : '');

/** Guideline lines: nesting is two leading spaces per level; nested lines are bullets. */
function textLines(lines: readonly Line[], indent: string, marker = ''): string[] {
  return lines.map((l) => {
    const line = textOf(l);
    const depth = Math.floor((line.length - line.trimStart().length) / 2);
    return `${depth === 0 ? `${indent}${line.trim()}` : `${indent}${'  '.repeat(depth - 1)}・${line.trim()}`}${mark(l, marker)}`;
  });
}

function bulletLines(lines: readonly Line[], indent: string, marker = ''): string[] {
  return lines.map((l) => {
    const line = textOf(l);
    return `${indent}${'  '.repeat(Math.floor((line.length - line.trimStart().length) / 2))}- ${line.trim()}${mark(l, marker)}`;
  });
}

export function explainItem(item: CatalogItem, catalog: GuidelineCatalog, language: MessageLanguage, paint: Paint, alias?: string, edition: EditionId = LATEST_EDITION): string {
  const L = LABELS[language];
  const wording = textFor(item, edition);
  const roles = item.roles.map((r) => (language === 'ja' ? ROLE_INFO[r].ja : ROLE_INFO[r].en)).join(' / ');
  const out: string[] = [];
  out.push(paint.bold(`${item.id}　${wording.title.text}`) + mark(wording.title, L.marker));
  out.push(paint.dim(`${item.titleEn} (${L.unofficial})`));
  out.push(`${L.roles}: ${roles} · ${L.level}: ${item.level.word}`);
  if (alias) out.push(paint.dim(L.alias(alias, item.id)));
  const section = catalog.sectionOf(item.id);
  if (section) {
    const heading = sectionFor(section, edition).title;
    out.push(`${L.section} ${heading.text}${mark(heading, L.marker)}`);
  }
  if (wording.text.length) out.push('', paint.bold(L.text), ...textLines(wording.text, '  ', L.marker));
  const children = catalog.children(item.id);
  if (children.length) out.push('', paint.bold(L.subItems), ...children.map((c) => `  ${c.id}　${textFor(c, edition).title.text}`));
  if (item.related.length) out.push('', `${L.related}: ${item.related.join('、')}`);
  for (const block of wording.practice) {
    out.push('', paint.bold(`${L.practice} — ${block.source}`));
    if (block.points.length) out.push(`  ${L.points}`, ...bulletLines(block.points, '    ', L.marker));
    if (block.methods.length) out.push(`  ${L.methods}`, ...bulletLines(block.methods, '    ', L.marker));
  }
  for (const note of wording.notes) {
    out.push('', paint.bold(L.updates), ...textLines(note.text, '  '), `  ${sourceLine(note.citation)}`);
  }
  out.push('', paint.dim(L.edition(edition, wording.applied.length, item.updates.length)));
  out.push(citationLine(item), ...[...new Set(wording.applied.map((u) => sourceLine(u.citation)))]);
  return out.join('\n') + '\n';
}

/** Resolves an id (aliases accepted) and renders it; an unknown id is a usage error with "did you mean". */
export function explain(raw: string, catalog: GuidelineCatalog, language: MessageLanguage, paint: Paint, edition: EditionId = LATEST_EDITION): string {
  const L = LABELS[language];
  const resolution = resolveId(raw, catalog);
  if (resolution.status === 'unknown') {
    const suggestions = resolution.suggestions.map((id) => {
      const item = catalog.get(id);
      return language === 'ja' ? `${id}（${shortTitle(item?.title ?? '')}）` : `${id} (${shortTitle(item?.titleEn ?? '')})`;
    });
    throw new UsageError(L.unknown(raw) + (suggestions.length ? L.didYouMean(suggestions.join(', ')) : ''));
  }
  const item = catalog.get(resolution.id);
  if (!item) throw new UsageError(L.unknown(raw));
  return explainItem(item, catalog, language, paint, resolution.status === 'alias' ? raw : undefined, edition);
}
