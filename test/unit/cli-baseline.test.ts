/**
 * `check --baseline previous.json`: only findings not in an earlier run's `-f json` report are
 * reported and fail, matched by file, code and what the finding is about (item, key path) — not by
 * line; SARIF lists every finding with its baselineState (new / unchanged / absent).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import type { Log, Result } from 'sarif';

type SarifLog = Log & { runs: Array<{ results: Result[] }> };
import { runCli, workspace } from '../support/cli';

/** Two errors the team knows about: an unknown top-level key and an unknown item id. */
const KNOWN = ['apiVersion: ai-governance/v1', 'guideline: "2026"', 'colour: blue', 'items:', '  D-99 i:', '    status: planned', ''].join('\n');
/** The same record with lines added above both findings, and one new error (another unknown key). */
const MOVED_AND_NEW = ['# 追加したコメント', '# もう一行', 'apiVersion: ai-governance/v1', 'guideline: "2026"', 'flavour: sweet', 'colour: blue', 'items:', '  D-99 i:', '    status: planned', ''].join('\n');
/** Both known findings fixed. */
const FIXED = ['apiVersion: ai-governance/v1', 'guideline: "2026"', 'items:', '  C-1:', '    status: planned', ''].join('\n');

const codesOf = (report: JsonReport) => report.files.flatMap((f) => f.diagnostics.map((d) => `${d.code}@${d.line}`));

describe('check --baseline', () => {
  let ws: ReturnType<typeof workspace>;
  const file = () => join(ws.root, 'ai-governance.yaml');
  const check = (args: string[]) => runCli(['check', ...args, '--lang', 'en'], { cwd: ws.root });
  before(async () => {
    ws = workspace({ 'ai-governance.yaml': KNOWN });
    const first = await check(['-f', 'json', '-o', 'previous.json']);
    assert.equal(first.code, 1, 'the baseline run has errors');
  });
  after(() => ws.cleanup());

  test('the baseline run itself: nothing new, exit 0, the known findings counted on stderr', async () => {
    const result = await check(['-f', 'json', '--baseline', 'previous.json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(codesOf(JSON.parse(result.stdout) as JsonReport), []);
    assert.match(result.stderr, /baseline: 2 known findings not reported/);
  });

  test('lines added above known findings keep them known; only the new finding is reported and fails', async () => {
    writeFileSync(file(), MOVED_AND_NEW);
    const result = await check(['-f', 'json', '--baseline', 'previous.json']);
    assert.equal(result.code, 1);
    assert.deepEqual(codesOf(JSON.parse(result.stdout) as JsonReport), ['unknown-key@5']);
    const stylish = await check(['--baseline', 'previous.json']);
    assert.match(stylish.stdout, /5:1 +error .*flavour/);
    assert.doesNotMatch(stylish.stdout, /colour|D-99/);
  });

  test('SARIF lists every finding with baselineState, the fixed ones as absent, and still validates', async () => {
    writeFileSync(file(), MOVED_AND_NEW);
    const log = JSON.parse((await check(['-f', 'sarif', '--baseline', 'previous.json'])).stdout) as SarifLog;
    const states = log.runs[0].results.map((r) => `${r.ruleId}:${r.baselineState}`).sort();
    assert.deepEqual(states, ['unknown-item:unchanged', 'unknown-key:new', 'unknown-key:unchanged']);
    writeFileSync(file(), FIXED);
    const fixed = JSON.parse((await check(['-f', 'sarif', '--baseline', 'previous.json'])).stdout) as SarifLog;
    assert.deepEqual(fixed.runs[0].results.map((r) => `${r.ruleId}:${r.baselineState}`).sort(), ['unknown-item:absent', 'unknown-key:absent']);
    const absent = fixed.runs[0].results.find((r) => r.ruleId === 'unknown-key');
    assert.equal(absent?.locations?.[0]?.physicalLocation?.region?.startLine, 3, 'where the baseline saw it');
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    assert.ok(validate(fixed), JSON.stringify(validate.errors));
    const result = await check(['--baseline', 'previous.json']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /0 known findings not reported, 2 fixed since/);
  });

  test('a third finding like two known ones is new (counts matter)', async () => {
    const twice = ['apiVersion: ai-governance/v1', 'guideline: "2026"', 'items:', '  D-99 i:', '    status: planned', '  D-98 i:', '    status: planned', ''].join('\n');
    writeFileSync(file(), twice);
    await check(['-f', 'json', '-o', 'two.json']);
    writeFileSync(file(), twice.replace('items:\n', 'items:\n  D-97 i:\n    status: planned\n'));
    const result = await check(['-f', 'json', '--baseline', 'two.json']);
    assert.equal(result.code, 1);
    assert.deepEqual(codesOf(JSON.parse(result.stdout) as JsonReport), ['unknown-item@4']);
  });

  test('a baseline that is not a -f json report is a usage error (exit 2), never an empty baseline', async () => {
    writeFileSync(join(ws.root, 'bad.json'), '{"runs": []}');
    writeFileSync(join(ws.root, 'garbage.json'), 'not json');
    for (const name of ['bad.json', 'garbage.json', 'missing.json']) {
      const result = await check(['--baseline', name]);
      assert.equal(result.code, 2, name);
      assert.match(result.stderr, /--baseline/);
    }
  });
});
