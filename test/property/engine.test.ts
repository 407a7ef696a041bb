/**
 * Seeded property run through the engine (issue 16): generated and damaged records, every feature,
 * every offered fix. `npm run fuzz` runs the same properties for minutes with any seed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { makeEngine } from '../support/engine';
import { runBudget } from './budget';
import { engineProperty } from './cases';
import { checkEngineInvariants } from './invariants';

test('engine: no exception, every range inside, every fix safe', (t) => {
  const result = fc.check(engineProperty(), runBudget(1601, 12_000));
  t.diagnostic(`${result.numRuns} cases`);
  if (result.failed) throw new Error(fc.defaultReportMessage(result) ?? 'property failed');
  assert.ok(result.numRuns > 0);
});

test('engine: the failures long runs found stay fixed', () => {
  // A comment put after a lone CR: the lenient parse accepted it, YAML does not (seed 41261267).
  for (const file of ['engine-seed-41261267.json']) {
    const saved = JSON.parse(readFileSync(join(__dirname, 'regressions', file), 'utf8')) as { counterexample: [string, number[]] };
    const [text, positions] = saved.counterexample;
    assert.ok(checkEngineInvariants(makeEngine(['docs/a.md', 'docs/b.md', 'docs']), text, positions) > 0, `${file}: fixes were tried`);
  }
});
