/**
 * Machine-readable findings. `range` is the engine's (zero-based line and UTF-16 character, as
 * LSP counts them); `line`/`column`/`endLine`/`endColumn` are the one-based numbers editors show.
 */
import type { DiagnosticData, Range, RuleCode, Severity } from '../../engine';
import { ruleHelpUri } from '../rules';
import { countBySeverity, allDiagnostics, type Report } from '../report';

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

export function toJsonReport(report: Report): JsonReport {
  const all = allDiagnostics(report);
  return {
    tool: { name: 'ai-governance', version: report.toolVersion },
    root: report.root,
    failSeverity: report.failSeverity,
    summary: { files: report.files.length, problems: all.length, ...countBySeverity(all) },
    files: report.files.map((file) => ({
      path: file.path,
      absolutePath: file.absolutePath,
      diagnostics: file.diagnostics.map((d) => ({
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
        keyPath: [...(file.keyPaths?.get(d) ?? [])],
      })),
    })),
    failures: report.failures,
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}
