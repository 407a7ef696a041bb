/**
 * What one finding costs (issue 12): a message stays short whatever the input — what the user wrote
 * is cut at PARAM_LIMIT characters in the message, kept whole in `data` for the fixes — and the
 * catalog and rule texts are never cut.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateManyFindings, generateRecord } from '../../bench/inputs';
import { loadCatalog } from '../../server/src/engine/catalog';
import { collectFindings } from '../../server/src/engine/check';
import { readRecord } from '../../server/src/engine/record';
import { PARAM_LIMIT, clipParam } from '../../server/src/engine/rules/context';
import { RULE_CODES, RULE_DOCS } from '../../server/src/engine/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { check } from '../support/engine';

const LONG = 'あ'.repeat(10_000) + 'x'.repeat(10_000);
/** long, but within the 1,024 characters YAML allows an implicit key */
const LONG_KEY = 'あ'.repeat(500) + 'x'.repeat(500);
/** the longest a message gets: its longest template (edition-update, ~190 characters of text) and a cut parameter or two */
const MESSAGE_LIMIT = 2 * PARAM_LIMIT + 200;

describe('a message stays bounded whatever the input', () => {
  const records: Record<string, string> = {
    'an unknown item key of 20,000 characters': `apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  D-${LONG}:\n    status: planned\n`,
    'field values and keys of 20,000 characters': `apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  C-1:\n    status: ${LONG}\n    x${LONG}: 1\n    evidence: [${LONG}]\n    reviewed: ${LONG}\n    systems: [${LONG}]\n`,
    'system kinds and safeguards, a top-level key of 20,000 characters': `apiVersion: ai-governance/v1\nroles: [provider]\nsystems:\n  - id: ${LONG}\n    kinds: [agent, ${LONG}]\n    safeguards: [${LONG}]\n${LONG}: 1\n`,
    'a duplicate key of 1,000 characters (YAML allows 1,024)': `apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  C-1${LONG_KEY}:\n    status: planned\n  C-1${LONG_KEY}:\n    status: planned\n`,
    'a key longer than YAML allows of 20,000 characters': `apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  C-1${LONG}:\n    status: planned\n`,
  };
  for (const [name, text] of Object.entries(records)) {
    test(name, () => {
      for (const language of ['ja', 'en'] as const) {
        const { diagnostics } = check(text, { settings: { language } });
        assert.ok(diagnostics.some((d) => d.message.includes('…')), `${language}: some message quotes the long text, cut`);
        for (const d of diagnostics) assert.ok(d.message.length <= MESSAGE_LIMIT, `${language} ${d.code}: ${d.message.length} characters`);
      }
    });
  }

  test('the duplicate key is cut, what the message says about it is not', () => {
    const [d] = check(records['a duplicate key of 1,000 characters (YAML allows 1,024)']).of('yaml-syntax');
    assert.match(d.message, /…」が同じマッピングに 2 回あります$/);
  });

  test('data keeps what the user wrote in full (fixes and baselines read it)', () => {
    const [unknown] = check(records['an unknown item key of 20,000 characters']).of('unknown-item');
    assert.equal(unknown.data.itemKey, `D-${LONG}`);
    const [evidence] = check(records['field values and keys of 20,000 characters']).of('evidence-not-found');
    assert.equal(evidence.data.evidence, LONG);
  });

  test('a cut never splits a surrogate pair, and leaves shorter text alone', () => {
    const emoji = '😀'.repeat(PARAM_LIMIT + 5);
    const cut = clipParam(emoji);
    assert.equal(Array.from(cut).length, PARAM_LIMIT);
    assert.ok(cut.endsWith('😀…'));
    assert.equal(clipParam('😀'.repeat(PARAM_LIMIT)), '😀'.repeat(PARAM_LIMIT), 'PARAM_LIMIT code points, more UTF-16 units: not cut');
  });

  test('no text of the catalog or a rule is cut: every parameter of the documented examples and the benchmark records is shorter', () => {
    const catalog = loadCatalog();
    const env = { catalog, fs: { exists: () => false }, today: '2026-11-22', settings: DEFAULT_SETTINGS };
    const everything = `apiVersion: ai-governance/v1\nguideline: "1.0"\nroles: [developer, provider, business-user]\nadvancedAI: true\nsystems:\n  - id: both\n    kinds: [agent, physical]\nitems: {}\n`;
    const texts = [...RULE_CODES.map((code) => RULE_DOCS[code].example.yaml), everything, generateManyFindings(300), generateRecord({ lines: 400, systems: 6 })];
    let params = 0;
    for (const text of texts) {
      const record = readRecord(text, catalog);
      for (const findings of collectFindings(record, { path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' }, env)) {
        for (const finding of findings) {
          for (const [name, value] of Object.entries(finding.params)) {
            params++;
            assert.ok(String(value).length < PARAM_LIMIT * 0.75, `${finding.code}.${name}: ${String(value).length} characters`);
          }
        }
      }
    }
    assert.ok(params > 500, `${params} parameters looked at`);
  });
});
