/**
 * What a rule module is: like an ESLint rule's `meta` beside `create`, one module holds everything
 * about its codes — severity, messages, documentation, the check and the fixes. The registry
 * (`registry.ts`) derives every list, table and lookup from these modules.
 */
import type { GuidelineCatalog } from '../catalog';
import type { CatalogItem } from '../catalogTypes';
import type { OffsetEdit } from '../edits';
import type { GovernanceRecord, ItemEntry } from '../record';
import type { CheckInput, CheckSettings, DiagnosticData, EngineDiagnostic, FileSystemView, Fix, MessageLanguage, Severity } from '../types';

export interface Text {
  ja: string;
  en: string;
}

export type MessageParams = Record<string, string | number>;

/**
 * How many characters of one parameter a message shows. Every text the catalog or a rule puts in a
 * message is far shorter (under 110); what the user wrote (a key, a path, a value) may be a whole
 * line of any length, and is cut here, marked with …, so one finding's message stays bounded
 * whatever the input. `data` keeps the full text (the fixes need it).
 */
export const PARAM_LIMIT = 200;

/** A message parameter cut to `limit` characters (code points, never half a surrogate pair). */
export function clipParam(text: string, limit = PARAM_LIMIT): string {
  if (text.length <= limit) return text;
  const points = Array.from(text);
  return points.length <= limit ? text : `${points.slice(0, limit - 1).join('')}…`;
}

/** A finding before severity, language and suppression are applied. */
export interface Finding<C extends string = string> {
  code: C;
  start: number;
  end: number;
  params: MessageParams;
  data: DiagnosticData;
}

export interface RuleContext<C extends string = string> {
  record: GovernanceRecord;
  catalog: GuidelineCatalog;
  settings: CheckSettings;
  input: CheckInput;
  fs: FileSystemView;
  /** today's date as YYYY-MM-DD in the user's time zone (injected: tests need no real clock) */
  today: string;
  report(finding: Finding<C>): void;
}

/** One diagnostic's fixes are offered through this; the generic machinery (fixes.ts) proves them safe. */
export interface FixRequest {
  record: GovernanceRecord;
  input: CheckInput;
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  language: MessageLanguage;
  today: string;
  /** every diagnostic the editor asked about in this request */
  requested: readonly EngineDiagnostic[];
  /** the item entry the diagnostic is about, when it has one */
  entry: ItemEntry | undefined;
  /** the catalog item the diagnostic is about, when it has one */
  item: CatalogItem | undefined;
  /** true when the edits keep the YAML as valid as before and every comment (but those in `mayLose`) */
  isSafe(edits: OffsetEdit[], mayLose?: readonly string[]): boolean;
  /** a value computed once per request (e.g. one safety proof for many fixes) */
  once<T>(key: string, compute: () => T): T;
  offer(fix: OfferedFix): void;
}

export interface OfferedFix {
  /** stable: tests and front ends select fixes by it, never by the localised title */
  id: string;
  title: string;
  edits: Array<OffsetEdit | null>;
  isPreferred?: boolean;
  createFile?: Fix['createFile'];
  /** already proved safe together with others in this request: not parsed again */
  trusted?: boolean;
  /** comments the edits may drop (the generated ones of a placeholder entry a merge replaces) */
  mayLose?: readonly string[];
}

/** One fix for every diagnostic of a code in the file ("add all", "fix all ids"). */
export interface FixEveryDiagnostic {
  id: string;
  title: (count: number) => Text;
  /** how many things the fix resolves (a missing principle may stand for several sub-items) */
  count(diagnostics: readonly EngineDiagnostic[]): number;
  edits(record: GovernanceRecord, catalog: GuidelineCatalog, diagnostics: readonly EngineDiagnostic[]): OffsetEdit[];
  /** safe to apply unasked (`source.fixAll`, fix on save): it cannot change meaning */
  onSave?: boolean;
}

/** A documented example: a record that shows the finding, and the same record fixed. */
export interface RuleExample {
  /** a complete record (checked by the tests through the real engine) */
  yaml: string;
  fixed: string;
  /** files the example's evidence may point at (relative to the record) */
  files?: string[];
  settings?: Partial<CheckSettings>;
  /** last commit dates of evidence files (relative to the record), as the git reader would give them */
  evidenceDates?: Record<string, string>;
}

export interface CodeDocs {
  title: Text;
  /** one line for the README's rule table */
  summary: Text;
  /** what the finding means */
  description: Text;
  /** what to do about it */
  fix: Text;
  example: RuleExample;
}

export interface CodeMeta {
  severity: Severity;
  /** only repeats what a JSON Schema validator (Red Hat YAML) already reports */
  schema?: boolean;
  /**
   * The words that say what is wrong; every message starts with them (within its first 20
   * characters), so a Problems row cut short still shows the verdict.
   */
  verdict: Text;
  message: { ja: (p: MessageParams) => string; en: (p: MessageParams) => string };
  docs: CodeDocs;
  /** quick fixes for one diagnostic of this code */
  fix?(diagnostic: EngineDiagnostic, request: FixRequest): void;
  /** offered when the file has more than one diagnostic of this code */
  fixEvery?: FixEveryDiagnostic;
}

export interface RuleModule<C extends string = string> {
  /** what the module checks, in words (the registry's error messages and the tests name it) */
  name: string;
  codes: Record<C, CodeMeta>;
  check(context: RuleContext<C>): void;
}
