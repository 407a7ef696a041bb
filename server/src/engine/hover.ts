/**
 * Hover text: the guideline's own words with their source. Quotes are always Japanese (they are
 * the guideline); our labels follow the message language.
 */
import { shortTitle, type GuidelineCatalog, type Requirement } from './catalog';
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

/** How many annex lines a hover shows before "the full text" moves behind a link. */
const PRACTICE_PREVIEW = 3;
/** A FY2025 note in a hover: its first line, cut here (an exact prefix of the quote, marked with …). */
const NOTE_PREVIEW = 80;

const LABELS = {
  ja: {
    alias: '正規形',
    practice: '別添',
    more: '全文を表示',
    related: '関連する原則',
    updates: '令和7年度更新',
    unofficial: '英訳は非公式',
    level: 'ガイドラインの表現',
    points: 'ポイント',
    methods: '具体的な手法',
    requirement: { required: '必須（宣言した主体）', expected: '期待（宣言した主体）', recommended: '推奨', 'not-applicable': '宣言した主体には対象外' },
  },
  en: {
    alias: 'canonical form',
    practice: 'Annex',
    more: 'Show the full text',
    related: 'Related principles',
    updates: 'FY2025 update',
    unofficial: 'unofficial translation',
    level: "guideline's word",
    points: 'Points',
    methods: 'Methods',
    requirement: { required: 'required for the declared roles', expected: 'expected for the declared roles', recommended: 'recommended', 'not-applicable': 'not for the declared roles' },
  },
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

export interface ItemMarkdownOptions {
  /** everything: every annex block and every FY2025 note in full (the "show the full text" view) */
  full?: boolean;
  /** the key as the user wrote it, when it is an alias */
  alias?: string;
  /** how much this record needs the item (from its roles), shown beside the guideline's word */
  requirement?: Requirement;
}

/**
 * An item in Markdown. The first lines are what a reader needs in a small hover: id and (short)
 * title, the guideline's word and what the item means for this record, and the citation of the
 * quote; then the quote; then a few lines of the annex and the FY2025 notes, each cut short with a
 * link to the full text.
 */
export function itemMarkdown(item: CatalogItem, language: MessageLanguage, options: ItemMarkdownOptions = {}): string {
  const L = LABELS[language];
  const full = options.full === true;
  const title = shortTitle(item.title);
  const facts = [`${L.level}: **${item.level.word}**`];
  if (options.requirement) facts.push(L.requirement[options.requirement]);
  const parts: string[] = [];
  parts.push(`**${item.id}　${escape(title)}**\\\n${facts.join(' · ')} · *${escape(shortTitle(item.titleEn))}* (${L.unofficial})\\\n${escape(citationLine(item))}`);
  if (options.alias) parts.push(`\`${escape(options.alias)}\` → ${L.alias} \`${item.id}\``);
  // A title cut short for the heading is still quoted whole, unless the text already says it.
  const text = title !== item.title && !item.text.some((line) => line.includes(item.title)) ? [item.title, ...item.text] : item.text;
  if (text.length) parts.push(quote(text));
  let truncated = false;
  for (const block of item.practice) {
    const sections: string[] = [];
    let budget = full ? Number.MAX_SAFE_INTEGER : PRACTICE_PREVIEW;
    for (const [label, lines] of [[L.points, block.points], [L.methods, block.methods]] as const) {
      if (!lines.length || budget <= 0) {
        truncated ||= lines.length > 0;
        continue;
      }
      const shown = lines.slice(0, budget);
      budget -= shown.length;
      truncated ||= shown.length < lines.length;
      sections.push(`*${label}*\n\n${bullets(shown)}${shown.length < lines.length ? '\n- …' : ''}`);
    }
    if (sections.length) parts.push(`**${L.practice}** — ${escape(block.source)}\n\n${sections.join('\n\n')}`);
    if (!full) {
      truncated ||= item.practice.length > 1;
      break;
    }
  }
  if (item.related.length) parts.push(`${L.related}: ${item.related.map(escape).join('、')}`);
  for (const update of item.updates) {
    if (full) {
      parts.push(`**${L.updates}** — ${escape(sourceLine(update.citation))}\n\n${quote(update.text)}`);
      continue;
    }
    const first = update.text[0] ?? '';
    const cut = first.length > NOTE_PREVIEW ? `${first.slice(0, NOTE_PREVIEW)}…` : first;
    truncated ||= cut !== first || update.text.length > 1;
    parts.push(`**${L.updates}** — ${escape(sourceLine(update.citation))}\n\n> ${escape(cut)}`);
  }
  if (!full && truncated) parts.push(`[${L.more}](command:aiGovernance.showItemText?${encodeURIComponent(JSON.stringify([item.id]))})`);
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
  const markdown = hoverMarkdown(record, at.path, at.isKey, String(at.scalar.value ?? ''), catalog, language);
  return markdown ? { markdown, range } : null;
}

function hoverMarkdown(record: GovernanceRecord, path: Array<string | number>, isKey: boolean, value: string, catalog: GuidelineCatalog, language: MessageLanguage): string | null {
  const [top] = path;
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  // An item id: the key right under `items`.
  if (top === 'items' && path.length === 2 && isKey) {
    const resolution = resolveId(value, catalog);
    if (resolution.status === 'unknown') return null;
    const item = catalog.get(resolution.id);
    if (!item) return null;
    // A sub-item is needed as part of its principle (C-7-6 counts for C-7).
    const counted = item.parent && item.kind === 'common-sub' ? (catalog.get(item.parent) ?? item) : item;
    const requirement = catalog.requirement(counted, record.roles.map((r) => r.role), record.advancedAI);
    return itemMarkdown(item, language, { alias: resolution.status === 'alias' ? value : undefined, requirement: record.roles.length > 0 ? requirement : undefined });
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
