/** A scan's findings kept compactly (packedFindings.ts): what comes out is what went in, and alike findings share one head. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FindingHeads, packFindings } from '../../server/src/packedFindings';
import { check } from '../support/engine';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'saas-agents', 'ai-governance.yaml'), 'utf8');
// Findings of many kinds: unknown ids with suggestions, a missing item, a system without safeguards, a bad date.
const MIXED = `${EXAMPLE}\n  C-99:\n    status: done\n  D-7) ii.:\n    reviewed: 2026-13-40\n`;

describe('packed findings', () => {
  test("unpacked, a record's findings are what the engine found, as they travel over LSP (JSON)", () => {
    const { diagnostics } = check(MIXED);
    assert.ok(diagnostics.length >= 3, `several findings (${diagnostics.length})`);
    assert.ok(diagnostics.some((d) => Object.keys(d.data).length > 0), 'some carry data');
    const compact = new FindingHeads().compact(packFindings(diagnostics));
    assert.equal(compact.length, diagnostics.length);
    assert.deepEqual(compact.unpack(), JSON.parse(JSON.stringify(diagnostics)));
    assert.notEqual(compact.unpack()[0].range, compact.unpack()[0].range, 'made anew on each read: a reader cannot change what is kept');
  });

  test("records alike share their heads; ranges stay each record's own", () => {
    const heads = new FindingHeads();
    const first = check(MIXED).diagnostics;
    const shifted = check(`# one more line\n${MIXED}`).diagnostics;
    const a = heads.compact(packFindings(first)).unpack();
    const b = heads.compact(packFindings(shifted)).unpack();
    assert.equal(a.length, b.length);
    for (let i = 0; i < a.length; i++) {
      assert.equal(a[i].data, b[i].data, `finding ${i}: one data object for both records`);
      assert.equal(b[i].range.start.line, a[i].range.start.line + 1, `finding ${i}: its own range`);
    }
  });

  test('past its limit the pool starts afresh and still answers right', () => {
    const heads = new FindingHeads(2);
    const { diagnostics } = check(MIXED);
    const again = heads.compact(packFindings(diagnostics)).unpack();
    assert.deepEqual(again, JSON.parse(JSON.stringify(diagnostics)));
  });
});
