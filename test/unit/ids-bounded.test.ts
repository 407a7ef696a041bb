/** The bounded edit distance behind every "did you mean": exact within its bound, early out beyond it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boundedEditDistance, editDistance } from '../../server/src/engine/ids';

/** The textbook full-matrix optimal string alignment distance, as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('C', 'D', '-', '1', '2', ' ', 'i', 'v', 'x', '７', '）'), maxLength: 12 });

test('within its bound the distance is exact, beyond it the answer exceeds the bound', () => {
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, bound) => {
      const exact = reference(a, b);
      assert.equal(editDistance(a, b), exact);
      const bounded = boundedEditDistance(a, b, bound);
      if (exact <= bound) assert.equal(bounded, exact);
      else assert.ok(bounded > bound);
    }),
    { seed: 16, numRuns: 2000 },
  );
});

test('a megabyte-long word is compared in one pass at most', () => {
  const start = performance.now();
  assert.ok(boundedEditDistance('x'.repeat(1_000_000), 'C-1', 3) > 3);
  assert.ok(boundedEditDistance('C-1' + 'x'.repeat(1_000_000), 'C-1' + 'y'.repeat(1_000_000), 2) > 2);
  assert.ok(performance.now() - start < 2000);
});
