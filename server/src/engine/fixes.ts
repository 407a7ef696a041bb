/**
 * Code actions (vscode-eslint's conventions, DESIGN §5), built only for the diagnostics the editor
 * passes in, keyed on their code and data. Every fix is re-parsed before it is offered: one that
 * would break the YAML or lose a comment is dropped.
 */
import type { GuidelineCatalog } from './catalog';
import { applyOffsetEdits, toTextEdits, type OffsetEdit } from './edits';
import { parseDocument } from './parse';
import type { GovernanceRecord, ItemEntry } from './record';
import type { FixRequest, OfferedFix } from './rules/context';
import { RULE_CODES, codeMeta, type RuleCode } from './rules/registry';
import type { CheckInput, EngineDiagnostic, FileSystemView, Fix, MessageLanguage } from './types';

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
  disable: { ja: (c: string) => `この行の ${c} を無効化`, en: (c: string) => `Disable ${c} for this line` },
  showItem: { ja: (id: string) => `${id} のガイドライン本文を表示`, en: (id: string) => `Show the guideline text of ${id}` },
  showRule: { ja: (c: string) => `${c} の説明を表示`, en: (c: string) => `Show documentation for ${c}` },
};

function entryFor(record: GovernanceRecord, diagnostic: EngineDiagnostic): ItemEntry | undefined {
  const key = diagnostic.data.itemKey;
  if (key !== undefined) return record.items.find((e) => e.rawId === key);
  const id = diagnostic.data.itemId;
  return record.items.find((e) => e.resolution.status !== 'unknown' && e.resolution.id === id);
}

/** Comment lines of a text, to prove an edit kept every one of them. */
function commentsOf(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const at = line.indexOf('#');
    return at === -1 ? [] : [line.slice(at).trim()];
  });
}

/**
 * Proves edits safe against one parsed record: the edited text parses as cleanly as before and keeps
 * every comment. The record's own parse and comments are read once, however many fixes are tried.
 */
export function safetyCheck(record: GovernanceRecord): (edits: OffsetEdit[]) => boolean {
  const before = record.parsed.text;
  const problemsBefore = record.parsed.problems.length;
  const commentsBefore = commentsOf(before);
  return (edits) => {
    const after = applyOffsetEdits(before, edits);
    if (parseDocument(after).problems.length > problemsBefore) return false;
    const remaining = new Set(commentsOf(after));
    return commentsBefore.every((c) => remaining.has(c));
  };
}

/** Up to this many findings in one request, each item's "show the guideline text" is offered. */
const SHOW_ITEMS_UP_TO = 3;

/** Rule codes with a fix for all their diagnostics, in code order. */
const FIX_EVERY_CODES = RULE_CODES.filter((code) => codeMeta(code).fixEvery);

/** "Add all …", "Fix all …": when the file has more than one diagnostic of a code the request asks about. */
function fixEveryFor(diagnostics: readonly EngineDiagnostic[], context: FixContext, isSafe: (edits: OffsetEdit[]) => boolean): Fix[] {
  const fixes: Fix[] = [];
  for (const code of FIX_EVERY_CODES) {
    const every = codeMeta(code).fixEvery!;
    const all = context.all.filter((d) => d.code === code);
    if (all.length < 2 || !diagnostics.some((d) => d.code === code)) continue;
    const edits = every.edits(context.record, context.catalog, all);
    if (isSafe(edits)) fixes.push({ id: every.id, title: every.title(every.count(all))[context.language], kind: 'quickfix', diagnostics: all, edits: toTextEdits(context.record, edits) });
  }
  return fixes;
}

export function fixesFor(diagnostics: readonly EngineDiagnostic[], context: FixContext): Fix[] {
  const { record, catalog, language } = context;
  const isSafe = safetyCheck(record);
  const fixes: Fix[] = fixEveryFor(diagnostics, context, isSafe);
  const memo = new Map<string, unknown>();

  /** one "disable" per code and line, one "show" per item and per code, however many findings share them */
  const disableOffered = new Set<string>();
  const shown = new Set<string>();
  const show = (id: string, title: string, diagnostic: EngineDiagnostic, what: NonNullable<Fix['show']>): void => {
    const key = what.what === 'item-text' ? what.id : what.code;
    if (shown.has(key)) return;
    shown.add(key);
    fixes.push({ id, title, kind: 'quickfix', diagnostics: [diagnostic], edits: [], show: what });
  };
  for (const diagnostic of diagnostics) {
    const item = diagnostic.data.itemId ? catalog.get(diagnostic.data.itemId) : undefined;
    const offer = (fix: OfferedFix): void => {
      const real = fix.edits.filter((e): e is OffsetEdit => e !== null);
      if (real.length === 0 && !fix.createFile) return;
      if (!fix.trusted && !isSafe(real)) return;
      fixes.push({
        id: fix.id,
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        edits: toTextEdits(record, real),
        ...(fix.isPreferred ? { isPreferred: true } : {}),
        ...(fix.createFile ? { createFile: fix.createFile } : {}),
      });
    };
    const request: FixRequest = {
      record,
      input: context.input,
      catalog,
      fs: context.fs,
      language,
      today: context.today,
      requested: diagnostics,
      entry: entryFor(record, diagnostic),
      item,
      isSafe,
      once: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      offer,
    };
    codeMeta(diagnostic.code).fix?.(diagnostic, request);
    const line = diagnostic.range.start.line;
    if (!disableOffered.has(`${diagnostic.code}:${line}`)) {
      disableOffered.add(`${diagnostic.code}:${line}`);
      offer({ id: 'disable-line', title: T.disable[language](diagnostic.code), edits: [disableEdit(record, diagnostic.code, line)] });
    }
    // Asked about many findings at once (every missing item sits on `items:`), the light bulb would list
    // one "show" per item; their hovers and the command do that job there.
    if (item && diagnostics.length <= SHOW_ITEMS_UP_TO) show('show-item-text', T.showItem[language](item.id), diagnostic, { what: 'item-text', id: item.id });
    show('show-rule-documentation', T.showRule[language](diagnostic.code), diagnostic, { what: 'rule-documentation', code: diagnostic.code });
  }
  return fixes;
}

/** `source.fixAll.ai-governance`: only fixes that cannot change meaning (those marked `onSave`). */
export function fixAll(context: FixContext): Fix | null {
  const diagnostics: EngineDiagnostic[] = [];
  const edits: OffsetEdit[] = [];
  let title = '';
  for (const code of FIX_EVERY_CODES) {
    const every = codeMeta(code).fixEvery!;
    if (!every.onSave) continue;
    const all = context.all.filter((d) => d.code === code);
    if (all.length === 0) continue;
    diagnostics.push(...all);
    edits.push(...every.edits(context.record, context.catalog, all));
    title ||= every.title(all.length)[context.language];
  }
  if (diagnostics.length === 0) return null;
  if (!safetyCheck(context.record)(edits)) return null;
  return { id: 'fix-all-on-save', title, kind: 'source.fixAll', diagnostics, edits: toTextEdits(context.record, edits) };
}

function disableEdit(record: GovernanceRecord, code: RuleCode, line: number): OffsetEdit {
  const lines = record.parsed.lines;
  const text = lines.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `${indent}# ai-governance-disable-next-line ${code}${lines.eol}` };
}
