import type { CatalogItem, SourceRef } from './catalogTypes';

/** `出典: AI事業者ガイドライン（第1.0版）本編 第3部「AI開発者に関する事項」AI開発後 D-7) ii.` (DESIGN §4) */
export function citationLine(item: CatalogItem): string {
  const c = item.citation;
  const section = c.section ? `${c.section} ` : '';
  // A principle's heading already is its label ("1) 人間中心"): say it once.
  const label = c.section.startsWith(c.label) ? '' : c.label;
  return `出典: ${c.document}（${c.edition}）${c.part} ${section}${label}`.replace(/\s+/g, ' ').trim();
}

/** `出典: 令和7年度更新内容（2026年3月12日）④ 留意すべき事項の追加（AI開発者） 別添3 D-2) i. [具体的な手法]` */
export function sourceLine(ref: SourceRef): string {
  return `出典: ${[ref.document, ...ref.place].join(' ')}`;
}
