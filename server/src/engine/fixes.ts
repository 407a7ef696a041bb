/**
 * Code actions (vscode-eslint's conventions, DESIGN §5), built only for the diagnostics the editor
 * passes in, keyed on their code and data. Every fix is re-parsed before it is offered: one that
 * would break the YAML or lose a comment is dropped.
 */
import { shortTitle, type GuidelineCatalog } from './catalog';
import { nearestRealInside } from './evidence';
import { appendEvidence, applyOffsetEdits, insertItems, setField, toTextEdits, yamlScalar, type OffsetEdit } from './edits';
import { parseDocument } from './parse';
import { yamlComments } from './yamlStream';
import type { GovernanceRecord, ItemEntry } from './record';
import { skeletonMarkdown, skeletonPath } from './skeleton';
import type { CheckInput, EngineDiagnostic, FileSystemView, Fix, MessageLanguage, RuleCode } from './types';

export interface FixContext {
  record: GovernanceRecord;
  input: CheckInput;
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  language: MessageLanguage;
  today: string;
  /** every diagnostic of the document, for "fix all" */
  all: EngineDiagnostic[];
}

const T = {
  addItem: { ja: (id: string, title: string) => `${id}（${title}）を追加`, en: (id: string, title: string) => `Add ${id} (${title})` },
  notApplicable: {
    ja: (id: string, title: string) => `${id}（${title}）を対象外（not-applicable）として追加`,
    en: (id: string, title: string) => `Add ${id} (${title}) as not applicable`,
  },
  addAll: { ja: (n: number) => `不足している必須項目をすべて追加（${n} 件）`, en: (n: number) => `Add all missing required items (${n})` },
  canonical: { ja: (id: string) => `${id} に書き換え`, en: (id: string) => `Change to ${id}` },
  canonicalAll: { ja: () => 'このファイルの項目IDをすべて正規形に書き換え', en: () => 'Fix all item ids in this file' },
  didYouMean: { ja: (id: string, title: string) => `${id}（${title}）に修正`, en: (id: string, title: string) => `Change to ${id} (${title})` },
  skeleton: { ja: (path: string) => `文書のスケルトン ${path} を作成して evidence に追加`, en: (path: string) => `Create documentation skeleton ${path} and link it in evidence` },
  linkExisting: { ja: (path: string) => `既存の ${path} を evidence に追加`, en: (path: string) => `Link existing ${path} in evidence` },
  justification: { ja: () => 'justification（理由）を追加', en: () => 'Add justification' },
  owner: { ja: () => 'owner（担当）を追加', en: () => 'Add owner' },
  reviewed: { ja: (d: string) => `reviewed を今日（${d}）に設定`, en: (d: string) => `Set reviewed to today (${d})` },
  disable: { ja: (c: string) => `この行の ${c} を無効化`, en: (c: string) => `Disable ${c} for this line` },
  advanced: { ja: () => 'advancedAI: true を設定', en: () => 'Set advancedAI: true' },
  system: { ja: (id: string) => `${id} に修正`, en: (id: string) => `Change to ${id}` },
  showItem: { ja: (id: string) => `${id} のガイドライン本文を表示`, en: (id: string) => `Show the guideline text of ${id}` },
  showRule: { ja: (c: string) => `${c} の説明を表示`, en: (c: string) => `Show documentation for ${c}` },
};

function entryFor(record: GovernanceRecord, diagnostic: EngineDiagnostic): ItemEntry | undefined {
  const key = diagnostic.data.itemKey;
  if (key !== undefined) {
    // A key written twice has two entries: the one the finding sits in, so each gets its own edit.
    const at = record.parsed.lines.offset(diagnostic.range.start);
    const same = record.items.filter((e) => e.rawId === key);
    return same.find((e) => e.pair.start <= at && at <= e.pair.end) ?? same[0];
  }
  const id = diagnostic.data.itemId;
  return record.items.find((e) => e.resolution.status !== 'unknown' && e.resolution.id === id);
}

/**
 * Proves edits safe against one parsed record: the edited text parses as cleanly as before and keeps
 * every comment. The record's own parse and comments are read once, however many fixes are tried.
 */
export function safetyCheck(record: GovernanceRecord, budgetMs = Number.POSITIVE_INFINITY): (edits: OffsetEdit[]) => boolean {
  const before = record.parsed.text;
  const started = performance.now();
  let proofs = 0;
  // Every document counts: a fix that breaks the second one is no safer than one that breaks the first.
  const problemsBefore = record.parsed.problems.length + record.parsed.laterDocumentErrors;
  // Without a `#` there is no comment to lose, and no need to lex a huge text for them.
  const hasComments = before.includes('#');
  let commentsBefore: string[] | undefined;
  return (edits) => {
    const after = applyOffsetEdits(before, edits);
    // Out of budget (the first proof always runs), a fix is not proved safe, so not offered: the
    // request answers in bounded time, however slowly a huge record parses.
    if (proofs++ > 0 && performance.now() - started > budgetMs) return false;
    const parsed = parseDocument(after);
    if (parsed.problems.length + parsed.laterDocumentErrors > problemsBefore) return false;
    if (!hasComments) return true;
    commentsBefore ??= yamlComments(before);
    const remaining = new Set(yamlComments(after));
    return commentsBefore.every((c) => remaining.has(c));
  };
}

/**
 * How long one code-action request may spend re-parsing to prove its fixes safe: hundreds of proofs
 * on an ordinary record, one on a record near the 2 MB limit (each parse of which takes seconds).
 */
const FIX_PROOF_BUDGET_MS = 2000;

/** Up to this many findings in one request, each item's "show the guideline text" is offered. */
const SHOW_ITEMS_UP_TO = 3;

/** The canonical ids a missing-item finding asks for (a principle's missing sub-items, or the item). */
function missingIds(diagnostic: EngineDiagnostic): string[] {
  return diagnostic.data.missingSubItems ?? (diagnostic.data.itemId ? [diagnostic.data.itemId] : []);
}

export function fixesFor(diagnostics: readonly EngineDiagnostic[], context: FixContext): Fix[] {
  const fixes: Fix[] = [];
  const { record, catalog, language } = context;
  const isSafe = safetyCheck(record, FIX_PROOF_BUDGET_MS);
  /** `trusted`: proved safe together with others (see below), so not parsed again on its own */
  const offer = (title: string, diagnostic: EngineDiagnostic, edits: Array<OffsetEdit | null>, extra: Partial<Fix> = {}, trusted = false): void => {
    const real = edits.filter((e): e is OffsetEdit => e !== null);
    if (real.length === 0 && !extra.createFile) return;
    if (!trusted && !isSafe(real)) return;
    fixes.push({ title, kind: 'quickfix', diagnostics: [diagnostic], edits: toTextEdits(record, real), ...extra });
  };

  // Missing items: every entry goes in at an entry boundary, whole. When all the entries this request
  // asks for parse cleanly inserted together, each alone does too: one parse instead of one per fix
  // (a light bulb on `items:` may be asked about dozens of findings).
  const missing = diagnostics.filter((d) => d.code === 'missing-required-item' || d.code === 'missing-expected-item');
  const requested = missing.flatMap(missingIds);
  const plannedTogether = requested.length > 1 && isSafe(insertItems(record, catalog, requested));
  const notApplicableTogether = requested.length > 1 && isSafe(insertItems(record, catalog, requested, 'not-applicable'));
  const allRequired = context.all.filter((d) => d.code === 'missing-required-item');
  if (allRequired.length > 1 && missing.some((d) => d.code === 'missing-required-item')) {
    const edits = insertItems(record, catalog, allRequired.flatMap(missingIds));
    if (isSafe(edits)) fixes.push({ title: T.addAll[language](allRequired.flatMap(missingIds).length), kind: 'quickfix', diagnostics: allRequired, edits: toTextEdits(record, edits) });
  }
  const allAliases = context.all.filter((d) => d.code === 'non-canonical-id');
  if (allAliases.length > 1 && diagnostics.some((d) => d.code === 'non-canonical-id')) {
    const edits = canonicalEdits(record, allAliases);
    if (isSafe(edits)) fixes.push({ title: T.canonicalAll[language](), kind: 'quickfix', diagnostics: allAliases, edits: toTextEdits(record, edits) });
  }

  /** one "disable" per code and line, one "show" per item and per code, however many findings share them */
  const disableOffered = new Set<string>();
  const shown = new Set<string>();
  const show = (title: string, diagnostic: EngineDiagnostic, what: NonNullable<Fix['show']>): void => {
    const key = what.what === 'item-text' ? what.id : what.code;
    if (shown.has(key)) return;
    shown.add(key);
    fixes.push({ title, kind: 'quickfix', diagnostics: [diagnostic], edits: [], show: what });
  };
  for (const diagnostic of diagnostics) {
    const { data } = diagnostic;
    const item = data.itemId ? catalog.get(data.itemId) : undefined;
    const entry = entryFor(record, diagnostic);
    switch (diagnostic.code) {
      case 'missing-required-item':
      case 'missing-expected-item': {
        if (!item) break;
        const ids = missingIds(diagnostic);
        offer(T.addItem[language](ids.join(', '), shortTitle(item.title)), diagnostic, insertItems(record, catalog, ids), { isPreferred: true }, plannedTogether);
        offer(T.notApplicable[language](ids.join(', '), shortTitle(item.title)), diagnostic, insertItems(record, catalog, ids, 'not-applicable'), {}, notApplicableTogether);
        break;
      }
      case 'non-canonical-id': {
        if (!entry || !data.canonical) break;
        offer(T.canonical[language](data.canonical), diagnostic, [keyEdit(entry, data.canonical)], { isPreferred: true });
        break;
      }
      case 'unknown-item': {
        if (!entry) break;
        (data.suggestions ?? []).forEach((id, index) => {
          offer(T.didYouMean[language](id, shortTitle(catalog.get(id)?.title ?? '')), diagnostic, [keyEdit(entry, id)], { isPreferred: index === 0 && (data.suggestions?.length ?? 0) === 1 });
        });
        break;
      }
      case 'documentation-without-evidence': {
        if (!item || !entry) break;
        const path = skeletonPath(context.input.path, item);
        // Never link or create a skeleton where a symlink would take it out of the workspace.
        if (!nearestRealInside(path.absolute, context.input.workspaceRoot, context.fs)) break;
        const link = appendEvidence(record, entry, path.relative);
        if (context.fs.exists(path.absolute)) {
          offer(T.linkExisting[language](path.relative), diagnostic, [link], { isPreferred: true });
        } else {
          const content = skeletonMarkdown(item, language, record.parsed.lines.eol);
          offer(T.skeleton[language](path.relative), diagnostic, [link], { isPreferred: true, createFile: { path: path.absolute, content } });
        }
        break;
      }
      case 'missing-justification':
        if (entry) offer(T.justification[language](), diagnostic, [setField(record, entry, 'justification', '""')], { isPreferred: true });
        break;
      case 'missing-owner':
        if (entry) offer(T.owner[language](), diagnostic, [setField(record, entry, 'owner', '""')], { isPreferred: true });
        break;
      case 'stale-review':
      case 'future-review-date':
      case 'invalid-review-date':
        if (entry) offer(T.reviewed[language](context.today), diagnostic, [setField(record, entry, 'reviewed', context.today)], { isPreferred: true });
        break;
      case 'advanced-item-without-flag': {
        const pair = record.root?.pairs.find((p) => p.key.value === 'advancedAI');
        const edit: OffsetEdit | null =
          pair?.value && pair.value.type === 'scalar'
            ? { start: pair.value.start, end: pair.value.end, newText: 'true' }
            : record.rolesPair
              ? lineAfter(record, record.rolesPair.end, 'advancedAI: true')
              : null;
        offer(T.advanced[language](), diagnostic, [edit]);
        break;
      }
      case 'unknown-system':
        for (const id of data.suggestions ?? []) {
          const start = record.parsed.lines.offset(diagnostic.range.start);
          const end = record.parsed.lines.offset(diagnostic.range.end);
          offer(T.system[language](id), diagnostic, [{ start, end, newText: yamlScalar(id) }], { isPreferred: true });
        }
        break;
      default:
        break;
    }
    const line = diagnostic.range.start.line;
    if (!disableOffered.has(`${diagnostic.code}:${line}`)) {
      disableOffered.add(`${diagnostic.code}:${line}`);
      offer(T.disable[language](diagnostic.code), diagnostic, [disableEdit(record, diagnostic.code, line)]);
    }
    // Asked about many findings at once (every missing item sits on `items:`), the light bulb would list
    // one "show" per item; their hovers and the command do that job there.
    if (item && diagnostics.length <= SHOW_ITEMS_UP_TO) show(T.showItem[language](item.id), diagnostic, { what: 'item-text', id: item.id });
    show(T.showRule[language](diagnostic.code), diagnostic, { what: 'rule-documentation', code: diagnostic.code });
  }
  return fixes;
}

/** `source.fixAll.ai-governance`: only fixes that cannot change meaning (canonical ids). */
export function fixAll(context: FixContext): Fix | null {
  const all = context.all.filter((d) => d.code === 'non-canonical-id');
  if (all.length === 0) return null;
  const edits = canonicalEdits(context.record, all);
  if (!safetyCheck(context.record)(edits)) return null;
  return { title: T.canonicalAll[context.language](), kind: 'source.fixAll', diagnostics: all, edits: toTextEdits(context.record, edits) };
}

function canonicalEdits(record: GovernanceRecord, diagnostics: EngineDiagnostic[]): OffsetEdit[] {
  // LSP forbids overlapping edits in one change: one edit per key, however many findings sit on it.
  const keys = new Set<number>();
  return diagnostics.flatMap((d) => {
    const entry = entryFor(record, d);
    if (!entry || !d.data.canonical || keys.has(entry.pair.key.start)) return [];
    keys.add(entry.pair.key.start);
    return [keyEdit(entry, d.data.canonical)];
  });
}

/** Rewrites an item key, keeping its quoting style. */
function keyEdit(entry: ItemEntry, id: string): OffsetEdit {
  const key = entry.pair.key;
  const newText = key.style === 'QUOTE_DOUBLE' ? JSON.stringify(id) : key.style === 'QUOTE_SINGLE' ? `'${id}'` : yamlScalar(id);
  return { start: key.start, end: key.end, newText };
}

function lineAfter(record: GovernanceRecord, end: number, line: string): OffsetEdit {
  const lines = record.parsed.lines;
  const at = lines.lineEnd(lines.position(Math.max(0, end - 1)).line);
  return { start: at, end: at, newText: `${lines.eol}${line}` };
}

function disableEdit(record: GovernanceRecord, code: RuleCode, line: number): OffsetEdit {
  const lines = record.parsed.lines;
  const text = lines.lineText(line);
  // Spaces and tabs only: trimStart() would also take a BOM, copying it into the middle of the file.
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `${indent}# ai-governance-disable-next-line ${code}${lines.eol}` };
}

