/**
 * The incremental check equals a full check after every edit: random edit sequences over the
 * examples and generated records (fast-check), comparing diagnostics with their ranges, the tree
 * the features read, the record's entries and the coverage.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { generateManyFindings, generateManySystems, generateRecord } from '../../bench/inputs';
import { createEngine } from '../../server/src/engine';
import type { CheckEnvironment } from '../../server/src/engine/check';
import { fullIncremental, MAX_REPLAYED_CHANGES, updateIncremental, type IncrementalState, type TextChange } from '../../server/src/engine/incremental';
import { DEFAULT_SETTINGS, type EngineDiagnostic } from '../../server/src/engine/types';
import { RECORD, WORKSPACE } from '../support/engine';

const fs = { exists: (p: string) => p.endsWith('.md') && !p.includes('missing') };
const engine = createEngine({ fs, today: () => '2026-11-22' });
const env: CheckEnvironment = { catalog: engine.catalog, fs, today: '2026-11-22', settings: DEFAULT_SETTINGS };
const input = (text: string) => ({ path: RECORD, text, workspaceRoot: WORKSPACE });

const EXAMPLES = ['municipality-genai', 'saas-agents', 'startup-developer-provider'].map((name) =>
  readFileSync(join(__dirname, '..', '..', 'examples', name, 'ai-governance.yaml'), 'utf8'),
);
const SMALL_SHAPES = [
  generateRecord({ lines: 120, systems: 3, items: 12 }),
  generateManyFindings(80),
  generateManySystems(100),
  'apiVersion: ai-governance/v1\nroles: [developer]\nsystems:\n  - id: a\n    kinds: [agent]\nitems:\n  D-2 i:\n    status: implemented\n  x-note: 1\n  D-7) ii.:\n    status: partial\n    systems: [a, b]\n',
  'apiVersion: ai-governance/v1\r\nroles: [provider]\r\nitems:\r\n  P-2 i:\r\n    status: planned\r\n    note: |\r\n      text\r\n\r\n  P-6 i:\r\n    status: implemented\r\n',
];

/** Text fragments an editor produces while someone types into a record. */
const FRAGMENTS = [
  'a', 'あ', ' ', '\n', ': ', '-', '- ', '#', '"', "'", '[', ']', ',', '1', 'x-', '*', '&a ', '|', '\t', '\r\n',
  'status: implemented', 'status: not-applicable', 'planned', 'owner: 担当', 'evidence: [docs/missing.md]', 'evidence:\n      - docs/record.md',
  'reviewed: 2026-13-01', 'reviewed: 2020-01-01', 'systems: [agent-1, nope]', 'kinds: [agent]', 'safeguards: [log-review]',
  '\n  G-6-1:\n    status: planned', '\n  D-7 ii:\n    status: implemented', '\n  C-1:\n    status: partial', '\n  - id: agent-new\n    kinds: [physical]',
  '\n  - id: a\n    kinds: [agent]', 'D-7) ii.', 'H-II', '行動目標3-1-1', 'C-7 ⑥', 'id: a', 'id: system-1',
];

/** An edit as offsets into the current text, chosen from numbers so fast-check can shrink it. */
const editArb = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  line: fc.boolean(),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 }), fc.constant('')),
});

function toChange(text: string, edit: { at: number; length: number; line: boolean; text: string }): TextChange {
  if (text.length === 0) return { start: 0, end: 0, text: edit.text };
  // Most edits land in the middle half, where the entries are; some anywhere.
  let start = edit.at % 4 === 0 ? edit.at % (text.length + 1) : Math.floor(text.length / 4) + (edit.at % Math.max(1, Math.floor(text.length / 2)));
  if (edit.line) {
    // Whole lines: remove or replace complete lines, as deleting an item or pasting one does.
    start = text.lastIndexOf('\n', start - 1) + 1;
    let end = start;
    for (let i = 0; i <= edit.length % 8 && end < text.length; i++) {
      const next = text.indexOf('\n', end);
      end = next === -1 ? text.length : next + 1;
    }
    return { start, end, text: edit.text.includes('\n') ? edit.text.replace(/^\n/, '') + '\n' : '' };
  }
  return { start, end: Math.min(text.length, start + edit.length), text: edit.text };
}

function key(d: EngineDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.code} ${d.severity} ${d.message} ${JSON.stringify(d.data)}`;
}

function assertSame(state: IncrementalState, text: string, context: string): void {
  const full = fullIncremental(input(text), env);
  assert.equal(state.input.text, text, context);
  assert.deepEqual(state.diagnostics.map(key).sort(), full.diagnostics.map(key).sort(), `diagnostics differ ${context}`);
  if (state.record && full.record) {
    assert.deepEqual(state.record.parsed.root, full.record.parsed.root, `tree differs ${context}`);
    assert.deepEqual([...state.record.parsed.problems].sort((a, b) => a.start - b.start), [...full.record.parsed.problems].sort((a, b) => a.start - b.start), `problems differ ${context}`);
    assert.deepEqual(state.record.parsed.comments, full.record.parsed.comments, `comments differ ${context}`);
    assert.deepEqual(state.record.items.map((e) => [e.rawId, e.resolution, e.pair.start]), full.record.items.map((e) => [e.rawId, e.resolution, e.pair.start]), `items differ ${context}`);
    assert.deepEqual(state.record.systems.map((s) => [s.id, s.node.start, s.kinds.map((k) => k.value)]), full.record.systems.map((s) => [s.id, s.node.start, s.kinds.map((k) => k.value)]), `systems differ ${context}`);
    const asChecked = (s: IncrementalState & { record: NonNullable<IncrementalState['record']> }) => ({ state: 'parsed' as const, input: s.input, settings: s.settings, record: s.record, diagnostics: s.diagnostics });
    // The coverage lists an item's findings in diagnostic order, which is not part of the contract.
    const sorted = (c: unknown) => JSON.parse(JSON.stringify(c), (k, v) => (k === 'findings' && Array.isArray(v) ? [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v));
    assert.deepEqual(sorted(engine.coverage(asChecked({ ...state, record: state.record }))), sorted(engine.coverage(asChecked({ ...full, record: full.record }))), `coverage differs ${context}`);
  }
}

/** Longer runs: INCREMENTAL_RUNS=10 INCREMENTAL_SEED=3 node --import tsx --test test/unit/incremental.test.ts */
const SCALE = Number(process.env.INCREMENTAL_RUNS ?? 1);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 0);

/** Typing inside the value of a field line of an entry: the common case, which keeps the YAML valid. */
const typingArb = fc.record({ line: fc.nat(), column: fc.nat(), text: fc.constantFrom('a', 'あ', '1', '-', ' x', 'D-7 ii', ''), remove: fc.nat(2) });

function toTyping(text: string, edit: { line: number; column: number; text: string; remove: number }): TextChange {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const fields = starts.filter((s) => /^ {4,}[\w-]+: \S/.test(text.slice(s, text.indexOf('\n', s) === -1 ? text.length : text.indexOf('\n', s))));
  if (fields.length === 0) return { start: 0, end: 0, text: '' };
  const lineStart = fields[edit.line % fields.length];
  const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
  const valueStart = text.indexOf(': ', lineStart) + 2;
  const at = valueStart + (edit.column % Math.max(1, lineEnd - valueStart));
  return { start: at, end: Math.min(lineEnd, at + edit.remove), text: edit.text };
}

let incremental = 0;
let total = 0;

type AnyEdit = { at: number; length: number; line: boolean; text: string } | { line: number; column: number; text: string; remove: number };

function run(text: string, edits: AnyEdit[]): void {
  let state = fullIncremental(input(text), env);
  let current = text;
  for (const [i, edit] of edits.entries()) {
    const change = 'at' in edit ? toChange(current, edit) : toTyping(current, edit);
    const result = updateIncremental(state, [change], env);
    current = current.slice(0, change.start) + change.text + current.slice(change.end);
    total++;
    if (result.fallback === null) incremental++;
    state = result.state;
    assertSame(state, current, `after edit ${i} ${JSON.stringify(change)} (${result.fallback ?? 'incremental'})`);
  }
  // The module's full path is the engine's check.
  assert.deepEqual(state.diagnostics.map(key).sort(), engine.check(input(current)).diagnostics.map(key).sort(), 'engine check differs');
}

test('incremental equals full after every random edit, on the examples', () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES), fc.array(editArb, { minLength: 1, maxLength: 12 }), (text, edits) => run(text, edits)),
    { numRuns: 12 * SCALE, seed: 12 + SEED, includeErrorInReport: true },
  );
});

test('incremental equals full after every random edit, on generated records', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SMALL_SHAPES), fc.array(editArb, { minLength: 1, maxLength: 15 }), (text, edits) => run(text, edits)),
    { numRuns: 25 * SCALE, seed: 7 + SEED, includeErrorInReport: true },
  );
});

test('incremental equals full while typing inside entries, then anything', () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES, ...SMALL_SHAPES), fc.array(fc.oneof({ weight: 4, arbitrary: typingArb }, { weight: 1, arbitrary: editArb }), { minLength: 1, maxLength: 15 }), (text, edits) =>
      run(text, edits),
    ),
    { numRuns: 20 * SCALE, seed: 3 + SEED, includeErrorInReport: true },
  );
});

/** Records whose last entry is followed by what decides where yaml ends the block: the end of the text, blank lines, comments at every depth, another block. */
const TAILS = ['', '\n', '\n\n', '# end\n', '  # c\n', '    # deep\n', '      # deeper\n\n', '  # c\n\n# d\n'];
const LAST_ENTRY_SHAPES = [
  ...TAILS.map((tail) => `apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  D-7 ii:\n    status: implemented\n    evidence:\n      - docs/a.md\n${tail}`),
  ...TAILS.map((tail) => `apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  P-2 i:\n    status: planned\n    systems: [a, b]\nsystems:\n  - id: a\n    kinds: [agent]\n  - id: b\n    kinds: [generative]\n    note: |\n      text\n${tail}`),
  'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  D-7 ii:\n    status: partial\n    note: |+\n      kept\n\n\nsystems:\n  - id: a\n',
  'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  D-7 ii:\n    status: partial\n\n# between\n\nsystems:\n- id: a\n  kinds: [physical]\n- id: b',
  'apiVersion: ai-governance/v1\r\nroles: [provider]\r\nitems:\r\n  P-2 i:\r\n    status: planned\r\n  P-6 i:\r\n    status: implemented\r\n\r\n',
  '  apiVersion: ai-governance/v1\n  roles: [developer]\n  items:\n    D-2 i:\n      status: planned\n    D-7 ii:\n      status: partial\n',
  '  apiVersion: ai-governance/v1\n  roles: [developer]\n  items:\n    D-2 i:\n      status: planned\n    D-7 ii:\n      owner: # to name\n  systems:\n    - id: a\n',
  'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    owner: # to name\n  D-7 ii:\n    owner: # to name\nsystems:\n  - id: a\n    kinds: # none yet\n  - id: b\n    name: # later\n',
];

/** An edit inside the last entry of items: or systems: (from its first line to the block's end). */
const lastEntryArb = fc.record({ block: fc.boolean(), at: fc.nat(), length: fc.oneof(fc.constant(0), fc.nat(2), fc.nat(12)), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 }), fc.constant('')) });

function toLastEntryChange(text: string, edit: { block: boolean; at: number; length: number; text: string }): TextChange {
  const name = edit.block && /^ *systems:/m.test(text) ? 'systems' : 'items';
  const header = new RegExp(`^ *${name}:`, 'm').exec(text);
  if (!header) return { start: text.length, end: text.length, text: edit.text };
  const after = text.slice(header.index);
  const next = /\n(?=\S)/.exec(after.slice(1));
  const blockEnd = next ? header.index + 1 + next.index + 1 : text.length;
  const entryLines = [...text.slice(header.index, blockEnd).matchAll(name === 'items' ? /\n( *)[^\s#-][^\n]*:/g : /\n *- /g)];
  const lastEntry = entryLines.length ? header.index + (entryLines[entryLines.length - 1].index ?? 0) + 1 : header.index;
  const start = lastEntry + (edit.at % Math.max(1, blockEnd - lastEntry + 1));
  return { start: Math.min(start, text.length), end: Math.min(text.length, start + edit.length), text: edit.text };
}

let lastIncremental = 0;
let lastTotal = 0;

test('incremental equals full after every edit in the last entry of a block, whatever follows it', () => {
  fc.assert(
    fc.property(fc.constantFrom(...LAST_ENTRY_SHAPES), fc.array(fc.oneof({ weight: 3, arbitrary: lastEntryArb }, { weight: 1, arbitrary: typingArb }), { minLength: 1, maxLength: 12 }), (text, edits) => {
      let state = fullIncremental(input(text), env);
      let current = text;
      for (const [i, edit] of edits.entries()) {
        const change = 'block' in edit ? toLastEntryChange(current, edit) : toTyping(current, edit);
        // Edits after one that broke the YAML are checked in full by design: only the others count.
        if (state.blocked === null) lastTotal++;
        const result = updateIncremental(state, [change], env);
        current = current.slice(0, change.start) + change.text + current.slice(change.end);
        if (result.fallback === null) lastIncremental++;
        state = result.state;
        assertSame(state, current, `after edit ${i} ${JSON.stringify(change)} (${result.fallback ?? 'incremental'})`);
      }
    }),
    { numRuns: 40 * SCALE, seed: 5 + SEED, includeErrorInReport: true },
  );
  assert.ok(lastTotal > 60 && lastIncremental > lastTotal / 3, `only ${lastIncremental} of ${lastTotal} edits in a last entry of a record without YAML problems were incremental`);
  console.log(`# ${lastIncremental} of ${lastTotal} edits in a last entry of a record without YAML problems were incremental`);
});

test('most random edits are handled incrementally (the tests above exercise the incremental path)', () => {
  assert.ok(total > 200, `only ${total} edits ran`);
  assert.ok(incremental > 60, `only ${incremental} of ${total} edits were incremental`);
  console.log(`# ${incremental} of ${total} random edits were incremental`);
});

test('typing inside an entry, adding and removing an entry are incremental; a top-level edit is not', () => {
  const text = generateRecord({ lines: 200, systems: 3, items: 10 });
  let state = fullIncremental(input(text), env);
  const statusAt = text.indexOf('status: partial') + 'status: '.length;
  let result = updateIncremental(state, [{ start: statusAt, end: statusAt + 'partial'.length, text: 'implemented' }], env);
  assert.equal(result.fallback, null);
  state = result.state;
  const before = state.input.text.indexOf('\n  C-2:') + 1;
  const block = '  G-6-1:\n    status: planned\n';
  result = updateIncremental(state, [{ start: before, end: before, text: block }], env);
  assert.equal(result.fallback, null);
  assertSame(result.state, result.state.input.text, 'after adding');
  result = updateIncremental(result.state, [{ start: before, end: before + block.length, text: '' }], env);
  assert.equal(result.fallback, null);
  assertSame(result.state, text.slice(0, statusAt) + 'implemented' + text.slice(statusAt + 'partial'.length), 'after removing');
  result = updateIncremental(result.state, [{ start: 0, end: 0, text: 'x-top: 1\n' }], env);
  assert.notEqual(result.fallback, null);
});

test('a few keystrokes between two checks are replayed; past MAX_REPLAYED_CHANGES one full check is made instead', () => {
  const text = generateRecord({ lines: 200, systems: 3, items: 10 });
  const at = text.indexOf('status: partial') + 'status: partial'.length;
  // Keystrokes typed at one spot, each change's offsets into the text after the ones before.
  const typed = (n: number): TextChange[] => Array.from({ length: n }, (_, i) => ({ start: at + i, end: at + i, text: 'x' }));
  const expected = (n: number) => text.slice(0, at) + 'x'.repeat(n) + text.slice(at);
  const few = updateIncremental(fullIncremental(input(text), env), typed(MAX_REPLAYED_CHANGES), env);
  assert.equal(few.fallback, null);
  assertSame(few.state, expected(MAX_REPLAYED_CHANGES), 'replayed');
  const many = updateIncremental(fullIncremental(input(text), env), typed(MAX_REPLAYED_CHANGES + 1), env);
  assert.equal(many.fallback, `${MAX_REPLAYED_CHANGES + 1} changes since the last check`);
  assertSame(many.state, expected(MAX_REPLAYED_CHANGES + 1), 'checked in full');
});

/** Edits applied one at a time, each asserted incremental and equal to a full check of the text so far. */
class EditSession {
  state: IncrementalState;
  constructor(public current: string) {
    this.state = fullIncremental(input(current), env);
  }
  edit(change: TextChange, what: string): void {
    const result = updateIncremental(this.state, [change], env);
    this.current = this.current.slice(0, change.start) + change.text + this.current.slice(change.end);
    assert.equal(result.fallback, null, what);
    assertSame(result.state, this.current, what);
    this.state = result.state;
  }
}

test('edition-update follows every entry: a system turned physical, an item of another role listed', () => {
  const agents = new EditSession(generateRecord({ lines: 200, systems: 3, items: 10 }));
  const kind = agents.current.indexOf('kinds: [generative]') + 'kinds: ['.length;
  agents.edit({ start: kind, end: kind, text: 'physical, ' }, 'a middle system turned physical');
  assert.match(agents.state.diagnostics.find((d) => d.code === 'edition-update')?.message ?? '', /agent・physical のシステム/);
  const developer = new EditSession('apiVersion: ai-governance/v1\nguideline: "1.0"\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n  D-7 ii:\n    status: planned\n');
  const count = () => /関わる (\d+) 項目/.exec(developer.state.diagnostics.find((d) => d.code === 'edition-update')?.message ?? '')?.[1];
  const was = count();
  const before = developer.current.indexOf('  D-2 i:');
  developer.edit({ start: before, end: before, text: '  U-2 i:\n    status: planned\n' }, 'an item the roles do not need, which the update changes');
  assert.equal(Number(count()), Number(was) + 1, 'the listed item is named too');
});

test('typing in the last entry of items: and of systems:, and appending an entry after it, are incremental', () => {
  for (const text of [generateRecord({ lines: 200, systems: 3, items: 10 }), `${generateRecord({ lines: 200, systems: 3, items: 10 })}\n\n    # reviewed quarterly\n`, generateManyFindings(80)]) {
    const session = new EditSession(text);
    let current = session.current;
    const lastItem = current.lastIndexOf('\n    status: ') + '\n    status: '.length;
    session.edit({ start: lastItem, end: lastItem + current.slice(lastItem).indexOf('\n'), text: 'not-applicable' }, 'typing in the last item');
    current = session.current;
    const lastKind = current.lastIndexOf('kinds: [') + 'kinds: ['.length;
    session.edit({ start: lastKind, end: lastKind, text: 'physical, ' }, 'typing in the last system');
    current = session.current;
    const end = current.indexOf('\n', current.lastIndexOf('\n    status: ') + 1) + 1;
    session.edit({ start: end, end, text: '  G-6-1:\n    status: planned\n' }, 'an entry added after the last one');
  }
});

test('a change that makes the file too large falls back to the full check and its diagnostic', () => {
  const text = generateRecord({ lines: 200, systems: 3, items: 10 });
  const small = { ...env, settings: { ...DEFAULT_SETTINGS, maxFileSizeBytes: text.length + 100 } };
  const state = fullIncremental(input(text), small);
  const at = text.indexOf('    owner:');
  const result = updateIncremental(state, [{ start: at, end: at, text: '    note: ' + 'あ'.repeat(200) + '\n' }], small);
  assert.notEqual(result.fallback, null);
  assert.deepEqual(result.state.diagnostics.map((d) => d.code), ['file-too-large']);
});

test('a repeated key inside a system: its schema finding stays in the entry, so editing the entry agrees with a full check (fuzz seed 21261298)', () => {
  // The shrunk input of the long fuzz run's one failure: plain data takes the second `kinds`, the
  // tree's first has one value fewer, and the finding on the missing element fell back to the whole
  // file, outside the entry the incremental check re-runs.
  const saved = JSON.parse(readFileSync(join(__dirname, '..', 'property', 'regressions', 'server-seed-21261298.json'), 'utf8')) as { counterexample: [string] };
  let text = saved.counterexample[0];
  let state = fullIncremental(input(text), env);
  const edits: Array<[string, string]> = [
    ['ai-governance/v1', 'ai-governanc D@i5w/v1'],
    ['      - c-1-3\n  - id', '     <^<- id'],
    ['[agent, agnet]', '[ag9;pBsgnet]'],
  ];
  for (const [from, to] of edits) {
    const start = text.indexOf(from);
    assert.ok(start >= 0, from);
    const change = { start, end: start + from.length, text: to };
    text = text.slice(0, start) + to + text.slice(start + from.length);
    state = updateIncremental(state, [change], env).state;
    assertSame(state, text, `after ${JSON.stringify(to)}`);
  }
  const kindsLine = text.split('\n').indexOf('    kinds: [ag9;pBsgnet]');
  const onKinds = state.diagnostics.filter((d) => d.code === 'invalid-value' && d.range.start.line === kindsLine);
  assert.equal(onKinds.length, 1, 'the value of the repeated key is reported on the first `kinds`, not on the whole file');
});
