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

/**
 * A workbook written as it is made: each sheet, once committed, goes into the zip and leaves memory
 * (a checklist of a thousand records is a hundred thousand rows). The bytes are collected and returned
 * by `commit`. Styles are shared objects (see xlsx.ts); strings go to the shared-strings table, as
 * in a workbook written whole.
 */
export async function newStreamingWorkbook(): Promise<{ workbook: ExcelJS.stream.xlsx.WorkbookWriter; commit: () => Promise<Uint8Array> }> {
  const { default: exceljs } = await import('exceljs');
  const { Writable } = await import('node:stream');
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new exceljs.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  return {
    workbook,
    commit: async () => {
      await workbook.commit();
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
