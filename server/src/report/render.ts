/** One entry point for every report format, for the CLI and the language server alike. */
import type { MessageLanguage, ReportDocument } from '../engine';
import { htmlChunks } from './html';
import { jsonReportChunks } from './json';
import { markdownChunks } from './markdown';
import { renderXlsx } from './xlsx';

export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The text of html, md and json a record at a time (a writer streams it, so a report of thousands of
 * records is never one string); the bytes of a workbook for xlsx.
 */
export async function reportChunks(format: ReportFormat, document: ReportDocument, language: MessageLanguage): Promise<Iterable<string> | Uint8Array> {
  switch (format) {
    case 'html':
      return htmlChunks(document, language);
    case 'md':
      return markdownChunks(document, language);
    case 'json':
      return jsonReportChunks(document);
    case 'xlsx':
      return renderXlsx(document, language);
  }
}

/** Text for html, md and json; the bytes of a workbook for xlsx. */
export async function renderReport(format: ReportFormat, document: ReportDocument, language: MessageLanguage): Promise<string | Uint8Array> {
  const body = await reportChunks(format, document, language);
  return body instanceof Uint8Array ? body : [...body].join('');
}
