/**
 * The engine: pure TypeScript (no vscode, no LSP types) that the language server, the CLI and the
 * tests all call. Text + a file-system view in, plain data out.
 */
import { checkText, type CheckEnvironment } from './check';
import { loadCatalog, type GuidelineCatalog } from './catalog';
import { complete, type CompletionEntry } from './completion';
import { recordCoverage, type RecordCoverage } from './coverage';
import { fixAll, fixesFor } from './fixes';
import { hover, itemMarkdown, type HoverResult } from './hover';
import { canonicalForm, resolveId } from './ids';
import { evidenceLinks, outline, type EvidenceLink, type OutlineSymbol } from './outline';
import { readRecord, type GovernanceRecord } from './record';
import { DEFAULT_SETTINGS, type CheckInput, type CheckSettings, type EngineDiagnostic, type FileSystemView, type Fix, type Position } from './types';

export * from './types';
export { DEFAULT_SEVERITY, RULE_CODES, SCHEMA_CODES, message } from './rules/registry';
export * from './coverage';
export type { CompletionEntry, EvidenceLink, GovernanceRecord, HoverResult, OutlineSymbol };

export interface EngineOptions {
  fs: FileSystemView;
  /** today as YYYY-MM-DD; a function so a long-running server crosses midnight correctly */
  today?: () => string;
  catalog?: GuidelineCatalog;
}

/** A checked document: parsed once per version, every feature reads from it. */
export interface CheckedDocument {
  input: CheckInput;
  settings: CheckSettings;
  record: GovernanceRecord | null;
  diagnostics: EngineDiagnostic[];
}

export interface Engine {
  readonly catalog: GuidelineCatalog;
  check(input: CheckInput, settings?: Partial<CheckSettings>): CheckedDocument;
  hover(document: CheckedDocument, position: Position): HoverResult | null;
  complete(document: CheckedDocument, position: Position, evidencePaths?: readonly string[]): CompletionEntry[];
  fixes(document: CheckedDocument, diagnostics: readonly EngineDiagnostic[]): Fix[];
  fixAll(document: CheckedDocument): Fix | null;
  outline(document: CheckedDocument): OutlineSymbol[];
  links(document: CheckedDocument): EvidenceLink[];
  /** the coverage model (DESIGN §9) of a checked record; null for a file that was not parsed */
  coverage(document: CheckedDocument): RecordCoverage | null;
  /** the guideline text of an item (alias accepted), full annex included */
  itemText(id: string, language: CheckSettings['language']): string | null;
  resolveId: (raw: string) => ReturnType<typeof resolveId>;
}

export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function createEngine(options: EngineOptions): Engine {
  const catalog = options.catalog ?? loadCatalog();
  const today = options.today ?? (() => localToday());
  const env = (settings: CheckSettings): CheckEnvironment => ({ catalog, fs: options.fs, today: today(), settings });
  const fixContext = (document: CheckedDocument) =>
    document.record
      ? { record: document.record, input: document.input, catalog, fs: options.fs, language: document.settings.language, today: today(), all: document.diagnostics }
      : null;
  return {
    catalog,
    check(input, partial = {}) {
      const settings = { ...DEFAULT_SETTINGS, ...partial };
      const { record, diagnostics } = checkText(input, env(settings));
      return { input, settings, record, diagnostics };
    },
    hover(document, position) {
      if (!document.record) return null;
      return hover(document.record, document.record.parsed.lines.offset(position), catalog, document.settings.language);
    },
    complete(document, position, evidencePaths) {
      const record = document.record ?? readRecord('', catalog);
      return complete(document.input.text, position, { record, catalog, language: document.settings.language, evidencePaths });
    },
    fixes(document, diagnostics) {
      const context = fixContext(document);
      return context ? fixesFor(diagnostics, context) : [];
    },
    fixAll(document) {
      const context = fixContext(document);
      return context ? fixAll(context) : null;
    },
    outline(document) {
      return document.record ? outline(document.record, catalog) : [];
    },
    links(document) {
      return document.record ? evidenceLinks(document.record, document.input) : [];
    },
    coverage(document) {
      if (!document.record) return null;
      return recordCoverage(document.record, document.diagnostics, catalog, { today: today(), reviewMaxAgeDays: document.settings.reviewMaxAgeDays });
    },
    itemText(id, language) {
      const resolution = resolveId(id, catalog);
      const canonical = resolution.status === 'unknown' ? canonicalForm(id) : resolution.id;
      const item = canonical ? catalog.get(canonical) : undefined;
      return item ? itemMarkdown(item, language, { full: true }) : null;
    },
    resolveId: (raw) => resolveId(raw, catalog),
  };
}
