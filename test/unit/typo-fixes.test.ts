/**
 * The typo trap (a record lacking D-7 ii with "D-7 iii" holding real data) and the order of the
 * quick-fix menu: the rename that keeps the data comes first on both diagnostics; after an empty
 * D-7 ii was added, the misspelt entry merges into it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { EngineDiagnostic, Fix } from '../../server/src/engine/types';
import { HEADER, RECORD, WORKSPACE, applyEdits, makeEngine } from '../support/engine';

const catalog = loadCatalog();
const files = ['docs/dev-record.md'];

/** Every required developer item but D-7 ii, which is written "D-7 iii" with data and comments. */
function typoRecord(): string {
  const entries = catalog.items
    .filter((i) => catalog.requirement(i, ['developer'], false) !== 'not-applicable' && i.kind !== 'goal' && i.id !== 'D-7 ii')
    .map((i) => `  ${i.id}:\n    status: implemented\n    owner: 開発部\n`);
  const typo = '  D-7 iii:   # 開発記録（打ち間違い）\n    status: implemented\n    owner: ML基盤チーム   # 担当\n    evidence:\n      - docs/dev-record.md\n    reviewed: 2026-10-01\n';
  return `${HEADER}roles: [developer]\nitems:\n${entries.join('')}${typo}`;
}

function checked(text: string) {
  const engine = makeEngine(files);
  const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE });
  return { engine, doc };
}

function fixesOn(text: string, pick: (d: EngineDiagnostic) => boolean): Fix[] {
  const { engine, doc } = checked(text);
  const asked = doc.diagnostics.filter(pick);
  assert.ok(asked.length > 0, 'the diagnostic is there');
  return engine.fixes(doc, asked);
}

const missingD7ii = (d: EngineDiagnostic) => d.code === 'missing-required-item' && d.data.itemId === 'D-7 ii';
const unknownD7iii = (d: EngineDiagnostic) => d.code === 'unknown-item' && d.data.itemKey === 'D-7 iii';

function assertDataKept(out: string): void {
  assert.match(out, /^ {2}D-7 ii: {3}# 開発記録（打ち間違い）$/m);
  for (const kept of ['owner: ML基盤チーム   # 担当', '- docs/dev-record.md', 'reviewed: 2026-10-01']) assert.ok(out.includes(kept), kept);
  assert.ok(!out.includes('D-7 iii'));
  const codes = checked(out).doc.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, [], `no finding left:\n${codes.join(', ')}`);
}

describe('typo-aware fixes', () => {
  test('on the missing D-7 ii, the preferred and first fix renames "D-7 iii", keeping its data; adding an empty entry is second', () => {
    const text = typoRecord();
    const fixes = fixesOn(text, missingD7ii);
    assert.equal(fixes[0].id, 'rename-misspelt');
    assert.ok(fixes[0].isPreferred);
    assert.match(fixes[0].title, /「D-7 iii」を D-7 ii/);
    assert.equal(fixes[1].id, 'add-item');
    assert.ok(!fixes[1].isPreferred, 'adding is not preferred when a rename is there');
    assertDataKept(applyEdits(text, fixes[0].edits));
  });

  test('on the unknown "D-7 iii", the preferred fix is the same rename to the missing item', () => {
    const text = typoRecord();
    const fixes = fixesOn(text, unknownD7iii);
    assert.equal(fixes[0].id, 'did-you-mean');
    assert.match(fixes[0].title, /^D-7 ii（/);
    assert.ok(fixes[0].isPreferred);
    assert.equal(fixes.filter((f) => f.isPreferred).length, 1);
    assertDataKept(applyEdits(text, fixes[0].edits));
  });

  test('after the empty D-7 ii was added, the misspelt entry merges into it instead of nothing', () => {
    const text = typoRecord();
    const add = fixesOn(text, missingD7ii).find((f) => f.id === 'add-item')!;
    const withEmpty = applyEdits(text, add.edits);
    const fixes = fixesOn(withEmpty, unknownD7iii);
    const merge = fixes.find((f) => f.id === 'merge-misspelt');
    assert.ok(merge, `merge offered among ${fixes.map((f) => f.id).join(', ')}`);
    assert.ok(merge.isPreferred);
    assert.equal(fixes[0], merge);
    const out = applyEdits(withEmpty, merge.edits);
    assert.equal(out.match(/^ {2}D-7 ii:/gm)?.length, 1, 'one D-7 ii');
    assertDataKept(out);
  });

  test('an entry the user already filled in is never merged away', () => {
    const text = typoRecord();
    const add = fixesOn(text, missingD7ii).find((f) => f.id === 'add-item')!;
    const filled = applyEdits(text, add.edits).replace(/(D-7 ii: # [^\n]+\n {4}status: planned\n {4}owner: )""/, '$1品質保証部');
    assert.ok(filled.includes('owner: 品質保証部'), 'the test filled the owner in');
    assert.ok(!fixesOn(filled, unknownD7iii).some((f) => f.id === 'merge-misspelt'));
    const commented = applyEdits(text, add.edits).replace(/(D-7 ii: # [^\n]+\n)/, '$1    # 監査で確認済み\n');
    assert.ok(!fixesOn(commented, unknownD7iii).some((f) => f.id === 'merge-misspelt'), 'a comment of the user is not lost');
  });
});

describe('the order of the quick-fix menu', () => {
  test('own fixes (required before expected), then "add all", then disable, then documentation', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: implemented\n    owner: 開発部\n`;
    const { engine, doc } = checked(text);
    const onItems = doc.diagnostics.filter((d) => d.range.start.line === doc.diagnostics.find(missingD7ii)!.range.start.line);
    const fixes = engine.fixes(doc, onItems);
    const ids = fixes.map((f) => f.id);
    const last = (id: string) => ids.lastIndexOf(id);
    const first = (id: string) => ids.indexOf(id);
    assert.ok(last('add-not-applicable') < first('add-all'), ids.join(' '));
    assert.ok(last('add-all') < first('disable-line'), ids.join(' '));
    assert.ok(last('disable-line') < first('show-rule-documentation'), ids.join(' '));
    const adds = fixes.filter((f) => f.id === 'add-item').map((f) => f.diagnostics[0]);
    const expectedAt = adds.findIndex((d) => d.code === 'missing-expected-item');
    const requiredAfter = adds.map((d) => d.code).lastIndexOf('missing-required-item');
    assert.ok(expectedAt === -1 || expectedAt > requiredAfter, 'required items first');
    assert.ok(adds.some((d) => d.code === 'missing-expected-item'), 'the record misses expected items too (D-10 i, C-8 …)');
  });
});
