/**
 * The HTML report in a real browser: headless Chromium renders it to a screenshot and prints it
 * to PDF (A4, several pages), both written into test-results/ for a person to look at. Without
 * Chromium the test fails under CI and says loudly why when skipped locally.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { REPO, runCli } from '../support/cli';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(REPO, 'test-results');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const available = existsSync(CHROMIUM);
if (!available) {
  const why = `\n*** report-browser: ${CHROMIUM} is missing, so the HTML report was NOT rendered in a browser. Install it (apt-get install -y chromium). ***\n`;
  if (process.env.CI === 'true') throw new Error(why);
  process.stderr.write(why);
}

/** Pages of a PDF: each page object says /Type /Page (not /Pages). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

describe('HTML report in headless Chromium', { skip: !available && process.env.CI !== 'true' ? `${CHROMIUM} missing` : false }, () => {
  let browser: Browser;
  const files: Record<'ja' | 'en', string> = { ja: join(OUT, 'report-ja.html'), en: join(OUT, 'report-en.html') };
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const cwd = join(REPO, 'examples');
    for (const language of ['ja', 'en'] as const) {
      const result = await runCli(['report', 'saas-agents', 'startup-developer-provider', '--lang', language, '-f', 'html', '-o', files[language]], { cwd });
      assert.equal(result.code, 0, result.stderr);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
  });

  for (const language of ['ja', 'en'] as const) {
    test(`renders (${language}): no request leaves the page, Japanese text laid out, charts drawn`, async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 1600 }, javaScriptEnabled: false });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${files[language]}`);
      await page.screenshot({ path: join(OUT, `report-${language}.png`), fullPage: false });
      await page.locator('table.checklist').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `report-${language}-checklist.png`) });
      assert.deepEqual(requests, []);
      const heading = await page.textContent('h1');
      assert.match(heading ?? '', language === 'ja' ? /AIガバナンス報告書/ : /AI Governance Report/);
      // The quote of D-7 ii is there, verbatim, in both languages.
      const body = (await page.textContent('body')) ?? '';
      assert.match(body, /出典: AI事業者ガイドライン（第1\.0版）/);
      assert.ok((await page.locator('svg.bar').count()) > 10, 'bar charts are drawn');
      // Two records: two sections, the second starting on a new page when printed.
      assert.equal(await page.locator('section.record').count(), 2);
      await context.close();
    });

    test(`prints to A4 PDF (${language}): several pages`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`file://${files[language]}`);
      await page.emulateMedia({ media: 'print' });
      const target = join(OUT, `report-${language}.pdf`);
      await page.pdf({ path: target, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pdf = readFileSync(target);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pages = pdfPages(pdf);
      assert.ok(pages >= 4, `expected several pages, got ${pages}`);
      writeFileSync(join(OUT, `report-${language}.pages.txt`), `${pages}\n`);
      await context.close();
    });
  }
});
