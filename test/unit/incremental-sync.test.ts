/** Incremental text sync: the change log replays the editor's changes exactly, and the checks built on it equal full checks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateRecord } from '../../bench/inputs';
import { createEngine } from '../../server/src/engine';
import type { CheckEnvironment } from '../../server/src/engine/check';
import { fullIncremental } from '../../server/src/engine/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { ChangeLog, compare, IncrementalChecks } from '../../server/src/incrementalSync';

const fs = { exists: () => true };
const engine = createEngine({ fs, today: () => '2026-11-22' });
const env: CheckEnvironment = { catalog: engine.catalog, fs, today: '2026-11-22', settings: DEFAULT_SETTINGS };
const URI = 'file:///ws/ai-governance.yaml';
const input = (text: string) => ({ path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' });

test('the change log gives the offsets the document applied, and the incremental check of every version equals a full one', () => {
  const log = new ChangeLog();
  const warnings: string[] = [];
  const checks = new IncrementalChecks({ log, verify: () => true, warn: (m) => warnings.push(m) });
  const text = generateRecord({ lines: 200, systems: 3, items: 10 });
  let doc = log.configuration.create(URI, 'yaml', 1, text);
  let result = checks.check(URI, 1, input(doc.getText()), env);
  assert.equal(result.fallback, 'first check');
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('    owner: ')) + 8 * 4;
  let incremental = 0;
  for (let version = 2; version < 40; version++) {
    // Two keystrokes per notification, sometimes a line break typed and removed.
    const typed = version % 5 === 0 ? '\n    note: x' : 'あ';
    doc = log.configuration.update(doc, [{ range: { start: { line, character: 11 }, end: { line, character: 11 } }, text: typed }, { range: { start: { line, character: 11 }, end: { line, character: 11 } }, text: 'a' }], version);
    result = checks.check(URI, version, input(doc.getText()), env);
    if (result.fallback === null) incremental++;
    assert.equal(result.state.input.text, doc.getText());
    assert.equal(compare(result.state.diagnostics, fullIncremental(input(doc.getText()), env).diagnostics), null, `version ${version}`);
  }
  assert.ok(incremental > 30, `${incremental} incremental checks`);
  assert.deepEqual(warnings, []);
});

test('a full-text change, or changes missing between two checks, make a full check', () => {
  const log = new ChangeLog();
  const checks = new IncrementalChecks({ log, verify: () => false, warn: () => undefined });
  const text = generateRecord({ lines: 200, systems: 3, items: 10 });
  let doc = log.configuration.create(URI, 'yaml', 1, text);
  checks.check(URI, 1, input(text), env);
  doc = log.configuration.update(doc, [{ text: text + '# end\n' }], 2);
  assert.equal(checks.check(URI, 2, input(doc.getText()), env).fallback, 'changes not known');
  doc = log.configuration.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }], 3);
  // Version 3 is never checked: the check of version 4 replays the changes of 3 and 4 from version 2's state.
  doc = log.configuration.update(doc, [{ range: { start: { line: 20, character: 4 }, end: { line: 20, character: 4 } }, text: '' }], 4);
  const result = checks.check(URI, 4, input(doc.getText()), env);
  assert.equal(result.state.input.text, doc.getText());
  assert.equal(compare(result.state.diagnostics, fullIncremental(input(doc.getText()), env).diagnostics), null);
});

test('compare names the differences', () => {
  const d = fullIncremental(input(generateRecord({ lines: 100, systems: 2, items: 5 })), env).diagnostics;
  assert.equal(compare(d, [...d].reverse()), null);
  assert.match(compare(d.slice(1), d) ?? '', /only full/);
});
