/** Engine rules (DESIGN §5), one describe per rule code, inline YAML; ranges checked by the text they cover. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { RULE_CODES } from '../../server/src/engine/rules/registry';
import { starterRecord } from '../../server/src/engine/starter';
import { HEADER, check, textAt } from '../support/engine';
import { checkExample } from '../support/ruleExamples';

const catalog = loadCatalog();

/** Every item the roles require or the guideline expects of them, in guideline order. */
function neededIds(roles: Array<'developer' | 'provider' | 'business-user'>, advancedAI: boolean): string[] {
  return catalog.items.filter((item) => ['required', 'expected'].includes(catalog.requirement(item, roles, advancedAI))).map((item) => item.id);
}

/** A record with every item the roles need, each complete, so one change shows one finding. */
function completeRecord(roles: Array<'developer' | 'provider' | 'business-user'>, advancedAI = false): string {
  const entries = neededIds(roles, advancedAI).map((id) => {
    const item = catalog.get(id);
    const evidence = item?.documentation ? '\n    evidence: [docs/record.md]' : '';
    return `  ${id}:\n    status: implemented\n    owner: ガバナンス室${evidence}\n    reviewed: 2026-10-01`;
  });
  return `${HEADER}roles: [${roles.join(', ')}]\nadvancedAI: ${advancedAI}\nitems:\n${entries.join('\n')}\n`;
}

const FILES = ['docs/record.md'];

describe('a complete, correct record', () => {
  for (const roles of [['developer'], ['provider'], ['business-user'], ['developer', 'provider', 'business-user']] as const) {
    test(`shows no finding at all (${roles.join('+')})`, () => {
      const result = check(completeRecord([...roles]), { files: FILES });
      assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    });
  }
  test('with advanced AI too', () => {
    assert.deepEqual(check(completeRecord(['developer'], true), { files: FILES }).codes, []);
  });
  test('the starter record of every role has no error and no missing required item', () => {
    const text = starterRecord(catalog, ['developer', 'provider'], true);
    const result = check(text);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'missing-required-item'), []);
  });
});

describe('yaml-syntax / multiple-documents / unsupported-yaml / file-too-large', () => {
  test('a syntax error is reported where it is', () => {
    const result = check(`${HEADER}roles: [developer\nitems: {}\n`);
    assert.ok(result.of('yaml-syntax').length > 0);
  });
  test('a key twice in one mapping is reported on the second, in the message language', () => {
    const text = `${HEADER}roles: [developer]\nroles: [provider]\nitems:\n  D-7 ii:\n    status: planned\n    status: implemented\n  D-7 ii:\n    status: planned\n`;
    const result = check(text);
    const found = result.of('yaml-syntax');
    assert.deepEqual(found.map((d) => `${d.range.start.line}:${textAt(text, d)}`), ['7:roles', '11:status', '12:D-7 ii']);
    assert.match(found[1].message, /キー「status」が同じマッピングに 2 回あります/);
    assert.equal(result.of('duplicate-item').length, 0, 'the same spelling twice is the YAML error only');
    assert.match(check(text, { settings: { language: 'en' } }).of('yaml-syntax')[0].message, /the key "roles" appears twice/);
  });
  test('a second document is reported on its ---', () => {
    const result = check(`apiVersion: ai-governance/v1\n---\napiVersion: ai-governance/v1\n`);
    const [d] = result.of('multiple-documents');
    assert.equal(d.range.start.line, 1);
  });
  test('binary content', () => {
    assert.ok(check('\u0000\u0001\u0002garbage').of('yaml-syntax').length === 1);
  });
  test('10,000 levels of nesting end in a finding, not a crash', () => {
    const text = `${'['.repeat(10000)}${']'.repeat(10000)}`;
    const result = check(text);
    assert.ok(result.diagnostics.some((d) => d.code === 'unsupported-yaml' || d.code === 'yaml-syntax'));
  });
  test('an alias bomb is bounded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const result = check(lines.join('\n'));
    assert.ok(Date.now() - started < 5000, 'finishes quickly');
    assert.ok(result.codes.includes('unsupported-yaml'), result.codes.join(','));
  });
  test('a file over the size limit is not parsed', () => {
    const result = check(`apiVersion: ai-governance/v1\nx-note: "${'あ'.repeat(1000)}"\n`, { settings: { maxFileSizeBytes: 100 } });
    assert.deepEqual(result.codes, ['file-too-large']);
  });
  test('CRLF, a BOM and tabs in values are read like any file', () => {
    const text = '\uFEFF' + completeRecord(['developer']).replace(/\n/g, '\r\n');
    assert.deepEqual(check(text, { files: FILES }).codes, []);
  });
});

describe('schema: missing-field, unknown-key, wrong-type, invalid-value', () => {
  test('missing apiVersion', () => {
    const result = check('roles: [developer]\n');
    assert.equal(result.of('missing-field')[0]?.message.includes('apiVersion'), true);
  });
  test('an unknown top-level key, with did-you-mean; x- keys pass', () => {
    const text = `${HEADER}role: [developer]\nx-internal: ok\n`;
    const result = check(text);
    const [d] = result.of('unknown-key');
    assert.equal(textAt(text, d), 'role');
    assert.match(d.message, /roles/);
    assert.equal(result.of('unknown-key').length, 1);
  });
  test('x- keys under items are extensions, not items', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  x-internal:\n    foo: 1\n  D-7 ii:\n    status: planned\n`;
    const result = check(text);
    assert.deepEqual(result.codes.filter((c) => c !== 'missing-required-item' && c !== 'missing-expected-item'), []);
    assert.ok(!result.of('missing-required-item').some((d) => d.data.itemId === 'D-7 ii'));
  });
  test('a bad status value is on the value', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: done\n`;
    const [d] = check(text).of('invalid-value');
    assert.equal(textAt(text, d), 'done');
  });
  test('a wrong type', () => {
    const text = `${HEADER}roles: developer\n`;
    const [d] = check(text).of('wrong-type');
    assert.equal(textAt(text, d), 'developer');
  });
  test('deferred when Red Hat YAML reports schema errors', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: done\n`;
    assert.equal(check(text, { settings: { deferSchemaDiagnostics: true } }).of('invalid-value').length, 0);
  });
});

describe('unknown-item / duplicate-item / non-canonical-id', () => {
  test('an unknown id with ranked suggestions', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 iii:\n    status: planned\n`;
    const [d] = check(text).of('unknown-item');
    assert.equal(textAt(text, d), 'D-7 iii');
    assert.ok(d.data.suggestions?.includes('D-7 ii'));
  });
  test('an alias is information with its canonical form', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7) ii.:\n    status: planned\n`;
    const [d] = check(text).of('non-canonical-id');
    assert.equal(d.severity, 'information');
    assert.equal(d.data.canonical, 'D-7 ii');
  });
  test('the same item twice after normalisation', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n  d-7 ii:\n    status: planned\n`;
    const [d] = check(text).of('duplicate-item');
    assert.equal(textAt(text, d), 'd-7 ii');
  });
});

describe('missing-required-item / missing-expected-item', () => {
  test('a developer without D-7 ii gets exactly that warning, on items:', () => {
    const text = completeRecord(['developer']).replace(/  D-7 ii:\n(    .*\n)+/, '');
    const result = check(text, { files: FILES });
    assert.deepEqual(result.codes, ['missing-required-item']);
    const [d] = result.diagnostics;
    assert.equal(d.data.itemId, 'D-7 ii');
    assert.equal(d.severity, 'warning');
    assert.equal(textAt(text, d), 'items');
    assert.match(d.message, /開発関連情報の文書化/);
  });
  test('D-10 i is only expected', () => {
    const text = completeRecord(['developer']).replace(/  D-10 i:\n(    .*\n)+/, '');
    assert.ok(!text.includes('D-10 i:'), 'the fixture lacks D-10 i');
    const result = check(text, { files: FILES });
    assert.deepEqual(result.of('missing-expected-item').map((d) => d.data.itemId), ['D-10 i']);
    assert.deepEqual(result.of('missing-required-item'), []);
    assert.equal(result.of('missing-expected-item')[0].severity, 'information');
  });
  test('a principle is covered by all of its sub-items', () => {
    const subs = catalog.children('C-7').map((c) => `  ${c.id}:\n    status: planned`).join('\n');
    const text = completeRecord(['developer']).replace(/  C-7:\n(    .*\n)+/, `${subs}\n`);
    assert.deepEqual(check(text, { files: FILES }).of('missing-required-item'), []);
  });
  test('a principle partly covered names the missing sub-items', () => {
    const text = completeRecord(['developer']).replace(/  C-7:\n(    .*\n)+/, '  C-7-6:\n    status: planned\n');
    const [d] = check(text, { files: FILES }).of('missing-required-item');
    assert.equal(d.data.itemId, 'C-7');
    assert.ok(d.data.missingSubItems?.includes('C-7-1'));
    assert.ok(!d.data.missingSubItems?.includes('C-7-6'));
  });
  test('no roles: nothing is required', () => {
    assert.deepEqual(check(`${HEADER}items: {}\n`).of('missing-required-item'), []);
  });
  test('H-12 is required of a provider handling advanced AI, I)–XI) only expected', () => {
    const text = completeRecord(['provider']).replace('advancedAI: false', 'advancedAI: true');
    assert.ok(catalog.get('H-12'), 'the catalog has H-12');
    const result = check(text, { files: FILES });
    assert.deepEqual(result.of('missing-required-item').map((d) => d.data.itemId), ['H-12']);
    assert.equal(result.of('missing-expected-item').filter((d) => d.data.itemId?.startsWith('H-')).length, 11);
  });
});

describe('item-role-not-declared / advanced-item-without-flag', () => {
  test('a provider item in a developer record', () => {
    const text = completeRecord(['developer']).replace('items:\n', 'items:\n  P-2 i:\n    status: planned\n');
    const [d] = check(text, { files: FILES }).of('item-role-not-declared');
    assert.equal(textAt(text, d), 'P-2 i');
  });
  test('an H item without advancedAI', () => {
    const text = completeRecord(['developer']).replace('items:\n', 'items:\n  H-1:\n    status: planned\n');
    assert.equal(check(text, { files: FILES }).of('advanced-item-without-flag').length, 1);
  });
});

describe('documentation-without-evidence / evidence-not-found / evidence-outside-workspace', () => {
  const base = `${HEADER}roles: [developer]\nitems:\n`;
  test('a documentation item implemented without evidence', () => {
    const text = `${base}  D-7 ii:\n    status: implemented\n    owner: x\n`;
    const [d] = check(text).of('documentation-without-evidence');
    assert.equal(textAt(text, d), 'implemented');
  });
  test('planned documentation items need no evidence yet', () => {
    assert.equal(check(`${base}  D-7 ii:\n    status: planned\n`).of('documentation-without-evidence').length, 0);
  });
  test('a missing evidence file, an existing one, a URL, a Windows-style path', () => {
    const text = `${base}  D-2 i:\n    status: planned\n    evidence: [docs/record.md, docs/missing.md, "https://example.com/x", 'docs\\record.md']\n`;
    const found = check(text, { files: FILES }).of('evidence-not-found');
    assert.deepEqual(found.map((d) => textAt(text, d)), ['docs/missing.md']);
  });
  test('a path escaping the workspace is an error', () => {
    const text = `${base}  D-2 i:\n    status: planned\n    evidence: [../../etc/passwd, /etc/passwd, 'C:\\Windows\\x.txt']\n`;
    const found = check(text).of('evidence-outside-workspace');
    assert.equal(found.length, 3);
    assert.equal(found[0].severity, 'error');
  });
});

describe('missing-justification / missing-owner', () => {
  const base = `${HEADER}roles: [developer]\nitems:\n`;
  test('not-applicable needs a justification', () => {
    assert.equal(check(`${base}  D-2 i:\n    status: not-applicable\n`).of('missing-justification').length, 1);
    assert.equal(check(`${base}  D-2 i:\n    status: not-applicable\n    justification: 学習を行わないため\n`).of('missing-justification').length, 0);
  });
  test('implemented needs an owner', () => {
    assert.equal(check(`${base}  D-2 i:\n    status: implemented\n`).of('missing-owner').length, 1);
  });
});

describe('invalid-review-date / future-review-date / stale-review', () => {
  const entry = (date: string) => `${HEADER}roles: [developer]\nitems:\n  D-2 i:\n    status: planned\n    reviewed: ${date}\n`;
  test('not a date', () => {
    assert.equal(check(entry('2026-02-30')).of('invalid-review-date')[0]?.severity, 'error');
    assert.equal(check(entry('yesterday')).of('invalid-review-date').length, 1);
  });
  test('in the future', () => {
    assert.equal(check(entry('2026-11-23')).of('future-review-date').length, 1);
    assert.equal(check(entry('2026-11-22')).of('future-review-date').length, 0);
  });
  test('older than reviewMaxAgeDays', () => {
    assert.equal(check(entry('2025-11-21')).of('stale-review').length, 1);
    assert.equal(check(entry('2025-11-22')).of('stale-review').length, 0);
    assert.equal(check(entry('2026-10-01'), { settings: { reviewMaxAgeDays: 30 } }).of('stale-review').length, 1);
  });
});

describe('unknown-system / missing-safeguard', () => {
  test('items.*.systems names a defined system', () => {
    const text = `${HEADER}roles: [provider]\nsystems:\n  - id: kb-assistant\n    kinds: [generative]\nitems:\n  P-2 i:\n    status: planned\n    systems: [kb-asistant]\n`;
    const [d] = check(text).of('unknown-system');
    assert.equal(textAt(text, d), 'kb-asistant');
    assert.deepEqual(d.data.suggestions, ['kb-assistant']);
  });
  test('an agent without the FY2025 safeguards, one finding per missing one, on its safeguards key', () => {
    const text = `${HEADER}roles: [provider]\nsystems:\n  - id: bot\n    kinds: [agent]\n    safeguards: [human-oversight]\n`;
    const found = check(text).of('missing-safeguard');
    const ids = found.map((d) => d.data.safeguard);
    assert.ok(!ids.includes('human-oversight'));
    assert.ok(!ids.includes('hardware-data-erasure'), 'erasure is for physical AI only');
    assert.ok(ids.includes('least-privilege'));
    assert.ok(found.every((d) => d.severity === 'information' && textAt(text, d) === 'safeguards'));
    assert.equal(found.find((d) => d.data.safeguard === 'least-privilege')?.message, '対策の記載がありません: AIエージェント「bot」の safeguards に least-privilege（最小権限の設定）。令和7年度更新の留意事項');
  });
  test('the message names the consideration and the system, never quotes the update (the hover does): short, however many findings', () => {
    const text = `${HEADER}roles: [provider]\nsystems:\n  - id: bot\n    kinds: [physical]\n`;
    for (const language of ['ja', 'en'] as const) {
      const found = check(text, { settings: { language } }).of('missing-safeguard');
      assert.equal(found.length, 6, 'physical AI: the five considerations and hardware-data-erasure');
      for (const d of found) {
        const safeguard = catalog.safeguard(d.data.safeguard ?? '');
        assert.ok(safeguard, d.message);
        assert.ok(d.message.includes(safeguard.id) && d.message.includes('bot'), d.message);
        for (const line of safeguard.text) assert.ok(!d.message.includes(line.slice(0, 12)), `${language}: no quote in ${d.message}`);
        assert.ok(d.message.length <= (language === 'ja' ? 100 : 160), `${language}: ${d.message.length} characters: ${d.message}`);
      }
      assert.equal(textAt(text, found[0]), 'physical', 'without a safeguards key: on the kind');
    }
  });
});

describe('suppression comments', () => {
  const text = `${HEADER}roles: [developer]\nitems:\n  # ai-governance-disable-next-line unknown-item\n  D-99 i:\n    status: planned\n  D-98 i:\n    status: planned\n`;
  test('disable-next-line silences that code on the next line only', () => {
    assert.equal(check(text).of('unknown-item').length, 1);
  });
  test('disable for the whole file', () => {
    assert.equal(check(`# ai-governance-disable unknown-item\n${text}`).of('unknown-item').length, 0);
  });
});

describe('settings', () => {
  test('severity per rule, and off', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  D-7) ii.:\n    status: planned\n`;
    assert.equal(check(text, { settings: { severity: { 'non-canonical-id': 'warning' } } }).of('non-canonical-id')[0].severity, 'warning');
    assert.equal(check(text, { settings: { severity: { 'non-canonical-id': 'off' } } }).of('non-canonical-id').length, 0);
  });
  test('English messages', () => {
    const text = `${HEADER}roles: [developer]\nitems: {}\n`;
    const messages = check(text, { settings: { language: 'en' } }).of('missing-required-item').map((d) => d.message);
    assert.ok(messages.length > 0);
    assert.ok(messages.every((m) => /^[\x20-\x7e]+$/.test(m)), 'ASCII only');
  });
  test('every rule code has a message in both languages, rendered from its documented example', () => {
    for (const code of RULE_CODES) {
      const ja = checkExample(code, 'yaml', 'ja').filter((d) => d.code === code);
      const en = checkExample(code, 'yaml', 'en').filter((d) => d.code === code);
      assert.ok(ja.length > 0 && ja.length === en.length, `${code}: its example shows it in both languages`);
      for (const d of ja) assert.match(d.message, /[\u3040-\u30ff\u3400-\u9fff]/, `${code}: Japanese message: ${d.message}`);
      for (const [index, d] of en.entries()) {
        assert.notEqual(d.message, ja[index].message, `${code}: the English message differs from the Japanese one`);
        assert.doesNotMatch(d.message, /undefined|\$\{/, `${code}: every parameter filled: ${d.message}`);
        assert.doesNotMatch(ja[index].message, /undefined|\$\{/, `${code}: every parameter filled: ${ja[index].message}`);
      }
    }
  });
});
