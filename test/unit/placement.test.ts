/** Where a new item entry goes: beside its siblings in the user's file, else in guideline order. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { applyOffsetEdits, insertItems } from '../../server/src/engine/edits';
import { readRecord } from '../../server/src/engine/record';
import { HEADER } from '../support/engine';

const catalog = loadCatalog();

function insert(text: string, ids: string[]): string {
  return applyOffsetEdits(text, insertItems(readRecord(text, catalog), catalog, ids));
}

/** The item keys of a record, in file order. */
function keys(text: string): string[] {
  return readRecord(text, catalog).items.map((e) => e.rawId);
}

const entry = (id: string) => `  ${id}:\n    status: planned\n`;

describe('placement of a new item', () => {
  test('H-12 goes after the last H item even when the H items stand at the end of the file', () => {
    const hs = Array.from({ length: 11 }, (_, i) => `H-${i + 1}`);
    const text = `${HEADER}roles: [developer]\nadvancedAI: true\nitems:\n${['C-7', 'D-2 i', ...hs].map(entry).join('')}`;
    assert.deepEqual(keys(insert(text, ['H-12'])), ['C-7', 'D-2 i', ...hs, 'H-12']);
  });

  test('before the first sibling that follows it, in the user file order', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n${['D-7 ii', 'C-1', 'D-2 i', 'D-5 i'].map(entry).join('')}`;
    assert.deepEqual(keys(insert(text, ['D-3 i'])), ['D-7 ii', 'C-1', 'D-2 i', 'D-3 i', 'D-5 i']);
  });

  test('after the last sibling, before the next entry and its comment', () => {
    const text = `${HEADER}roles: [developer, provider]\nitems:\n${entry('D-2 i')}  # 提供者として\n${entry('P-2 i')}`;
    const out = insert(text, ['D-3 i']);
    assert.deepEqual(keys(out), ['D-2 i', 'D-3 i', 'P-2 i']);
    assert.ok(out.includes('  # 提供者として\n  P-2 i:'), 'the comment stays with P-2 i');
  });

  test('without siblings, in guideline order; several ids at once keep guideline order among themselves', () => {
    const text = `${HEADER}roles: [developer, provider]\nitems:\n${['C-1', 'P-2 i'].map(entry).join('')}`;
    assert.deepEqual(keys(insert(text, ['D-3 i', 'D-2 i'])), ['C-1', 'D-2 i', 'D-3 i', 'P-2 i']);
  });

  test('a sub-item goes beside the principles', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n${['D-2 i', 'C-1', 'C-2'].map(entry).join('')}`;
    assert.deepEqual(keys(insert(text, ['C-1-1'])), ['D-2 i', 'C-1', 'C-1-1', 'C-2']);
  });

  test('an x- extension key after the last sibling keeps its place after the new entry', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n${entry('D-2 i')}  x-note: 社内メモ\n`;
    const out = insert(text, ['D-3 i']);
    assert.ok(out.indexOf('D-3 i:') < out.indexOf('x-note'), out);
  });
});
