/** Quick fixes: every edit leaves valid YAML, keeps every comment, and makes its finding go away. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from '../../server/src/engine/parse';
import type { Fix, RuleCode } from '../../server/src/engine/types';
import { HEADER, RECORD, WORKSPACE, applyEdits, makeEngine } from '../support/engine';

function fixesFor(text: string, code: RuleCode, files: string[] = []) {
  const engine = makeEngine(files);
  const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE });
  const diagnostics = doc.diagnostics.filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} finding`);
  return { engine, doc, fixes: engine.fixes(doc, diagnostics) };
}

function apply(text: string, fix: Fix): string {
  const out = applyEdits(text, fix.edits);
  assert.equal(parseDocument(out).problems.length, 0, `valid YAML after "${fix.title}":\n${out}`);
  for (const line of text.split('\n').filter((l) => l.includes('#'))) {
    assert.ok(out.includes(line.slice(line.indexOf('#'))), `comment kept: ${line}`);
  }
  return out;
}

/** The fix with this stable id (and, when given, about this item); never matched by its localised title. */
function byId(fixes: Fix[], id: string, itemId?: string): Fix {
  const found = fixes.filter((f) => f.id === id && (itemId === undefined || f.diagnostics.some((d) => d.data.itemId === itemId)));
  assert.equal(found.length, 1, `one ${id}${itemId ? ` for ${itemId}` : ''} among: ${fixes.map((f) => `${f.id}:${f.diagnostics[0]?.data.itemId ?? ''}`).join(' | ')}`);
  return found[0];
}

function codesAfter(text: string, files: string[] = []): RuleCode[] {
  return makeEngine(files).check({ path: RECORD, text, workspaceRoot: WORKSPACE }).diagnostics.map((d) => d.code);
}

const developer = `${HEADER}roles: [developer] # 開発のみ
items:
  # 方針は社内規程 AI-01 による
  C-1: # 人間中心
    status: implemented
    owner: ガバナンス室 # 兼務
  D-2 i:
    status: planned

  # 学習データ
  D-3 i:
    status: planned
`;

describe('add a missing item', () => {
  test('D-7 ii goes in guideline order with placeholders, comments kept, and the warning goes away', () => {
    const { fixes } = fixesFor(developer, 'missing-required-item');
    const fix = byId(fixes, 'add-item', 'D-7 ii');
    assert.equal(fix.isPreferred, true);
    const out = apply(developer, fix);
    assert.match(out, /  D-7 ii: # 開発関連情報の文書化\n    status: planned\n/);
    assert.ok(out.indexOf('D-3 i:') < out.indexOf('D-7 ii:'), 'after D-3 i');
    const remaining = makeEngine().check({ path: RECORD, text: out, workspaceRoot: WORKSPACE }).diagnostics;
    assert.ok(!remaining.some((d) => d.data.itemId === 'D-7 ii'), 'no finding about D-7 ii left');
  });

  test('or as not applicable, which then asks for the justification', () => {
    const { fixes } = fixesFor(developer, 'missing-required-item');
    const fix = byId(fixes, 'add-not-applicable', 'D-7 ii');
    assert.notEqual(fix.isPreferred, true);
    const out = apply(developer, fix);
    assert.match(out, /  D-7 ii: # 開発関連情報の文書化\n    status: not-applicable\n    justification: ""\n/);
    const remaining = makeEngine().check({ path: RECORD, text: out, workspaceRoot: WORKSPACE }).diagnostics.filter((d) => d.data.itemId === 'D-7 ii');
    assert.deepEqual(remaining.map((d) => d.code), ['missing-justification']);
  });

  test('one "disable for this line" per code, however many findings share the line', () => {
    const { fixes } = fixesFor(developer, 'missing-required-item');
    const disables = fixes.filter((f) => f.id === 'disable-line');
    assert.equal(disables.length, 1);
    assert.equal(disables[0].title, 'この行の missing-required-item を無効化');
  });

  test('show the guideline text of the item and the documentation of the rule, once each', () => {
    const { engine, doc, fixes } = fixesFor(developer, 'missing-required-item');
    const shows = (list: typeof fixes) => list.filter((f) => f.show).map((f) => (f.show?.what === 'item-text' ? f.show.id : f.show?.code));
    assert.ok(fixes.filter((f) => f.show).every((f) => f.edits.length === 0));
    // Asked about every missing item at once (they share the items: line): the rule's documentation only.
    assert.deepEqual(shows(fixes), ['missing-required-item']);
    const d72 = doc.diagnostics.filter((d) => d.data.itemId === 'D-7 ii');
    assert.deepEqual(shows(engine.fixes(doc, [...d72, ...d72])), ['D-7 ii', 'missing-required-item']);
  });

  test('an item that sorts before existing ones goes above their comments', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  # データ\n  D-3 i:\n    status: planned\n`;
    const { fixes } = fixesFor(text, 'missing-required-item');
    const out = apply(text, byId(fixes, 'add-item', 'D-2 i'));
    assert.ok(out.indexOf('D-2 i:') < out.indexOf('# データ'), out);
  });

  test('add all missing required items at once', () => {
    const { fixes } = fixesFor(developer, 'missing-required-item');
    const all = fixes.filter((f) => f.id === 'add-all');
    assert.equal(all.length, 1, 'offered once, however many findings the light bulb asks about');
    const out = apply(developer, all[0]);
    assert.ok(!codesAfter(out).includes('missing-required-item'), 'nothing required is missing');
  });

  test('each single add or not-applicable fix, proved safe together with the others, is valid alone', () => {
    const { fixes } = fixesFor(developer, 'missing-required-item');
    const singles = fixes.filter((f) => f.id === 'add-item' || f.id === 'add-not-applicable');
    assert.ok(singles.length > 10, `${singles.length} single fixes`);
    for (const fix of singles) apply(developer, fix);
  });

  test('an edit that would break the YAML is not offered', () => {
    // Canonicalising the alias would write D-7 ii a second time into the same mapping.
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n  D-7) ii.:\n    status: planned\n`;
    const { fixes } = fixesFor(text, 'non-canonical-id');
    assert.deepEqual(fixes.filter((f) => f.id === 'canonical-id' || f.id === 'canonical-id-all'), []);
    assert.ok(fixes.some((f) => f.id === 'disable-line'), 'the other fixes are still offered');
  });

  test('into an empty items: {} / items: with no value / no items at all', () => {
    for (const tail of ['items: {}\n', 'items:\n', 'items: # 未記入\n', '']) {
      const text = `${HEADER}roles: [developer]\n${tail}`;
      const { fixes } = fixesFor(text, 'missing-required-item');
      const out = apply(text, byId(fixes, 'add-item', 'D-7 ii'));
      assert.match(out, /D-7 ii:/);
    }
  });

  test('CRLF files get CRLF lines', () => {
    const text = developer.replace(/\n/g, '\r\n');
    const { fixes } = fixesFor(text, 'missing-required-item');
    const out = applyEdits(text, byId(fixes, 'add-item', 'D-7 ii').edits);
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  });
});

describe('canonicalise ids', () => {
  const text = `${HEADER}roles: [developer]\nitems:\n  D-7) ii.: # 文書化\n    status: planned\n  "D-2）i.":\n    status: planned\n`;
  test('one id, keeping the quoting style', () => {
    const { fixes } = fixesFor(text, 'non-canonical-id');
    const out = apply(text, byId(fixes, 'canonical-id', 'D-2 i'));
    assert.match(out, /"D-2 i":/);
    assert.ok(fixes.some((f) => f.id === 'canonical-id-all'), 'and fix all ids of the file');
  });
  test('source.fixAll rewrites every alias', () => {
    const engine = makeEngine();
    const fix = engine.fixAll(engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE }));
    assert.ok(fix);
    assert.equal(fix.kind, 'source.fixAll');
    const out = apply(text, fix);
    assert.ok(!codesAfter(out).includes('non-canonical-id'));
  });
});

describe('did you mean', () => {
  test('offers the suggestions of an unknown id', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 iii:\n    status: planned\n`;
    const { fixes } = fixesFor(text, 'unknown-item');
    const suggestions = fixes.filter((f) => f.id === 'did-you-mean');
    assert.ok(suggestions.length > 1, 'ranked suggestions');
    const out = apply(text, suggestions[0]);
    assert.match(out, /^ {2}D-7 ii:$/m);
  });
});

describe('documentation skeleton', () => {
  const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n    owner: ML基盤チーム # 主担当\n`;
  test('creates a Markdown file quoting the item and links it in evidence', () => {
    const { fixes } = fixesFor(text, 'documentation-without-evidence');
    const fix = byId(fixes, 'create-skeleton');
    assert.ok(fix.createFile);
    assert.equal(fix.createFile!.path, `${WORKSPACE}/ai-governance-docs/D-7-ii.md`);
    assert.match(fix.createFile!.content, /^# D-7 ii 開発関連情報の文書化/);
    assert.match(fix.createFile!.content, /出典: AI事業者ガイドライン（第1\.0版）/);
    assert.match(fix.createFile!.content, /^## /m);
    const out = apply(text, fix);
    assert.match(out, /evidence: \[ai-governance-docs\/D-7-ii\.md\]/);
    assert.ok(!codesAfter(out, ['ai-governance-docs/D-7-ii.md']).includes('documentation-without-evidence'));
  });
  test('appends to an existing block evidence list', () => {
    // A block list holding only an empty placeholder: no evidence yet, so the finding and its fix.
    const withList = text.replace('    owner', '    evidence:\n      - ""\n    owner');
    const fix = byId(fixesFor(withList, 'documentation-without-evidence').fixes, 'create-skeleton');
    const out = apply(withList, fix);
    assert.equal(
      out,
      `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n    evidence:\n      - ""\n      - ai-governance-docs/D-7-ii.md\n    owner: ML基盤チーム # 主担当\n`,
    );
  });
  test('links an existing skeleton instead of creating it', () => {
    const { fixes } = fixesFor(text, 'documentation-without-evidence', ['ai-governance-docs/D-7-ii.md']);
    const fix = byId(fixes, 'link-existing');
    assert.ok(!fix.createFile && fix.isPreferred);
    assert.deepEqual(fixes.filter((f) => f.id === 'create-skeleton'), []);
  });
});

describe('field fixes', () => {
  test('add justification / owner, set reviewed to today', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-2 i: {status: not-applicable}\n  D-3 i:\n    status: implemented\n  D-5 i:\n    status: planned\n    reviewed: 2020-01-01 # 前回\n`;
    const j = byId(fixesFor(text, 'missing-justification').fixes, 'add-justification');
    assert.match(apply(text, j), /\{status: not-applicable, justification: ""\}/);
    const o = byId(fixesFor(text, 'missing-owner').fixes, 'add-owner');
    assert.match(apply(text, o), /status: implemented\n {4}owner: ""\n/);
    const r = byId(fixesFor(text, 'stale-review').fixes, 'set-reviewed-today');
    assert.match(apply(text, r), /reviewed: 2026-11-22 # 前回/);
  });
  test('disable for this line inserts a comment with the same indentation', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 iii:\n    status: planned\n`;
    const fix = byId(fixesFor(text, 'unknown-item').fixes, 'disable-line');
    const out = apply(text, fix);
    assert.match(out, /\n {2}# ai-governance-disable-next-line unknown-item\n {2}D-7 iii:/);
    assert.ok(!codesAfter(out).includes('unknown-item'));
  });
});
