/**
 * Lists what the FY2025 update (seed 002) changes, line by line, against the catalog's 第1.0版
 * wording, and whether the catalog records each change on the item seed 002 puts it in.
 * Usage: npx tsx scripts/compare-update.ts [--all] [--json] [--propose]
 *   default: the changed lines (new / rewritten); --all: every line; --json: every line as JSON;
 *   --propose: candidate catalog entries for the changes not yet recorded (to review, not to paste blindly).
 * Exit 1 when a change inside an item's block is not recorded on that item, or a rewrite is
 * recorded without replacing its 第1.0版 line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import catalogJson from '../schemas/catalog.json';
import type { Catalog } from '../server/src/engine/catalogTypes';
import { auditUpdate, isMisprint, type AuditRow } from './lib/updateRecord';
import { changedSpan } from './lib/updateLines';
import { SEEDS_DIR } from './lib/verbatim';

const catalog = catalogJson as unknown as Catalog;
const read = (name: string) => readFileSync(join(SEEDS_DIR, name), 'utf8');
const { rows, missing, notReplacing, misplaced } = auditUpdate(catalog, read('001_63691135f9e5bdd8.txt'), read('002_9f1e3ce6eba81a0e.txt'));
const holders = new Set([...catalog.items.map((i) => i.id), ...catalog.sections.map((s) => s.id)]);

function mark(r: AuditRow): string {
  if (r.kind !== 'new' && r.kind !== 'rewritten') return '';
  if (isMisprint(r.text)) return 'misprint';
  if (!holders.has(r.context)) return `not an item${r.recorded.length ? ` (on ${r.recorded.join(', ')})` : ''}`;
  if (!r.recorded.includes(r.context)) return 'NOT RECORDED';
  return notReplacing.includes(r) ? 'NOT REPLACING' : 'recorded';
}

if (process.argv.includes('--propose')) {
  console.log(JSON.stringify(missing.map((r) => ({ item: r.context, line: r.line, target: r.section, text: r.text, replaces: r.base?.text })), null, 2));
} else if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const all = process.argv.includes('--all');
  for (const r of rows) {
    if (!all && r.kind !== 'new' && r.kind !== 'rewritten') continue;
    console.log(`${String(r.line).padStart(4)} ${r.context.padEnd(12)} ${r.section.padEnd(7)} ${r.kind.padEnd(10)} ${mark(r).padEnd(14)} ${r.text.slice(0, 70)}`);
    if (r.base) {
      const span = changedSpan(r.base.text, r.section === 'title' ? r.text.replace(/^.*[.．]\s*/u, '') : r.text);
      console.log(`${' '.repeat(38)}≈ ${r.score.toFixed(2)} 第1.0版 ${r.base.section}: 「${span.removed}」→「${span.added}」`);
    }
  }
}
const count = (k: string) => rows.filter((r) => r.kind === k).length;
console.error(
  `${rows.length} lines of seed 002 compared: ${count('unchanged')} unchanged, ${count('rewritten')} rewritten, ${count('new')} new, ${count('deleted')} deleted, ${count('commentary')} commentary; ` +
    `${missing.length} changes inside an item not recorded on it; ${notReplacing.length} rewrites recorded without replacing their 第1.0版 line`,
);
for (const m of misplaced) console.error(`misplaced: ${m}`);
process.exit(missing.length + notReplacing.length + misplaced.length === 0 ? 0 : 1);
