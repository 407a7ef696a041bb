/** The coverage model (DESIGN §9): states, done, principles, systems, owners, from one check. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoverageItem, RecordCoverage } from '../../server/src/engine';
import { starterRecord } from '../../server/src/engine/starter';
import { HEADER, check, makeEngine } from '../support/engine';

function coverageOf(text: string, files: string[] = []): RecordCoverage {
  const { doc } = check(text, { files });
  const result = makeEngine(files).coverage(doc);
  assert.ok(result, 'a parsed record has coverage');
  return result;
}

function item(coverage: RecordCoverage, id: string): CoverageItem {
  const found = coverage.items.find((i) => i.id === id);
  assert.ok(found, `${id} is listed`);
  return found;
}

const requiredFor = (roles: Array<'developer' | 'provider' | 'business-user'>, advancedAI = false) => {
  const engine = makeEngine();
  return engine.catalog.items.filter((i) => engine.catalog.requirement(i, roles, advancedAI) === 'required').length;
};

describe('coverage model', () => {
  test('a starter record where everything is planned has done = 0 and nothing missing', () => {
    const engine = makeEngine();
    const text = starterRecord(engine.catalog, ['developer'], false);
    const coverage = coverageOf(text);
    assert.equal(coverage.summary.required, requiredFor(['developer']));
    assert.equal(coverage.summary.done, 0);
    assert.equal(coverage.summary.planned, coverage.summary.required);
    assert.equal(coverage.summary.missing, 0);
  });

  test('implemented is done; not-applicable is done only with a justification', () => {
    const coverage = coverageOf(
      `${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: implemented\n    owner: ML\n  D-3 i:\n    status: not-applicable\n  D-2 ii:\n    status: not-applicable\n    justification: 学習を行わない\n  D-5 i:\n    status: partial\n`,
    );
    assert.deepEqual([item(coverage, 'D-2 i').done, item(coverage, 'D-3 i').done, item(coverage, 'D-2 ii').done, item(coverage, 'D-5 i').done], [true, false, true, false]);
    assert.equal(coverage.summary.done, 2);
    assert.equal(coverage.summary.notApplicable, 2);
    assert.equal(coverage.summary.partial, 1);
    assert.equal(coverage.summary.implemented, 1);
    assert.equal(coverage.summary.missing, coverage.summary.required - 4);
  });

  test('a waiver past its until is not done any more; one still granted is', () => {
    const coverage = coverageOf(
      `${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: not-applicable\n    justification: 学習を行わない\n    until: 2026-01-31\n  D-3 i:\n    status: not-applicable\n    justification: 学習を行わない\n    until: 2027-03-31\n`,
    );
    assert.equal(item(coverage, 'D-2 i').done, false, 'expired on 2026-01-31 (today is 2026-11-22 in the tests)');
    assert.equal(item(coverage, 'D-3 i').done, true);
  });

  test('an alias counts for its canonical item and keeps the key as written', () => {
    const coverage = coverageOf(`${HEADER}roles: [developer]\nitems:\n  D-7) ii.:\n    status: implemented\n    owner: 基盤\n    evidence: [docs/dev.md]\n`, ['docs/dev.md']);
    const d7 = item(coverage, 'D-7 ii');
    assert.equal(d7.state, 'implemented');
    assert.equal(d7.key, 'D-7) ii.');
    assert.equal(d7.evidence.state, 'present');
    assert.equal(d7.range?.start.line, HEADER.split('\n').length + 1);
  });

  test('a principle is covered by all of its sub-items; some of them make it partial, not done', () => {
    const engine = makeEngine();
    const subs = engine.catalog.children('C-7').map((c) => c.id);
    const all = subs.map((id) => `  ${id}:\n    status: implemented\n`).join('');
    const full = item(coverageOf(`${HEADER}roles: [developer]\nitems:\n${all}`), 'C-7');
    assert.equal(full.state, 'implemented');
    assert.ok(full.done);
    assert.deepEqual(full.coveredBy, subs);
    const some = item(coverageOf(`${HEADER}roles: [developer]\nitems:\n  ${subs[0]}:\n    status: implemented\n`), 'C-7');
    assert.equal(some.state, 'partial');
    assert.equal(some.done, false);
    assert.deepEqual(some.missingSubItems, subs.slice(1));
  });

  test('principle n gathers C-n and the role items numbered n; H items go to their related principles', () => {
    const coverage = coverageOf(`${HEADER}roles: [developer]\nadvancedAI: true\nitems:\n  D-2 i:\n    status: planned\n`);
    const safety = coverage.principles.find((p) => p.id === 'C-2');
    assert.ok(safety);
    assert.ok(safety.items.includes('C-2') && safety.items.includes('D-2 i'));
    assert.ok(safety.items.includes('H-1'), 'H-1 relates to 2）安全性');
    assert.ok(!safety.items.includes('D-7 ii'));
    assert.equal(safety.summary.planned, 1);
    assert.ok(coverage.principles.some((p) => p.id.startsWith('G-')), '行動目標 are grouped too');
    assert.ok(coverage.items.filter((i) => i.id.startsWith('G-')).every((i) => i.requirement === 'recommended'));
  });

  test('review freshness, broken evidence and findings are on the item', () => {
    const coverage = coverageOf(
      `${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: implemented\n    owner: ML\n    reviewed: 2020-01-01\n  D-3 i:\n    status: implemented\n    owner: ML\n    evidence: [docs/missing.md]\n    reviewed: 2026-11-01\n  D-5 i:\n    status: implemented\n`,
    );
    assert.equal(item(coverage, 'D-2 i').review, 'stale');
    assert.equal(item(coverage, 'D-3 i').review, 'fresh');
    assert.equal(item(coverage, 'D-3 i').evidence.state, 'broken');
    assert.ok(item(coverage, 'D-3 i').findings.some((f) => f.code === 'evidence-not-found'));
    assert.equal(item(coverage, 'D-5 i').review, 'never');
    assert.ok(item(coverage, 'D-5 i').findings.some((f) => f.code === 'missing-owner'));
    assert.ok(item(coverage, 'D-7 ii').findings.some((f) => f.code === 'missing-required-item'));
  });

  test('per system, per owner, per role', () => {
    const coverage = coverageOf(
      `${HEADER}roles: [developer, provider]\nsystems:\n  - id: bot\n    name: ボット\n    kinds: [generative]\nitems:\n  D-2 i:\n    status: implemented\n    owner: ML\n    systems: [bot]\n  P-2 i:\n    status: planned\n    owner: ML\n`,
    );
    assert.deepEqual(coverage.systems, [{ id: 'bot', summary: { required: 1, implemented: 1, partial: 0, planned: 0, notApplicable: 0, missing: 0, done: 1 }, items: ['D-2 i'] }]);
    assert.deepEqual(coverage.owners.map((o) => [o.owner, o.items]), [['ML', ['D-2 i', 'P-2 i']]]);
    const developer = coverage.roles.find((r) => r.role === 'developer')!;
    const provider = coverage.roles.find((r) => r.role === 'provider')!;
    assert.equal(developer.summary.implemented, 1);
    assert.equal(provider.summary.planned, 1);
  });

  test('a record with a syntax error is marked incomplete, and what was read is still there', () => {
    const coverage = coverageOf(`${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: implemented\n  D-3 i: [\n`);
    assert.equal(coverage.incomplete, true);
    assert.ok(coverageOf(`${HEADER}roles: [developer]\n`).incomplete === false);
  });
});
