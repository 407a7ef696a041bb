/** The shape of every output format, checked against the JSON report of the same run. */
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { RULE_CODES } from '../../server/src/engine';
import { loadCatalog } from '../../server/src/engine/catalog';
import { citationLine } from '../../server/src/engine/citation';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import type { Log } from 'sarif';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { escapeXml } from '../../server/src/cli/formatters/junit';
import { runCli, workspace } from '../support/cli';

/** The log as our formatter writes it: every optional SARIF field the tests read is there. */
type DeepRequired<T> = T extends Array<infer U> ? Array<DeepRequired<U>> : T extends object ? { [K in keyof T]-?: DeepRequired<NonNullable<T[K]>> } : T;
type SarifLog = DeepRequired<Log>;

/**
 * One error with characters every format must escape (`%`, `,`, `:`, `<`, `&`, `"`), a
 * non-canonical id (information), a documentation item without evidence (a warning about a
 * guideline item) and an item missing for the declared role (warning), in a folder whose name
 * needs URI encoding.
 */
const RECORD = [
  'apiVersion: ai-governance/v1',
  'roles: [developer]',
  'items:',
  '  "C-7 ⑥":',
  '    status: implemented',
  '    owner: 文書管理室',
  '  C-1: {status: planned}',
  '"x%y,z:<&>\\"": 1',
  '',
].join('\n');
const FILE = 'チーム a/ai-governance.yaml';

let ws: ReturnType<typeof workspace>;
let report: JsonReport;
before(async () => {
  ws = workspace({ [FILE]: RECORD });
  const result = await runCli(['check', '-f', 'json', '--lang', 'ja'], { cwd: ws.root });
  report = JSON.parse(result.stdout) as JsonReport;
});
after(() => ws.cleanup());

const formatOutput = async (format: string, extra: string[] = [], env: Record<string, string> = {}, tty = false) => runCli(['check', '-f', format, '--lang', 'ja', ...extra], { cwd: ws.root, env, stdoutTTY: tty });
const diagnostics = () => report.files.flatMap((f) => f.diagnostics);

describe('json', () => {
  test('files, diagnostics with zero-based ranges and one-based positions, and a summary that adds up', () => {
    assert.equal(report.tool.name, 'ai-governance');
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].path, FILE);
    assert.ok(report.files[0].absolutePath.startsWith(ws.root));
    const all = diagnostics();
    const codes = all.map((d) => d.code);
    for (const code of ['unknown-key', 'non-canonical-id', 'documentation-without-evidence']) assert.ok(codes.includes(code as never), code);
    for (const d of all) {
      assert.equal(d.line, d.range.start.line + 1);
      assert.equal(d.column, d.range.start.character + 1);
      assert.equal(d.endLine, d.range.end.line + 1);
      assert.equal(d.endColumn, d.range.end.character + 1);
      assert.equal(d.href, `https://github.com/ai-governance/ai-governance-vscode/blob/main/README.md#${d.code}`);
    }
    const { summary } = report;
    assert.equal(summary.problems, all.length);
    assert.equal(summary.error + summary.warning + summary.information + summary.hint, all.length);
    assert.equal(summary.error, all.filter((d) => d.severity === 'error').length);
    assert.deepEqual(report.failures, []);
  });
});

describe('stylish', () => {
  test('a block per file with one row per finding, and a summary', async () => {
    const { stdout } = await formatOutput('stylish');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], FILE);
    const rows = lines.filter((l) => /^ {2}\d+:\d+ +(error|warning|info|hint) +.+ {2}[a-z-]+$/.test(l));
    assert.equal(rows.length, diagnostics().length);
    for (const d of diagnostics()) assert.ok(rows.some((r) => r.startsWith(`  ${d.line}:${d.column} `) && r.endsWith(`  ${d.code}`)), `${d.code} at ${d.line}:${d.column}`);
    assert.match(lines[lines.length - 1], new RegExp(`^✖ ${diagnostics().length} 件の問題（エラー ${report.summary.error}、警告 ${report.summary.warning}`));
    assert.doesNotMatch(stdout, /\u001b\[/);
  });

  test('coloured on a TTY, never when NO_COLOR is set', async () => {
    assert.match((await formatOutput('stylish', [], {}, true)).stdout, /\u001b\[31merror/);
    assert.doesNotMatch((await formatOutput('stylish', [], { NO_COLOR: '1' }, true)).stdout, /\u001b\[/);
  });

  test('machine formats are never coloured, even on a TTY', async () => {
    for (const format of ['json', 'sarif', 'github', 'junit']) {
      assert.doesNotMatch((await formatOutput(format, [], {}, true)).stdout, /\u001b\[/, format);
    }
  });
});

describe('sarif', () => {
  let log: SarifLog;
  before(async () => {
    log = JSON.parse((await formatOutput('sarif')).stdout) as SarifLog;
  });

  test('validates against the SARIF 2.1.0 JSON schema', () => {
    // unicodeRegExp off: the schema's `language` pattern has a stray "]" that only non-unicode regexps accept.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const valid = validate(log);
    assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
  });

  // As root every permission check passes, so the unreadable file is one the kernel refuses to read.
  const asRoot = process.getuid?.() === 0;
  const skip = asRoot && process.platform !== 'linux' ? 'needs Linux when run as root' : false;
  test('edge cases validate too: an empty region, a file outside the working folder, a file that could not be read', { skip }, async () => {
    const inner = workspace({ 'big/ai-governance.yaml': `apiVersion: ai-governance/v1\nx-pad: "${'a'.repeat(3000)}"\n`, 'locked.ai-governance.yaml': 'apiVersion: ai-governance/v1\n' });
    const outside = workspace({ 'ai-governance.yaml': 'apiVersion: ai-governance/v1\nbad: 1\n' });
    try {
      const unreadable = asRoot ? '/proc/self/mem' : join(inner.root, 'locked.ai-governance.yaml');
      if (!asRoot) chmodSync(unreadable, 0o000);
      const result = await runCli(['check', '-f', 'sarif', '--max-file-size-kb', '2', 'big', join(outside.root, 'ai-governance.yaml'), unreadable], { cwd: inner.root });
      assert.equal(result.code, 2);
      const edge = JSON.parse(result.stdout) as SarifLog;
      const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(sarifSchema);
      assert.equal(validate(edge), true, JSON.stringify(validate.errors, null, 2));
      const run = edge.runs[0];
      const tooLarge = run.results.find((r) => r.ruleId === 'file-too-large');
      assert.deepEqual(tooLarge?.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
      const elsewhere = run.results.find((r) => r.ruleId === 'unknown-key');
      assert.equal(elsewhere?.locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(join(outside.root, 'ai-governance.yaml')).href);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.equal((run.invocations[0].toolExecutionNotifications as unknown[]).length, 1);
    } finally {
      inner.cleanup();
      outside.cleanup();
    }
  });

  test('the schema check can fail: a region with column 0 does not validate', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    assert.equal(ajv.compile(sarifSchema)(broken), false);
  });

  test('carries metadata for every rule: name, title, description, help and the README link', () => {
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      [...RULE_CODES],
    );
    for (const rule of rules) {
      assert.match(String(rule.name), /^[A-Z][A-Za-z]+$/);
      for (const key of ['shortDescription', 'fullDescription', 'help'] as const) {
        const text = (rule[key] as { text: string }).text;
        assert.ok(text.length > 0 && text !== rule.id, `${rule.id}.${key}`);
      }
      assert.equal(rule.helpUri, `https://github.com/ai-governance/ai-governance-vscode/blob/main/README.md#${rule.id}`);
      assert.ok(['error', 'warning', 'note'].includes((rule.defaultConfiguration as { level: string }).level));
    }
  });

  test('one result per finding, with its exact region, level and rule', () => {
    const run = log.runs[0];
    const all = diagnostics();
    assert.equal(run.results.length, all.length);
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    all.forEach((d, index) => {
      const result = run.results[index];
      assert.equal(result.ruleId, d.code);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, d.code);
      assert.equal(result.level, level[d.severity]);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      assert.equal(artifactLocation.uri, '%E3%83%81%E3%83%BC%E3%83%A0%20a/ai-governance.yaml');
      assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
    });
    assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///') && run.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
    assert.equal(new Set(run.results.map((r) => r.partialFingerprints['aiGovernanceFinding/v1'])).size, run.results.length);
  });

  test('a finding about a guideline item quotes the item: title, verbatim text, citation', () => {
    const item = loadCatalog().get('C-7-6');
    assert.ok(item, 'C-7-6 is in the catalog');
    const result = log.runs[0].results.find((r) => r.ruleId === 'documentation-without-evidence');
    assert.ok(result);
    for (const part of [item.title, ...item.text.map((l) => l.trim()), citationLine(item)]) assert.ok(result.message.text.includes(part), part);
    assert.equal(result.properties.itemId, 'C-7-6');
    assert.deepEqual(result.properties.guidelineText, item.text.map((l) => l.trim()));
    assert.equal(result.properties.citation, citationLine(item));
  });
});

describe('github', () => {
  test('one workflow command per finding, with position, title and escaped values', async () => {
    const { stdout } = await formatOutput('github');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, diagnostics().length);
    const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
    diagnostics().forEach((d, index) => {
      const expected = `::${command[d.severity]} file=${escapeProperty(FILE)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=`;
      assert.ok(lines[index].startsWith(expected), lines[index]);
      assert.ok(lines[index].endsWith(`::${escapeData(d.message)}`));
      assert.match(lines[index], new RegExp(`title=[^,]*\\(${d.code}\\)::`));
    });
    const unknownKey = lines.find((l) => l.includes('unknown-key'));
    assert.ok(unknownKey?.includes('x%25y,z:<&>"'), unknownKey);
  });

  test('escaping follows the Actions toolkit', () => {
    assert.equal(escapeData('50%\r\nnext'), '50%25%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  });
});

describe('junit', () => {
  test('a suite per file, a case per finding, failures at or above the fail severity', async () => {
    const { stdout } = await formatOutput('junit');
    assert.ok(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '));
    const tags = [...stdout.matchAll(/<\/?([a-zA-Z?-]+)/g)].map((m) => m[1]);
    assert.deepEqual(new Set(tags), new Set(['?xml', 'testsuites', 'testsuite', 'testcase', 'failure', 'system-out']));
    const errors = diagnostics().filter((d) => d.severity === 'error').length;
    assert.match(stdout, new RegExp(`<testsuites name="ai-governance" tests="${diagnostics().length}" failures="${errors}" errors="0">`));
    assert.equal((stdout.match(/<testcase /g) ?? []).length, diagnostics().length);
    assert.equal((stdout.match(/<failure /g) ?? []).length, errors);
    assert.ok(stdout.includes('x%y,z:&lt;&amp;&gt;&quot;'));
    const strict = await formatOutput('junit', ['--fail-severity', 'information']);
    const counted = diagnostics().filter((d) => d.severity !== 'hint').length;
    assert.equal((strict.stdout.match(/<failure /g) ?? []).length, counted);
  });

  test('a clean file is one passing case; XML escaping drops characters XML cannot hold', async () => {
    assert.equal(escapeXml('a<b>&"\'\u0000c'), 'a&lt;b&gt;&amp;&quot;&apos;c');
    const clean = workspace({ 'ai-governance.yaml': 'apiVersion: ai-governance/v1\n' });
    try {
      const { stdout, code } = await runCli(['check', '-f', 'junit'], { cwd: clean.root });
      assert.equal(code, 0);
      assert.match(stdout, /<testsuite name="ai-governance.yaml" tests="1" failures="0" errors="0" skipped="0">\n {4}<testcase classname="ai-governance.yaml" name="ai-governance.yaml"\/>/);
    } finally {
      clean.cleanup();
    }
  });
});
