/**
 * Three records under the 2 MB limit that took tens of seconds (issue 16 §2): 2 MB of one repeated
 * key, of three spellings of one id, and 67,000 missing evidence paths. Each is built here, checked,
 * its findings counted and placed, and its check, fix-all and code actions timed against a generous
 * bound (the pattern of reliability.test.ts: speed is measured by the bench, a bound only catches a
 * cost that grows with the square of the input again). Beside them, the pieces that made it so.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createEngine, type CheckedDocument, type EngineDiagnostic, type Fix } from '../../server/src/engine';
import { applyOffsetEdits, type OffsetEdit } from '../../server/src/engine/edits';
import { evidenceLocator, locateEvidence } from '../../server/src/engine/evidence';
import { readRecord, entryLookup } from '../../server/src/engine/record';
import { itemIdsRule } from '../../server/src/engine/rules/itemIds';
import { CachedFileSystem } from '../../server/src/workspace';
import { workspace } from '../support/cli';
import { makeEngine } from '../support/engine';

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Generous: on a loaded two-core machine each of these takes a few seconds; a quadratic cost took minutes. */
const BUDGET_S = 60;

const HEAD = 'apiVersion: ai-governance/v1\nguideline: "1.0"\nroles: [developer]\nitems:\n';
/** The line of the first entry under `items:`. */
const FIRST = 4;
const LIMIT = 2 * 1024 * 1024 - 1024;

/** HEAD and then `lines` in turn, as many as fit under the size limit; how many were written. */
function fill(lines: readonly string[]): { text: string; count: number } {
  const parts = [HEAD];
  let size = HEAD.length;
  let count = 0;
  while (size + lines[count % lines.length].length <= LIMIT) {
    const line = lines[count % lines.length];
    parts.push(line);
    size += line.length;
    count++;
  }
  return { text: parts.join(''), count };
}

function timed<T>(what: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  assert.ok(seconds(start) < BUDGET_S, `${what} took ${seconds(start).toFixed(1)} s`);
  return value;
}

const of = (doc: CheckedDocument, code: string) => doc.diagnostics.filter((d) => d.code === code);
const lineOf = (d: EngineDiagnostic) => d.range.start.line;

/** The preferred "disable for this line" of a finding is proved first, so it is always offered. */
function assertDisables(fixes: Fix[], d: EngineDiagnostic): void {
  const disable = fixes.find((f) => f.id === 'disable-line');
  assert.ok(disable, fixes.map((f) => f.id).join(', '));
  assert.equal(disable.edits[0].range.start.line, lineOf(d));
}

describe('records near the size limit check in bounded time (issue 16 §2)', () => {
  test('2 MB of one key written again and again: one yaml-syntax finding per repeat', () => {
    const { text, count } = fill(['  C-1: {status: implemented}\n']);
    assert.ok(count > 70_000 && Buffer.byteLength(text) < 2 * 1024 * 1024);
    const engine = makeEngine();
    const doc = timed('check', () => engine.check({ path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' }));
    const repeats = of(doc, 'yaml-syntax');
    assert.equal(repeats.length, count - 1);
    assert.deepEqual([repeats[0].range, repeats[repeats.length - 1].range], [
      { start: { line: FIRST + 1, character: 2 }, end: { line: FIRST + 1, character: 5 } },
      { start: { line: FIRST + count - 1, character: 2 }, end: { line: FIRST + count - 1, character: 5 } },
    ]);
    assert.equal(repeats[0].message, 'YAML の構文エラー: キー「C-1」が同じマッピングに 2 回あります');
    // The same key written twice is the YAML error, not a second spelling of the item.
    assert.equal(of(doc, 'duplicate-item').length, 0);
    assert.equal(of(doc, 'missing-owner').length, count);
    assert.equal(timed('fix all', () => engine.fixAll(doc)), null, 'no id to rewrite');
    const last = repeats[repeats.length - 1];
    assertDisables(timed('code actions', () => engine.fixes(doc, [last])), last);
  });

  test('2 MB of C-1, C-1) and c-1 in turn: every other spelling is a duplicate-item and a non-canonical-id', () => {
    const { text, count } = fill(['  C-1: {status: implemented}\n', '  C-1): {status: implemented}\n', '  c-1: {status: implemented}\n']);
    const aliases = count - Math.ceil(count / 3);
    const engine = makeEngine();
    const doc = timed('check', () => engine.check({ path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' }));
    const duplicates = of(doc, 'duplicate-item');
    assert.equal(duplicates.length, aliases);
    assert.equal(of(doc, 'non-canonical-id').length, aliases);
    assert.equal(of(doc, 'yaml-syntax').length, count - 3, 'each spelling again after its first');
    const lastAlias = FIRST + count - 1 - (count % 3 === 1 ? 1 : 0);
    assert.deepEqual([lineOf(duplicates[0]), lineOf(duplicates[duplicates.length - 1])], [FIRST + 1, lastAlias]);
    assert.deepEqual(duplicates[0].range.end, { line: FIRST + 1, character: 6 });
    assert.equal(duplicates[0].message, '項目が重複しています: C-1（「C-1」と同じ項目）');

    // "Fix all item ids": one edit per alias key, none shared (it is not applied: the renamed keys would repeat).
    assert.ok(doc.state === 'parsed');
    const nonCanonical = of(doc, 'non-canonical-id');
    const edits = timed('fix-all edits', () => itemIdsRule.codes['non-canonical-id'].fixEvery!.edits(doc.record, engine.catalog, nonCanonical));
    assert.equal(edits.length, aliases);
    assert.equal(new Set(edits.map((e) => e.start)).size, aliases);
    assert.ok(edits.every((e) => e.newText === 'C-1'));
    assert.equal(timed('fix all', () => engine.fixAll(doc)), null, 'renaming every alias to C-1 would add duplicate keys');
    const first = nonCanonical[0];
    const own = timed('code actions', () => engine.fixes(doc, [first])).find((f) => f.id === 'canonical-id');
    assert.ok(own, 'the finding’s own rename is proved first');
    assert.equal(own.edits[0].range.start.line, lineOf(first));
  });

  test('67,000 evidence paths that do not exist: one evidence-not-found each, and as many document links', () => {
    const ws = workspace({ 'docs/present.md': '# here\n' });
    try {
      const paths = Array.from({ length: 67_000 }, (_, i) => (i % 2 ? `docs/m${i}.md` : `gone/m${i}.md`));
      const text = `${HEAD}  C-1:\n    status: implemented\n    owner: 開発部\n    evidence:\n${paths.map((p) => `      - ${p}\n`).join('')}`;
      assert.ok(Buffer.byteLength(text) < 2 * 1024 * 1024);
      const engine = createEngine({ fs: new CachedFileSystem(), today: () => '2026-12-02' });
      const doc = timed('check', () => engine.check({ path: join(ws.root, 'ai-governance.yaml'), text, workspaceRoot: ws.root }));
      const missing = of(doc, 'evidence-not-found');
      assert.equal(missing.length, paths.length);
      const line = FIRST + 4;
      assert.deepEqual([missing[0].range, missing[missing.length - 1].range], [
        { start: { line, character: 8 }, end: { line, character: 8 + paths[0].length } },
        { start: { line: line + paths.length - 1, character: 8 }, end: { line: line + paths.length - 1, character: 8 + paths[paths.length - 1].length } },
      ]);
      assert.equal(missing[0].message, `根拠資料が見つかりません: 「${paths[0]}」`);
      assert.equal(timed('links', () => engine.links(doc)).length, paths.length);
      assert.equal(timed('fix all', () => engine.fixAll(doc)), null);
      const last = missing[missing.length - 1];
      assertDisables(timed('code actions', () => engine.fixes(doc, [last])), last);
    } finally {
      ws.cleanup();
    }
  });
});

/** The reference: the edits made one by one on the whole text, last first. */
function applyOneByOne(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('what made them slow, each made linear with the same answers', () => {
  test('edits are applied in one pass with the answers of one at a time: ties, insertions, overlaps', () => {
    const text = 'abcdefghij';
    const cases: OffsetEdit[][] = [
      [],
      [{ start: 2, end: 4, newText: 'X' }, { start: 6, end: 6, newText: 'Y' }],
      [{ start: 3, end: 3, newText: 'A' }, { start: 3, end: 3, newText: 'B' }],
      [{ start: 3, end: 3, newText: 'I' }, { start: 3, end: 5, newText: 'R' }],
      [{ start: 3, end: 5, newText: 'R' }, { start: 5, end: 5, newText: 'I' }, { start: 0, end: 10, newText: '' }],
      [{ start: 2, end: 6, newText: 'P' }, { start: 4, end: 8, newText: 'Q' }],
      [{ start: 10, end: 10, newText: 'end' }, { start: 0, end: 0, newText: 'start' }],
    ];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 300; i++) {
      cases.push(
        Array.from({ length: random(5) }, () => {
          const start = random(11);
          return { start, end: start + random(11 - start), newText: 'xyz'.slice(random(3)) };
        }),
      );
    }
    for (const edits of cases) assert.equal(applyOffsetEdits(text, edits), applyOneByOne(text, edits), JSON.stringify(edits));
  });

  test('an entry is found by key and offset as a scan finds it, for keys written once, twice and in flow maps', () => {
    const engine = makeEngine();
    const texts = [
      'items:\n  C-1:\n    status: planned\n  C-2: {}\n  C-1:\n    status: x\n' + '  C-1: {}\n'.repeat(12) + '  c-1: {}\n',
      'items: {C-1: {}, C-1: {}, C-1: 1, C-2: 2}\n',
      'items:\n  C-1:\n  C-1:\n  C-1:\n',
    ];
    for (const text of texts) {
      const record = readRecord(text, engine.catalog);
      const lookup = entryLookup(record);
      for (const key of ['C-1', 'C-2', 'c-1', 'C-3']) {
        const same = record.items.filter((e) => e.rawId === key);
        for (let at = 0; at <= text.length; at++) {
          assert.equal(lookup.byKey(key, at), same.find((e) => e.pair.start <= at && at <= e.pair.end) ?? same[0], `${key} at ${at} in ${JSON.stringify(text)}`);
        }
      }
      for (const id of ['C-1', 'C-2', 'C-3']) {
        assert.equal(lookup.byId(id), record.items.find((e) => e.resolution.status !== 'unknown' && e.resolution.id === id));
      }
    }
  });

  test('evidence in a missing folder costs no stat per path, and is seen once created', () => {
    const ws = workspace({ 'docs/a.md': '' });
    try {
      const fs = new CachedFileSystem();
      const record = join(ws.root, 'ai-governance.yaml');
      const locate = evidenceLocator(record, ws.root, fs);
      assert.equal(locate('new/a.md').kind, 'missing');
      assert.equal(locate('new/b.md').kind, 'missing');
      assert.equal(locate('docs/a.md').kind, 'file');
      assert.deepEqual(locate('../x.md'), locateEvidence('../x.md', record, ws.root, fs));
      // The folder and a file in it are created; the watcher reports the file only.
      mkdirSync(join(ws.root, 'new'));
      writeFileSync(join(ws.root, 'new', 'b.md'), '');
      assert.equal(fs.exists(join(ws.root, 'new', 'b.md')), false, 'still the cached answer');
      fs.invalidate(join(ws.root, 'new', 'b.md'));
      assert.equal(evidenceLocator(record, ws.root, fs)('new/b.md').kind, 'file');
      assert.equal(fs.exists(join(ws.root, 'new')), true);
      rmSync(join(ws.root, 'new'), { recursive: true });
      fs.invalidate(join(ws.root, 'new'));
      assert.equal(evidenceLocator(record, ws.root, fs)('new/b.md').kind, 'missing');
    } finally {
      ws.cleanup();
    }
  });
});
