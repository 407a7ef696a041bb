// A person's-eye test: the extension packaged as a .vsix, installed into code-server, used through the
// workbench in Chromium the way a person would (keyboard shortcuts, Quick Open, mouse hover, light bulb).
// Needs scripts/e2e/setup.sh to have run.
//
//   node scripts/e2e/person.mjs [--vsix <file>]
//
// Without --vsix it runs `npm run package` (a production build, then vsce); --vsix uses an existing package.
// The UI speaks Japanese (aiGovernance.messageLanguage ja). Screenshots go to test-results/ (problems.png,
// hover.png, quickfix.png, quickfix-applied.png, overview-tree.png, overview-added.png, status-bar.png,
// dashboard-dark.png, dashboard-light.png); on failure also the code-server logs. Prints each check and "N passed, N failed"; exits 1 on failure.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  RESULTS_DIR,
  ROOT,
  cleanupRegistry,
  elapsed,
  installExtension,
  launchChromium,
  makeRunDir,
  removeRunDir,
  run,
  startCodeServer,
} from './lib.mjs';
import { poll, workbench } from './workbench.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false }, // accepted for symmetry; packaging always builds
    vsix: { type: 'string' },
  },
});

const HOVER_QUOTE = 'プライバシー・バイ・デザイン';
const started = Date.now();
const cleanup = cleanupRegistry();
let page;
let checks = [];
let shot = async () => {};
let check, problemRows, problemsBadge, commandPalette, textRect;

/** The dashboard webview's document: VS Code nests it in two iframes. */
const dashboardFrame = () => page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');

/** A row of the overview tree (the "AI ガバナンス" activity bar view) whose label starts with `text`. */
const overviewRow = (text) => page.locator('[id="workbench.view.extension.aiGovernance"] .monaco-list-row', { has: page.locator('.label-name', { hasText: text }) });

let exitCode = 2;
try {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let vsix = opts.vsix;
  if (!vsix) {
    // npm run package builds (production) and packages.
    console.log(`package: npm run package (${run('npm', ['run', '--silent', 'package'])})`);
    vsix = join(ROOT, 'out/ai-governance.vsix');
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist`);

  // A Japanese user: messages, the overview and the dashboard in Japanese, a dark theme to start with.
  const runDir = makeRunDir('ai-gov-person', { settings: { 'aiGovernance.messageLanguage': 'ja', 'workbench.colorTheme': 'Default Dark Modern' } });
  cleanup.add(() => removeRunDir(runDir));
  const installed = installExtension(runDir, vsix);
  console.log(`installed ${vsix}: ${installed.split('\n').filter((l) => /install/i.test(l)).pop() ?? installed}`);

  const server = await startCodeServer(runDir);
  cleanup.add(server.stop);
  const browser = await launchChromium(runDir);
  cleanup.add(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  ({ checks, shot, check, problemRows, problemsBadge, commandPalette, textRect } = workbench(page));
  await page.goto(`${server.url}?folder=${encodeURIComponent(runDir.workspace)}`, { waitUntil: 'domcontentloaded' });
  const recordPath = join(runDir.workspace, 'ai-governance.yaml');
  const recordLines = readFileSync(recordPath, 'utf8').split('\n');
  console.log(`workbench at ${server.url} (${elapsed(started)})`);

  await check('the workbench opens the workspace', async () => {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ai-governance.yaml' }).first().waitFor({ timeout: 60_000 });
  });

  const problemsOk = await check('the Problems panel lists problems (Ctrl+Shift+M)', async () => {
    await page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
    await page.keyboard.press('Control+Shift+M');
    let how = 'Ctrl+Shift+M';
    try {
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      how = 'command palette "View: Focus Problems"';
      await commandPalette('View: Focus Problems');
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
    }
    // The extension activates, starts its server and scans the workspace; a person waits a little.
    const rows = await poll('problems in the Problems panel', async () => {
      const r = await problemRows();
      return r.length > 0 ? r : undefined;
    }, 90_000);
    const badge = await poll('the Problems badge to count them', async () => (await problemsBadge()) || undefined, 10_000);
    await shot('problems.png');
    const files = rows.map((r) => /problems? in file (\S+)/.exec(r)?.[1]).filter(Boolean);
    return `${how}; badge ${badge}, ${rows.length} rows; files: ${files.join(', ') || '(none)'}`;
  });

  const openOk = await check('Quick Open (Ctrl+P) opens ai-governance.yaml', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('ai-governance.yaml');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ai-governance.yaml' }).first();
    await row.waitFor({ timeout: 20_000 });
    // The plain name ranks before team.ai-governance.yaml.
    const first = await row.getAttribute('aria-label');
    if (!first?.startsWith('ai-governance.yaml')) throw new Error(`first Quick Open result is "${first}"`);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'ai-governance.yaml' }).waitFor({ timeout: 15_000 });
    await poll('the editor to show the record', async () => (await textRect('apiVersion')) !== null, 15_000);
  });

  await check(`hovering the D-2 i key shows the guideline text ("${HOVER_QUOTE}")`, async () => {
    if (!openOk) throw new Error('skipped: the record is not open');
    const line = recordLines.findIndex((l) => l.trim().startsWith('D-2 i:')) + 1;
    if (line <= 0) throw new Error('the record has no "D-2 i:" key');
    // Go to the line (Ctrl+G) so that it is on screen.
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    const rect = await poll('the "D-2 i" key on screen', () => textRect('D-2 i:'), 10_000);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: HOVER_QUOTE });
    let how = 'mouse';
    try {
      await poll('the hover with the guideline quote', async () => {
        await page.mouse.move(rect.x + 2, rect.y + rect.height / 2);
        await page.mouse.move(rect.x + Math.min(rect.width / 3, 12), rect.y + rect.height / 2, { steps: 4 });
        return hover.first().isVisible({ timeout: 2_500 }).then(async (v) => v || (await hover.first().waitFor({ timeout: 2_500 }).then(() => true, () => false)));
      }, 30_000);
    } catch (e) {
      // The keyboard way (Ctrl+K Ctrl+I) tells an extension problem apart from a mouse problem in headless Chromium.
      how = 'keyboard (Ctrl+K Ctrl+I) after the mouse hover did not show it';
      await page.mouse.click(rect.x + 4, rect.y + rect.height / 2);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 10_000 });
      } catch {
        const shown = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
        throw new Error(`${e instanceof Error ? e.message : e}\nhover text seen: ${JSON.stringify(shown).slice(0, 1500)}`);
      }
    }
    // Let the fade-in finish so that the screenshot shows it.
    await poll('the hover to be fully shown', () =>
      hover.first().evaluate((el) => Number(getComputedStyle(el.closest('.monaco-resizable-hover, .monaco-hover') ?? el).opacity) >= 1), 5_000).catch(() => {});
    await shot('hover.png');
    const text = await hover.first().innerText();
    if (!text.includes('出典')) throw new Error(`the hover has no citation (出典):\n${text.slice(0, 1500)}`);
    return how;
  });

  await check('the quick fix (Ctrl+.) adds the missing item D-7 ii', async () => {
    if (!problemsOk) throw new Error('skipped: no problems listed');
    await page.mouse.move(10, 450); // away from any hover
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ state: 'visible', timeout: 10_000 });
    await filter.fill('D-7 ii');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'D-7 ii' }).filter({ hasNotText: 'problems in file' });
    await poll('a problem about D-7 ii in the Problems panel', () => problem.first().isVisible(), 20_000).catch(async (e) => {
      throw new Error(`${e.message}\nrows: ${JSON.stringify(await problemRows())}`);
    });
    // Opening the problem puts the cursor on it in the editor.
    await problem.first().dblclick();
    await page.locator('.tabs-container .tab.active', { hasText: 'ai-governance.yaml' }).waitFor({ timeout: 10_000 });
    // The light bulb appears where the cursor is; a person clicks it (or presses Ctrl+. in the editor).
    const menu = page.locator('.action-widget');
    const bulb = page.locator('.editor-group-container.active .lightBulbWidget, .editor-group-container.active .codicon-light-bulb').first();
    let how = 'light bulb';
    try {
      await bulb.waitFor({ state: 'visible', timeout: 10_000 });
      await bulb.click();
      await menu.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      how = 'Ctrl+. in the editor';
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').click({ position: { x: 5, y: 5 } }).catch(() => {});
      await page.keyboard.press('Escape');
      await problem.first().press('Enter').catch(() => {}); // reopens the problem with the editor focused
      await page.keyboard.press('Control+.');
      await menu.waitFor({ state: 'visible', timeout: 15_000 });
    }
    // Choose the fix with the arrow keys and Enter, as the menu is long when several problems share a line
    // (and it blocks pointer events right after it opens).
    const focused = menu.locator('.monaco-list-row.focused');
    const seen = [];
    let title = '';
    for (let i = 0; i < 100; i++) {
      const label = ((await focused.getAttribute('aria-label', { timeout: 2_000 }).catch(() => '')) ?? '').trim();
      // "Add D-7 ii (…)", not "… as not applicable" nor "Show the guideline text of D-7 ii".
      if (/^(Add D-7 ii \([^)]*\)$|D-7 ii（[^）]*）を追加$)/.test(label)) {
        title = label;
        break;
      }
      if (label && seen.includes(label)) break; // wrapped around
      if (label) seen.push(label);
      await page.keyboard.press('ArrowDown');
    }
    if (!title) throw new Error(`no quick fix mentioning D-7 ii in the menu:\n${seen.map((l) => `  ${l}`).join('\n') || JSON.stringify(await menu.allInnerTexts())}`);
    await shot('quickfix.png');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    await poll('ai-governance.yaml on disk to contain "D-7 ii:"', () => readFileSync(recordPath, 'utf8').includes('D-7 ii:'), 15_000);
    await poll('the D-7 ii problem to leave the Problems panel', async () => !(await problem.count()), 30_000);
    await filter.fill('');
    await poll('the other problems to be listed again', async () => (await problemRows()).length > 0, 10_000).catch(() => {});
    await shot('quickfix-applied.png');
    return `${how}: applied "${title}"`;
  });

  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });

  const treeOk = await check('the "AI ガバナンス" view shows both records, their principles and items', async () => {
    const button = page.locator('.part.activitybar .action-item a[aria-label^="AI Governance"], .part.activitybar .action-item a[aria-label^="AI ガバナンス"]').first();
    await button.click();
    await poll('both records in the tree', async () => (await overviewRow('team.ai-governance.yaml').count()) > 0 && (await overviewRow(/^ai-governance\.yaml$/).count()) > 0, 60_000);
    // Open principle 2) 安全性 of the main record and 8) (where the missing expected item C-8 is).
    for (const principle of ['2) 安全性', '8) ']) {
      const row = overviewRow(principle).first();
      await row.waitFor({ timeout: 10_000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    await poll('items of principle 2 in the tree', async () => (await overviewRow('D-2 i').count()) > 0, 10_000);
    await page.mouse.move(700, 450);
    await shot('overview-tree.png');
    const description = await overviewRow(/^ai-governance\.yaml$/).first().locator('.label-description').innerText();
    if (!/^\d+\/\d+/.test(description)) throw new Error(`the record row's description is "${description}", not done/required`);
    return `record ${description}`;
  });

  await check('the inline "add" beside the missing item C-8 adds it to the record', async () => {
    if (!treeOk) throw new Error('skipped: the tree is not shown');
    const row = overviewRow('C-8').first();
    await row.waitFor({ timeout: 10_000 });
    await row.hover();
    const add = row.locator('.actions .action-label').first();
    await add.waitFor({ state: 'visible', timeout: 5_000 });
    await add.click();
    await poll('the editor to contain "C-8:"', async () => (await textRect('C-8:')) !== null, 15_000);
    // Missing (a hollow circle) becomes planned (a clock) once the server has checked the edit.
    await poll('C-8 to show as planned in the tree', async () => (await row.locator('.codicon-clock').count()) > 0, 10_000);
    await page.mouse.move(700, 450); // away from the row, whose tooltip VS Code keeps from before the change
    await shot('overview-added.png');
    await page.keyboard.press('Control+S');
  });

  const statusOk = await check('the status bar says 実施済 n/m · 進行中 n · 未記載 n and explains it on hover', async () => {
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: '実施済' }).first();
    await item.waitFor({ timeout: 15_000 });
    const text = (await item.innerText()).trim();
    if (!/実施済 \d+\/\d+ · 進行中 \d+ · 未記載 \d+/.test(text)) throw new Error(`status bar text: "${text}"`);
    await item.hover();
    const tooltip = page.locator('.monaco-hover:not(.hidden)', { hasText: '必須項目' });
    await tooltip.first().waitFor({ state: 'visible', timeout: 10_000 });
    await shot('status-bar.png');
    return text;
  });

  await check('clicking the status bar opens the dashboard; a cell takes the keyboard user to the line', async () => {
    if (!statusOk) throw new Error('skipped: no status bar item');
    await page.mouse.move(700, 450);
    await page.keyboard.press('Escape');
    // Room for the dashboard: the panel (Problems) closed, as a person reading it would.
    await page.locator('.part.panel').waitFor({ state: 'visible', timeout: 2_000 }).then(() => page.keyboard.press('Control+J'), () => {});
    await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: '実施済' }).first().click();
    const frame = dashboardFrame();
    await frame.locator('h1', { hasText: 'AI ガバナンス ダッシュボード' }).waitFor({ timeout: 30_000 });
    await frame.locator('table.matrix').first().waitFor({ timeout: 10_000 });
    await shot('dashboard-dark.png');
    // A cell with one item: focus it and press Enter, as a keyboard user would.
    const cells = frame.locator('button.cell-button:not([disabled])');
    const count = await cells.count();
    let single = -1;
    for (let i = 0; i < count && single < 0; i++) if (!((await cells.nth(i).getAttribute('data-ids')) ?? '\n').includes('\n')) single = i;
    if (single < 0) throw new Error(`no cell with exactly one item among ${count}`);
    const id = await cells.nth(single).getAttribute('data-ids');
    await cells.nth(single).focus();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'ai-governance.yaml' }).waitFor({ timeout: 10_000 });
    const errors = consoleErrors.filter((e) => /Content Security Policy|webview|dashboard/i.test(e));
    if (errors.length > 0) throw new Error(`console errors:\n${errors.join('\n')}`);
    return `${count} cells; Enter on ${id} opened the record`;
  });

  await check('the dashboard follows a light theme (Ctrl+K Ctrl+T, the colour theme picker)', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'AI ガバナンス' }).first().click();
    // With the focus inside the dashboard's webview the chord was lost (no picker opened, seen in CI and
    // here), so the person first clicks the side bar's title: the focus leaves the webview, the dashboard stays in view.
    await page.locator('[id="workbench.parts.sidebar"] .composite.title').click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.type('Light Modern');
    await poll('the picker to focus Light Modern', async () => /Light Modern/.test((await page.locator('.quick-input-list .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '')) ?? ''), 10_000);
    await page.keyboard.press('Enter');
    await poll('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0, 20_000);
    const frame = dashboardFrame();
    await frame.locator('table.matrix').first().waitFor({ timeout: 15_000 });
    const body = await frame.locator('body').getAttribute('class');
    if (!/vscode-light/.test(body ?? '')) throw new Error(`webview body class "${body}"`);
    await page.mouse.move(10, 450);
    await shot('dashboard-light.png');
  });

  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    for (const [from, to] of [
      [server.logPath, 'person-code-server.log'],
      [join(runDir.userDataDir, 'logs'), 'person-logs'],
    ]) {
      if (existsSync(from)) cpSync(from, join(RESULTS_DIR, to), { recursive: true });
    }
  }
  console.log(`screenshots in ${RESULTS_DIR}`);
  console.log('');
  console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
  exitCode = failed.length > 0 ? 1 : 0;
} catch (e) {
  console.error(`person test harness error: ${e instanceof Error ? e.stack : e}`);
  await shot('person-error.png');
  console.log(`${checks.filter((c) => c.ok).length} passed, ${checks.filter((c) => !c.ok).length + 1} failed`);
  exitCode = 2;
} finally {
  await cleanup.runAll();
  console.log(`person: ${elapsed(started)} in all`);
}
process.exit(exitCode);
