/** The report data of the engine: one coverage model plus quotes, citations, waivers, reviews, evidence, systems, 別添7 B. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { citationLine } from '../../server/src/engine/citation';
import { checkQuestion } from '../../server/src/engine/report';
import { check, makeEngine, RECORD, WORKSPACE } from '../support/engine';

const catalog = loadCatalog();
const FACTS = { path: 'ai-governance.yaml', sha256: 'a'.repeat(64), commit: 'b'.repeat(40) };

const RECORD_TEXT = [
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
  '  # 開発記録',
  '  D-7 ii:',
  '    status: implemented',
  '    owner: ML基盤チーム',
  '    evidence: [docs/missing.md]',
  '    reviewed: 2024-01-10',
  '    systems: [bot]',
  '  H-7:',
  '    status: not-applicable',
  '    justification: 画像・音声を生成しないため',
  '  H-1:',
  '    status: partial',
  '    owner: 品質保証部',
  '    note: レッドチーム評価を四半期ごとに実施',
  '',
].join('\n');

function report(text = RECORD_TEXT) {
  const engine = makeEngine([]);
  const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE });
  return { engine, doc, report: engine.report(doc, FACTS), coverage: engine.coverage(doc) };
}

describe('report data', () => {
  test('is the coverage model: the same items, states and summary', () => {
    const { report: r, coverage } = report();
    assert.ok(coverage);
    assert.deepEqual(r.summary, coverage.summary);
    assert.deepEqual(
      r.items.map((i) => [i.id, i.state, i.done]),
      coverage.items.map((i) => [i.id, i.state, i.done]),
    );
    assert.equal(r.items.find((i) => i.id === 'D-2 i')?.state, 'missing', 'a missing required item is listed');
  });

  test('quotes each item verbatim from the catalog, with its citation and word', () => {
    const { report: r } = report();
    const row = r.items.find((i) => i.id === 'D-7 ii')!;
    const item = catalog.get('D-7 ii')!;
    assert.deepEqual(row.text, item.text);
    assert.equal(row.citation, citationLine(item));
    assert.match(row.citation, /^出典: AI事業者ガイドライン（第1\.0版）本編 第3部「AI開発者に関する事項」/);
    assert.equal(row.word, item.level.word);
    assert.equal(row.owner, 'ML基盤チーム');
    assert.equal(row.line, 16);
  });

  test('cover facts: organisation, roles, advancedAI, edition, hash and commit as given', () => {
    const { report: r } = report();
    assert.deepEqual(r.cover, {
      organization: { name: '株式会社サンプル', accountable: '最高AI責任者 山田花子', contact: 'ai@example.co.jp' },
      roles: ['developer'],
      advancedAI: true,
      edition: '2026',
    });
    assert.equal(r.sha256, FACTS.sha256);
    assert.equal(r.commit, FACTS.commit);
  });

  test('waivers, stale reviews and broken evidence', () => {
    const { report: r } = report();
    assert.deepEqual(r.waivers, [{ id: 'H-7', title: catalog.get('H-7')!.title, justification: '画像・音声を生成しないため', approvedBy: undefined, until: undefined }]);
    assert.deepEqual(
      r.staleReviews.map((s) => [s.id, s.review]),
      [['D-7 ii', 'stale']],
    );
    assert.deepEqual(
      r.brokenEvidence.map((b) => [b.id, b.paths, b.findings.map((f) => f.code)]),
      [['D-7 ii', ['docs/missing.md'], ['evidence-not-found']]],
    );
  });

  test('systems with kinds, safeguards and the FY2025 safeguards they lack', () => {
    const { report: r } = report();
    assert.equal(r.systems.length, 1);
    const [bot] = r.systems;
    assert.deepEqual(bot.kinds, ['agent']);
    assert.deepEqual(bot.safeguards, ['human-oversight']);
    assert.deepEqual(bot.missingSafeguards, ['least-privilege', 'tool-allowlist', 'data-minimisation', 'log-review']);
    assert.equal(bot.summary.required, 1);
  });

  test('with advancedAI: the 別添7 B questions ①–⑫ quoted from the FY2025 update, with the answers', () => {
    const { report: r } = report();
    assert.ok(r.advancedChecks);
    assert.equal(r.advancedChecks.length, 12);
    assert.deepEqual(
      r.advancedChecks.map((c) => c.number),
      [...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫'],
    );
    const first = r.advancedChecks[0];
    assert.equal(first.question, checkQuestion(catalog.get('H-1')!)!.question);
    assert.match(first.question, /適切な措置を講じているか？$/);
    assert.match(first.citation, /別添7 B チェックリスト（案）/);
    assert.deepEqual([first.state, first.owner, first.answer], ['partial', '品質保証部', 'レッドチーム評価を四半期ごとに実施']);
    assert.equal(r.advancedChecks[6].answer, '画像・音声を生成しないため', 'a waiver answers with its justification');
    assert.equal(r.advancedChecks[1].state, 'missing');
  });

  test('without advancedAI there are no check questions', () => {
    const { report: r } = report(RECORD_TEXT.replace('advancedAI: true', 'advancedAI: false'));
    assert.equal(r.advancedChecks, null);
  });

  test('a record with a syntax error still reports what could be read and says what could not', () => {
    const broken = RECORD_TEXT.replace('    owner: 品質保証部', '    owner: [品質保証部');
    const { report: r } = report(broken);
    assert.equal(r.incomplete, true);
    assert.ok(r.unreadable.length > 0);
    assert.ok(r.unreadable.every((f) => f.code === 'yaml-syntax' && f.line > 0));
    assert.equal(r.cover.organization.name, '株式会社サンプル');
  });

  test('a file that could not be parsed at all: an empty report that says so', () => {
    const { doc } = check('');
    const engine = makeEngine();
    const r = engine.report({ state: 'too-large', input: doc.input, size: 1, settings: doc.settings, diagnostics: [{ code: 'file-too-large', severity: 'error', message: 'too large', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: {} }] }, FACTS);
    assert.equal(r.incomplete, true);
    assert.deepEqual(r.items, []);
    assert.deepEqual(
      r.unreadable.map((f) => f.code),
      ['file-too-large'],
    );
  });

  test('every H item of the catalog has its check question', () => {
    const advanced = catalog.items.filter((i) => i.kind === 'advanced');
    assert.equal(advanced.length, 12);
    for (const item of advanced) assert.ok(checkQuestion(item), item.id);
  });
});
