/** One entry point for every report format, for the CLI and the language server alike. */
import type { MessageLanguage, ReportDocument } from '../engine';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderXlsx } from './xlsx';

export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Text for html, md and json; the bytes of a workbook for xlsx. */
export async function renderReport(format: ReportFormat, document: ReportDocument, language: MessageLanguage): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderHtml(document, language);
    case 'md':
      return renderMarkdown(document, language);
    case 'json':
      return renderJson(document);
    case 'xlsx':
      return renderXlsx(document, language);
  }
}
