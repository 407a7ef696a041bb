/** `ai-governance import`: the Excel checklist comes back into its record, with nothing else changed. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { ReportDocument } from '../../server/src/engine';
import { runCli, workspace } from '../support/cli';

/** Comments everywhere, every quoting style, flow and block lists, a principle covered by sub-items. */
const RECORD = [
  '# 株式会社サンプル AIガバナンス記録',
  'apiVersion: ai-governance/v1   # 形式',
  'guideline: "2026"',
  'organization:',
  '  name: 株式会社サンプル',
  'roles: [developer]',
  'advancedAI: true',
  'items:',
  '  # ── 共通の指針 ──',
  '  C-1:',
  '    status: implemented # 委員会で確認',
  '    owner: "企画部"',
  '    evidence:',
  '      - docs/policy.md # 方針',
  '      - docs/old.md',
  '    reviewed: 2026-10-01',
  '  C-7-1: {status: implemented, owner: 法務部}',
  '  C-7-2:',
  '    status: planned',
  '  D-7 ii:',
  '    status: partial',
  "    owner: 'ML基盤チーム'",
  '    evidence: [docs/dev.md]',
  '    note: |',
  '      学習データの出所を記録',
  '      前処理の判断も記録',
  '  H-7:',
  '    status: not-applicable',
  '    justification: 画像・音声を生成しないため # 2026-04 委員会',
  '  H-1:',
  '    status: planned',
  '',
].join('\n');

interface Ws {
  root: string;
  cleanup: () => void;
}

async function exportSheet(ws: Ws): Promise<ExcelJS.Workbook> {
  const result = await runCli(['report', 'ai-governance.yaml', '-f', 'xlsx', '-o', 'checklist.xlsx'], { cwd: ws.root });
  assert.equal(result.code, 0, result.stderr);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(ws.root, 'checklist.xlsx'));
  return workbook;
}

/** Row number of an item, and the column of a field, in the checklist sheet. */
function locate(sheet: ExcelJS.Worksheet, id: string, field?: string): { row: number; column: number } {
  let row = 0;
  for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === id) row = r;
  assert.ok(row, `no row for ${id}`);
  const header = Array.from(sheet.getRow(4).values as unknown[], (v) => String(v ?? ""));
  const column = field ? header.findIndex((h) => h.endsWith(`(${field})`)) : 1;
  return { row, column };
}

function setCell(sheet: ExcelJS.Worksheet, id: string, field: string, value: ExcelJS.CellValue): number {
  const at = locate(sheet, id, field);
  sheet.getCell(at.row, at.column).value = value;
  return at.row;
}

async function save(ws: Ws, workbook: ExcelJS.Workbook, name = 'edited.xlsx'): Promise<string> {
  await workbook.xlsx.writeFile(join(ws.root, name));
  return name;
}

const read = (ws: Ws) => readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8');

describe('import', () => {
  let ws: Ws;
  beforeEach(() => {
    ws = workspace({ 'ai-governance.yaml': RECORD, 'docs/policy.md': 'x', 'docs/dev.md': 'x' });
  });
  afterEach(() => ws.cleanup());

  test('export then import with no edit changes nothing, byte for byte (justifications included)', async () => {
    await exportSheet(ws);
    const result = await runCli(['import', 'checklist.xlsx', '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /変更はありません/);
    assert.equal(read(ws), RECORD);
  });

  test('a sheet saved again by a spreadsheet program (values re-typed as Excel would) still changes nothing', async () => {
    const workbook = await exportSheet(ws);
    const sheet = workbook.getWorksheet('チェックリスト')!;
    // Excel turns a typed date into a date cell, and a formula keeps its computed value.
    setCell(sheet, 'C-1', 'reviewed', new Date(Date.UTC(2026, 9, 1)));
    setCell(sheet, 'H-7', 'justification', { formula: 'TRIM(" 画像・音声を生成しないため ")', result: '画像・音声を生成しないため' });
    const name = await save(ws, workbook);
    const result = await runCli(['import', name, '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(ws), RECORD);
  });

  test('edits come back: only the edited values change, every comment and style stays; --dry-run only prints', async () => {
    const workbook = await exportSheet(ws);
    const sheet = workbook.getWorksheet('チェックリスト')!;
    setCell(sheet, 'C-1', 'owner', '企画部 AI推進室');
    setCell(sheet, 'C-1', 'evidence', 'docs/policy.md\ndocs/new.md');
    setCell(sheet, 'D-7 ii', 'status', 'implemented');
    setCell(sheet, 'D-7 ii', 'reviewed', '2026-11-01');
    setCell(sheet, 'H-1', 'note', 'レッドチーム: 四半期ごと');
    setCell(sheet, 'D-2 i', 'status', 'planned');
    setCell(sheet, 'D-2 i', 'owner', '品質保証部');
    const name = await save(ws, workbook);

    const dry = await runCli(['import', name, '--into', 'ai-governance.yaml', '--dry-run'], { cwd: ws.root });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^-    owner: "企画部"$/m);
    assert.match(dry.stdout, /^\+    owner: "企画部 AI推進室"$/m);
    assert.match(dry.stdout, /--dry-run/);
    assert.equal(read(ws), RECORD, '--dry-run writes nothing');

    const result = await runCli(['import', name, '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(result.code, 0, result.stderr);
    const text = read(ws);
    const expected = RECORD.replace('    owner: "企画部"', '    owner: "企画部 AI推進室"')
      .replace('      - docs/old.md\n', '      - docs/new.md\n')
      .replace("  D-7 ii:\n    status: partial", "  D-7 ii:\n    status: implemented")
      .replace('    evidence: [docs/dev.md]\n    note: |\n      学習データの出所を記録\n      前処理の判断も記録\n', '    evidence: [docs/dev.md]\n    note: |\n      学習データの出所を記録\n      前処理の判断も記録\n    reviewed: 2026-11-01\n')
      .replace('  H-1:\n    status: planned\n', '  H-1:\n    status: planned\n    note: "レッドチーム: 四半期ごと"\n');
    // D-2 i is added in guideline order: after the 共通の指針 items, before D-7 ii.
    const [before, after] = expected.split('  D-7 ii:\n');
    const added = text.slice(before.length, text.indexOf('  D-7 ii:\n'));
    assert.match(added, /^ {2}D-2 i: # .+\n {4}status: planned\n {4}owner: 品質保証部\n/);
    assert.equal(text.slice(0, before.length), before);
    assert.equal(text.slice(text.indexOf('  D-7 ii:\n') + '  D-7 ii:\n'.length), after);

    // Exported again, the sheet says what was imported.
    const json = JSON.parse((await runCli(['report', 'ai-governance.yaml', '-f', 'json'], { cwd: ws.root })).stdout) as ReportDocument;
    const item = (id: string) => json.records[0].items.find((i) => i.id === id)!;
    assert.equal(item('C-1').owner, '企画部 AI推進室');
    assert.deepEqual(item('C-1').evidence.paths, ['docs/policy.md', 'docs/new.md']);
    assert.equal(item('D-7 ii').state, 'implemented');
    assert.equal(item('D-2 i').owner, '品質保証部');
    assert.equal(item('H-7').justification, '画像・音声を生成しないため');
  });

  test('bad rows are refused, naming the row and the value; nothing changes', async () => {
    const workbook = await exportSheet(ws);
    const sheet = workbook.getWorksheet('チェックリスト')!;
    const stateRow = setCell(sheet, 'D-7 ii', 'status', 'done-ish');
    const dateRow = setCell(sheet, 'C-1', 'reviewed', '2026-02-30');
    const unknown = sheet.rowCount + 1;
    sheet.getCell(unknown, 1).value = 'D-99 x';
    sheet.getCell(unknown, 5).value = 'planned';
    const name = await save(ws, workbook);
    const result = await runCli(['import', name, '--into', 'ai-governance.yaml', '--lang', 'en'], { cwd: ws.root });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`row ${stateRow} status: "done-ish" is not a state`));
    assert.match(result.stderr, new RegExp(`row ${dateRow} reviewed: "2026-02-30" is not a date`));
    assert.match(result.stderr, new RegExp(`row ${unknown} ID: unknown item id "D-99 x"`));
    assert.equal(read(ws), RECORD);
  });

  test('a formula without a value and very long text are refused with a message', async () => {
    const workbook = await exportSheet(ws);
    const sheet = workbook.getWorksheet('チェックリスト')!;
    const formulaRow = setCell(sheet, 'C-1', 'owner', { formula: 'A1&B1', result: undefined } as unknown as ExcelJS.CellValue);
    const longRow = setCell(sheet, 'H-1', 'note', 'あ'.repeat(5000));
    const name = await save(ws, workbook);
    const result = await runCli(['import', name, '--into', 'ai-governance.yaml', '--lang', 'en'], { cwd: ws.root });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`row ${formulaRow} F \\(owner\\): a formula \\(=A1&B1\\) without a computed value`));
    assert.match(result.stderr, new RegExp(`row ${longRow} J \\(note\\): 5000 characters, more than 4000`));
    assert.equal(read(ws), RECORD);
  });

  test('a principle recorded through its sub-items is edited on their rows, not its own', async () => {
    const workbook = await exportSheet(ws);
    const sheet = workbook.getWorksheet('チェックリスト')!;
    const row = setCell(sheet, 'C-7', 'owner', '誰か');
    const name = await save(ws, workbook);
    const result = await runCli(['import', name, '--into', 'ai-governance.yaml', '--lang', 'en'], { cwd: ws.root });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`row ${row} owner: C-7 is recorded through its sub-items \\(C-7-1, C-7-2\\)`));
  });

  test('a sheet of another version of the record is refused unless --force', async () => {
    const workbook = await exportSheet(ws);
    setCell(workbook.getWorksheet('チェックリスト')!, 'H-1', 'owner', '品質保証部');
    const name = await save(ws, workbook);
    const changed = RECORD.replace('# 株式会社サンプル', '# 株式会社サンプル（改訂）');
    writeFileSync(join(ws.root, 'ai-governance.yaml'), changed);
    const refused = await runCli(['import', name, '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /SHA-256 が一致しません/);
    assert.equal(read(ws), changed);
    const forced = await runCli(['import', name, '--into', 'ai-governance.yaml', '--force'], { cwd: ws.root });
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(read(ws), changed.replace('  H-1:\n    status: planned\n', '  H-1:\n    status: planned\n    owner: 品質保証部\n'));
  });

  test('not a workbook, or no checklist sheet: exit 2 with the reason', async () => {
    writeFileSync(join(ws.root, 'not.xlsx'), 'plain text');
    const result = await runCli(['import', 'not.xlsx', '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not an Excel workbook/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    await empty.xlsx.writeFile(join(ws.root, 'empty.xlsx'));
    const none = await runCli(['import', 'empty.xlsx', '--into', 'ai-governance.yaml'], { cwd: ws.root });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no sheet named "チェックリスト"/);
  });
});
