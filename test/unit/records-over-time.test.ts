/**
 * Records that stay true over time: the edition a record follows (edition-update,
 * review-after-update), exemptions that expire (waiver-expired), evidence changed after its
 * review (evidence-changed-after-review, given the git dates), and described systems.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Fix } from '../../server/src/engine';
import { applyEdits, check, makeEngine, RECORD, textAt, WORKSPACE } from '../support/engine';

const record = (guideline: string, rest: string) => `apiVersion: ai-governance/v1\nguideline: ${guideline}\n${rest}`;
const USER = 'roles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n';

function fixes(text: string, code: string, options: { evidenceDates?: Record<string, string>; today?: string } = {}): { fixes: Fix[]; text: string } {
  const engine = makeEngine([], options.today);
  const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE, evidenceDates: options.evidenceDates });
  return { fixes: engine.fixes(doc, doc.diagnostics.filter((d) => d.code === code)), text };
}

describe('edition-update', () => {
  test('a record on "1.0" is told, on its guideline value, which items of its roles the update changes', () => {
    const text = record('"1.0"', USER);
    const found = check(text).of('edition-update');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]), '"1.0"');
    assert.equal(found[0].severity, 'information');
    assert.ok(found[0].data.changedItems?.includes('U-2 i'));
    assert.ok(found[0].data.changedItems?.every((id) => !id.startsWith('D-') && !id.startsWith('P-')), 'only items of the declared roles (and the shared ones)');
    assert.match(found[0].message, /令和7年度更新があります: この記録は "1\.0" です/);
  });

  test('agent and physical systems are told the update adds their considerations', () => {
    const text = record('1.1', `roles: [provider]\nsystems:\n  - id: bot\n    kinds: [agent]\n    safeguards: [human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review]\nitems: {}\n`);
    const [finding] = check(text, { settings: { language: 'en' } }).of('edition-update');
    assert.match(finding.message, /this record follows "1\.1"/);
    assert.match(finding.message, /AI agents and physical AI \(agent systems\)/);
  });

  test('the fix moves to "2026" and touches nothing else; then the finding is gone', () => {
    const text = record('"1.0"   # 移行前', USER);
    const { fixes: offered } = fixes(text, 'edition-update');
    const fix = offered.find((f) => f.id === 'set-guideline-latest');
    assert.ok(fix?.isPreferred);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('"1.0"', '"2026"'));
    assert.equal(check(fixed).of('edition-update').length, 0);
  });

  test('no finding on "2026", on an unknown edition (the schema reports that), or without guideline', () => {
    assert.equal(check(record('"2026"', USER)).of('edition-update').length, 0);
    assert.equal(check(record('"3.0"', USER)).of('edition-update').length, 0);
    assert.equal(check(`apiVersion: ai-governance/v1\n${USER}`).of('edition-update').length, 0);
  });
});

describe('review-after-update', () => {
  const reviewed = (date: string, id = 'U-2 i') => record('"2026"', `roles: [business-user]\nitems:\n  ${id}:\n    status: planned\n    reviewed: ${date}\n`);

  test('an item the update changed, reviewed before 2026-03-12, gets information on its reviewed value', () => {
    const text = reviewed('2026-03-11');
    const [finding] = check(text).of('review-after-update');
    assert.ok(finding);
    assert.equal(textAt(text, finding), '2026-03-11');
    assert.match(finding.message, /U-2 i は令和7年度更新（2026-03-12）で \d+ 箇所変わりました/);
  });

  test('reviewed on or after the update, an item the update did not change, or a record on 1.0: nothing', () => {
    assert.equal(check(reviewed('2026-03-12')).of('review-after-update').length, 0);
    assert.equal(check(reviewed('2025-01-01', 'U-7 ii')).of('review-after-update').length, 0, 'U-7 ii is not changed by the update');
    assert.equal(check(reviewed('2025-01-01').replace('"2026"', '"1.0"')).of('review-after-update').length, 0);
  });
});

describe('waiver-expired', () => {
  const waiver = (until: string, extra = '    approvedBy: AIガバナンス委員会\n') =>
    record('"2026"', `roles: [business-user]\nitems:\n  U-2 i:\n    status: not-applicable\n    justification: 業務で生成AIを使わないため\n${extra}    until: ${until}\n`);

  test('past its until: a warning on the until value, naming who approved it', () => {
    const text = waiver('2026-06-30');
    const [finding] = check(text).of('waiver-expired');
    assert.ok(finding);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), '2026-06-30');
    assert.match(finding.message, /U-2 i の not-applicable は 2026-06-30 まで（承認: AIガバナンス委員会）でした/);
  });

  test('the fix sets the status back to planned, keeping justification, approval and comments', () => {
    const text = waiver('2026-06-30').replace('status: not-applicable', 'status: not-applicable # 委員会決定 2025-07');
    const fix = fixes(text, 'waiver-expired').fixes.find((f) => f.id === 'set-status-planned');
    assert.ok(fix?.isPreferred);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('status: not-applicable', 'status: planned'));
    assert.equal(check(fixed).of('waiver-expired').length, 0);
  });

  test('until today or later, or no until at all (approvedBy optional): allowed', () => {
    assert.equal(check(waiver('2026-11-22')).of('waiver-expired').length, 0, 'the last day still counts');
    assert.equal(check(waiver('2027-03-31', '')).codes.filter((c) => c === 'waiver-expired' || c === 'unknown-key').length, 0);
    const forever = record('"2026"', 'roles: [business-user]\nitems:\n  U-2 i:\n    status: not-applicable\n    justification: 業務で生成AIを使わないため\n');
    assert.deepEqual(check(forever).codes.filter((c) => ['waiver-expired', 'missing-justification', 'unknown-key'].includes(c)), []);
  });

  test('a malformed until is a schema error, not an expired waiver', () => {
    const result = check(waiver('next spring'));
    assert.equal(result.of('waiver-expired').length, 0);
    assert.equal(result.of('invalid-value').length, 1);
  });
});

describe('evidence-changed-after-review', () => {
  const text = record('"2026"', 'roles: [business-user]\nitems:\n  U-7 ii:\n    status: implemented\n    owner: 情報システム部\n    evidence: [docs/rules.md, docs/other.md]\n    reviewed: 2026-04-01\n');
  const run = (dates?: Record<string, string>) => {
    const engine = makeEngine(['docs/rules.md', 'docs/other.md']);
    return engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE, evidenceDates: dates }).diagnostics.filter((d) => d.code === 'evidence-changed-after-review');
  };

  test('names the file and both dates, on the evidence entry', () => {
    const found = run({ [`${WORKSPACE}/docs/rules.md`]: '2026-09-15', [`${WORKSPACE}/docs/other.md`]: '2026-04-01' });
    assert.equal(found.length, 1, 'a file committed on the review day is not "after"');
    assert.equal(textAt(text, found[0]), 'docs/rules.md');
    assert.match(found[0].message, /docs\/rules\.md は 2026-09-15 に変更（最終コミット）されましたが、U-7 ii の最終レビューは 2026-04-01 です/);
    assert.equal(found[0].data.changedOn, '2026-09-15');
  });

  test('without dates (no repository, setting off, not read yet): nothing', () => {
    assert.deepEqual(run(undefined), []);
    assert.deepEqual(run({}), []);
  });
});

describe('systems described', () => {
  test('description, owner and note are accepted; x- keys still are, and a typo is still an unknown key', () => {
    const text = record('"2026"', 'roles: [provider]\nsystems:\n  - id: kb\n    name: 社内ナレッジ検索支援AI\n    description: 社内文書を検索して回答するAIアシスタント\n    owner: 情報システム部\n    note: 2026年度に更改\n    x-ticket: AI-12\n    descripton: typo\nitems: {}\n');
    const unknown = check(text).of('unknown-key');
    assert.equal(unknown.length, 1);
    assert.equal(textAt(text, unknown[0]), 'descripton');
  });
});
