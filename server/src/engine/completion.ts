/**
 * Completion from the text around the cursor, line by line, so it works while the YAML is
 * half-typed: the key path comes from indentation, not from a successful parse.
 */
import { shortTitle, type GuidelineCatalog } from './catalog';
import { itemMarkdown } from './hover';
import { buildSnippets } from './snippets';
import type { GovernanceRecord } from './record';
import { presentIds } from './record';
import type { MessageLanguage, Position, Range } from './types';
import {
  API_VERSION,
  FIELD_TEXT,
  GUIDELINE_EDITIONS,
  ITEM_FIELDS,
  KIND_TEXT,
  ORGANIZATION_FIELDS,
  ROLE_INFO,
  SAFEGUARDS,
  STATUS_TEXT,
  STATUSES,
  SYSTEM_FIELDS,
  SYSTEM_KINDS,
  TOP_LEVEL_KEYS,
} from './vocabulary';

export interface CompletionEntry {
  label: string;
  kind: 'item' | 'value' | 'field' | 'file' | 'snippet';
  /** shown beside the label in every row (the item's short title) */
  labelDetail?: string;
  detail?: string;
  documentation?: string;
  insertText: string;
  filterText?: string;
  sortText?: string;
  /** what the completion replaces (the word being typed; ids contain spaces) */
  range?: Range;
  /** insertText is a snippet (tab stops); its lines after the first are indented relative to the cursor's line */
  snippet?: boolean;
}

export interface CompletionContext {
  record: GovernanceRecord;
  catalog: GuidelineCatalog;
  language: MessageLanguage;
  /** evidence candidates, relative to the record's folder */
  evidencePaths?: readonly string[];
}

interface LineContext {
  /** keys of the enclosing block mappings, outermost first */
  path: string[];
  /** the key whose value the cursor is in: `status: imp|`, `roles: [dev|`, `- docs/|` under evidence */
  valueOf: string | null;
  /** true when the cursor is where a key is typed */
  atKey: boolean;
  /** character where the word being typed starts (what a completion replaces) */
  replaceFrom: number;
}

const KEY_LINE = /^\s*(?:-\s+)?([^\s#:\-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function lineContext(text: string, position: Position): LineContext {
  const lines = text.split(/\r?\n/);
  const current = (lines[position.line] ?? '').slice(0, position.character);
  const content = current.replace(/^\s*(?:-(?:\s+|$))?/, '');
  const contentColumn = current.length - content.length;
  const ownKey = /^([^\s#:][^:#]*?)\s*:(?:\s+(.*))?$/.exec(content);
  const isSequenceEntry = /^\s*-(\s|$)/.test(current) && !ownKey;
  let indent = isSequenceEntry ? indentOf(current) : contentColumn;
  const path: string[] = [];
  for (let line = position.line - 1; line >= 0 && indent > 0; line--) {
    const text = lines[line];
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const lineIndent = indentOf(text);
    if (lineIndent >= indent) continue;
    const dash = /^\s*-\s+/.exec(text);
    const keyColumn = dash ? dash[0].length : lineIndent;
    const key = KEY_LINE.exec(text);
    // `- id: x` above `  kinds:` is a sibling inside the same sequence entry, not a parent.
    if (key && keyColumn < indent) path.unshift(key[1].trim());
    indent = lineIndent;
  }
  let valueOf: string | null = null;
  let replaceFrom = contentColumn;
  if (ownKey) {
    valueOf = ownKey[1].trim();
    const rest = ownKey[2] ?? '';
    const token = /[^\s,\[\]{}"']*$/.exec(rest)?.[0] ?? '';
    replaceFrom = current.length - token.length;
  } else if (isSequenceEntry) {
    valueOf = path.pop() ?? null;
  }
  return { path, valueOf, atKey: !ownKey && !isSequenceEntry, replaceFrom };
}

function values(list: readonly string[], describe: (v: string) => string | undefined): CompletionEntry[] {
  return list.map((v, i) => ({ label: v, kind: 'value', detail: describe(v), insertText: v, sortText: String(i).padStart(3, '0') }));
}

function fields(list: readonly string[], language: MessageLanguage, present: Set<string>): CompletionEntry[] {
  return list
    .filter((f) => !present.has(f))
    .map((f, i) => ({ label: f, kind: 'field', detail: FIELD_TEXT[f]?.[language], insertText: `${f}: `, sortText: String(i).padStart(3, '0') }));
}

export function complete(text: string, position: Position, context: CompletionContext): CompletionEntry[] {
  const where = lineContext(text, position);
  const range = { start: { line: position.line, character: where.replaceFrom }, end: position };
  return entries(where, context).map((e) => ({ ...e, range }));
}

function entries(where: LineContext, context: CompletionContext): CompletionEntry[] {
  const { record, catalog, language } = context;
  const path = where.path;
  const value = where.valueOf;
  const roles = record.roles.map((r) => r.role);

  if (value !== null) {
    switch (value) {
      case 'apiVersion':
        return values([API_VERSION], () => undefined);
      case 'guideline':
        return values(GUIDELINE_EDITIONS, () => undefined).map((e) => ({ ...e, insertText: `"${e.label}"` }));
      case 'status':
        return values(STATUSES, (v) => STATUS_TEXT[v as (typeof STATUSES)[number]][language]);
      case 'roles':
        return values(Object.keys(ROLE_INFO), (v) => ROLE_INFO[v as keyof typeof ROLE_INFO][language]);
      case 'advancedAI':
        return values(['true', 'false'], () => undefined);
      case 'kinds':
        return values(SYSTEM_KINDS, (v) => KIND_TEXT[v as (typeof SYSTEM_KINDS)[number]][language]);
      case 'safeguards':
        return values(SAFEGUARDS, (v) => catalog.safeguard(v)?.[language === 'ja' ? 'title' : 'titleEn']);
      case 'systems':
        if (path[0] === 'items') return values(record.systems.flatMap((s) => (s.id ? [s.id] : [])), () => undefined);
        return [];
      case 'evidence':
        return (context.evidencePaths ?? []).map((p) => ({ label: p, kind: 'file' as const, insertText: p }));
      case 'reviewed':
        return [];
      default:
        return [];
    }
  }
  if (!where.atKey) return [];
  if (path.length === 0) {
    const present = new Set(record.root?.pairs.map((p) => String(p.key.value)) ?? []);
    // A whole record only where one can start: a document without apiVersion or items yet.
    const starters = present.has('apiVersion') || present.has('items') ? [] : recordStarters(context);
    return [...starters, ...fields(TOP_LEVEL_KEYS, language, present)];
  }
  if (path.length === 1 && path[0] === 'items') return itemIds(context, roles);
  if (path.length === 2 && path[0] === 'items') {
    const entry = record.items.find((e) => e.rawId === path[1]);
    return fields(ITEM_FIELDS, language, new Set(entry?.fields?.pairs.map((p) => String(p.key.value)) ?? []));
  }
  if (path.length === 1 && path[0] === 'organization') return fields(ORGANIZATION_FIELDS, language, new Set());
  if (path.length === 1 && path[0] === 'systems') return fields(SYSTEM_FIELDS, language, new Set());
  return [];
}

/** The record starters of snippets/ (one per role), offered only at the top of a new record. */
function recordStarters(context: CompletionContext): CompletionEntry[] {
  return Object.values(buildSnippets(context.catalog))
    .filter((s) => s.prefix !== 'ai-governance-item')
    .map((s, i) => ({ label: s.prefix, kind: 'snippet' as const, detail: s.description, insertText: s.body.join('\n'), snippet: true, sortText: `0${i}` }));
}

/** `$`, `}` and `\` are snippet syntax: a literal one in an id or title is escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The entry the "add item" quick fix writes, as a snippet: tab stops for status, owner and evidence.
 * Lines after the key are indented by two spaces relative to the key (the client adjusts them to
 * the key's own indentation).
 */
export function itemEntrySnippet(id: string, title: string): string {
  return [
    `${snippetText(id)}: # ${snippetText(shortTitle(title))}`,
    // planned first: the quick fix writes planned, and a new entry is work to do.
    `  status: \${1|${['planned', ...STATUSES.filter((st) => st !== 'planned')].join(',')}|}`,
    '  owner: "${2}"',
    '  evidence: [${3}]',
    '  # reviewed: YYYY-MM-DD$0',
  ].join('\n');
}

/**
 * Item ids for the declared roles (all ids when none are declared), present ids left out, ranked:
 * required first, then expected, recommended (action goals), and sub-items of principles last
 * (a principle is covered by its own key or by all of its sub-items).
 */
function itemIds(context: CompletionContext, roles: readonly string[]): CompletionEntry[] {
  const { catalog, record, language } = context;
  const present = presentIds(record);
  const declared = record.roles.map((r) => r.role);
  const rank = (item: (typeof catalog.items)[number]): number => {
    if (item.kind === 'common-sub') return present.has(item.parent ?? '') ? 5 : 4;
    const requirement = catalog.requirement(item, declared, record.advancedAI);
    return requirement === 'required' ? 0 : requirement === 'expected' ? 1 : requirement === 'recommended' ? 2 : 3;
  };
  return catalog.items
    .filter((item) => !present.has(item.id))
    .filter((item) => roles.length === 0 || item.roles.some((r) => roles.includes(r)))
    .filter((item) => item.kind !== 'advanced' || record.advancedAI)
    .map((item) => ({
      label: item.id,
      kind: 'item' as const,
      labelDetail: shortTitle(language === 'ja' ? item.title : item.titleEn),
      detail: item.title,
      documentation: itemMarkdown(item, language),
      insertText: itemEntrySnippet(item.id, item.title),
      snippet: true,
      filterText: `${item.id} ${item.aliases.join(' ')} ${item.title}`,
      sortText: `${rank(item)}${String(catalog.orderOf(item.id)).padStart(4, '0')}`,
    }));
}
