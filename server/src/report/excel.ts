/**
 * exceljs, loaded when a workbook is first made or read: its start-up (about 130 ms and its
 * memory) is then paid by `report -f xlsx` and `import` only, never by a check, a worker thread or
 * the language server.
 */
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import('exceljs');
  return new exceljs.Workbook();
}
