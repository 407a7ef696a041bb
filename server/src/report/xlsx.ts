/**
 * The Excel checklist (exceljs): a sheet "チェックリスト" per record with a row per applicable
 * item (missing ones included), a drop-down on the state, frozen header, filters and wrapped text;
 * a summary sheet; the 別添7 B sheet for advanced AI. Each checklist sheet names its record (path
 * and SHA-256) above the header so `ai-governance import` can bring the edits back into it.
 */
import type ExcelJS from 'exceljs';
import { newStreamingWorkbook } from './excel';
import type { MessageLanguage, RecordReport, ReportDocument, ReportItem } from '../engine';
import { CHECKLIST_FIELDS, checklistValue, type ChecklistField } from '../engine/checklistImport';
import { REPORT_TEXT, STATE_COLOURS, type ReportText } from './text';

/** Rows above the checklist's header: the record's path and hash, then a blank row. */
export const SHEET_RECORD_ROW = 1;
export const SHEET_HASH_ROW = 2;
export const SHEET_HEADER_ROW = 4;
export const CHECKLIST_SHEET = 'チェックリスト';
/** The values of the state drop-down: the record's own (`missing` only stands for an item not written). */
export const STATE_VALUES = ['implemented', 'partial', 'planned', 'not-applicable', 'missing'] as const;

/** The columns import reads, by the record field named in parentheses in the header. */
export const IMPORT_FIELDS = CHECKLIST_FIELDS;
export type ImportField = ChecklistField;

interface Column {
  header: (T: ReportText, language: MessageLanguage) => string;
  width: number;
  value: (item: ReportItem, T: ReportText) => string;
}

const label = (ja: string, en: string, field?: string) => (_: ReportText, language: MessageLanguage) => `${language === 'ja' ? ja : en}${field ? ` (${field})` : ''}`;

/** What the checklist row says for a field, exactly as import compares it. */
export function exportedValue(item: ReportItem, field: ImportField): string {
  return checklistValue(item, field);
}

export const CHECKLIST_COLUMNS: Column[] = [
  { header: () => 'ID', width: 10, value: (i) => i.id },
  { header: label('項目', 'Item'), width: 26, value: (i) => i.title },
  { header: label('本文', 'Text'), width: 70, value: (i) => [...i.text.map((l) => (l.startsWith('  ') ? `・${l.trim()}` : l)), i.citation].join('\n') },
  { header: label('区分', 'Requirement'), width: 12, value: (i, T) => `${i.word}（${T.requirements[i.requirement]}）` },
  { header: label('状態', 'Status', 'status'), width: 15, value: (i) => exportedValue(i, 'status') },
  { header: label('担当', 'Owner', 'owner'), width: 18, value: (i) => exportedValue(i, 'owner') },
  { header: label('証跡', 'Evidence', 'evidence'), width: 28, value: (i) => exportedValue(i, 'evidence') },
  { header: label('確認日', 'Reviewed', 'reviewed'), width: 12, value: (i) => exportedValue(i, 'reviewed') },
  { header: label('理由', 'Justification', 'justification'), width: 28, value: (i) => exportedValue(i, 'justification') },
  { header: label('備考', 'Note', 'note'), width: 28, value: (i) => exportedValue(i, 'note') },
  {
    header: label('指摘', 'Findings'),
    width: 36,
    value: (i, T) =>
      [
        i.coveredBy ? `${T.coveredBy}: ${i.coveredBy.join(', ')}` : '',
        i.missingSubItems ? `${T.missingSubItems}: ${i.missingSubItems.join(', ')}` : '',
        ...i.findings.map((f) => `${f.severity}: ${f.message} [${f.code}]`),
      ]
        .filter(Boolean)
        .join('\n'),
  },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const FONT = 'Yu Gothic';

function sheetName(base: string, index: number): string {
  return index === 0 ? base : `${base} (${index + 1})`;
}

/*
 * Cells share their style objects: exceljs writes a style once per distinct object (a WeakMap), so a
 * style made per cell costs its serialisation a million times over in a thousand-record workbook.
 * Shared styles are never changed after they are made.
 */
const style = (s: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => Object.freeze(s);
const HEADER_STYLE = style({ font: { bold: true, name: FONT }, fill: HEADER_FILL, alignment: { vertical: 'middle', wrapText: true } });
const LABEL_STYLE = style({ font: { bold: true, name: FONT } });
// Numbers and dates stay text, so what comes back is what went out.
const BODY_STYLE = style({ font: { name: FONT, size: 10 }, alignment: { vertical: 'top', wrapText: true }, numFmt: '@' });
const STATE_STYLES = Object.fromEntries(
  Object.entries(STATE_COLOURS).map(([state, colour]) => [state, style({ ...BODY_STYLE, font: { name: FONT, size: 10, bold: true, color: { argb: argb(colour) } } })]),
) as Record<keyof typeof STATE_COLOURS, Partial<ExcelJS.Style>>;
const ADVANCED_STYLE = style({ font: { name: FONT, size: 10 }, alignment: { vertical: 'top', wrapText: true } });
const SUMMARY_STYLE = style({ font: { name: FONT }, alignment: { vertical: 'top', wrapText: true } });
const SUMMARY_BOLD_STYLE = style({ font: { name: FONT, bold: true }, alignment: { vertical: 'top', wrapText: true } });
const TITLE_STYLE = style({ font: { name: FONT, bold: true, size: 14 }, alignment: { vertical: 'top', wrapText: true } });

/** Gives every cell of the row's first `columns` this style (the same object). */
function styleRow(row: ExcelJS.Row, shared: Partial<ExcelJS.Style>, columns: number): ExcelJS.Row {
  for (let c = 1; c <= columns; c++) row.getCell(c).style = shared;
  return row;
}

function styleHeader(row: ExcelJS.Row): void {
  styleRow(row, HEADER_STYLE, Math.max(row.cellCount, 1));
}

function checklistSheet(workbook: ExcelJS.Workbook, record: RecordReport, index: number, T: ReportText, language: MessageLanguage): ExcelJS.Worksheet {
  // Page setup comes with the sheet: a streamed sheet writes its properties (fit to page) before its rows.
  const sheet = workbook.addWorksheet(sheetName(CHECKLIST_SHEET, index), {
    views: [{ state: 'frozen', ySplit: SHEET_HEADER_ROW, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${SHEET_HEADER_ROW}:${SHEET_HEADER_ROW}` },
  });
  sheet.getCell(SHEET_RECORD_ROW, 1).value = `${T.record} (record)`;
  sheet.getCell(SHEET_RECORD_ROW, 2).value = record.path;
  sheet.getCell(SHEET_HASH_ROW, 1).value = 'SHA-256';
  sheet.getCell(SHEET_HASH_ROW, 2).value = record.sha256;
  sheet.getCell(SHEET_RECORD_ROW, 1).style = LABEL_STYLE;
  sheet.getCell(SHEET_HASH_ROW, 1).style = LABEL_STYLE;
  sheet.getCell(SHEET_RECORD_ROW, 4).value = language === 'ja' ? '状態・担当・証跡・確認日・理由・備考を編集して ai-governance import で記録に戻せます。' : 'Edit status, owner, evidence, reviewed, justification and note, then bring them back with ai-governance import.';
  CHECKLIST_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const header = sheet.getRow(SHEET_HEADER_ROW);
  header.values = CHECKLIST_COLUMNS.map((c) => c.header(T, language));
  styleHeader(header);
  const stateColumn = CHECKLIST_COLUMNS.findIndex((c) => c.header(T, 'ja').includes('(status)')) + 1;
  record.items.forEach((item, n) => {
    const row = sheet.getRow(SHEET_HEADER_ROW + 1 + n);
    row.values = CHECKLIST_COLUMNS.map((c) => c.value(item, T));
    styleRow(row, BODY_STYLE, CHECKLIST_COLUMNS.length);
    const state = row.getCell(stateColumn);
    state.dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${STATE_VALUES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: T.state,
      error: STATE_VALUES.join(', '),
    };
    state.style = STATE_STYLES[item.state];
  });
  sheet.autoFilter = { from: { row: SHEET_HEADER_ROW, column: 1 }, to: { row: SHEET_HEADER_ROW + Math.max(record.items.length, 1), column: CHECKLIST_COLUMNS.length } };
  return sheet;
}

function summarySheet(workbook: ExcelJS.Workbook, document: ReportDocument, T: ReportText, language: MessageLanguage): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(language === 'ja' ? '概要' : 'Summary');
  sheet.columns = [{ width: 28 }, { width: 44 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const columns = 9;
  const add = (values: Array<string | number>, bold = false) => styleRow(sheet.addRow(values), bold ? SUMMARY_BOLD_STYLE : SUMMARY_STYLE, columns);
  styleRow(add([T.title]), TITLE_STYLE, 1);
  add([T.generated, document.generated]);
  add([T.tool, `${document.tool.name} ${document.tool.version}`]);
  add([T.catalog, `${document.tool.catalog.edition} / ${document.tool.catalog.update}`]);
  const summaryHead = [T.group, '', T.required, T.done, T.states.implemented, T.states.partial, T.states.planned, T.states['not-applicable'], T.states.missing];
  for (const record of document.records) {
    add([]);
    const org = record.cover.organization;
    add([T.record, record.path], true);
    add([T.organization, org.name ?? T.notStated]);
    add([T.accountable, org.accountable ?? T.notStated]);
    add([T.contact, org.contact ?? T.notStated]);
    add([T.roles, record.cover.roles.map((r) => T.role(r)).join('、')]);
    add([T.advancedAI, record.cover.advancedAI ? T.yes : T.no]);
    add([T.edition, record.cover.edition ?? T.notStated]);
    add([T.commit, record.commit ?? T.none]);
    add([T.sha256, record.sha256]);
    if (record.unreadable.length) add([T.unreadable, record.unreadable.map((f) => `${T.line} ${f.line}: ${f.message}`).join('\n')], true);
    styleHeader(add(summaryHead));
    const line = (labelText: string, s: RecordReport['summary']) => add([labelText, '', s.required, s.done, s.implemented, s.partial, s.planned, s.notApplicable, s.missing]);
    styleRow(line(T.required, record.summary), SUMMARY_BOLD_STYLE, columns);
    for (const p of record.principles) line(`${p.id} ${language === 'ja' ? p.title : p.titleEn}`, p.summary);
    for (const r of record.roles) line(T.role(r.role), r.summary);
    for (const s of record.systems) line(`${T.system}: ${s.id}`, s.summary);
  }
  return sheet;
}

function advancedSheet(workbook: ExcelJS.Workbook, record: RecordReport, index: number, T: ReportText, language: MessageLanguage): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName('別添7 B', index), { views: [{ state: 'frozen', ySplit: SHEET_HEADER_ROW }] });
  sheet.getCell(SHEET_RECORD_ROW, 1).value = `${T.record} (record)`;
  sheet.getCell(SHEET_RECORD_ROW, 2).value = record.path;
  sheet.getCell(SHEET_HASH_ROW, 1).value = T.advancedChecks;
  sheet.columns = [{ width: 6 }, { width: 8 }, { width: 70 }, { width: 15 }, { width: 18 }, { width: 40 }, { width: 28 }];
  const header = sheet.getRow(SHEET_HEADER_ROW);
  header.values = ['', 'ID', T.question, T.state, T.owner, T.answer, T.evidence];
  styleHeader(header);
  for (const [n, check] of (record.advancedChecks ?? []).entries()) {
    const row = sheet.getRow(SHEET_HEADER_ROW + 1 + n);
    row.values = [check.number, check.id, `${check.question}\n${check.citation}`, language === 'ja' ? `${T.states[check.state]}（${check.state}）` : check.state, check.owner ?? '', check.answer ?? '', check.evidence.join('\n')];
    styleRow(row, ADVANCED_STYLE, 7);
  }
  return sheet;
}

export async function renderXlsx(document: ReportDocument, language: MessageLanguage): Promise<Uint8Array> {
  const T = REPORT_TEXT[language];
  const { workbook, commit } = await newStreamingWorkbook();
  workbook.creator = `${document.tool.name} ${document.tool.version}`;
  // Stamp the report's own time, so one report is one file whatever the clock says while writing.
  const when = new Date(document.generated);
  if (!Number.isNaN(when.getTime())) workbook.created = workbook.modified = when;
  document.records.forEach((record, index) => checklistSheet(workbook, record, index, T, language).commit());
  summarySheet(workbook, document, T, language).commit();
  let advanced = 0;
  for (const record of document.records) if (record.advancedChecks) advancedSheet(workbook, record, advanced++, T, language).commit();
  return commit();
}
