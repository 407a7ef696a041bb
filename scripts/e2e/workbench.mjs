// Driving the VS Code workbench in Chromium as a person would, shared by the person's-eye tests:
// named checks with screenshots, polling, the Problems panel, the command palette, text on screen,
// the quick-fix menu.
import { join } from 'node:path';
import { RESULTS_DIR, elapsed } from './lib.mjs';

/** Polls an async probe until it returns a truthy value, or throws `what` with the last observation. */
export async function poll(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `\n(last error: ${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A person at the workbench in `page`: every helper works on that page. */
export function workbench(page, { screenshotPrefix = '' } = {}) {
  const checks = [];

  async function shot(file) {
    try {
      await page.screenshot({ path: join(RESULTS_DIR, `${screenshotPrefix}${file}`) });
    } catch {
      /* the page may be gone */
    }
  }

  /** One named check: passes unless it throws; a failure is recorded and the next checks still run. */
  async function check(name, body) {
    const t0 = Date.now();
    try {
      const note = await body();
      checks.push({ name, ok: true });
      console.log(`  ok   ${name} (${elapsed(t0)})${note ? ` — ${note}` : ''}`);
      return true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      checks.push({ name, ok: false, message });
      console.log(`  FAIL ${name} (${elapsed(t0)})\n${message.replace(/^/gm, '       ')}`);
      await shot(`failed-${checks.length}.png`);
      return false;
    }
  }

  const problemRows = () =>
    page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));

  const problemsBadge = () =>
    page.$$eval('.badge-content', (badges) => {
      for (const b of badges) {
        const label = b.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
        if (/^(Problems|問題)\b/.test(label)) return Number(b.textContent?.trim() || '0');
      }
      return 0;
    });

  async function commandPalette(command) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  }

  /** Screen rectangle of the first occurrence of `text` in the active editor's rendered lines. */
  function textRect(text) {
    return page.evaluate((needle) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines');
      if (!editor) return null;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      // Monaco renders spaces as U+00A0; compare with plain spaces.
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const line = n.parentElement?.closest('.view-line');
        if (!line) continue;
        const lineText = line.textContent.replace(/\u00a0/g, ' ');
        const at = lineText.indexOf(needle);
        if (at < 0) continue;
        // Find the text node and offset where the needle starts within this line.
        const lineWalker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = at;
        for (let t = lineWalker.nextNode(); t; t = lineWalker.nextNode()) {
          if (offset < t.textContent.length) {
            const range = document.createRange();
            range.setStart(t, offset);
            range.setEnd(t, Math.min(t.textContent.length, offset + needle.length));
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          offset -= t.textContent.length;
        }
      }
      return null;
    }, text);
  }

  /** Ctrl+G to a 1-based line, so that it is on screen and the cursor is on it. */
  async function gotoLine(line, column = 1) {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
  }

  /** The labels of the open quick-fix menu, top to bottom (headers and separators left out). */
  const menuLabels = () =>
    page.$$eval('.action-widget .monaco-list-row', (rows) =>
      rows
        .filter((r) => !r.classList.contains('group-header') && !r.classList.contains('separator'))
        .map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()),
    );

  return { page, checks, shot, check, poll, problemRows, problemsBadge, commandPalette, textRect, gotoLine, menuLabels };
}
