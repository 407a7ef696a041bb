/**
 * Seeded property run through the built server over stdio (issue 16): one long-lived server; each
 * case opens a generated record, sends a sequence of incremental edits with versions, then asks for
 * hover, symbols, links and code actions (see cases.ts for what must hold).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { TestClient } from '../support/lsp';
import { runBudget } from './budget';
import { fuzzWorkspace, serverCase, serverProperty } from './cases';
import type { Edit } from './generators';

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

/**
 * The shrunk input of the one failure of the 2 December long run (job 2, seed 21261298, its 127th
 * case, in a server that had answered 126 cases on two busy cores): one schema finding of the final
 * text was missing from the server's publication. Replayed here as the fuzz ran it.
 */
test('fuzz regression: server seed 21261298 ends where a full check does', async () => {
  const saved = JSON.parse(readFileSync(join(__dirname, 'regressions', 'server-seed-21261298.json'), 'utf8')) as { counterexample: [string, Edit[], number[]] };
  const [text, edits, positions] = saved.counterexample;
  await serverCase(client, dir, 1_000_000, text, edits, positions);
});
