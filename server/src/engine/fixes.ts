/**
 * Code actions (vscode-eslint's conventions, DESIGN §5), built only for the diagnostics the editor
 * passes in, keyed on their code and data. Every fix is re-parsed before it is offered: one that
 * would break the YAML or lose a comment is dropped.
 */
import type { GuidelineCatalog } from './catalog';
import { applyOffsetEdits, toTextEdits, type OffsetEdit } from './edits';
import { parseDocument } from './parse';
import { yamlComments } from './yamlStream';
import { entryLookup, type EntryLookup, type GovernanceRecord, type ItemEntry } from './record';
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

function entryFor(record: GovernanceRecord, lookup: EntryLookup, diagnostic: EngineDiagnostic): ItemEntry | undefined {
  const key = diagnostic.data.itemKey;
  // A key written twice has two entries: the one the finding sits in, so each gets its own edit.
  if (key !== undefined) return lookup.byKey(key, record.parsed.lines.offset(diagnostic.range.start));
  const id = diagnostic.data.itemId;
  return id === undefined ? undefined : lookup.byId(id);
}

/**
 * Proves edits safe against one parsed record: the edited text parses as cleanly as before (every
 * document counts) and keeps every comment as YAML reads them (but those in `mayLose`: the
 * generated comments of a placeholder a merge replaces). The record's own parse and comments are
 * read once, however many fixes are tried; past `budgetMs` (the first proof always runs) a fix is
 * not proved, so not offered: the request answers in bounded time on a huge record.
 */
export function safetyCheck(record: GovernanceRecord, budgetMs = Number.POSITIVE_INFINITY): (edits: OffsetEdit[], mayLose?: readonly string[]) => boolean {
  const before = record.parsed.text;
  const started = performance.now();
  let proofs = 0;
  const problemsBefore = record.parsed.problems.length + record.parsed.laterDocumentErrors;
  // Without a `#` there is no comment to lose, and no need to lex a huge text for them.
  const hasComments = before.includes('#');
  let commentsBefore: string[] | undefined;
  return (edits, mayLose = []) => {
    if (proofs++ > 0 && performance.now() - started > budgetMs) return false;
    const after = applyOffsetEdits(before, edits);
    const parsed = parseDocument(after);
    if (parsed.problems.length + parsed.laterDocumentErrors > problemsBefore) return false;
    if (!hasComments) return true;
    commentsBefore ??= yamlComments(before);
    const remaining = new Map<string, number>();
    for (const c of [...yamlComments(after), ...mayLose]) remaining.set(c, (remaining.get(c) ?? 0) + 1);
    return commentsBefore.every((c) => {
      const left = remaining.get(c) ?? 0;
      remaining.set(c, left - 1);
      return left > 0;
    });
  };
}

/**
 * How long one code-action request may spend re-parsing to prove its fixes safe: hundreds of proofs
 * on an ordinary record, one on a record near the 2 MB limit (each parse of which takes seconds).
 */
const FIX_PROOF_BUDGET_MS = 2000;

/** Severity first, so the light bulb on `items:` lists the required items before the expected ones. */
const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

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

/**
 * The fixes of the diagnostics the editor asks about, in vscode-eslint's order: each diagnostic's own
 * fixes (most severe diagnostic first; the preferred fix of each first), then "fix all of this kind",
 * then "disable for this line", then "show the guideline text" and the rule's documentation.
 */
export function fixesFor(diagnostics: readonly EngineDiagnostic[], context: FixContext): Fix[] {
  const { record, catalog, language } = context;
  const isSafe = safetyCheck(record, FIX_PROOF_BUDGET_MS);
  const ordered = [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const own: Fix[] = [];
  const disable: Fix[] = [];
  const shows: Fix[] = [];
  const memo = new Map<string, unknown>();
  const lookup = entryLookup(record);

  /** one "disable" per code and line, one "show" per item and per code, however many findings share them */
  const disableOffered = new Set<string>();
  const shown = new Set<string>();
  const show = (id: string, title: string, diagnostic: EngineDiagnostic, what: NonNullable<Fix['show']>): void => {
    const key = what.what === 'item-text' ? what.id : what.code;
    if (shown.has(key)) return;
    shown.add(key);
    shows.push({ id, title, kind: 'quickfix', diagnostics: [diagnostic], edits: [], show: what });
  };
  for (const diagnostic of ordered) {
    const item = diagnostic.data.itemId ? catalog.get(diagnostic.data.itemId) : undefined;
    const fixesOfThis: Fix[] = [];
    const offerInto =
      (into: Fix[]) =>
      (fix: OfferedFix): void => {
        const real = fix.edits.filter((e): e is OffsetEdit => e !== null);
        if (real.length === 0 && !fix.createFile) return;
        if (!fix.trusted && !isSafe(real, fix.mayLose)) return;
        into.push({
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
      entry: entryFor(record, lookup, diagnostic),
      item,
      isSafe,
      once: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      offer: offerInto(fixesOfThis),
    };
    codeMeta(diagnostic.code).fix?.(diagnostic, request);
    own.push(...fixesOfThis.filter((f) => f.isPreferred), ...fixesOfThis.filter((f) => !f.isPreferred));
    const line = diagnostic.range.start.line;
    if (!disableOffered.has(`${diagnostic.code}:${line}`)) {
      disableOffered.add(`${diagnostic.code}:${line}`);
      offerInto(disable)({ id: 'disable-line', title: T.disable[language](diagnostic.code), edits: [disableEdit(record, diagnostic.code, line)] });
    }
    // Asked about many findings at once (every missing item sits on `items:`), the light bulb would list
    // one "show" per item; their hovers and the command do that job there.
    if (item && diagnostics.length <= SHOW_ITEMS_UP_TO) show('show-item-text', T.showItem[language](item.id), diagnostic, { what: 'item-text', id: item.id });
    show('show-rule-documentation', T.showRule[language](diagnostic.code), diagnostic, { what: 'rule-documentation', code: diagnostic.code });
  }
  // The rename of a misspelt key keeps the user's data: it leads, whichever diagnostic offered it.
  const isRename = (f: Fix) => f.id === 'rename-misspelt' || f.id === 'merge-misspelt' || (f.id === 'did-you-mean' && f.isPreferred === true);
  const renames = own.filter(isRename);
  const rest = own.filter((f) => !isRename(f));
  return [...renames, ...rest, ...fixEveryFor(diagnostics, context, isSafe), ...disable, ...shows];
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
  // Spaces and tabs only: trimStart() would also take a BOM, copying it into the middle of the file.
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `${indent}# ai-governance-disable-next-line ${code}${lines.eol}` };
}
