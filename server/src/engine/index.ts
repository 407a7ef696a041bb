/**
 * The engine: pure TypeScript (no vscode, no LSP types) that the language server, the CLI and the
 * tests all call. Text + a file-system view in, plain data out.
 */
import { checkRecord, tooLargeDiagnostic, type CheckEnvironment } from './check';
import { loadCatalog, type GuidelineCatalog } from './catalog';
import { complete, type CompletionEntry } from './completion';
import { recordCoverage, type RecordCoverage } from './coverage';
import { fixAll, fixesFor } from './fixes';
import { hover, itemMarkdown, type HoverResult } from './hover';
import { canonicalForm, resolveId } from './ids';
import { evidenceLinks, outline, type EvidenceLink, type OutlineSymbol } from './outline';
import { readRecord, type GovernanceRecord } from './record';
import type { EditionId } from './catalogTypes';
import { recordReport, type RecordReport, type ReportFacts } from './report';
import { DEFAULT_SETTINGS, type CheckInput, type CheckSettings, type EngineDiagnostic, type FileSystemView, type Fix, type MessageLanguage, type Position } from './types';

export * from './types';
export { DEFAULT_SEVERITY, RULE_CODES, SCHEMA_CODES, message } from './rules/registry';
export * from './coverage';
export * from './report';
export type { CompletionEntry, EvidenceLink, GovernanceRecord, HoverResult, OutlineSymbol };

export interface EngineOptions {
  fs: FileSystemView;
  /** today as YYYY-MM-DD; a function so a long-running server crosses midnight correctly */
  today?: () => string;
  catalog?: GuidelineCatalog;
}

/**
 * One text read once: what every feature reads. Parsing is separate from validating (as
 * vscode-json-languageservice separates `parseJSONDocument` from `doValidation`), so a hover or an
 * outline never runs the rules. A text over the size limit is never parsed: it is `too-large`.
 */
export type ParsedRecord =
  | { state: 'parsed'; input: CheckInput; record: GovernanceRecord }
  | { state: 'too-large'; input: CheckInput; size: number };

/** A parsed record with the diagnostics of one validation, for the settings it was validated with. */
export type CheckedDocument = ParsedRecord & { settings: CheckSettings; diagnostics: EngineDiagnostic[] };

export interface Engine {
  readonly catalog: GuidelineCatalog;
  /** Parses a text, unless it is over the size limit (then it is only measured). */
  parse(input: CheckInput, limits?: Pick<CheckSettings, 'maxFileSizeBytes'>): ParsedRecord;
  /** Runs every rule over a parsed record. */
  validate(document: ParsedRecord, settings?: Partial<CheckSettings>): EngineDiagnostic[];
  /** parse + validate, for front ends that want both at once (the CLI, tests). */
  check(input: CheckInput, settings?: Partial<CheckSettings>): CheckedDocument;
  hover(document: ParsedRecord, position: Position, language: MessageLanguage): HoverResult | null;
  complete(document: ParsedRecord, position: Position, language: MessageLanguage, evidencePaths?: readonly string[]): CompletionEntry[];
  fixes(document: CheckedDocument, diagnostics: readonly EngineDiagnostic[]): Fix[];
  fixAll(document: CheckedDocument): Fix | null;
  outline(document: ParsedRecord): OutlineSymbol[];
  links(document: ParsedRecord): EvidenceLink[];
  /** the distinct paths a record's evidence points at, once each (what a file event re-checks it for) */
  evidenceTargets(document: ParsedRecord): string[];
  /** the coverage model (DESIGN §9) of a checked record, from its parse and diagnostics; null for a file that was not parsed */
  coverage(document: CheckedDocument): RecordCoverage | null;
  /** the data of `ai-governance report` for a checked record (also for one that could not be parsed) */
  report(document: CheckedDocument, facts: ReportFacts): RecordReport;
  /** the guideline text of an item (alias accepted), full annex included, in an edition's wording (default: the latest) */
  itemText(id: string, language: CheckSettings['language'], edition?: EditionId): string | null;
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
    document.state === 'parsed'
      ? { record: document.record, input: document.input, catalog, fs: options.fs, language: document.settings.language, today: today(), all: document.diagnostics }
      : null;
  const parse = (input: CheckInput, limits: Pick<CheckSettings, 'maxFileSizeBytes'> = DEFAULT_SETTINGS): ParsedRecord => {
    const size = Buffer.byteLength(input.text, 'utf8');
    if (size > limits.maxFileSizeBytes) return { state: 'too-large', input, size };
    return { state: 'parsed', input, record: readRecord(input.text, catalog) };
  };
  const validate = (document: ParsedRecord, partial: Partial<CheckSettings> = {}): EngineDiagnostic[] => {
    const settings = { ...DEFAULT_SETTINGS, ...partial };
    if (document.state === 'too-large') return [tooLargeDiagnostic(document.size, settings)];
    return checkRecord(document.record, document.input, env(settings));
  };
  const coverageOf = (document: CheckedDocument): RecordCoverage | null =>
    document.state === 'parsed' ? recordCoverage(document.record, document.diagnostics, catalog, { today: today(), reviewMaxAgeDays: document.settings.reviewMaxAgeDays }) : null;
  return {
    catalog,
    parse,
    validate,
    check(input, partial = {}) {
      const settings = { ...DEFAULT_SETTINGS, ...partial };
      const document = parse(input, settings);
      return { ...document, settings, diagnostics: validate(document, settings) };
    },
    hover(document, position, language) {
      if (document.state !== 'parsed') return null;
      return hover(document.record, document.record.parsed.lines.offset(position), catalog, language);
    },
    complete(document, position, language, evidencePaths) {
      // A text too large to parse still completes, against an empty record.
      const record = document.state === 'parsed' ? document.record : readRecord('', catalog);
      return complete(document.input.text, position, { record, catalog, language, evidencePaths });
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
      return document.state === 'parsed' ? outline(document.record, catalog) : [];
    },
    links(document) {
      return document.state === 'parsed' ? evidenceLinks(document.record, document.input, options.fs) : [];
    },
    evidenceTargets(document) {
      return document.state === 'parsed' ? [...new Set(evidenceLinks(document.record, document.input, options.fs).map((l) => l.target))] : [];
    },
    coverage: coverageOf,
    report(document, facts) {
      return recordReport(facts, document.state === 'parsed' ? document.record : null, coverageOf(document), document.diagnostics, catalog);
    },
    itemText(id, language, edition) {
      const resolution = resolveId(id, catalog);
      const canonical = resolution.status === 'unknown' ? canonicalForm(id) : resolution.id;
      const item = canonical ? catalog.get(canonical) : undefined;
      return item ? itemMarkdown(item, language, { full: true, edition, section: catalog.sectionOf(item.id) }) : null;
    },
    resolveId: (raw) => resolveId(raw, catalog),
  };
}
