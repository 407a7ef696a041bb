/**
 * Machine-readable findings. `range` is the engine's (zero-based line and UTF-16 character, as
 * LSP counts them); `line`/`column`/`endLine`/`endColumn` are the one-based numbers editors show.
 */
import type { DiagnosticData, Range, RuleCode, Severity } from '../../engine';
import { ruleHelpUri } from '../rules';
import { countBySeverity, type Counts, type FileResult, type ReportContext } from '../report';
import type { StreamingFormatter } from './index';

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

function jsonFile(file: FileResult): JsonReport['files'][number] {
  return {
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
    })),
  };
}

/** JSON.stringify(…, null, 2) of a value nested `depth` levels deep. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/** The JSON report, written file by file: `files` first, `failures` and `summary` after them. */
export function jsonFormatter(context: ReportContext): StreamingFormatter {
  let files = 0;
  let problems = 0;
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  return {
    head: () => `{\n  "tool": ${nested({ name: 'ai-governance', version: context.toolVersion }, 1)},\n  "root": ${JSON.stringify(context.root)},\n  "failSeverity": ${JSON.stringify(context.failSeverity)},\n  "files": [`,
    file(file) {
      const fileCounts = countBySeverity(file.diagnostics);
      for (const severity of Object.keys(counts) as Array<keyof Counts>) counts[severity] += fileCounts[severity];
      problems += file.diagnostics.length;
      return `${files++ ? ',' : ''}\n    ${nested(jsonFile(file), 2)}`;
    },
    tail: (failures) =>
      `${files ? '\n  ' : ''}],\n  "failures": ${nested(failures, 1)},\n  "summary": ${nested({ files, problems, ...counts }, 1)}\n}\n`,
  };
}
