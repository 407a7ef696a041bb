/** Hover, completion, outline and links, with a caret marking where the user points. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HEADER, RECORD, WORKSPACE, caret, check, makeEngine } from '../support/engine';
import { loadCatalog, shortTitle } from '../../server/src/engine/catalog';

function at(textWithCaret: string) {
  const { text, position } = caret(textWithCaret);
  const engine = makeEngine(['docs/a.md']);
  return { engine, doc: engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE }), position };
}

describe('hover', () => {
  test('an item id shows title, level word, verbatim text and citation', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-7 i|i:\n    status: planned\n`);
    const hover = engine.hover(doc, position, doc.settings.language);
    assert.ok(hover);
    const item = engine.catalog.get('D-7 ii')!;
    assert.match(hover.markdown, /D-7 ii　開発関連情報の文書化/);
    assert.ok(hover.markdown.includes(`**${item.level.word}**`));
    assert.match(hover.markdown, /出典: AI事業者ガイドライン（第1\.0版）本編 第3部「AI開発者に関する事項」/);
    const firstWords = item.text[0].trim().slice(0, 20).replace(/[\\`*_[\]<>#|]/g, '');
    assert.ok(hover.markdown.replace(/\\/g, '').includes(firstWords), 'quotes the text');
  });
  test('an alias shows the canonical item', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-7) i|i.:\n    status: planned\n`);
    const hover = engine.hover(doc, position, doc.settings.language);
    assert.match(hover?.markdown ?? '', /→ 正規形 `D-7 ii`/);
  });
  test('roles, advancedAI, kinds, status and field names', () => {
    const cases: Array<[string, RegExp]> = [
      [`${HEADER}roles: [devel|oper]\n`, /AI開発者[\s\S]*令和7年度更新[\s\S]*事後学習/],
      [`${HEADER}systems:\n  - id: a\n    kinds: [physi|cal]\n`, /フィジカルAIとは/],
      [`${HEADER}systems:\n  - id: a\n    kinds: [generat|ive]\n`, /生成AI/],
      [`${HEADER}advanced|AI: true\n`, /高度/],
      [`${HEADER}systems:\n  - id: a\n    kinds: [ag|ent]\n`, /AIエージェント/],
      [`${HEADER}items:\n  D-2 i:\n    status: planne|d\n`, /計画中/],
      [`${HEADER}items:\n  D-2 i:\n    own|er: x\n`, /担当/],
    ];
    for (const [text, expected] of cases) {
      const { engine, doc, position } = at(text);
      assert.match(engine.hover(doc, position, doc.settings.language)?.markdown ?? '', expected, text);
    }
  });
  test('English labels, Japanese quotes', () => {
    const { text, position } = caret(`${HEADER}roles: [developer]\nitems:\n  D-7 i|i:\n    status: planned\n`);
    const engine = makeEngine();
    const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE }, { language: 'en' });
    const md = engine.hover(doc, position, doc.settings.language)?.markdown ?? '';
    assert.match(md, /unofficial translation/);
    assert.match(md, /開発関連情報の文書化/);
  });
});

describe('completion', () => {
  test('item ids under items: only the declared roles, present ids excluded', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  |\n`);
    const labels = engine.complete(doc, position, doc.settings.language).map((c) => c.label);
    assert.ok(labels.includes('D-7 ii'));
    assert.ok(!labels.includes('D-2 i'), 'present id left out');
    assert.ok(!labels.some((l) => l.startsWith('P-')), 'no provider items');
    assert.ok(!labels.some((l) => l.startsWith('H-')), 'no H items without advancedAI');
  });
  test('replaces what was typed, spaces included', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-7 |\n`);
    const entry = engine.complete(doc, position, doc.settings.language).find((c) => c.label === 'D-7 ii')!;
    assert.equal(entry.range?.start.character, 2);
    assert.equal(entry.insertText, 'D-7 ii:');
  });
  test('status values, roles in a flow list, kinds, safeguards, system ids, evidence paths, fields', () => {
    const cases: Array<[string, string]> = [
      [`${HEADER}items:\n  D-2 i:\n    status: |\n`, 'implemented'],
      [`${HEADER}roles: [developer, |]\n`, 'business-user'],
      [`${HEADER}systems:\n  - id: bot\n    kinds: [|]\n`, 'agent'],
      [`${HEADER}systems:\n  - id: bot\n    safeguards:\n      - |\n`, 'least-privilege'],
      [`${HEADER}systems:\n  - id: bot\nitems:\n  D-2 i:\n    systems: [|]\n`, 'bot'],
      [`${HEADER}items:\n  D-2 i:\n    evidence:\n      - |\n`, 'docs/a.md'],
      [`${HEADER}items:\n  D-2 i:\n    status: planned\n    |\n`, 'owner'],
      [`apiVersion: ai-governance/v1\n|\n`, 'roles'],
    ];
    for (const [text, expected] of cases) {
      const { engine, doc, position } = at(text);
      const labels = engine.complete(doc, position, doc.settings.language, ['docs/a.md']).map((c) => c.label);
      assert.ok(labels.includes(expected), `${expected} in [${labels.join(', ')}] for\n${text}`);
    }
  });
});

describe('outline and links', () => {
  test('items carry their titles; evidence paths become links', () => {
    const { engine, doc } = at(`${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n    evidence: [docs/a.md, https://example.com]|\n`);
    const items = engine.outline(doc).find((s) => s.name === 'items');
    assert.equal(items?.children[0].name, 'D-7 ii 開発関連情報の文書化');
    assert.deepEqual(engine.links(doc).map((l) => l.target), [`${WORKSPACE}/docs/a.md`]);
  });
});

describe('coverage', () => {
  test('counts the required items the record covers, principles through their sub-items too', () => {
    const { engine, doc } = at(`${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n  C-1:\n    status: planned|\n`);
    const result = engine.coverage(doc)!;
    const required = engine.catalog.items.filter((i) => engine.catalog.requirement(i, ['developer'], false) === 'required').length;
    assert.equal(result.required, required);
    assert.equal(result.covered, 2);
    assert.ok(result.missing.includes('D-2 i') && !result.missing.includes('D-7 ii'));
    assert.deepEqual(result.byStatus, { planned: 2 });
  });
});

describe('long titles', () => {
  test('the sentence-long titles of 第2部 D are shortened in messages, fixes and comments', () => {
    const h7 = loadCatalog().get('H-7')!;
    assert.ok(h7.title.length > 60, 'H-7 is titled by its whole sentence');
    const short = shortTitle(h7.title);
    assert.equal(short.length, 30);
    assert.ok(short.endsWith('…') && h7.title.startsWith(short.slice(0, -1)));
    assert.equal(shortTitle('開発関連情報の文書化'), '開発関連情報の文書化');
    const text = `${HEADER}roles: [developer]\nadvancedAI: true\nitems:\n  D-2 i:\n    status: planned\n`;
    const missing = check(text).of('missing-required-item').find((d) => d.data.itemId === 'H-7')!;
    assert.ok(missing.message.includes(short), missing.message);
  });
});
