/** The CI formats: GitLab Code Quality (shape, severities, stable fingerprints) and Markdown (tables, escaping, cut-off). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import { RULE_CODES } from '../../server/src/engine';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import type { CodeQualityIssue } from '../../server/src/cli/formatters/gitlab';
import { escapeMarkdown, MAX_FINDINGS } from '../../server/src/cli/formatters/markdown';
import { runCli, workspace } from '../support/cli';
import { check, makeEngine } from '../support/engine';

/** The engine's coverage summary of a record, to hold the table to. */
function coverageOf(text: string) {
  const { doc } = check(text);
  const coverage = makeEngine().coverage(doc);
  return coverage ?? { summary: { required: 0, missing: 0, done: 0 } };
}

/** An error (unknown key with table- and HTML-breaking characters), a typo'd id, an alias, missing items, a file that cannot be parsed. */
const RECORD = [
  'apiVersion: ai-governance/v1',
  'roles: [developer]',
  'items:',
  '  "C-7 ⑥":',
  '    status: implemented',
  '    owner: 文書管理室',
  '  D-7 iii: {status: planned}',
  '  C-1: {status: planned}',
  '"x|y<script>alert(1)</script>`*": 1',
  '',
].join('\n');
const FILES = { 'teams/a/ai-governance.yaml': RECORD, 'b.ai-governance.yaml': 'apiVersion: [\n', 'clean/ai-governance.yaml': 'apiVersion: ai-governance/v1\nroles: []\n' };

let ws: ReturnType<typeof workspace>;
let json: JsonReport;
before(async () => {
  ws = workspace(FILES);
  json = JSON.parse((await runCli(['check', '-f', 'json', '--lang', 'en'], { cwd: ws.root })).stdout) as JsonReport;
});
after(() => ws.cleanup());

const run = (args: string[], cwd = ws.root) => runCli(['check', ...args], { cwd });

/** GitLab's Code Quality report format (docs.gitlab.com, "Code Quality report format"): the fields the widget reads. */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', enum: [...RULE_CODES] },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('gitlab', () => {
  let issues: CodeQualityIssue[];
  before(async () => {
    const result = await run(['-f', 'gitlab', '--lang', 'en']);
    assert.equal(result.code, 1);
    issues = JSON.parse(result.stdout) as CodeQualityIssue[];
  });

  test('validates against the Code Quality shape, one issue per finding, at the finding’s file and line', () => {
    const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);
    assert.equal(validate(issues), true, JSON.stringify(validate.errors, null, 2));
    const expected = json.files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, code: d.code, line: d.line, message: d.message })));
    assert.ok(expected.length > 5);
    assert.deepEqual(
      issues.map((i) => ({ path: i.location.path, code: i.check_name, line: i.location.lines.begin, message: i.description })),
      expected,
    );
  });

  test('severities: an error that keeps the file from being checked is critical, other errors major, warnings minor, information info', () => {
    const severity = (code: string) => new Set(issues.filter((i) => i.check_name === code).map((i) => i.severity));
    assert.deepEqual(severity('yaml-syntax'), new Set(['critical']));
    assert.deepEqual(severity('unknown-key'), new Set(['major']));
    assert.deepEqual(severity('missing-required-item'), new Set(['minor']));
    assert.deepEqual(severity('non-canonical-id'), new Set(['info']));
  });

  test('fingerprints are unique, and stay when lines move, when the language changes and on the next run', async () => {
    const prints = issues.map((i) => i.fingerprint);
    assert.equal(new Set(prints).size, prints.length);
    const again = JSON.parse((await run(['-f', 'gitlab', '--lang', 'ja'])).stdout) as CodeQualityIssue[];
    assert.deepEqual(again.map((i) => i.fingerprint), prints);

    const shifted = workspace({ ...FILES, 'teams/a/ai-governance.yaml': `# 記録の説明\n# 二行目\n${RECORD.replace('items:\n', 'items:\n  C-2: {status: planned}\n')}` });
    try {
      const moved = JSON.parse((await run(['-f', 'gitlab', '--lang', 'en'], shifted.root)).stdout) as CodeQualityIssue[];
      const before = new Map(issues.map((i) => [i.fingerprint, i]));
      // C-2 is no longer missing: its issue is gone, every other one keeps its fingerprint on new lines.
      const missingC2 = issues.find((i) => i.description.includes('C-2'));
      assert.ok(missingC2);
      assert.equal(moved.length, issues.length - 1);
      for (const issue of moved) {
        const old = before.get(issue.fingerprint);
        assert.ok(old, `new fingerprint for ${issue.check_name}: ${issue.description}`);
        assert.equal(old.description, issue.description);
        if (issue.location.path === 'teams/a/ai-governance.yaml' && old.location.lines.begin > 3) assert.equal(issue.location.lines.begin, old.location.lines.begin + 3);
      }
      assert.ok(!moved.some((i) => i.fingerprint === missingC2.fingerprint));
    } finally {
      shifted.cleanup();
    }
  });

  test('a clean run is an empty array', async () => {
    const result = await run(['-f', 'gitlab', 'clean']);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });
});

/** The cells of a GFM table row: split on `|` that is not backslash-escaped. */
const cells = (row: string) => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);

describe('markdown', () => {
  let md: string;
  before(async () => {
    const result = await run(['-f', 'markdown', '--lang', 'en']);
    assert.equal(result.code, 1);
    md = result.stdout;
  });

  test('a verdict, a summary row per file with required items done and missing and counts, then a table of findings per file', () => {
    const lines = md.split('\n');
    const total = json.summary.problems;
    assert.equal(lines[0], `### AI governance check: ❌ ${total} problems (${json.summary.error} errors, ${json.summary.warning} warnings, ${json.summary.information} information)`);
    const summary = lines.filter((l) => /^\| `[^`]+` \|/.test(l));
    assert.equal(summary.length, json.files.length);
    for (const file of json.files) {
      const row = summary.find((l) => l.startsWith(`| \`${file.path}\` |`));
      assert.ok(row, file.path);
      const [, done, missing, errors, warnings] = cells(row).map((c) => c.trim());
      assert.equal(Number(errors), file.diagnostics.filter((d) => d.severity === 'error').length);
      assert.equal(Number(warnings), file.diagnostics.filter((d) => d.severity === 'warning').length);
      const expected = coverageOf(FILES[file.path as keyof typeof FILES]).summary;
      assert.equal(Number(missing), expected.missing, file.path);
      // no roles declared: nothing is required; the file with a syntax error is said to be read in part
      if (file.path === 'clean/ai-governance.yaml') assert.equal(done, '—');
      if (file.path === 'b.ai-governance.yaml') assert.equal(done, '— (partly read)');
      // C-1 and D-7 iii planned, C-7-6 alone does not cover C-7: nothing required is done
      if (file.path === 'teams/a/ai-governance.yaml') assert.equal(done, `0 / ${expected.required} (0%)`);
      if (file.path === 'teams/a/ai-governance.yaml') assert.ok(expected.required > 10 && expected.missing > 10);
    }
    const findings = lines.filter((l) => /^\| \d+:\d+ \|/.test(l));
    assert.equal(findings.length, total);
    for (const row of findings) assert.equal(cells(row).length, 4, row);
    assert.ok(lines.includes('#### `teams/a/ai-governance.yaml`'));
    assert.ok(!lines.includes('#### `clean/ai-governance.yaml`'), 'a file without findings gets no findings table');
  });

  test('record text cannot break the table or inject HTML', () => {
    const row = md.split('\n').find((l) => l.includes('unknown-key'));
    assert.ok(row);
    assert.equal(cells(row).length, 4);
    assert.doesNotMatch(md, /<script>/);
    assert.match(row, /x\\\|y&lt;script&gt;alert\\\(1\\\)&lt;\/script&gt;\\`\\\*/);
    assert.equal(escapeMarkdown('a|b\nc'), 'a\\|b<br>c');
  });

  test('a file too large to check shows as not checked', async () => {
    const big = workspace({ 'ai-governance.yaml': `apiVersion: ai-governance/v1\nx-pad: "${'a'.repeat(2000)}"\n` });
    try {
      const out = (await run(['-f', 'markdown', '--lang', 'en', '--max-file-size-kb', '1'], big.root)).stdout;
      assert.match(out, /^\| `ai-governance\.yaml` \| not checked \| — \| 1 \| 0 \| 0 \| 0 \|$/m);
    } finally {
      big.cleanup();
    }
  });

  test('in Japanese, and a clean run says so', async () => {
    const ja = (await run(['-f', 'markdown', '--lang', 'ja'])).stdout;
    assert.match(ja, /^### AI ガバナンス検査: ❌ \d+ 件の問題/);
    assert.match(ja, /\| ファイル \| 必要な項目の対応済み \| 未記載 \| エラー \| 警告 \| 情報 \| ヒント \|/);
    const clean = await run(['-f', 'markdown', '--lang', 'ja', 'clean']);
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /^### AI ガバナンス検査: ✅ 1 ファイルを検査しました。問題はありません\n/);
  });

  test(`more than ${MAX_FINDINGS} findings: the first ${MAX_FINDINGS} rows and a note, the counts still complete`, async () => {
    const keys = Array.from({ length: MAX_FINDINGS + 20 }, (_, i) => `k${i}: 1`).join('\n');
    const big = workspace({ 'ai-governance.yaml': `apiVersion: ai-governance/v1\n${keys}\n` });
    try {
      const out = (await run(['-f', 'markdown', '--lang', 'en'], big.root)).stdout;
      const rows = out.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
      assert.equal(rows.length, MAX_FINDINGS);
      const count = Number(/❌ (\d+) problems/.exec(out)?.[1]);
      assert.ok(count > MAX_FINDINGS);
      assert.match(out, new RegExp(`_Showing the first ${MAX_FINDINGS} of ${count} findings`));
    } finally {
      big.cleanup();
    }
  });
});
