/** The id normaliser (DESIGN §3): every alias form maps to the canonical id; near misses get ranked suggestions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { canonicalForm, resolveId } from '../../server/src/engine/ids';

const catalog = loadCatalog();

describe('canonical forms', () => {
  const table: Array<[string, string]> = [
    ['D-7 ii', 'D-7 ii'],
    ['D-7) ii.', 'D-7 ii'],
    ['D-7）ii.', 'D-7 ii'],
    ['D-7） ii.', 'D-7 ii'],
    ['D-7-ii', 'D-7 ii'],
    ['d-7 ii', 'D-7 ii'],
    ['D-7 II', 'D-7 ii'],
    ['Ｄ－７　ｉｉ', 'D-7 ii'],
    ['D‐7 ii', 'D-7 ii'],
    ['P-6) i.', 'P-6 i'],
    ['U-7）ii.', 'U-7 ii'],
    ['D-10）i.', 'D-10 i'],
    ['C-7', 'C-7'],
    ['c-7', 'C-7'],
    ['C-7 ⑥', 'C-7-6'],
    ['C-7-6', 'C-7-6'],
    ['C－７－６', 'C-7-6'],
    ['C-10-2', 'C-10-2'],
    ['7)', 'C-7'],
    ['7）', 'C-7'],
    ['7) ⑥', 'C-7-6'],
    ['7）⑥', 'C-7-6'],
    ['II)', 'H-2'],
    ['II）', 'H-2'],
    ['H-II', 'H-2'],
    ['H-12', 'H-12'],
    ['XII)', 'H-12'],
    ['Ⅻ)', 'H-12'],
    ['行動目標3-1-1', 'G-3-1-1'],
    ['行動目標 3-1-1', 'G-3-1-1'],
    ['G-3-1-1', 'G-3-1-1'],
    ['g-6-1', 'G-6-1'],
  ];
  for (const [raw, expected] of table) {
    test(`${raw} → ${expected}`, () => {
      assert.equal(canonicalForm(raw), expected);
      const resolution = resolveId(raw, catalog);
      assert.equal(resolution.status === 'unknown' ? null : resolution.id, expected);
      assert.equal(resolution.status, raw === expected ? 'canonical' : 'alias');
    });
  }

  for (const raw of ['', 'foo', 'D-', 'D-7', 'II', '1', 'X-1', '11)']) {
    test(`"${raw}" is not an id`, () => {
      assert.equal(resolveId(raw, catalog).status, 'unknown');
    });
  }
});

test('every alias the catalog lists resolves to its item', () => {
  const wrong = catalog.items.flatMap((item) =>
    item.aliases.flatMap((alias) => {
      const resolution = resolveId(alias, catalog);
      return resolution.status === 'alias' && resolution.id === item.id ? [] : [`${alias} (${item.id})`];
    }),
  );
  assert.deepEqual(wrong, []);
});

describe('did you mean', () => {
  const table: Array<[string, string[]]> = [
    ['D-7 iii', ['D-7 i', 'D-7 ii']],
    ['P-8 i', ['P-7 i']],
    ['C-7-7', ['C-7-6']],
    ['D-7 ij', ['D-7 ii', 'D-7 i']],
  ];
  for (const [raw, expected] of table) {
    test(`${raw} suggests ${expected.join(', ')}`, () => {
      const resolution = resolveId(raw, catalog);
      assert.equal(resolution.status, 'unknown');
      if (resolution.status !== 'unknown') return;
      for (const id of expected) assert.ok(resolution.suggestions.includes(id), `${id} in ${resolution.suggestions.join(', ')}`);
      assert.ok(resolution.suggestions.indexOf(expected[0]) <= 1, `${expected[0]} ranked first or second: ${resolution.suggestions}`);
    });
  }

  test('a typed title finds its item', () => {
    const resolution = resolveId('開発関連情報の文書化', catalog);
    assert.equal(resolution.status, 'unknown');
    if (resolution.status === 'unknown') assert.equal(resolution.suggestions[0], 'D-7 ii');
  });
});
