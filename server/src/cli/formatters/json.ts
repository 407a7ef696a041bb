/**
 * Machine-readable findings. `range` is the engine's (zero-based line and UTF-16 character, as
 * LSP counts them); `line`/`column`/`endLine`/`endColumn` are the one-based numbers editors show.
 */
import type { DiagnosticData, Range, RuleCode, Severity } from '../../engine';
import { ruleHelpUri } from '../rules';
import { findingCounts, type FileResult, type Report } from '../report';
import { jsonChunks, JsonSequence } from '../../jsonChunks';

export interface JsonDiagnostic {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: DiagnosticData;
  href: string;
  /** keys from the root to the node the finding is on (what --baseline matches, with code and data) */
  keyPath: Array<string | number>;
}

export interface JsonReport {
  tool: { name: 'ai-governance'; version: string };
  root: string;
  failSeverity: Severity;
  summary: { files: number; problems: number; error: number; warning: number; information: number; hint: number };
  files: Array<{ path: string; absolutePath: string; diagnostics: JsonDiagnostic[] }>;
  /** files the tool could not check (the run exits 2) */
  failures: Array<{ path: string; message: string }>;
}

type JsonFile = JsonReport['files'][number];

function jsonFile(file: FileResult): JsonFile {
  return {
    path: file.path,
    absolutePath: file.absolutePath,
    diagnostics: file.diagnostics.map((d, i) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      data: d.data,
      href: ruleHelpUri(d.code),
      keyPath: [...(file.keyPaths?.[i] ?? [])],
    })),
  };
}

function jsonReport<F>(report: Report, files: F): Omit<JsonReport, 'files'> & { files: F } {
  const { problems, ...counts } = findingCounts(report);
  return {
    tool: { name: 'ai-governance', version: report.toolVersion },
    root: report.root,
    failSeverity: report.failSeverity,
    summary: { files: report.files.length, problems, ...counts },
    files,
    failures: report.failures,
  };
}

export function toJsonReport(report: Report): JsonReport {
  return jsonReport(report, [...report.files].map(jsonFile));
}

function* filesOf(report: Report): Generator<JsonFile> {
  for (const file of report.files) yield jsonFile(file);
}

/** The same text as JSON.stringify(toJsonReport(report), null, 2), a file at a time. */
export function* formatJson(report: Report): Generator<string> {
  yield* jsonChunks(jsonReport(report, new JsonSequence(() => filesOf(report))));
  yield '\n';
}
