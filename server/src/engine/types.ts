/** Plain data the engine returns; front ends (server, CLI) map it to their own types. */

/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Every diagnostic code, derived from the rule modules (rules/registry.ts). */
export type { RuleCode } from './rules/registry';
import type { RuleCode } from './rules/registry';

export type MessageLanguage = 'ja' | 'en';

/** What code actions need, keyed by code; never parsed back out of message text. */
export interface DiagnosticData {
  /** canonical item id the finding is about (missing item, alias, documentation item …) */
  itemId?: string;
  /** the key path of the item entry in the record, e.g. ["items", "D-7) ii."] */
  itemKey?: string;
  /** ranked "did you mean" ids for an unknown id */
  suggestions?: string[];
  /** canonical form for a non-canonical id */
  canonical?: string;
  /** missing sub-items when a principle is only partly covered */
  missingSubItems?: string[];
  /** the safeguard id a system lacks */
  safeguard?: string;
  /** the evidence path as written */
  evidence?: string;
}

export interface EngineDiagnostic {
  code: RuleCode;
  severity: Severity;
  range: Range;
  message: string;
  data: DiagnosticData;
}

/** A text replacement in the checked document; ranges refer to the text before any edit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** One fix the editor can offer: edits to the document and, optionally, a file to create. */
export interface Fix {
  /** stable (`add-item`, `disable-line`, …): select fixes by it, never by the localised title */
  id: string;
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  isPreferred?: boolean;
  /** the diagnostic codes this fix resolves */
  diagnostics: EngineDiagnostic[];
  edits: TextEdit[];
  createFile?: { path: string; content: string };
  /** instead of edits: show something (the front end maps the name to its own command) */
  show?: { what: 'item-text'; id: string } | { what: 'rule-documentation'; code: RuleCode };
}

/** What the engine may know about the file system; injected so tests need no disk. */
export interface FileSystemView {
  /** true when a file or folder exists at this absolute path */
  exists(absolutePath: string): boolean;
}

export interface CheckSettings {
  language: MessageLanguage;
  severity: Partial<Record<RuleCode, Severity | 'off'>>;
  reviewMaxAgeDays: number;
  maxFileSizeBytes: number;
  /** leave pure schema findings to another validator (Red Hat YAML) */
  deferSchemaDiagnostics: boolean;
}

export const DEFAULT_SETTINGS: CheckSettings = {
  language: 'ja',
  severity: {},
  reviewMaxAgeDays: 365,
  maxFileSizeBytes: 2 * 1024 * 1024,
  deferSchemaDiagnostics: false,
};

export interface CheckInput {
  /** absolute path of the record (used to resolve evidence) */
  path: string;
  text: string;
  /** the workspace folder the record belongs to; evidence may not leave it */
  workspaceRoot: string;
}
