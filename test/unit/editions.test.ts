/**
 * The FY2025 wording per edition: every line seed 002 re-quotes is compared with the catalog (the
 * same audit scripts/compare-update.ts prints), every 2026 string is verbatim in seed 002 itself,
 * every `replaces`/`after` anchor names a real 第1.0版 line, and textFor builds each edition's wording.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import catalogJson from '../../schemas/catalog.json';
import { auditUpdate } from '../../scripts/lib/updateRecord';
import { findVerbatim, squash } from '../../scripts/lib/verbatim';
import { loadCatalog, textFor } from '../../server/src/engine/catalog';
import type { Catalog, CatalogItem } from '../../server/src/engine/catalogTypes';
import { editionOf, sectionFor } from '../../server/src/engine/editions';
import { GUIDELINE_SEED, readSeed, seedsSkipReason, UPDATE_SEED } from '../support/seeds';

const catalog = loadCatalog();
const data = catalogJson as unknown as Catalog;
const skip = seedsSkipReason();
const item = (id: string): CatalogItem => {
  const found = catalog.get(id);
  assert.ok(found, id);
  return found;
};
const texts = (lines: Array<{ text: string }>) => lines.map((l) => l.text.trim());

describe('seed 002 against the catalog', { skip }, () => {
  const seed001 = skip ? '' : readSeed(GUIDELINE_SEED);
  const seed002 = skip ? '' : readSeed(UPDATE_SEED);
  let cached: ReturnType<typeof auditUpdate> | undefined;
  const audited = () => (cached ??= auditUpdate(data, seed001, seed002));

  test('every change seed 002 prints inside an item is recorded on that item, rewrites replacing their 第1.0版 line', () => {
    const audit = audited();
    assert.ok(audit.rows.length > 400, `expected hundreds of lines, compared ${audit.rows.length}`);
    assert.deepEqual(audit.missing.map((r) => `${r.line} ${r.context}: ${r.text}`), []);
    assert.deepEqual(audit.notReplacing.map((r) => `${r.line} ${r.context}: ${r.text}`), []);
    assert.deepEqual(audit.misplaced, [], 'every update line sits on the item seed 002 prints it in');
  });

  test('the audit notices a line put on the wrong item (第2部 D\'s lead on H-7)', () => {
    const lead = data.sections[0].updates.find((u) => u.target === 'text')?.text.find((t) => t.includes('以下の11の原則'));
    assert.ok(lead);
    const wrong: Catalog = {
      ...data,
      items: data.items.map((i) => (i.id === 'H-7' ? { ...i, updates: [...i.updates, { edition: '2026', target: 'note', text: [lead], citation: { document: 'x', place: [] } }] } : i)),
    };
    assert.ok(auditUpdate(wrong, seed001, seed002).misplaced.some((m) => m.includes('→ H-7')));
  });

  test('the audit notices a change the catalog lost', () => {
    const u2 = data.items.find((i) => i.id === 'U-2 i');
    assert.ok(u2);
    const stripped: Catalog = {
      ...data,
      items: data.items.map((i) => (i.id === 'U-2 i' ? { ...i, updates: i.updates.filter((u) => !u.text.some((t) => t.includes('想定された仕様に基づき'))) } : i)),
    };
    const audit = auditUpdate(stripped, seed001, seed002);
    assert.ok(audit.missing.some((r) => r.context === 'U-2 i' && r.text.includes('想定された仕様に基づき適切に動作')), 'the new U-2 i bullet is reported missing');
  });

  test('a note seed 002 prints inside a sub-item\'s methods is on the sub-item (C-1-1), not its principle', () => {
    const audit = audited();
    const alignment = audit.rows.filter((r) => r.text.includes('（アライメント）の実施'));
    assert.ok(alignment.length >= 2);
    for (const r of alignment) assert.equal(r.context, 'C-1-1', `line ${r.line}`);
    assert.equal(item('C-1').updates.length, 0);
    assert.equal(item('C-1-1').updates.filter((u) => u.text.some((t) => t.includes('アライメント'))).length, 2, 'one per annex (別添3, 別添4)');
  });

  test('every 2026 string is verbatim in seed 002 itself, not merely somewhere in the seeds', () => {
    const only002 = [{ file: UPDATE_SEED, squashed: squash(seed002) }];
    const failures: string[] = [];
    for (const holder of [...data.items, ...data.sections, ...data.definitions]) {
      for (const u of holder.updates ?? []) {
        for (const t of u.text) if (!findVerbatim(t, only002).ok) failures.push(`${holder.id}: ${t.slice(0, 40)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('every replaced or anchoring line is a 第1.0版 line of its item, verbatim from seed 001', () => {
    const only001 = [{ file: GUIDELINE_SEED, squashed: squash(seed001) }];
    const failures: string[] = [];
    for (const holder of [...data.items, ...data.sections]) {
      const practice = 'practice' in holder ? holder.practice : [];
      const lines = new Set([holder.title, ...holder.text, ...practice.flatMap((p) => [...p.points, ...p.methods])].map((l) => l.trim()));
      for (const u of holder.updates) {
        for (const anchor of [...(u.replaces ?? []), ...(u.after ? [u.after] : []), ...(u.before ? [u.before] : [])]) {
          if (!lines.has(anchor.trim())) failures.push(`${holder.id}: not a line of the item: ${anchor.slice(0, 40)}`);
          if (!findVerbatim(anchor, only001).ok) failures.push(`${holder.id}: not in 第1.0版: ${anchor.slice(0, 40)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('textFor: the wording of an edition', () => {
  test('U-2 i on 2026 gains the bullet on checking the system works as specified, right after the first', () => {
    const w2026 = textFor(item('U-2 i'), '2026');
    const w10 = textFor(item('U-2 i'), '1.0');
    assert.equal(w2026.text.length, w10.text.length + 1);
    assert.match(w2026.text[1].text, /AIシステム・サービスが想定された仕様に基づき適切に動作しているかを確認する/);
    assert.equal(w2026.text[1].from, '2026');
    assert.ok(!texts(w10.text).some((t) => t.includes('想定された仕様')));
    assert.deepEqual(texts(w10.text), item('U-2 i').text.map((t) => t.trim()));
  });

  test('a rewritten bullet replaces its 第1.0版 wording in place (D-2 i: 機密情報 no longer listed)', () => {
    const w = textFor(item('D-2 i'), '2026');
    assert.equal(w.text.length, item('D-2 i').text.length);
    assert.equal(w.text[0].from, '2026');
    assert.ok(!squash(w.text[0].text).includes('第三者の機密情報'));
    assert.equal(w.text[1].from, '1.0', 'the second bullet is not re-quoted by seed 002: 第1.0版 wording');
  });

  test('retitled items and goals: 行動目標 3-1, P-4 i', () => {
    assert.equal(textFor(item('G-3-1'), '2026').title.text, 'ゴール及び乖離の評価、並びに乖離対応の必須化');
    assert.equal(textFor(item('G-3-1'), '1.0').title.text, item('G-3-1').title);
    assert.equal(textFor(item('P-4 i'), '2026').title.text, 'プライバシー保護のための仕組み及び対策の導入');
  });

  test('new methods land where seed 002 prints them (U-2 i log management after 知識・技能の習得)', () => {
    const methods = textFor(item('U-2 i'), '2026').practice[0].methods;
    const at = methods.findIndex((m) => m.text.includes('適正利用のための必要な知識・技能の習得'));
    assert.ok(at >= 0);
    assert.match(methods[at + 1].text, /ログ\(操作履歴、入力・出力の記録等\)の管理体制の整備/);
    assert.equal(methods[at + 1].text.length - methods[at + 1].text.trimStart().length, 2, 'nested like its siblings');
  });

  test('C-1-1 alignment goes into both annex blocks', () => {
    const w = textFor(item('C-1-1'), '2026');
    for (const block of w.practice) assert.ok(block.methods.some((m) => m.from === '2026' && m.text.includes('アライメント')), block.source);
    assert.ok(w.practice[0].methods[0].text.includes('アライメント'), '別添3: printed first');
  });

  test('第2部 D: the Hiroshima all-AI-actors title and lead on 2026; the H items take the principles\' new wording', () => {
    const section = catalog.sectionOf('H-7');
    assert.ok(section);
    assert.equal(sectionFor(section, '2026').title.text, '広島AIプロセス「全てのAI関係者向けの広島プロセス国際指針」');
    assert.equal(sectionFor(section, '1.0').title.text, '高度なAIシステムに関係する事業者に共通の指針');
    assert.ok(sectionFor(section, '2026').text.some((l) => l.text.includes('我々は、安全、安心、信頼できる')));
    assert.match(textFor(item('H-7'), '2026').title.text, /ユーザーがAIが生成したコンテンツを識別/);
  });

  test('1.1 is not among the sources: its wording is 第1.0版, and says so', () => {
    const w = textFor(item('U-2 i'), '1.1');
    assert.equal(w.quotes, '1.0');
    assert.deepEqual(texts(w.text), texts(textFor(item('U-2 i'), '1.0').text));
    assert.equal(w.notes.length, 0);
  });

  test('guideline: values as YAML gives them', () => {
    assert.equal(editionOf('1.0'), '1.0');
    assert.equal(editionOf(1), '1.0');
    assert.equal(editionOf(1.1), '1.1');
    assert.equal(editionOf(2026), '2026');
    assert.equal(editionOf('2025'), undefined);
  });
});
