/** The result of one `check` run, as every formatter receives it. */
import type { EngineDiagnostic, MessageLanguage, Severity } from '../engine';
import type { GuidelineCatalog } from '../engine/catalog';
import type { BaselineComparison } from './baseline';
import type { RecordCoverage } from '../engine/coverage';

/** What a summary of `check` needs of the coverage model (the whole model is ~50 KB a record). */
export type CoverageTotals = Pick<RecordCoverage, 'summary' | 'incomplete'>;

export interface FileResult {
  /** absolute path */
  absolutePath: string;
  /** as shown to the user and written into reports: relative to the working folder, `/` separators */
  path: string;
  diagnostics: EngineDiagnostic[];
  /** the key path of the YAML node each finding sits on (["items", "D-7 ii", "status"]), for baselines */
  keyPaths?: ReadonlyMap<EngineDiagnostic, ReadonlyArray<string | number>>;
  /** the coverage model of the record, for summaries; null when the file holds no record (too large, not a mapping) */
  coverage: CoverageTotals | null;
}

/** A file the tool could not check (unreadable): not a finding, a failure of the run (exit 2). */
export interface ToolFailure {
  path: string;
  message: string;
}

export interface Report {
  files: FileResult[];
  failures: ToolFailure[];
  /** the folder evidence paths may not leave, and reports' paths are relative to */
  root: string;
  cwd: string;
  language: MessageLanguage;
  failSeverity: Severity;
  catalog: GuidelineCatalog;
  toolVersion: string;
  /** with --baseline: every finding's state, and the known findings that are gone (SARIF lists them all) */
  baseline?: BaselineComparison;
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

export function allDiagnostics(report: Report): EngineDiagnostic[] {
  return report.files.flatMap((f) => f.diagnostics);
}

/** True when the run found something at or above the fail severity (exit 1). */
export function hasFailures(report: Report): boolean {
  return report.files.some((f) => f.diagnostics.some((d) => atLeast(d.severity, report.failSeverity)));
}
