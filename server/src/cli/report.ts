/** The result of one `check` run, as every formatter receives it. */
import type { EngineDiagnostic, MessageLanguage, Severity } from '../engine';
import type { GuidelineCatalog } from '../engine/catalog';
import type { BaselineFinding, BaselineState, KeyPath } from './baseline';
import type { RecordCoverage } from '../engine/coverage';

/** What a summary of `check` needs of the coverage model (the whole model is ~50 KB a record). */
export type CoverageTotals = Pick<RecordCoverage, 'summary' | 'incomplete'>;

export interface FileResult {
  /** absolute path */
  absolutePath: string;
  /** as shown to the user and written into reports: relative to the working folder, `/` separators */
  path: string;
  diagnostics: EngineDiagnostic[];
  /** by index of `diagnostics`: the key path of the YAML node each finding sits on (["items", "D-7 ii", "status"]), for baselines */
  keyPaths?: readonly KeyPath[];
  /** by index of `diagnostics`, with --baseline: whether the baseline knew the finding */
  baselineStates?: readonly BaselineState[];
  /** the coverage model of the record, for summaries; null when the file holds no record (too large, not a mapping) */
  coverage: CoverageTotals | null;
}

/** A file the tool could not check (unreadable): not a finding, a failure of the run (exit 2). */
export interface ToolFailure {
  path: string;
  message: string;
}

/**
 * The files of a run in order: an array, or (a run over many records) a spool on disk read anew at
 * each pass, so the run never holds every finding at once. Iterate it; `length` is known.
 */
export interface FileResults extends Iterable<FileResult> {
  readonly length: number;
}

export interface Report {
  files: FileResults;
  failures: ToolFailure[];
  /** the folder evidence paths may not leave, and reports' paths are relative to */
  root: string;
  cwd: string;
  language: MessageLanguage;
  failSeverity: Severity;
  catalog: GuidelineCatalog;
  toolVersion: string;
  /** with --baseline: the known findings that are gone (SARIF lists them, and every finding's state) */
  baseline?: { absent: readonly BaselineFinding[] };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export type Counts = Record<Severity, number>;

export function countBySeverity(diagnostics: Iterable<EngineDiagnostic>): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Every finding of the run counted by severity, and in all. */
export function findingCounts(report: Report): Counts & { problems: number } {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of report.files) for (const d of file.diagnostics) counts[d.severity]++;
  return { ...counts, problems: counts.error + counts.warning + counts.information + counts.hint };
}

/** True when these counts hold something at or above the fail severity (exit 1). */
export function countsFail(counts: Counts, failSeverity: Severity): boolean {
  return SEVERITIES.some((s) => counts[s] > 0 && atLeast(s, failSeverity));
}

export function hasFailures(report: Report): boolean {
  return countsFail(findingCounts(report), report.failSeverity);
}
