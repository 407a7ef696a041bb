/**
 * `-f markdown` rendered as GitHub renders a job summary: converted as GitHub-flavoured Markdown
 * (marked, gfm) and laid out in real headless Chromium; the tables must come out as tables with
 * the right rows and cells, record text must stay text, and a screenshot lands in test-results/.
 * Without Chromium the test fails under CI=true and is skipped, loudly, elsewhere.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { REPO, runCli, workspace } from '../support/cli';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SCREENSHOT = join(REPO, 'test-results/markdown-summary.png');

const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI !== 'true') {
  process.stderr.write(`\n${'!'.repeat(78)}\n!! SKIPPED: the Markdown summary is not rendered in a browser: ${CHROMIUM} is missing.\n!! Install it with scripts/e2e/setup.sh (apt-get install -y chromium). Under CI=true this fails.\n${'!'.repeat(78)}\n\n`);
}

const RECORD = [
  'apiVersion: ai-governance/v1',
  'roles: [developer]',
  'items:',
  '  D-7 iii: {status: planned}',
  '  C-1: {status: planned}',
  '"x|y<script>document.title=1</script>": 1',
  '',
].join('\n');

interface Layout {
  title: string;
  scripts: number;
  heading: string;
  tables: Array<{ head: string[]; rows: string[][]; links: string[] }>;
}

/** Runs in the page (a string, as this project's TypeScript has no DOM types): what a reader sees. */
const READ_LAYOUT = `({
  title: document.title,
  scripts: document.querySelectorAll('body script').length,
  heading: document.querySelector('h3')?.textContent ?? '',
  tables: [...document.querySelectorAll('table')].map((t) => ({
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    links: [...t.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  })),
})`;

/** GitHub's own look is not needed, only a table layout close enough to read the screenshot. */
const PAGE_STYLE = `body{font-family:-apple-system,"Segoe UI","IPAGothic",sans-serif;font-size:14px;margin:24px;max-width:1012px;color:#1f2328}
table{border-collapse:collapse;margin-bottom:16px}th,td{border:1px solid #d1d9e0;padding:6px 13px}tr:nth-child(2n){background:#f6f8fa}
code{background:#eff1f3;padding:.2em .4em;border-radius:6px;font-size:85%}`;

test('the Markdown summary renders as GitHub-flavoured tables in Chromium', { skip: missing && process.env.CI !== 'true' ? `${CHROMIUM} missing` : false, timeout: 60_000 }, async () => {
  assert.ok(!missing, `${CHROMIUM} is missing: under CI=true the rendering test must run (scripts/e2e/setup.sh installs chromium)`);
  const ws = workspace({ 'team/ai-governance.yaml': RECORD, 'clean.ai-governance.yaml': 'apiVersion: ai-governance/v1\nroles: []\n' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const { stdout: md } = await runCli(['check', '-f', 'markdown', '--lang', 'ja'], { cwd: ws.root });
    const findings = md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l)).length;
    assert.ok(findings > 3);
    // marked is an ES module; this file is CommonJS.
    const { marked } = await import('marked');
    const html = await marked.parse(md, { gfm: true });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.setContent(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>summary</title><style>${PAGE_STYLE}</style></head><body>${html}</body></html>`);

    const layout = await page.evaluate<Layout>(READ_LAYOUT);
    assert.equal(layout.title, 'summary', 'no script ran');
    assert.equal(layout.scripts, 0);
    assert.match(layout.heading, /^AI ガバナンス検査: ❌ \d+ 件の問題/);
    assert.equal(layout.tables.length, 2, 'the summary table and the findings of the one file that has findings');
    const [summary, details] = layout.tables;
    assert.deepEqual(summary.head, ['ファイル', '必要な項目の対応済み', '未記載', 'エラー', '警告', '情報', 'ヒント']);
    assert.deepEqual(summary.rows.map((r) => r[0]).sort(), ['clean.ai-governance.yaml', 'team/ai-governance.yaml']);
    assert.deepEqual(details.head, ['行', '重大度', 'ルール', 'メッセージ']);
    assert.equal(details.rows.length, findings);
    for (const row of details.rows) assert.equal(row.length, 4, row.join(' | '));
    assert.ok(details.rows.some((r) => r[3].includes('「x|y<script>document.title=1</script>」')), 'the key is shown as text, pipe and all');
    for (const href of details.links) assert.match(href, /^https:\/\/github\.com\/ai-governance\/ai-governance-vscode\/blob\/main\/README\.md#[a-z-]+$/);

    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok(existsSync(SCREENSHOT));
  } finally {
    await browser.close();
    ws.cleanup();
  }
});
