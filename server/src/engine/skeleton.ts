/** The Markdown skeleton a documentation item's quick fix creates: the item quoted, headings from its [具体的な手法]. */
import { dirname, join, relative } from 'node:path';
import type { CatalogItem } from './catalogTypes';
import { citationLine } from './citation';
import type { MessageLanguage } from './types';

export const SKELETON_FOLDER = 'ai-governance-docs';

export function skeletonPath(recordPath: string, item: CatalogItem): { absolute: string; relative: string } {
  const name = `${item.id.replace(/\s+/g, '-')}.md`;
  const absolute = join(dirname(recordPath), SKELETON_FOLDER, name);
  return { absolute, relative: relative(dirname(recordPath), absolute).split('\\').join('/') };
}

export function skeletonMarkdown(item: CatalogItem, language: MessageLanguage, eol = '\n'): string {
  const fill = language === 'ja' ? '（記入してください）' : '(to be written)';
  const headingNote =
    language === 'ja' ? '<!-- 以下の見出しは別添の[具体的な手法]から作成しました。 -->' : '<!-- Headings below come from the annex [具体的な手法] (methods). -->';
  const methods = item.practice.flatMap((p) => p.methods).filter((line) => !line.startsWith(' '));
  const headings = methods.length ? methods : item.text.filter((line) => !line.startsWith(' '));
  const lines = [
    `# ${item.id} ${item.title}`,
    '',
    ...item.text.map((l) => `> ${l.trim()}`),
    '>',
    `> ${citationLine(item)}`,
    '',
    headingNote,
    '',
    ...headings.flatMap((h) => [`## ${h.trim()}`, '', fill, '']),
  ];
  return lines.join(eol);
}
