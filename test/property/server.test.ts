/**
 * Seeded property run through the built server over stdio (issue 16): one long-lived server; each
 * case opens a generated record, sends a sequence of incremental edits with versions, then asks for
 * hover, symbols, links and code actions (see cases.ts for what must hold).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { TestClient } from '../support/lsp';
import { runBudget } from './budget';
import { fuzzWorkspace, serverProperty } from './cases';

let dir: string;
let client: TestClient;

before(async () => {
  dir = fuzzWorkspace();
  client = await TestClient.start({ folders: [dir] });
});

after(async () => {
  await client.stop();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

test('server over stdio: versions, ranges, fixes, CLI parity', async (t) => {
  const result = await fc.check(serverProperty(client, dir, { n: 0 }), runBudget(1602, 12_000));
  t.diagnostic(`${result.numRuns} cases`);
  if (result.failed) throw new Error(fc.defaultReportMessage(result) ?? 'property failed');
  assert.ok(result.numRuns > 0);
});
