/**
 * Seeded property run through the engine (issue 16): generated and damaged records, every feature,
 * every offered fix. `npm run fuzz` runs the same properties for minutes with any seed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { runBudget } from './budget';
import { engineProperty } from './cases';

test('engine: no exception, every range inside, every fix safe', (t) => {
  const result = fc.check(engineProperty(), runBudget(1601, 12_000));
  t.diagnostic(`${result.numRuns} cases`);
  if (result.failed) throw new Error(fc.defaultReportMessage(result) ?? 'property failed');
  assert.ok(result.numRuns > 0);
});
