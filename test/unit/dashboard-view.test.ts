/** The dashboard's view of a record (client/src/dashboardView.ts): what each cell and list points at. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordView, MATRIX_STATES } from '../../client/src/dashboardView';
import { HEADER, check, makeEngine } from '../support/engine';

const TEXT = `${HEADER}roles: [developer]
systems:
  - id: kb
    name: 検索AI
items:
  C-1:
    status: implemented
    owner: 委員会
    reviewed: 2020-01-01
  C-2:
    status: not-applicable
  D-2 i:
    status: planned
    owner: ML基盤チーム
    systems: [kb]
    evidence: [docs/missing.md]
  D-2 ii:
    status: partial
`;

function view(language: 'ja' | 'en' = 'ja') {
  const { doc } = check(TEXT);
  const coverage = makeEngine().coverage(doc)!;
  return recordView({ uri: 'file:///ws/ai-governance.yaml', state: 'complete', ...coverage }, { language, label: () => 'ai-governance.yaml' });
}

test('the principle × state matrix puts each item in the cell of its state', () => {
  const v = view();
  const safety = v.matrix.find((r) => r.group === 'C-2')!;
  assert.equal(safety.label, '2) 安全性');
  const cell = (state: (typeof MATRIX_STATES)[number]) => safety.cells[MATRIX_STATES.indexOf(state)].map((i) => i.id);
  assert.deepEqual(cell('not-applicable'), ['C-2']);
  assert.deepEqual(cell('planned'), ['D-2 i']);
  assert.deepEqual(cell('partial'), ['D-2 ii']);
  assert.ok(cell('missing').includes('D-2 iii'));
  // A required item missing weighs more than an expected or recommended one.
  const missing = safety.cells[MATRIX_STATES.indexOf('missing')];
  assert.equal(missing.find((i) => i.id === 'D-2 iii')?.required, true);
  const education = v.matrix.find((r) => r.group === 'C-8')!;
  assert.ok(education.cells[MATRIX_STATES.indexOf('missing')].every((i) => !i.required));
  assert.deepEqual(cell('implemented'), []);
  assert.equal(view('en').matrix.find((r) => r.group === 'C-2')!.label, '2) Safety');
});

test('lists: stale reviews, broken evidence, not-applicable without a justification, owners, systems', () => {
  const v = view();
  assert.deepEqual(v.stale.map((i) => i.id), ['C-1']);
  assert.deepEqual(v.broken.map((i) => i.id), ['D-2 i']);
  assert.deepEqual(v.unjustified.map((i) => i.id), ['C-2']);
  assert.deepEqual(v.owners.map((o) => o.owner), ['ML基盤チーム', '委員会', '']);
  assert.deepEqual(v.owners.find((o) => o.owner === '')!.items.map((i) => i.id), ['C-2', 'D-2 ii']);
  assert.deepEqual(v.systems.map((s) => [s.id, s.items.map((i) => i.id)]), [['kb', ['D-2 i']]]);
  // planned and an unjustified not-applicable are never done
  assert.equal(v.summary.done, 1);
});
