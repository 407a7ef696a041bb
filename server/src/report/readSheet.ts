/**
 * Reads an edited checklist back (exceljs): which record the sheet names, and per row the item id
 * and the cells of the fields import writes. Cell values become text: a formula imports as its
 * value, a date as YYYY-MM-DD, rich text and links as their text; what cannot be text is refused.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from './excel';
import { CHECKLIST_SHEET, IMPORT_FIELDS, SHEET_HASH_ROW, SHEET_HEADER_ROW, SHEET_RECORD_ROW, type ImportField } from './xlsx';

/** Longer cell text is refused: no checklist answer is a book, and a runaway paste must not reach the YAML. */
export const MAX_CELL_LENGTH = 4000;

export interface SheetRow {
  /** the spreadsheet's row number, as Excel shows it */
  row: number;
  id: string;
  values: Partial<Record<ImportField, string>>;
}

export interface ChecklistSheet {
  name: string;
  recordPath: string;
  sha256: string;
  rows: SheetRow[];
  /** cells that cannot be imported, with why */
  problems: SheetProblem[];
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
}

export class SheetError extends Error {}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day number (days since 1899-12-30, the 1900 system) as YYYY-MM-DD; null when not a plausible date. */
function excelDay(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A cell's value as text, or a problem saying why it cannot be. */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string } {
  const value = cell.value;
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  // A date typed into Excel: the calendar day it shows (Excel stores it without a zone, exceljs as UTC).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: 'an invalid date' } : { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  if (typeof value === 'object') {
    if ('error' in value) return { problem: `the error value ${String(value.error)}` };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
        return { problem: `a formula (=${(value as ExcelJS.CellFormulaValue).formula ?? ''}) without a computed value: type the value instead` };
      }
      return cellText({ value: result } as ExcelJS.Cell);
    }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('text' in value && typeof value.text === 'string') return { text: value.text };
  }
  return { problem: 'a value that is not text' };
}

/** The field a header names: "状態 (status)" → status. */
function fieldOfHeader(header: string): ImportField | null {
  const m = /\(([a-z]+)\)\s*$/.exec(header.trim());
  return m && (IMPORT_FIELDS as readonly string[]).includes(m[1]) ? (m[1] as ImportField) : null;
}

const columnName = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function readChecklist(sheet: ExcelJS.Worksheet): ChecklistSheet {
  const problems: SheetProblem[] = [];
  const plain = (row: number, column: number) => {
    const t = cellText(sheet.getCell(row, column));
    return 'text' in t ? t.text.trim() : '';
  };
  const header = sheet.getRow(SHEET_HEADER_ROW);
  const columns = new Map<ImportField, number>();
  let idColumn = 0;
  header.eachCell((cell, column) => {
    const t = cellText(cell);
    if (!('text' in t)) return;
    if (t.text.trim() === 'ID') idColumn = column;
    const field = fieldOfHeader(t.text);
    if (field && !columns.has(field)) columns.set(field, column);
  });
  if (!idColumn) throw new SheetError(`sheet "${sheet.name}": no ID column in row ${SHEET_HEADER_ROW}`);
  const rows: SheetRow[] = [];
  for (let r = SHEET_HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const idCell = cellText(sheet.getCell(r, idColumn));
    const id = 'text' in idCell ? idCell.text.trim() : '';
    const values: SheetRow['values'] = {};
    let any = id !== '';
    for (const [field, column] of columns) {
      const cell = sheet.getCell(r, column);
      const t = cellText(cell);
      if ('problem' in t) {
        problems.push({ row: r, column: `${columnName(column)} (${field})`, message: t.problem });
        continue;
      }
      // A date typed into a text cell may still arrive as Excel's day number.
      if (field === 'reviewed' && typeof cell.value === 'number') t.text = excelDay(cell.value) ?? t.text;
      if (t.text.length > MAX_CELL_LENGTH) {
        problems.push({ row: r, column: `${columnName(column)} (${field})`, message: `${t.text.length} characters, more than ${MAX_CELL_LENGTH}` });
        continue;
      }
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t.text)) {
        problems.push({ row: r, column: `${columnName(column)} (${field})`, message: 'control characters' });
        continue;
      }
      values[field] = t.text.replace(/\r\n?/g, '\n').trim();
      if (values[field]) any = true;
    }
    if (!any) continue;
    if (!id) {
      problems.push({ row: r, column: `${columnName(idColumn)} (ID)`, message: 'a row without an item id' });
      continue;
    }
    rows.push({ row: r, id, values });
  }
  return { name: sheet.name, recordPath: plain(SHEET_RECORD_ROW, 2), sha256: plain(SHEET_HASH_ROW, 2).toLowerCase(), rows, problems };
}

/** The checklist sheets of a workbook (one per record it reports on). */
export async function readWorkbook(bytes: Uint8Array): Promise<ChecklistSheet[]> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetError(`not an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheets = workbook.worksheets.filter((s) => s.name === CHECKLIST_SHEET || s.name.startsWith(`${CHECKLIST_SHEET} (`)).map(readChecklist);
  if (sheets.length === 0) throw new SheetError(`no sheet named "${CHECKLIST_SHEET}" in the workbook`);
  return sheets;
}
