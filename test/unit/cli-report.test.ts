/** `ai-governance report`: every format, its content, the documented JSON shape, the commit from .git, --merge. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { ReportDocument } from '../../server/src/engine';
import { loadCatalog } from '../../server/src/engine/catalog';
import { runCli, workspace } from '../support/cli';

const catalog = loadCatalog();

export const REPORT_RECORD = [
  '# 記録の先頭コメント',
  'apiVersion: ai-governance/v1',
  'guideline: "2026"',
  'organization:',
  '  name: 株式会社サンプル',
  '  accountable: 最高AI責任者 山田花子',
  '  contact: ai@example.co.jp',
  'roles: [developer]',
  'advancedAI: true',
  'systems:',
  '  - id: bot',
  '    name: 社内エージェント',
  '    kinds: [agent]',
  '    safeguards: [human-oversight]',
  'items:',
  '  C-1:',
  '    status: implemented',
  '    owner: 企画部 | 品質G',
  '    evidence:',
  '      - docs/policy.md # 方針',
  '      - ../../etc/passwd',
  '    reviewed: 2026-10-01',
  '    note: "<script>alert(1)</script> を表示しない"',
  '  D-7 ii:',
  '    status: partial',
  '    owner: ML基盤チーム',
  '    evidence: [docs/missing.md]',
  '    reviewed: 2024-01-10',
  '  H-7:',
  '    status: not-applicable',
  "    justification: '画像・音声を生成しないため'",
  '',
].join('\n');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('report', () => {
  let ws: ReturnType<typeof workspace>;
  before(() => {
    ws = workspace({
      'repo/ai-governance.yaml': REPORT_RECORD,
      'repo/docs/policy.md': '# 方針\n',
      'repo/team/ai-governance.yaml': ['apiVersion: ai-governance/v1', 'roles: [business-user]', 'items:', '  U-1 i: {status: planned}', ''].join('\n'),
      // A git work tree as git leaves it: HEAD → a branch → packed-refs (no loose ref).
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.git/packed-refs': '# pack-refs with: peeled fully-peeled sorted\n0123456789abcdef0123456789abcdef01234567 refs/heads/main\n',
    });
  });
  after(() => ws.cleanup());
  const cwd = () => join(ws.root, 'repo');

  test('json: the documented shape, the hash of the bytes, the commit read from .git', async () => {
    const result = await runCli(['report', '-f', 'json'], { cwd: cwd() });
    assert.equal(result.code, 0, result.stderr);
    const doc = JSON.parse(result.stdout) as ReportDocument;
    assert.equal(result.stdout, JSON.stringify(doc, null, 2) + '\n', 'written a record at a time, the text is JSON.stringify\'s');
    assert.deepEqual(Object.keys(doc).sort(), ['generated', 'records', 'tool']);
    assert.equal(doc.tool.name, 'ai-governance');
    assert.match(doc.tool.version, /^\d+\.\d+\.\d+/);
    assert.ok(!Number.isNaN(Date.parse(doc.generated)));
    assert.deepEqual(
      doc.records.map((r) => r.path),
      ['ai-governance.yaml', 'team/ai-governance.yaml'],
      'every record under the current folder, one report',
    );
    const [record] = doc.records;
    assert.equal(record.sha256, sha(REPORT_RECORD));
    assert.equal(record.commit, '0123456789abcdef0123456789abcdef01234567');
    assert.deepEqual(Object.keys(record.summary).sort(), ['done', 'implemented', 'missing', 'notApplicable', 'partial', 'planned', 'required']);
    for (const item of record.items) {
      assert.ok(catalog.has(item.id), item.id);
      assert.ok(['required', 'expected', 'recommended'].includes(item.requirement));
      assert.ok(['implemented', 'partial', 'planned', 'not-applicable', 'missing'].includes(item.state));
      assert.equal(typeof item.done, 'boolean');
      assert.ok(Array.isArray(item.evidence.paths) && ['present', 'broken', 'none'].includes(item.evidence.state));
      assert.ok(Array.isArray(item.findings));
      assert.equal(item.text, undefined, 'the quotes stay in the catalog, not a thousand copies');
      assert.match(item.citation, /^出典: /);
    }
    const h7 = record.items.find((i) => i.id === 'H-7')!;
    assert.equal(h7.justification, '画像・音声を生成しないため');
    assert.equal(record.advancedChecks?.length, 12);
  });

  test('a loose ref wins over packed-refs; a detached HEAD is its own commit', async () => {
    const other = workspace({
      'ai-governance.yaml': REPORT_RECORD,
      '.git/HEAD': 'ref: refs/heads/work\n',
      '.git/refs/heads/work': 'fedcba9876543210fedcba9876543210fedcba98\n',
      '.git/packed-refs': '1111111111111111111111111111111111111111 refs/heads/work\n',
      'detached/ai-governance.yaml': REPORT_RECORD,
      'detached/.git': 'gitdir: ../gitdir\n',
      'gitdir/HEAD': '2222222222222222222222222222222222222222\n',
    });
    try {
      const result = await runCli(['report', '-f', 'json'], { cwd: other.root });
      const doc = JSON.parse(result.stdout) as ReportDocument;
      assert.deepEqual(
        doc.records.map((r) => [r.path, r.commit]),
        [
          ['ai-governance.yaml', 'fedcba9876543210fedcba9876543210fedcba98'],
          ['detached/ai-governance.yaml', '2222222222222222222222222222222222222222'],
        ],
      );
    } finally {
      other.cleanup();
    }
  });

  test('html: self-contained, nothing remote, values escaped, quotes verbatim, evidence never embedded', async () => {
    const result = await runCli(['report', 'ai-governance.yaml', '-f', 'html'], { cwd: cwd() });
    assert.equal(result.code, 0, result.stderr);
    const html = result.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<html lang="ja">/);
    assert.doesNotMatch(html, /<script/i, 'no script, and the note\'s <script> is escaped');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /\s(src|srcset)=/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /url\(/i);
    assert.doesNotMatch(html, /@import/i);
    assert.doesNotMatch(html, /https?:\/\//, 'no remote address at all (the record has no https evidence)');
    assert.match(html, /@page\s*\{\s*size: A4/);
    assert.match(html, /thead \{ display: table-header-group; \}/);
    assert.match(html, /counter\(page\)/);
    assert.match(html, /<svg class="bar"/);
    assert.ok(html.includes(catalog.get('D-7 ii')!.text[0]), 'D-7 ii quoted verbatim');
    assert.ok(html.includes('出典: AI事業者ガイドライン（第1.0版）本編 第3部「AI開発者に関する事項」 AI開発後 D-7) ii.') || html.includes('出典: AI事業者ガイドライン（第1.0版）本編 第3部「AI開発者に関する事項」AI開発後 D-7) ii.'));
    for (const label of ['作成者', '確認者', '承認者', '日付', '別添7 B', '対象外とした項目', '確認が古い・不正な項目', '証跡の不備', 'AIシステム']) assert.ok(html.includes(label), label);
    assert.ok(html.includes('<code>../../etc/passwd</code>'), 'evidence outside the workspace is shown as text');
    assert.doesNotMatch(html, /root:x:0:0/, 'and never opened');
    assert.ok(html.includes(sha(REPORT_RECORD)));
  });

  test('html --lang en: English labels, Japanese quotes', async () => {
    const result = await runCli(['report', 'ai-governance.yaml', '--lang', 'en'], { cwd: cwd() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<html lang="en">/);
    assert.match(result.stdout, /AI Governance Report/);
    assert.match(result.stdout, /Prepared by/);
    assert.ok(result.stdout.includes(catalog.get('C-1')!.text[0]));
  });

  test('md: GitHub tables, pipes and markup escaped', async () => {
    const result = await runCli(['report', 'ai-governance.yaml', '-f', 'md'], { cwd: cwd() });
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^# AIガバナンス報告書/);
    assert.match(md, /\| ID \| 項目 \| 本文 \| ガイドラインの表現 \| 状態 \| 担当 \| 証跡 \| 確認日 \| 理由 \| 備考 \| 指摘 \|/);
    assert.ok(md.includes('企画部 \\| 品質G'));
    assert.ok(md.includes('&lt;script&gt;'));
    assert.match(md, /\| \*\*D-2 i\*\* \|.*❌ 未記載/);
    assert.match(md, /### 別添7 B チェックリスト（案）第2部 D/);
  });

  for (const format of ['html', 'md', 'json']) {
    test(`${format}: the file written a megabyte at a time holds what stdout gets, every record in it`, async () => {
      const result = await runCli(['report', '-f', format, '-o', `out/streamed.${format}`, '-f', format], { cwd: cwd() });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(readFileSync(join(cwd(), `out/streamed.${format}`), 'utf8'), result.stdout);
      assert.match(result.stdout, /team\/ai-governance\.yaml/);
      assert.ok(result.stdout.endsWith('\n'));
    });
  }

  test('-f/-o repeatable; xlsx needs a file; xlsx read back: checklist, summary, 別添7 B', async () => {
    const result = await runCli(['report', 'ai-governance.yaml', '-f', 'xlsx', '-o', 'out/r.xlsx', '-f', 'md', '-o', 'out/r.md'], { cwd: cwd() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(join(cwd(), 'out/r.md'), 'utf8'), /^# AIガバナンス報告書/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd(), 'out/r.xlsx'));
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['チェックリスト', '概要', '別添7 B'],
    );
    const sheet = workbook.getWorksheet('チェックリスト')!;
    assert.equal(sheet.getCell('B1').value, 'ai-governance.yaml');
    assert.equal(sheet.getCell('B2').value, sha(REPORT_RECORD));
    assert.deepEqual((sheet.getRow(4).values as unknown[]).slice(1), ['ID', '項目', '本文', '区分', '状態 (status)', '担当 (owner)', '証跡 (evidence)', '確認日 (reviewed)', '理由 (justification)', '備考 (note)', '指摘']);
    const view = sheet.views[0] as { state: string; ySplit?: number };
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, 4);
    // Printed on A4 landscape, one page wide, the header row on every page (a streamed sheet writes these first).
    assert.equal(sheet.pageSetup.paperSize, 9);
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.fitToPage, true);
    assert.equal(sheet.pageSetup.printTitlesRow, '4:4');
    assert.ok(sheet.autoFilter, 'filters on the header');
    const ids: string[] = [];
    for (let r = 5; r <= sheet.rowCount; r++) ids.push(String(sheet.getCell(r, 1).value));
    const json = JSON.parse((await runCli(['report', 'ai-governance.yaml', '-f', 'json'], { cwd: cwd() })).stdout) as ReportDocument;
    assert.deepEqual(ids, json.records[0].items.map((i) => i.id), 'a row per applicable item, missing ones included');
    assert.ok(ids.includes('D-2 i'));
    const d2 = sheet.getRow(5 + ids.indexOf('D-2 i'));
    assert.equal(d2.getCell(5).value, 'missing');
    const validation = sheet.getCell(5, 5).dataValidation;
    assert.equal(validation.type, 'list');
    assert.deepEqual(validation.formulae, ['"implemented,partial,planned,not-applicable,missing"']);
    assert.equal(sheet.getCell(5, 3).alignment?.wrapText, true);
    const h7 = sheet.getRow(5 + ids.indexOf('H-7'));
    assert.equal(h7.getCell(9).value, '画像・音声を生成しないため');
    const advanced = workbook.getWorksheet('別添7 B')!;
    assert.equal(advanced.getCell('A5').value, '①');
    assert.match(String(advanced.getCell('C5').value), /適切な措置を講じているか？/);

    const noFile = await runCli(['report', '-f', 'xlsx'], { cwd: cwd() });
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /xlsx is binary: give it a file with -o/);
    const badFormat = await runCli(['report', '-f', 'pdf'], { cwd: cwd() });
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /format must be one of html, md, xlsx, json/);
  });

  test('a record with syntax errors still gets a report that says which parts could not be read', async () => {
    const broken = workspace({ 'ai-governance.yaml': REPORT_RECORD.replace('    owner: ML基盤チーム', '    owner: [ML基盤チーム') });
    try {
      const result = await runCli(['report', '-f', 'html'], { cwd: broken.root });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /読み取れなかった部分/);
      assert.match(result.stdout, /yaml-syntax/);
      assert.match(result.stdout, /株式会社サンプル/);
    } finally {
      broken.cleanup();
    }
  });

  test('--merge: JSON reports of many repositories into one portfolio, per repository and per principle', async () => {
    const a = await runCli(['report', 'ai-governance.yaml', '-f', 'json', '-o', 'merge/alpha.json'], { cwd: cwd() });
    const b = await runCli(['report', 'team', '-f', 'json', '-o', 'merge/beta.json'], { cwd: cwd() });
    assert.equal(a.code + b.code, 0);
    const html = await runCli(['report', '--merge', 'merge/alpha.json', 'merge/beta.json', '-f', 'html', '-f', 'md', '-o', 'merge/p.html', '-o', 'merge/p.md', '-f', 'xlsx', '-o', 'merge/p.xlsx'], { cwd: cwd() });
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(join(cwd(), 'merge/p.html'), 'utf8');
    assert.match(page, /リポジトリ横断/);
    assert.ok(page.includes('alpha') && page.includes('beta'));
    assert.match(page, /C-1 人間中心/);
    assert.doesNotMatch(page, /<script|\ssrc=/i);
    const md = readFileSync(join(cwd(), 'merge/p.md'), 'utf8');
    assert.match(md, /\| 株式会社サンプル \(alpha\) \|/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd(), 'merge/p.xlsx'));
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['リポジトリ別', '原則別'],
    );
    assert.equal(workbook.getWorksheet('リポジトリ別')!.rowCount, 3);
    // Summed over the repositories.
    const alpha = JSON.parse(readFileSync(join(cwd(), 'merge/alpha.json'), 'utf8')) as ReportDocument;
    const beta = JSON.parse(readFileSync(join(cwd(), 'merge/beta.json'), 'utf8')) as ReportDocument;
    const json = await runCli(['report', '--merge', 'merge/alpha.json', 'merge/beta.json', '-f', 'json'], { cwd: cwd() });
    const portfolio = JSON.parse(json.stdout) as { summary: { required: number } };
    assert.equal(portfolio.summary.required, alpha.records[0].summary.required + beta.records[0].summary.required);

    mkdirSync(join(cwd(), 'merge'), { recursive: true });
    writeFileSync(join(cwd(), 'merge/bad.json'), '{"not": "a report"}');
    const bad = await runCli(['report', '--merge', 'merge/bad.json', '-f', 'md'], { cwd: cwd() });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /merge\/bad\.json is not an ai-governance JSON report/);
  });
});
