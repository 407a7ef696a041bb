/**
 * Hover text: the guideline's own words with their source. Quotes are always Japanese (they are
 * the guideline); our labels follow the message language.
 */
import { shortTitle, type GuidelineCatalog, type Requirement } from './catalog';
import type { CatalogItem, CatalogSection, Definition, EditionId, Safeguard } from './catalogTypes';
import { citationLine, sourceLine } from './citation';
import { LATEST_EDITION, recordEdition, sectionFor, textFor, type WordedLine } from './editions';
import { resolveId } from './ids';
import { locate } from './locate';
import { missingSafeguards, type GovernanceRecord, type SystemEntry } from './record';
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
    notes: '令和7年度更新（脚注・参考文献等）',
    marker: '（令和7年度更新）',
    edition2026: (n: number) => `版: "2026"（令和7年度更新）— 令和7年度更新内容が再掲・追加する${n}箇所はその文言（「令和7年度更新」の印）、それ以外は第1.0版の文言を引用しています。`,
    edition2026Unchanged: '版: "2026"（令和7年度更新）— この項目の文言は令和7年度更新内容で変わらないため、第1.0版の文言を引用しています。',
    edition11: '版: "1.1" — 第1.1版の本文は資料に含まれていないため、第1.0版の文言を引用しています。',
    edition10: '版: "1.0"（第1.0版）の文言です。',
    changedLater: (n: number) => `令和7年度更新でこの項目は${n}箇所変わります（guideline: "2026" でその文言を表示）。`,
    section: '第2部 D.',
    show2026: '令和7年度更新の文言を表示',
    titleUpdated: '見出しは令和7年度更新の文言',
    missingSafeguards: (system: string) => `「${system}」の safeguards に記載のない対策（令和7年度更新の留意事項）`,
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
    notes: 'FY2025 update (footnotes, references)',
    marker: ' (FY2025 update)',
    edition2026: (n: number) => `Edition "2026" (FY2025 update): the ${n} passages the update re-quotes or adds are in its wording (marked "FY2025 update"); the rest quotes 第1.0版.`,
    edition2026Unchanged: 'Edition "2026" (FY2025 update): the update does not reword this item, so 第1.0版 is quoted.',
    edition11: 'Edition "1.1": the sources do not include 第1.1版 itself, so this quotes 第1.0版.',
    edition10: 'Edition "1.0" (第1.0版) wording.',
    changedLater: (n: number) => `The FY2025 update changes ${n} passages of this item (guideline: "2026" shows its wording).`,
    section: 'Part 2 D.',
    show2026: 'Show the FY2025 wording',
    titleUpdated: 'title as reworded by the FY2025 update',
    missingSafeguards: (system: string) => `Safeguards "${system}" does not list (FY2025 update)`,
  },
} as const;

type Line = string | WordedLine;
const textOf = (l: Line) => (typeof l === 'string' ? l : l.text);
const isNew = (l: Line) => typeof l !== 'string' && l.from === '2026';

/** Quoted lines; those in the FY2025 update's wording carry the marker (our label, outside the quote). */
function quote(lines: readonly Line[], marker = ''): string {
  return lines.map((l) => `> ${textOf(l).startsWith('  ') ? '・' : ''}${escape(textOf(l).trim())}${isNew(l) ? `*${marker}*` : ''}`).join('\n>\n');
}

function bullets(lines: readonly Line[], marker = ''): string {
  return lines
    .map((l) => {
      const t = textOf(l);
      return `${'  '.repeat(Math.floor((t.length - t.trimStart().length) / 2))}- ${escape(t.trim())}${isNew(l) ? ` *${marker.trim()}*` : ''}`;
    })
    .join('\n');
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
  /** the record's edition (`guideline:`): decides the wording quoted. Default: the latest. */
  edition?: EditionId;
  /** the heading the item sits under when the update rewords it (第2部 D for H items) */
  section?: CatalogSection;
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
  const edition = options.edition ?? LATEST_EDITION;
  const wording = textFor(item, edition);
  const fullTitle = wording.title.text;
  const title = shortTitle(fullTitle);
  const facts = [`${L.level}: **${item.level.word}**`];
  if (options.requirement) facts.push(L.requirement[options.requirement]);
  if (isNew(wording.title)) facts.push(L.titleUpdated);
  const parts: string[] = [];
  parts.push(`**${item.id}　${escape(title)}**\\\n${facts.join(' · ')} · *${escape(shortTitle(item.titleEn))}* (${L.unofficial})\\\n${escape(citationLine(item))}`);
  if (options.alias) parts.push(`\`${escape(options.alias)}\` → ${L.alias} \`${item.id}\``);
  if (options.section) {
    const heading = sectionFor(options.section, edition).title;
    parts.push(`${L.section} ${escape(heading.text)}${isNew(heading) ? `*${L.marker}*` : ''}`);
  }
  // A title cut short for the heading is still quoted whole, unless the text already says it.
  const text: Line[] = title !== fullTitle && !wording.text.some((line) => line.text.includes(fullTitle)) ? [wording.title, ...wording.text] : wording.text;
  if (text.length) parts.push(quote(text, L.marker));
  let truncated = false;
  for (const block of wording.practice) {
    const sections: string[] = [];
    let budget = full ? Number.MAX_SAFE_INTEGER : PRACTICE_PREVIEW;
    for (const [label, lines] of [[L.points, block.points], [L.methods, block.methods]] as const) {
      if (!lines.length || budget <= 0) {
        truncated ||= lines.length > 0;
        continue;
      }
      // A preview shows the edition's new lines first: they are what a reader of the update looks for.
      const ordered = full ? lines : [...lines.filter(isNew), ...lines.filter((l) => !isNew(l))];
      const shown = ordered.slice(0, budget);
      budget -= shown.length;
      truncated ||= shown.length < lines.length;
      sections.push(`*${label}*\n\n${bullets(shown, L.marker)}${shown.length < lines.length ? '\n- …' : ''}`);
    }
    if (sections.length) parts.push(`**${L.practice}** — ${escape(block.source)}\n\n${sections.join('\n\n')}`);
    if (!full) {
      truncated ||= wording.practice.length > 1;
      break;
    }
  }
  if (item.related.length) parts.push(`${L.related}: ${item.related.map(escape).join('、')}`);
  for (const note of wording.notes) {
    if (full) {
      parts.push(`**${L.notes}** — ${escape(sourceLine(note.citation))}\n\n${quote(note.text)}`);
      continue;
    }
    const first = note.text[0] ?? '';
    const cut = first.length > NOTE_PREVIEW ? `${first.slice(0, NOTE_PREVIEW)}…` : first;
    truncated ||= cut !== first || note.text.length > 1;
    parts.push(`**${L.notes}** — ${escape(sourceLine(note.citation))}\n\n> ${escape(cut)}`);
  }
  const sources = [...new Set(wording.applied.map((u) => sourceLine(u.citation)))];
  parts.push([`*${editionLine(item, edition, wording.applied.length, language)}*`, ...(full ? sources.map(escape) : [])].join('\\\n'));
  const links: string[] = [];
  if (!full && truncated) links.push(`[${L.more}](command:aiGovernance.showItemText?${encodeURIComponent(JSON.stringify([item.id, edition]))})`);
  if (!full && edition !== '2026' && item.updates.length) links.push(`[${L.show2026}](command:aiGovernance.showItemText?${encodeURIComponent(JSON.stringify([item.id, '2026']))})`);
  if (links.length) parts.push(links.join(' · '));
  return parts.join('\n\n');
}

/** Which edition the hover quotes, and for an older one how much the update changes. */
function editionLine(item: CatalogItem, edition: EditionId, applied: number, language: MessageLanguage): string {
  const L = LABELS[language];
  if (edition === '2026') return applied ? L.edition2026(applied) : L.edition2026Unchanged;
  const later = item.updates.length ? ` ${L.changedLater(item.updates.length)}` : '';
  return `${edition === '1.1' ? L.edition11 : L.edition10}${later}`;
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
  const markdown = hoverMarkdown(record, at.path, at.isKey, at.scalar.start, String(at.scalar.value ?? ''), catalog, language);
  return markdown ? { markdown, range } : null;
}

function safeguardMarkdown(safeguard: Safeguard): string {
  return [`**${escape(safeguard.title)}** (${escape(safeguard.titleEn)})`, quote(safeguard.text), escape(sourceLine(safeguard.citation))].join('\n\n');
}

/**
 * What missing-safeguard findings leave out of their messages: the text of each consideration the
 * system does not list, verbatim, with its source (the hover on the findings' key or kind).
 */
function missingSafeguardsMarkdown(system: SystemEntry, catalog: GuidelineCatalog, language: MessageLanguage): string {
  const missing = missingSafeguards(system, catalog);
  if (missing.length === 0) return '';
  const heading = `**${escape(LABELS[language].missingSafeguards(system.id ?? ''))}**`;
  return [heading, ...missing.map(({ safeguard }) => `\`${safeguard.id}\` — ${safeguardMarkdown(safeguard)}`)].join('\n\n');
}

function hoverMarkdown(record: GovernanceRecord, path: Array<string | number>, isKey: boolean, start: number, value: string, catalog: GuidelineCatalog, language: MessageLanguage): string | null {
  const [top] = path;
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  // An item id: the key right under `items`.
  if (top === 'items' && path.length === 2 && isKey) {
    const resolution = resolveId(value, catalog, { suggest: false });
    if (resolution.status === 'unknown') return null;
    const item = catalog.get(resolution.id);
    if (!item) return null;
    // A sub-item is needed as part of its principle (C-7-6 counts for C-7).
    const counted = item.parent && item.kind === 'common-sub' ? (catalog.get(item.parent) ?? item) : item;
    const requirement = catalog.requirement(counted, record.roles.map((r) => r.role), record.advancedAI);
    return itemMarkdown(item, language, {
      alias: resolution.status === 'alias' ? value : undefined,
      requirement: record.roles.length > 0 ? requirement : undefined,
      edition: recordEdition(record),
      section: catalog.sectionOf(item.id),
    });
  }
  if (!isKey && parentKey === 'roles' && value in ROLE_INFO) {
    const definition = catalog.definition(ROLE_INFO[value as keyof typeof ROLE_INFO].definition);
    return definition ? definitionMarkdown(definition, language) : null;
  }
  if (!isKey && parentKey === 'kinds' && (SYSTEM_KINDS as readonly string[]).includes(value)) {
    const kind = KIND_TEXT[value as (typeof SYSTEM_KINDS)[number]];
    const definition = kind.definition ? catalog.definition(kind.definition) : undefined;
    const system = top === 'systems' && (value === 'agent' || value === 'physical') ? record.systems.find((s) => s.kinds.some((k) => k.node.start === start)) : undefined;
    return [definition ? definitionMarkdown(definition, language) : `**${kind.ja}** (${kind.en})`, system ? missingSafeguardsMarkdown(system, catalog, language) : ''].filter(Boolean).join('\n\n');
  }
  if (!isKey && parentKey === 'safeguards') {
    const safeguard = catalog.safeguard(value);
    if (safeguard) return safeguardMarkdown(safeguard);
  }
  if (isKey && top === 'systems' && value === 'safeguards') {
    const system = record.systems.find((s) => s.safeguardsPair?.key.start === start);
    return [`**${value}** — ${FIELD_TEXT[value][language]}`, system ? missingSafeguardsMarkdown(system, catalog, language) : ''].filter(Boolean).join('\n\n');
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
