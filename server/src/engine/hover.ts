/**
 * Hover text: the guideline's own words with their source. Quotes are always Japanese (they are
 * the guideline); our labels follow the message language.
 */
import type { GuidelineCatalog } from './catalog';
import type { CatalogItem, Definition } from './catalogTypes';
import { citationLine, sourceLine } from './citation';
import { resolveId } from './ids';
import { locate } from './locate';
import type { GovernanceRecord } from './record';
import type { MessageLanguage, Range } from './types';
import { FIELD_TEXT, KIND_TEXT, ROLE_INFO, STATUS_TEXT, SYSTEM_KINDS, STATUSES } from './vocabulary';

export interface HoverResult {
  markdown: string;
  range: Range;
}

/** How many annex lines a hover shows before "the rest" moves behind a link. */
const PRACTICE_PREVIEW = 4;

const LABELS = {
  ja: { alias: '正規形', practice: '別添', more: '別添の全文を表示', related: '関連する原則', updates: '令和7年度更新', unofficial: '英訳は非公式', roles: '対象', level: 'ガイドラインの表現', points: 'ポイント', methods: '具体的な手法' },
  en: { alias: 'canonical form', practice: 'Annex', more: 'Show the full annex text', related: 'Related principles', updates: 'FY2025 update', unofficial: 'unofficial translation', roles: 'Applies to', level: "guideline's word", points: 'Points', methods: 'Methods' },
} as const;

function quote(lines: readonly string[]): string {
  return lines.map((l) => `> ${l.startsWith('  ') ? '・' : ''}${escape(l.trim())}`).join('\n>\n');
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `${'  '.repeat(Math.floor((l.length - l.trimStart().length) / 2))}- ${escape(l.trim())}`).join('\n');
}

/** Markdown-escape characters that would change how a quote renders. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function itemMarkdown(item: CatalogItem, language: MessageLanguage, options: { full?: boolean; alias?: string } = {}): string {
  const L = LABELS[language];
  const roles = item.roles.map((r) => (language === 'ja' ? ROLE_INFO[r].ja : ROLE_INFO[r].en)).join(' / ');
  const parts: string[] = [];
  parts.push(`**${item.id}　${escape(item.title)}**`);
  parts.push(`*${escape(item.titleEn)}* (${L.unofficial}) · ${L.roles}: ${roles} · ${L.level}: **${item.level.word}**`);
  if (options.alias) parts.push(`\`${escape(options.alias)}\` → ${L.alias} \`${item.id}\``);
  if (item.text.length) parts.push(quote(item.text));
  const limit = options.full ? Number.MAX_SAFE_INTEGER : PRACTICE_PREVIEW;
  let truncated = false;
  for (const block of item.practice) {
    const sections: string[] = [];
    for (const [label, lines] of [[L.points, block.points], [L.methods, block.methods]] as const) {
      if (!lines.length) continue;
      const shown = lines.slice(0, limit);
      truncated ||= shown.length < lines.length;
      sections.push(`*${label}*\n\n${bullets(shown)}${shown.length < lines.length ? '\n- …' : ''}`);
    }
    if (sections.length) parts.push(`**${L.practice}** — ${escape(block.source)}\n\n${sections.join('\n\n')}`);
    if (!options.full) break;
  }
  if (!options.full && (truncated || item.practice.length > 1)) {
    parts.push(`[${L.more}](command:aiGovernance.showItemText?${encodeURIComponent(JSON.stringify([item.id]))})`);
  }
  if (item.related.length) parts.push(`${L.related}: ${item.related.map(escape).join('、')}`);
  for (const update of item.updates) parts.push(`**${L.updates}**\n\n${quote(update.text)}\n\n${escape(sourceLine(update.citation))}`);
  parts.push(escape(citationLine(item)));
  return parts.join('\n\n');
}

export function definitionMarkdown(definition: Definition, language: MessageLanguage): string {
  const term = language === 'ja' ? definition.term : `${definition.term} (${definition.termEn})`;
  const parts = [`**${escape(term)}**`, quote(definition.text), escape(sourceLine(definition.citation))];
  for (const update of definition.updates ?? []) parts.push(`**${LABELS[language].updates}**\n\n${quote(update.text)}\n\n${escape(sourceLine(update.citation))}`);
  return parts.join('\n\n');
}

export function hover(record: GovernanceRecord, offset: number, catalog: GuidelineCatalog, language: MessageLanguage): HoverResult | null {
  const at = locate(record.parsed.root, offset);
  if (!at?.scalar) return null;
  const range = record.parsed.lines.range(at.scalar.start, at.scalar.end);
  const markdown = hoverMarkdown(at.path, at.isKey, String(at.scalar.value ?? ''), catalog, language);
  return markdown ? { markdown, range } : null;
}

function hoverMarkdown(path: Array<string | number>, isKey: boolean, value: string, catalog: GuidelineCatalog, language: MessageLanguage): string | null {
  const [top] = path;
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  // An item id: the key right under `items`.
  if (top === 'items' && path.length === 2 && isKey) {
    const resolution = resolveId(value, catalog, { suggest: false });
    if (resolution.status === 'unknown') return null;
    const item = catalog.get(resolution.id);
    return item ? itemMarkdown(item, language, { alias: resolution.status === 'alias' ? value : undefined }) : null;
  }
  if (!isKey && parentKey === 'roles' && value in ROLE_INFO) {
    const definition = catalog.definition(ROLE_INFO[value as keyof typeof ROLE_INFO].definition);
    return definition ? definitionMarkdown(definition, language) : null;
  }
  if (!isKey && parentKey === 'kinds' && (SYSTEM_KINDS as readonly string[]).includes(value)) {
    const kind = KIND_TEXT[value as (typeof SYSTEM_KINDS)[number]];
    const definition = kind.definition ? catalog.definition(kind.definition) : undefined;
    return definition ? definitionMarkdown(definition, language) : `**${kind.ja}** (${kind.en})`;
  }
  if (!isKey && parentKey === 'safeguards') {
    const safeguard = catalog.safeguard(value);
    if (safeguard) return [`**${escape(safeguard.title)}** (${escape(safeguard.titleEn)})`, quote(safeguard.text), escape(sourceLine(safeguard.citation))].join('\n\n');
  }
  if (!isKey && parentKey === 'status' && (STATUSES as readonly string[]).includes(value)) {
    return `**${value}** — ${STATUS_TEXT[value as (typeof STATUSES)[number]][language]}`;
  }
  if (isKey && path.length === 1 && value === 'advancedAI') {
    const definition = catalog.definition('advanced-ai-system');
    return [FIELD_TEXT.advancedAI[language], definition ? definitionMarkdown(definition, language) : ''].filter(Boolean).join('\n\n');
  }
  if (isKey && FIELD_TEXT[value]) return `**${value}** — ${FIELD_TEXT[value][language]}`;
  return null;
}
