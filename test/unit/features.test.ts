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
  test('a hover leads with title, word, what it means for this record and the citation; then the quote', () => {
    for (const id of ['D-7 i', 'H-7', 'C-7-6', 'U-2 i']) {
      const { engine, doc, position } = at(`${HEADER}roles: [developer, business-user]\nadvancedAI: true\nitems:\n  ${id}|:\n    status: planned\n`);
      const md = engine.hover(doc, position, 'ja')?.markdown ?? '';
      const head = md.split('\n\n')[0].split('\n');
      assert.equal(head.length, 3, `${id}: three heading lines\n${md}`);
      assert.match(head[1], /必須（宣言した主体）/, id);
      assert.match(head[2], /^出典: AI事業者ガイドライン/, `${id}: the main citation is on the third line`);
      assert.equal(md.match(/^出典: AI事業者ガイドライン/gm)?.length, 1, `${id}: the main citation once`);
      const quoteAt = md.indexOf('\n> ');
      assert.ok(quoteAt > md.indexOf('出典'), `${id}: the quote comes after the citation`);
    }
  });
  test('a sentence-long title is shortened in the heading, and the sentence is quoted once', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nadvancedAI: true\nitems:\n  H-7|:\n    status: planned\n`);
    const md = engine.hover(doc, position, 'ja')?.markdown ?? '';
    const title = engine.catalog.wording('H-7', '2026')!.title.text;
    assert.ok(md.split('\n')[0].endsWith('…**\\'), md.split('\n')[0]);
    assert.equal(md.split(title).length - 1, 1, 'the full title sentence appears once, in the quote');
    assert.ok(!md.includes('以下の11の原則は'), 'the section preamble of the FY2025 update is not shown in the hover');
    assert.match(md, /\[全文を表示\]\(command:aiGovernance\.showItemText/);
  });
  test('the annex is cut to a few lines behind "show the full text"; the full text has everything', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-7 i|:\n    status: planned\n`);
    const md = engine.hover(doc, position, 'ja')?.markdown ?? '';
    const item = engine.catalog.get('D-7 i')!;
    const annexLines = md.split('\n').filter((l) => /^\s*- /.test(l) && l.trim() !== '- …');
    assert.ok(annexLines.length <= 3, `at most three annex lines, saw ${annexLines.length}`);
    const full = engine.itemText('D-7 i', 'ja') ?? '';
    const allLines = item.practice.flatMap((p) => [...p.points, ...p.methods]).length;
    assert.equal(full.split('\n').filter((l) => /^\s*- /.test(l)).length, allLines);
    assert.ok(full.includes('以下') || full.length > md.length);
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
  test('on a missing-safeguard finding (the safeguards key, or the agent / physical kind): each missing consideration quoted verbatim, with its source', () => {
    const catalog = loadCatalog();
    const cases: Array<[string, string[]]> = [
      [`${HEADER}roles: [provider]\nsystems:\n  - id: bot\n    kinds: [agent]\n    safe|guards: [human-oversight, log-review]\n`, ['least-privilege', 'tool-allowlist', 'data-minimisation']],
      [`${HEADER}roles: [provider]\nsystems:\n  - id: other\n    kinds: [agent]\n    safeguards: [least-privilege]\n  - id: robot\n    kinds: [generative, physi|cal]\n`, ['human-oversight', 'least-privilege', 'tool-allowlist', 'data-minimisation', 'log-review', 'hardware-data-erasure']],
    ];
    for (const [textWithCaret, missing] of cases) {
      const { engine, doc, position } = at(textWithCaret);
      const findings = doc.diagnostics.filter((d) => d.code === 'missing-safeguard' && d.range.start.line === position.line);
      assert.deepEqual(findings.map((d) => d.data.safeguard).sort(), [...missing].sort(), 'the caret is on the findings');
      for (const language of ['ja', 'en'] as const) {
        const md = (engine.hover(doc, position, language)?.markdown ?? '').replace(/\\/g, '');
        for (const id of ['human-oversight', 'least-privilege', 'tool-allowlist', 'data-minimisation', 'log-review', 'hardware-data-erasure']) {
          const safeguard = catalog.safeguard(id)!;
          const shown = safeguard.text.every((line) => md.includes(`> ${line}`));
          assert.equal(shown, missing.includes(id), `${language}: ${id} quoted only when missing`);
        }
        assert.match(md, /出典: 令和7年度更新内容（2026年3月12日）/);
      }
    }
    const { engine, doc, position } = at(`${HEADER}systems:\n  - id: a\n    kinds: [agent]\n    safeguards: [human-oversight, least-privilege, tool-allowlist, data-minimisation, log-revi|ew]\n`);
    assert.doesNotMatch(engine.hover(doc, position, 'ja')?.markdown ?? '', /記載のない対策/, 'a listed safeguard: its own text only');
    const complete = at(`${HEADER}systems:\n  - id: a\n    kinds: [ag|ent]\n    safeguards: [human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review]\n`);
    assert.doesNotMatch(complete.engine.hover(complete.doc, complete.position, 'ja')?.markdown ?? '', /記載のない対策/, 'nothing missing: the definition only');
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
    assert.ok(entry.snippet);
    assert.ok(entry.insertText.startsWith('D-7 ii: # 開発関連情報の文書化\n'), entry.insertText);
  });
  test('accepting an id writes the entry the quick fix writes, with tab stops for status, owner and evidence', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  |\n`);
    const entry = engine.complete(doc, position, 'ja').find((c) => c.label === 'D-7 ii')!;
    const tabStops = [...entry.insertText.matchAll(/\$\{(\d)/g)].map((m) => m[1]);
    assert.deepEqual(tabStops, ['1', '2', '3']);
    // Snippet placeholders filled with their defaults, each line indented like the key: the quick fix's text.
    const expanded = entry.insertText
      .replace(/\$\{1\|([^,|]+)[^}]*\}/, '$1')
      .replace(/\$\{\d\}/g, '')
      .replace('$0', '')
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    const fix = engine.fixes(doc, doc.diagnostics.filter((d) => d.code === 'missing-required-item' && d.data.itemId === 'D-7 ii')).find((f) => f.isPreferred)!;
    const inserted = fix.edits.map((e) => e.newText).join('');
    assert.equal(`${expanded}\n`, inserted);
  });
  test('rows carry the short title and are ranked: required items first, sub-items of a recorded principle last', () => {
    const { engine, doc, position } = at(`${HEADER}roles: [developer]\nitems:\n  C-1:\n    status: planned\n  |\n`);
    const entries = engine.complete(doc, position, 'ja').sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const ids = entries.map((e) => e.label);
    assert.equal(entries.find((e) => e.label === 'D-7 ii')?.labelDetail, '開発関連情報の文書化');
    assert.ok(ids.indexOf('D-7 ii') < ids.indexOf('D-10 i'), 'required before expected');
    assert.ok(ids.indexOf('D-10 i') < ids.indexOf('G-1-1'), 'expected before recommended');
    assert.ok(ids.indexOf('G-1-1') < ids.indexOf('C-2-1'), 'recommended before sub-items');
    assert.ok(ids.indexOf('C-2-1') < ids.indexOf('C-1-1'), "sub-items of a recorded principle last");
    assert.ok(ids.slice(0, 5).every((id) => /^(C-\d+|D-)/.test(id) && !/^C-\d+-\d+/.test(id)), ids.slice(0, 5).join(' '));
  });
  test('whole-record snippets only at the top of a new record, never inside an item or after status:', () => {
    const labelsAt = (text: string) => {
      const { engine, doc, position } = at(text);
      return engine.complete(doc, position, 'ja').map((c) => c.label);
    };
    assert.ok(labelsAt('|').includes('ai-governance-developer'), 'empty document');
    assert.ok(labelsAt('# 新しい記録\n|').includes('ai-governance-provider'), 'top level of a new record');
    assert.ok(!labelsAt(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    |\n`).some((l) => l.startsWith('ai-governance-')), 'inside an item');
    assert.ok(!labelsAt(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: |\n`).some((l) => l.startsWith('ai-governance-')), 'after status:');
    assert.ok(!labelsAt(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: planned\n|\n`).some((l) => l.startsWith('ai-governance-')), 'top level of a record');
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
