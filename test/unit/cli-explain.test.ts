/** `ai-governance explain <id>`: the guideline's own words on the terminal, expected values read from the catalog. */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import { createEngine } from '../../server/src/engine';
import { GuidelineCatalog, loadCatalog } from '../../server/src/engine/catalog';
import type { CatalogItem, EditionId } from '../../server/src/engine/catalogTypes';
import { textFor } from '../../server/src/engine/editions';
import { explainItem } from '../../server/src/cli/explain';
import { NO_COLOURS } from '../../server/src/cli/io';
import { citationLine, sourceLine } from '../../server/src/engine/citation';
import { runCli } from '../support/cli';

const catalog = loadCatalog();
const cwd = tmpdir();
const explain = (args: string[], env: Record<string, string> = {}) => runCli(['explain', ...args], { cwd, env });

/** Everything quoted from the guideline for an item in an edition, each line as the catalog holds it (indent aside). */
function quotedLines(item: CatalogItem, edition: EditionId): string[] {
  const w = textFor(item, edition);
  return [
    w.title.text,
    ...w.text.map((l) => l.text),
    ...w.practice.flatMap((p) => [p.source, ...p.points.map((l) => l.text), ...p.methods.map((l) => l.text)]),
    ...w.notes.flatMap((u) => [...u.text, sourceLine(u.citation)]),
    ...w.applied.map((u) => sourceLine(u.citation)),
    citationLine(item),
  ].map((line) => line.trim());
}

function assertQuotes(output: string, item: CatalogItem, edition: EditionId = '2026'): void {
  for (const line of quotedLines(item, edition)) assert.ok(output.includes(line), `${item.id} (${edition}): missing verbatim line «${line}»`);
}

describe('explain', () => {
  test('D-7 ii (and its alias "D-7) ii."): title, verbatim text, practice points, FY2025 notes and citation', async () => {
    const item = catalog.get('D-7 ii');
    assert.ok(item, 'the catalog has D-7 ii (開発関連情報の文書化)');
    for (const id of ['D-7 ii', 'D-7) ii.']) {
      const result = await explain([id, '--lang', 'ja']);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.startsWith(`D-7 ii　${item.title}\n`));
      assertQuotes(result.stdout, item);
    }
  });

  test('every item of the catalog is shown with all of its quoted text', async () => {
    assert.ok(catalog.items.length > 0);
    for (const item of catalog.items) {
      const result = await explain([item.id, '--lang', 'ja']);
      assert.equal(result.code, 0, `${item.id}: ${result.stderr}`);
      assertQuotes(result.stdout, item);
    }
  });

  test('--edition 1.0 quotes 第1.0版 and names what the update would change; 2026 marks the new wording', async () => {
    const item = catalog.get('U-2 i');
    assert.ok(item);
    const old = await explain(['U-2 i', '--edition', '1.0', '--lang', 'ja']);
    assert.equal(old.code, 0, old.stderr);
    assertQuotes(old.stdout, item, '1.0');
    assert.ok(!old.stdout.includes('想定された仕様に基づき'));
    assert.match(old.stdout, /版: "1\.0"（第1\.0版）の文言。令和7年度更新で\d+箇所変わります/);
    const latest = await explain(['U-2 i', '--lang', 'ja']);
    assert.match(latest.stdout, /想定された仕様に基づき適切に動作しているかを確認する.*［令和7年度更新］/);
    const v11 = await explain(['U-2 i', '--edition', '1.1', '--lang', 'en']);
    assert.match(v11.stdout, /the sources do not include 第1\.1版, so 第1\.0版 is quoted/);
    assert.equal((await explain(['U-2 i', '--edition', '2027'])).code, 2);
  });

  test('a principle lists its sub-items', async () => {
    const principle = catalog.items.find((i) => i.kind === 'common' && catalog.children(i.id).length > 0);
    assert.ok(principle);
    const { stdout } = await explain([principle.id]);
    for (const child of catalog.children(principle.id)) assert.ok(stdout.includes(`${child.id}　${child.title}`), child.id);
  });

  test('aliases are accepted, quoted or as separate words, and the canonical form is named', async () => {
    const item = catalog.get('C-7-6');
    assert.ok(item);
    for (const args of [['C-7 ⑥'], ['C-7', '⑥'], ['c-7-6']]) {
      const result = await explain([...args, '--lang', 'ja']);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.startsWith(`C-7-6　${item.title}\n`), args.join(' '));
    }
    assert.match((await explain(['C-7 ⑥', '--lang', 'ja'])).stdout, /「C-7 ⑥」の正規形は C-7-6 です/);
  });

  test('--lang en: English labels, the quotes stay Japanese; without it the locale decides', async () => {
    const item = catalog.get('C-7');
    assert.ok(item);
    const en = await explain(['C-7', '--lang', 'en']);
    assert.match(en.stdout, /Applies to: AI Developer/);
    assert.match(en.stdout, new RegExp(`${item.titleEn} \\(unofficial translation\\)`));
    assertQuotes(en.stdout, item);
    assert.doesNotMatch(en.stdout, /対象:/);
    assert.match((await explain(['C-7'], { LANG: 'ja_JP.UTF-8' })).stdout, /対象: AI開発者/);
  });

  test('an unknown id exits 2 with the engine’s did-you-mean suggestions', async () => {
    const raw = 'C-7-9';
    const resolution = createEngine({ fs: { exists: () => false } }).resolveId(raw);
    assert.equal(resolution.status, 'unknown');
    assert.ok(resolution.status === 'unknown' && resolution.suggestions.length > 0, 'the engine suggests something for C-7-9');
    const result = await explain([raw, '--lang', 'en']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /the guideline has no item "C-7-9"\. Did you mean /);
    for (const id of resolution.suggestions) assert.ok(result.stderr.includes(id), id);
  });

  test('annex blocks, nested lines and FY2025 notes are laid out as lists (synthetic item)', () => {
    const base = catalog.items[0];
    const item: CatalogItem = {
      ...base,
      id: 'X-1 i',
      text: ['本文の一行目', '  入れ子の行'],
      practice: [{ source: '別添X', points: ['ポイント1', '  ポイント1の詳細'], methods: ['手法A'] }],
      updates: [{ edition: '2026', target: 'note', text: ['更新の文'], citation: { document: '令和7年度更新内容', place: ['X'] } }],
    };
    const synthetic = new GuidelineCatalog({ ...catalog.data, items: [item] });
    const lines = explainItem(item, synthetic, 'ja', NO_COLOURS).split('\n');
    const after = (heading: string) => lines.slice(lines.indexOf(heading) + 1);
    assert.deepEqual(after('本文').slice(0, 2), ['  本文の一行目', '  ・入れ子の行']);
    assert.deepEqual(after('別添 — 別添X').slice(0, 5), ['  ポイント', '    - ポイント1', '      - ポイント1の詳細', '  具体的な手法', '    - 手法A']);
    assert.deepEqual(after('令和7年度更新（脚注・参考文献等）').slice(0, 2), ['  更新の文', '  出典: 令和7年度更新内容 X']);
  });

  test('no id is a usage error', async () => {
    const result = await explain([]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /missing required argument 'id'/);
  });
});
