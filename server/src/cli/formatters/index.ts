/** The output formats of `check`, registered in one place. */
import type { Paint } from '../io';
import type { FileResult, Report, ReportContext, ToolFailure } from '../report';
import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { sarifFormatter } from './sarif';
import { stylishFormatter } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Formats a program reads: never coloured, never interleaved with progress. */
export function isMachineFormat(format: FormatName): boolean {
  return format !== 'stylish';
}

export interface FormatOptions {
  /** colours for stylish; no colours when writing to a file or a pipe */
  paint: Paint;
  quiet: boolean;
}

/**
 * A format written as the files are checked, so a run over thousands of records never holds them
 * all: the head, one piece per file (in order), and the tail once the run is over.
 */
export interface StreamingFormatter {
  head(): string;
  file(file: FileResult): string;
  tail(failures: readonly ToolFailure[]): string;
}

export function formatter(name: FormatName, context: ReportContext, options: FormatOptions): StreamingFormatter {
  switch (name) {
    case 'stylish':
      return stylishFormatter(context, options);
    case 'json':
      return jsonFormatter(context);
    case 'sarif':
      return sarifFormatter(context);
    case 'github':
      return githubFormatter(context);
    case 'junit':
      return junitFormatter(context);
  }
}

/** A whole report at once (tests, small runs): the streamed pieces joined. */
export function format(name: FormatName, report: Report, options: FormatOptions): string {
  const f = formatter(name, report, options);
  return f.head() + report.files.map((file) => f.file(file)).join('') + f.tail(report.failures);
}
