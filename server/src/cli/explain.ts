/**
 * `ai-governance explain <id>`: an item of the guideline on the terminal — title, the verbatim
 * text, the annex's practice points, the FY2025 notes and the citation. Quotes stay Japanese
 * (they are the guideline); labels follow --lang. Plain text: hovers render the same data as Markdown.
 */
import type { MessageLanguage } from '../engine';
import { shortTitle, type GuidelineCatalog } from '../engine/catalog';
import type { CatalogItem } from '../engine/catalogTypes';
import { citationLine, sourceLine } from '../engine/citation';
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
    updates: '令和7年度更新',
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
    updates: 'FY2025 update',
    alias: (raw: string, id: string) => `"${raw}" is written ${id} in canonical form`,
    unknown: (raw: string) => `the guideline has no item "${raw}"`,
    didYouMean: (list: string) => `. Did you mean ${list}?`,
  },
} as const;

/** Guideline lines: nesting is two leading spaces per level; nested lines are bullets. */
function textLines(lines: readonly string[], indent: string): string[] {
  return lines.map((line) => {
    const depth = Math.floor((line.length - line.trimStart().length) / 2);
    return depth === 0 ? `${indent}${line.trim()}` : `${indent}${'  '.repeat(depth - 1)}・${line.trim()}`;
  });
}

function bulletLines(lines: readonly string[], indent: string): string[] {
  return lines.map((line) => `${indent}${'  '.repeat(Math.floor((line.length - line.trimStart().length) / 2))}- ${line.trim()}`);
}

export function explainItem(item: CatalogItem, catalog: GuidelineCatalog, language: MessageLanguage, paint: Paint, alias?: string): string {
  const L = LABELS[language];
  const roles = item.roles.map((r) => (language === 'ja' ? ROLE_INFO[r].ja : ROLE_INFO[r].en)).join(' / ');
  const out: string[] = [];
  out.push(paint.bold(`${item.id}　${item.title}`));
  out.push(paint.dim(`${item.titleEn} (${L.unofficial})`));
  out.push(`${L.roles}: ${roles} · ${L.level}: ${item.level.word}`);
  if (alias) out.push(paint.dim(L.alias(alias, item.id)));
  if (item.text.length) out.push('', paint.bold(L.text), ...textLines(item.text, '  '));
  const children = catalog.children(item.id);
  if (children.length) out.push('', paint.bold(L.subItems), ...children.map((c) => `  ${c.id}　${c.title}`));
  if (item.related.length) out.push('', `${L.related}: ${item.related.join('、')}`);
  for (const block of item.practice) {
    out.push('', paint.bold(`${L.practice} — ${block.source}`));
    if (block.points.length) out.push(`  ${L.points}`, ...bulletLines(block.points, '    '));
    if (block.methods.length) out.push(`  ${L.methods}`, ...bulletLines(block.methods, '    '));
  }
  for (const update of item.updates) {
    out.push('', paint.bold(L.updates), ...textLines(update.text, '  '), `  ${sourceLine(update.citation)}`);
  }
  out.push('', citationLine(item));
  return out.join('\n') + '\n';
}

/** Resolves an id (aliases accepted) and renders it; an unknown id is a usage error with "did you mean". */
export function explain(raw: string, catalog: GuidelineCatalog, language: MessageLanguage, paint: Paint): string {
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
  return explainItem(item, catalog, language, paint, resolution.status === 'alias' ? raw : undefined);
}
